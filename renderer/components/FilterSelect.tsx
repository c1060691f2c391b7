import { FILTER_MESSAGES } from '../app/app-messages.js';
import { useT } from '../app/i18n.js';

interface FilterSelectProps {
  id: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}

/** One filter of a list or dashboard: a labelled select whose empty choice means "All". */
export function FilterSelect({ id, label, value, options, onChange }: FilterSelectProps) {
  const t = useT();
  return (
    <div className="text-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t(FILTER_MESSAGES.all)}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
