import { type KeyboardEvent, useRef, useState } from 'react';
import { useT } from '../app/i18n.js';
import { PAIN_SECTION_MESSAGES as M } from '../features/procedure-form/form-messages.js';
import { ChoiceGroup } from './ChoiceGroup.js';

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** How long after a "1" another digit is still its second digit ("12", refused) rather than a new score. */
export const SECOND_DIGIT_MS = 800;

/**
 * Numeric rating scale 0–10. Typed as a number: a digit picks 0–9 at once; "1" then "0" is
 * 10 however slowly typed (the worst pain must never become none) — said when it came slowly,
 * and a further "0" makes it 0; "1" then another digit within a moment would be above 10,
 * which is refused and said (the score stays 1). Leaving the scale starts afresh. A key never
 * clears the score (a click on the chosen value still does).
 */
export function NrsPicker(props: {
  label: string;
  field: string;
  value: number | null | undefined;
  onChange: (value: number | undefined) => void;
  disabled?: boolean;
}) {
  const t = useT();
  const lastDigit = useRef<{ digit: string; at: number } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const focusScore = (container: HTMLElement, score: number) =>
    container.querySelector<HTMLButtonElement>(`button[data-value="${score}"]`)?.focus();

  const choose = (container: HTMLElement, score: number) => {
    props.onChange(score);
    focusScore(container, score);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (props.disabled || event.ctrlKey || event.metaKey || event.altKey) return;
    if (!/^[0-9]$/.test(event.key)) {
      // Another key (an arrow, Enter) ends the number being typed.
      if (event.key !== 'Shift') lastDigit.current = null;
      return;
    }
    event.preventDefault();
    const now = event.timeStamp;
    const previous = lastDigit.current;
    lastDigit.current = { digit: event.key, at: now };
    setRefusal(null);
    setNote(null);
    if (previous?.digit === '1' && event.key === '0') {
      // However slowly: the worst pain never becomes none. Said when it came slowly.
      if (now - previous.at > SECOND_DIGIT_MS) setNote(t(M.readAsTen));
      choose(event.currentTarget, 10);
      return;
    }
    if (previous?.digit === '1' && now - previous.at <= SECOND_DIGIT_MS) {
      lastDigit.current = null;
      setRefusal(t(M.notOnScale, { digit: event.key }));
      return;
    }
    choose(event.currentTarget, Number(event.key));
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: digits typed anywhere in the scale's buttons are read here
    <div
      className="nrs-picker"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
          lastDigit.current = null;
          setNote(null);
        }
      }}
    >
      <ChoiceGroup
        label={props.label}
        field={props.field}
        options={SCORES}
        selected={props.value == null ? [] : [props.value]}
        onToggle={(score) => props.onChange(props.value === score ? undefined : score)}
        optionLabel={String}
        disabled={props.disabled}
        compact
      />
      {refusal && (
        <p className="problem" role="alert">
          {refusal}
        </p>
      )}
      {note && (
        <p className="hint" role="status">
          {note}
        </p>
      )}
    </div>
  );
}
