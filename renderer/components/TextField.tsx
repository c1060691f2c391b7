import { FieldMessages, useFieldAria } from './FieldMessages.js';

interface TextFieldProps {
  label: string;
  field: string;
  value: string | number | null | undefined;
  onChange: (value: string) => void;
  type?: 'text' | 'number' | 'date' | 'time' | 'datetime-local';
  inputMode?: 'numeric' | 'decimal' | 'text';
  unit?: string;
  disabled?: boolean;
  placeholder?: string;
  autoFocus?: boolean;
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
  disabled,
  placeholder,
  autoFocus,
}: TextFieldProps) {
  const id = `field-${field.replace(/[^a-zA-Z0-9]/g, '-')}`;
  const aria = useFieldAria(field);
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
        onChange={(event) => onChange(event.target.value)}
        {...aria}
      />
      <FieldMessages field={field} />
    </div>
  );
}

/** "" → undefined, "12,5" → 12.5 (comma decimals are common at European consoles), junk → NaN (caught by the schema). */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  return Number(trimmed);
}
