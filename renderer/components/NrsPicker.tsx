import { type KeyboardEvent, useRef, useState } from 'react';
import { ChoiceGroup } from './ChoiceGroup.js';

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** How long after a "1" a "0" still makes 10 (typing "1", "0" at a normal pace). */
export const SECOND_DIGIT_MS = 800;

/**
 * Numeric rating scale 0–10. Typed as a number: a digit picks 0–9 at once; "1" then "0"
 * within a moment is 10; "1" then another digit would be above 10, which is refused and said
 * (the score stays 1). A key never clears the score (a click on the chosen value still does).
 */
export function NrsPicker(props: {
  label: string;
  field: string;
  value: number | null | undefined;
  onChange: (value: number | undefined) => void;
  disabled?: boolean;
}) {
  const lastDigit = useRef<{ digit: string; at: number } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const focusScore = (container: HTMLElement, score: number) =>
    container.querySelector<HTMLButtonElement>(`button[data-value="${score}"]`)?.focus();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (props.disabled || event.ctrlKey || event.metaKey || event.altKey || !/^[0-9]$/.test(event.key)) return;
    event.preventDefault();
    const now = event.timeStamp;
    const previous = lastDigit.current;
    lastDigit.current = { digit: event.key, at: now };
    if (previous?.digit === '1' && now - previous.at <= SECOND_DIGIT_MS) {
      lastDigit.current = null;
      if (event.key === '0') {
        setRefusal(null);
        props.onChange(10);
        focusScore(event.currentTarget, 10);
      } else {
        setRefusal(`1${event.key} is not on the scale: pain is scored 0 to 10. The score stays 1.`);
      }
      return;
    }
    setRefusal(null);
    const score = Number(event.key);
    props.onChange(score);
    focusScore(event.currentTarget, score);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: digits typed anywhere in the scale's buttons are read here
    <div className="nrs-picker" onKeyDown={onKeyDown}>
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
    </div>
  );
}
