import { DateField } from './DateField.js';

interface FilterDateProps {
  id: string;
  label: string;
  value: string | undefined;
  /** The chosen date as YYYY-MM-DD, or undefined when the field is cleared (no bound). */
  onChange: (value: string | undefined) => void;
}

/** One date bound of a list or dashboard filter, typed in the department's order; empty means no bound. */
export function FilterDate({ id, label, value, onChange }: FilterDateProps) {
  return <DateField id={id} label={label} field={id} value={value} onChange={onChange} />;
}
