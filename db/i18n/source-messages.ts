import {
  CODE_MESSAGES,
  COMPLICATION_FIELDS,
  DOSE_EVENT_FIELDS,
  DRUG_FIELDS,
  type Field,
  FOLLOW_UP_ENTRY_FIELDS,
  fieldDescriptionId,
  type Message,
  PROCEDURE_FIELDS,
  TARGET_FIELDS,
} from '../model/index.js';
import { CODE_MESSAGE_TABLES } from './message-tables.js';

/*
 * Every message the logbook can show, with its English words: the fields' labels from their
 * declarations (db/model/fields/), the codes' words (db/model/vocabulary-words.ts), and the
 * sentences each part of the code declares with declareMessages (message-tables.ts). The English
 * catalogue is written from this list (build/i18n.mjs), so a new field or sentence is in it
 * at the next build, and `lingui compile --strict` then fails until every language has it.
 */

const PART_WORDS: Record<Field['part'], string> = {
  procedure: 'the procedure',
  target: 'a target (one nerve root)',
  drug: 'a drug given',
  complication: 'a complication',
  followUpEntry: 'a follow-up entry',
  doseEvent: 'an irradiation event of the scanner’s dose report',
};

const fieldMessage = (field: Field): Message => ({
  ...field.label,
  comment: [
    `Label of a field of ${PART_WORDS[field.part]}: on the form, in messages, in the exports' labels.`,
    field.unit ? `Unit: ${field.unit}.` : '',
    field.note ?? '',
  ]
    .filter(Boolean)
    .join(' '),
});

/** An exported field's description, in the data dictionary (CSV and XLSX) in the export's language. */
const descriptionMessage = (field: Field): Message[] =>
  field.export
    ? [
        {
          id: fieldDescriptionId(field),
          message: field.export.description,
          comment: `What the export column ${field.export.header} holds, in the exports' data dictionary (read by researchers and statisticians): ${field.label.message}${field.unit ? ` (${field.unit})` : ''}. Keep codes and column names as they are.`,
        },
      ]
    : [];

/** Every declared field of a procedure and of each of its parts. */
const EVERY_FIELD: readonly Field[] = [
  PROCEDURE_FIELDS,
  TARGET_FIELDS,
  DRUG_FIELDS,
  COMPLICATION_FIELDS,
  FOLLOW_UP_ENTRY_FIELDS,
  DOSE_EVENT_FIELDS,
].flat();

/** Every message: the model's and, from the window, its tables (renderer/app/ui-messages.ts, given by the build). */
export function sourceMessages(windowTables: readonly Readonly<Record<string, Message>>[] = []): Message[] {
  const all = [
    ...EVERY_FIELD.map(fieldMessage),
    ...EVERY_FIELD.flatMap(descriptionMessage),
    ...CODE_MESSAGES,
    ...[...CODE_MESSAGE_TABLES, ...windowTables].flatMap((table) => Object.values(table)),
  ];
  const byId = new Map<string, Message>();
  for (const message of all) {
    const earlier = byId.get(message.id);
    if (earlier && earlier.message !== message.message) {
      throw new Error(`message ${message.id} is declared twice with different words`);
    }
    if (!earlier) byId.set(message.id, message);
  }
  return [...byId.values()];
}

let declared: Map<string, Message> | undefined;
/**
 * The model's message of this id (a field's label, a refusal, a rule…), for words read back from
 * where the logbook keeps them (wordsOfStored); undefined for an id no longer declared.
 */
export function modelMessage(id: string): Message | undefined {
  declared ??= new Map(sourceMessages().map((message) => [message.id, message]));
  return declared.get(id);
}
