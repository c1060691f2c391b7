import { readTime, timePattern } from './date-entry.js';
import { TypedField, type TypedFieldProps } from './TypedField.js';

const TIME = { read: readTime, write: (time: string) => time, pattern: timePattern };

/** A time of day ("HH:MM", 24 hours) typed as text: "0930" or "9:30" is 09:30, whatever the OS's clock format. */
export function TimeField(props: TypedFieldProps<string>) {
  return <TypedField {...props} kind={TIME} />;
}
