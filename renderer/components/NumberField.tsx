import { useEffect, useState } from 'react';
import { numberForEntry, numberOrNaN, readNumber } from '../../db/model/index.js';
import { useDepartmentLocale } from '../app/department-locale.js';
import { useProcedureForm } from '../features/procedure-form/form-store.js';
import { unclearNumberText } from './number-text.js';
import { TextField } from './TextField.js';

interface NumberFieldProps {
  label: string;
  field: string;
  value: number | null | undefined;
  onChange: (value: number | undefined) => void;
  unit?: string;
  /** A line under the input; a function of the text typed when it says what the text was read as. */
  hint?: string | ((text: string) => string | undefined);
  /**
   * How the text is read when it is more than a number (a concentration typed as "0,2 %");
   * by default the one number reader.
   */
  parse?: (text: string) => number | undefined;
  disabled?: boolean;
}

const shown = (value: number | null | undefined, locale: string) =>
  value == null || Number.isNaN(value) ? '' : numberForEntry(value, locale);

/**
 * A number typed as text, read by the one reader (db/model/number-entry.ts): "148,5" and
 * "148.5" are 148.5, "1'480" is 1480. Text that is not a number ("12 mg") is passed on as
 * NaN, so the field's rule names the problem with its range; text that could be read two
 * ways ("1.480") is held back with what to type, and never replaces the stored value.
 */
export function NumberField({ label, field, value, onChange, unit, hint, parse, disabled }: NumberFieldProps) {
  const locale = useDepartmentLocale();
  const held = useProcedureForm((state) => state.fieldText[field]);
  const setFieldText = useProcedureForm((state) => state.setFieldText);
  const [text, setText] = useState(() => held?.text ?? shown(value, locale));
  const readTyped = (typed: string) => (parse ? parse(typed) : numberOrNaN(typed, locale));
  // Follow outside changes (a loaded record, "same drugs as last time") without fighting the typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: readTyped follows parse and locale, listed.
  useEffect(() => {
    setText((current) => {
      if (!parse && readNumber(current, locale).kind === 'unclear') return current;
      const typed = readTyped(current);
      const same = typed === (value ?? undefined) || (Number.isNaN(typed) && Number.isNaN(value));
      return same ? current : shown(value, locale);
    });
  }, [value, locale, parse]);
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
        if (parse) {
          onChange(parse(next));
          return;
        }
        const unclear = unclearNumberText(label, next, locale);
        if (unclear) {
          setFieldText(field, unclear);
          return;
        }
        if (held) setFieldText(field, null);
        onChange(numberOrNaN(next, locale));
      }}
    />
  );
}
