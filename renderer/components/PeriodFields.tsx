import { DateField } from './DateField.js';

/** A period as the screens hold it: each end a "YYYY-MM-DD" date, or "" while none is typed. */
export interface Period {
  from: string;
  to: string;
}

export interface PeriodFieldsProps {
  /** Names both fields: ids `<name>-from`/`<name>-to`, fields `<name>From`/`<name>To` (their messages and checks). */
  name: string;
  /** The From and To labels, in the reader's language (each screen says what its period is for). */
  labels: Period;
  period: Period;
  onChange: (period: Period) => void;
}

/** The From and To dates of a period (the export's, the reference-level proposal's), each a DateField. */
export function PeriodFields({ name, labels, period, onChange }: PeriodFieldsProps) {
  return (
    <>
      <DateField
        id={`${name}-from`}
        field={`${name}From`}
        label={labels.from}
        value={period.from || undefined}
        onChange={(value) => onChange({ ...period, from: value ?? '' })}
      />
      <DateField
        id={`${name}-to`}
        field={`${name}To`}
        label={labels.to}
        value={period.to || undefined}
        onChange={(value) => onChange({ ...period, to: value ?? '' })}
      />
    </>
  );
}
