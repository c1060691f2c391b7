import { useEffect, useState } from 'react';
import { parseNumber, TextField } from './TextField.js';

interface NumberFieldProps {
  label: string;
  field: string;
  value: number | null | undefined;
  onChange: (value: number | undefined) => void;
  unit?: string;
  hint?: string;
  disabled?: boolean;
}

/**
 * A number typed as text (so "12," or "abc" stays visible while the schema names the
 * problem), stored as a number. Comma decimals are accepted.
 */
export function NumberField({ label, field, value, onChange, unit, hint, disabled }: NumberFieldProps) {
  const [text, setText] = useState(value == null || Number.isNaN(value) ? '' : String(value));
  // Follow outside changes (a loaded record, "same drugs as last time") without fighting the typing.
  useEffect(() => {
    setText((current) => {
      const typed = parseNumber(current);
      const same = typed === (value ?? undefined) || (Number.isNaN(typed) && Number.isNaN(value));
      return same ? current : value == null ? '' : String(value);
    });
  }, [value]);
  return (
    <TextField
      label={label}
      field={field}
      value={text}
      unit={unit}
      hint={hint}
      inputMode="decimal"
      disabled={disabled}
      onChange={(next) => {
        setText(next);
        onChange(parseNumber(next));
      }}
    />
  );
}
