import { FieldMessages, useFieldAria } from './FieldMessages.js';

interface TextFieldProps {
  label: string;
  field: string;
  value: string | number | null | undefined;
  onChange: (value: string) => void;
  type?: 'text' | 'number' | 'date' | 'time' | 'datetime-local';
  inputMode?: 'numeric' | 'decimal' | 'text';
  unit?: string;
  /** A line under the input that helps type it right (what the scanner's screen shows). */
  hint?: string;
  disabled?: boolean;
  placeholder?: string;
  autoFocus?: boolean;
  /** Out of the Tab order (-1): for a field that has a good default and is reached when wanted. */
  tabIndex?: number;
}

/** A labelled input with its problem and warnings beside it. */
export function TextField({
  label,
  field,
  value,
  onChange,
  type = 'text',
  inputMode,
  unit,
  hint,
  disabled,
  placeholder,
  autoFocus,
  tabIndex,
}: TextFieldProps) {
  const id = `field-${field.replace(/[^a-zA-Z0-9]/g, '-')}`;
  const aria = useFieldAria(field);
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, aria['aria-describedby']].filter(Boolean).join(' ') || undefined;
  return (
    <div className="text-field" data-field={field}>
      <label htmlFor={id}>
        {label}
        {unit && <span className="unit"> ({unit})</span>}
      </label>
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        value={value ?? ''}
        disabled={disabled}
        placeholder={placeholder}
        // biome-ignore lint/a11y/noAutofocus: the first field of a new procedure is where typing starts
        autoFocus={autoFocus}
        tabIndex={tabIndex}
        onChange={(event) => onChange(event.target.value)}
        {...aria}
        aria-describedby={describedBy}
      />
      {hint && (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      )}
      <FieldMessages field={field} />
    </div>
  );
}
