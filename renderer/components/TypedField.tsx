import { useEffect, useId, useState } from 'react';
import { PROBLEM_MESSAGES, type Said, saidOf, sayValue, sentence, type WordValue } from '../../db/model/index.js';
import { useReader } from '../app/i18n.js';
import { onlyIncomplete, type Read } from './date-entry.js';
import { FieldMessages, useFieldAria } from './FieldMessages.js';

/** Text in the field that is not a value yet, and what it still needs, as words (for the form to hold back). */
export interface PendingText extends Said {
  text: string;
}

export interface TypedFieldProps<T> {
  label: string;
  field: string;
  /** The stored value; a half-typed text never replaces it. */
  value: T | null | undefined;
  /** A complete value, or undefined once the field is emptied. */
  onChange: (value: T | undefined) => void;
  /** Text that is not a value yet (null once it is one, or the field is empty). */
  onPending?: (pending: PendingText | null) => void;
  /** Text held back from an earlier visit (a reload), shown again instead of the stored value. */
  pending?: PendingText;
  disabled?: boolean;
  autoFocus?: boolean;
  tabIndex?: number;
  /** The input's id, when not the one made from the field's name. */
  id?: string;
}

interface TypedFieldKind<T> {
  /** What the field's text is: nothing, a value, or text that is not one yet. */
  read: (text: string) => Read<T>;
  /** A stored value as the field shows it. */
  write: (value: T) => string;
  /** The value said back in words as it is typed ("12 March 1958"); none for a time. */
  words?: (value: T) => string;
  /** What to type ("dd.mm.yyyy": datePattern, its letters the reader's), shown while the field is empty. */
  pattern: WordValue;
  inputMode?: 'numeric' | 'text';
}

/**
 * A value typed as text and read by the field itself, never by the operating system's native
 * control: the order and the words follow the department's locale, the first Tab leaves the
 * field, and text that is not a value yet is said and held back — it never replaces the stored
 * value. While the field has the focus, "not complete yet" is a hint, not an alarm.
 */
export function TypedField<T>({ kind, ...props }: TypedFieldProps<T> & { kind: TypedFieldKind<T> }) {
  const { label, field, value, onChange, onPending, pending, disabled, autoFocus, tabIndex } = props;
  const id = props.id ?? `field-${field.replace(/[^a-zA-Z0-9]/g, '-')}`;
  const wordsId = useId();
  const aria = useFieldAria(field);
  const [text, setText] = useState(() => pending?.text ?? (value == null ? '' : kind.write(value)));
  const [focused, setFocused] = useState(false);
  const read = kind.read(text);
  const { t, language, locale } = useReader();
  const pattern = String(sayValue(kind.pattern, t, language, locale));
  // Follow outside changes (a loaded record, "same as last") — but never over text being typed.
  useEffect(() => {
    setText((current) => {
      const now = kind.read(current);
      if (now.kind === 'not-yet') return current;
      const same =
        now.kind === 'value' ? kind.write(now.value) === (value == null ? '' : kind.write(value)) : value == null;
      return same ? current : value == null ? '' : kind.write(value);
    });
  }, [value, kind]);

  const typed = (next: string) => {
    setText(next);
    const now = kind.read(next);
    if (now.kind === 'not-yet') {
      // The label as the reader reads it, and what the text still needs, said in the same language.
      onPending?.({ text: next, ...saidOf(sentence(PROBLEM_MESSAGES.fieldRule, { field: label, rule: now.words })) });
      return;
    }
    onPending?.(null);
    onChange(now.kind === 'value' ? now.value : undefined);
  };
  const incomplete = onlyIncomplete(read);
  // The value in words; while typed into and not complete yet, what to type.
  const saidBack =
    read.kind === 'value' && kind.words
      ? kind.words(read.value)
      : focused && (read.kind === 'empty' || incomplete)
        ? pattern
        : '';
  return (
    <div className="text-field typed-field" data-field={field}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={kind.inputMode ?? 'numeric'}
        autoComplete="off"
        value={text}
        placeholder={pattern}
        disabled={disabled}
        // biome-ignore lint/a11y/noAutofocus: passed on from the form, where typing starts
        autoFocus={autoFocus}
        tabIndex={tabIndex}
        onChange={(event) => typed(event.target.value)}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          // Written the department's way once complete ("12.3.1958" → "12.03.1958").
          if (read.kind === 'value') setText(kind.write(read.value));
        }}
        {...aria}
        aria-describedby={[wordsId, aria['aria-describedby']].filter(Boolean).join(' ')}
      />
      <span id={wordsId} className="hint typed-words" aria-live="polite">
        {saidBack}
      </span>
      <FieldMessages field={field} quietProblem={focused && incomplete} />
    </div>
  );
}
