import type { Status, Translate } from '../../../db/model/index.js';
import { FORM_HEADER_MESSAGES as M } from './form-messages.js';
import { printWords } from './print-words.js';

/**
 * The form's heading for a saved record, "Procedure — Signed", "Procedure — Amended, version 2",
 * "…, being amended": the status inside the heading's own message, so that each language makes
 * it agree with its word for the procedure (French "Intervention — signée").
 */
export function formHeading(t: Translate, record: { status: Status; version: number }, amending: boolean): string {
  const titled = t(M.procedure, {
    status: record.status,
    version: record.version > 1 ? `, ${printWords(t).version(record.version)}` : '',
  });
  return amending ? t(M.beingAmended, { heading: titled }) : titled;
}
