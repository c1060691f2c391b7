import { useEffect, useState } from 'react';
import { parseNumber, TextField } from './TextField.js';

interface NumberFieldProps {
  label: string;
  field: string;
  value: number | null | undefined;
  onChange: (value: number | undefined) => void;
  unit?: string;
  /** A line under the input; a function of the text typed when it says what the text was read as. */
  hint?: string | ((text: string) => string | undefined);
  /** How the text is read (default: a decimal number); a field that takes a unit reads it here. */
  parse?: (text: string) => number | undefined;
  disabled?: boolean;
}

/**
 * A number typed as text (so "12," or "abc" stays visible while the schema names the
 * problem), stored as a number. Comma decimals are accepted.
 */
export function NumberField({
  label,
  field,
  value,
  onChange,
  unit,
  hint,
  parse = parseNumber,
  disabled,
}: NumberFieldProps) {
  const [text, setText] = useState(value == null || Number.isNaN(value) ? '' : String(value));
  // Follow outside changes (a loaded record, "same drugs as last time") without fighting the typing.
  useEffect(() => {
    setText((current) => {
      const typed = parse(current);
      const same = typed === (value ?? undefined) || (Number.isNaN(typed) && Number.isNaN(value));
      return same ? current : value == null ? '' : String(value);
    });
  }, [value, parse]);
  return (
    <TextField
      label={label}
      field={field}
      value={text}
      unit={unit}
      hint={typeof hint === 'function' ? hint(text) : hint}
      inputMode="decimal"
      disabled={disabled}
      onChange={(next) => {
        setText(next);
        onChange(parse(next));
      }}
    />
  );
}
