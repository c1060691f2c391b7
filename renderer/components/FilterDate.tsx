interface FilterDateProps {
  id: string;
  label: string;
  value: string | undefined;
  /** The chosen date as YYYY-MM-DD, or undefined when the field is cleared (no bound). */
  onChange: (value: string | undefined) => void;
}

/** One date bound of a list or dashboard filter: a labelled date input; empty means no bound. */
export function FilterDate({ id, label, value, onChange }: FilterDateProps) {
  return (
    <div className="text-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)} />
    </div>
  );
}
