import { CONNECTION_LABEL_MESSAGES, CONNECTION_SETTINGS_FIELDS } from '../../../db/model/connection-settings.js';
import { declareMessages, type Message } from '../../../db/model/index.js';

/*
 * Settings → Worklist, RIS, Dose reports and PACS, as messages to translate. Each field's label
 * and help are written once, in the connections' declaration (db/model/connection-settings.ts):
 * its English is taken from there, so a field added or reworded there is a message here. The
 * headings and labels are the model's messages (CONNECTION_LABEL_MESSAGES: the refusals name a
 * field by them too); the help is the window's alone.
 */

type Section = keyof typeof CONNECTION_SETTINGS_FIELDS;
const C = 'Settings → Connections';

/** Each connection's explanation under its heading. */
const HELP: Record<Section, string> = {
  worklistServer:
    "The RIS's DICOM Modality Worklist: today's patients for this station, beside the procedure list (Alt+W). Leave the server empty to enter patients by hand.",
  risServer:
    'Signed reports go back to the RIS as HL7 v2 ORU^R01 over MLLP, retried until it acknowledges them. Leave the server empty to copy reports by hand.',
  doseReceiver:
    "The scanners send their dose reports (RDSR) here, to RootLog's own DICOM receiver: the dose fields fill from them. Set the scanner to send the X-Ray Radiation Dose SR to this console's address, port and AE title.",
  pacsServer:
    "The department's PACS, asked for the open record's dose report (Fetch dose report from the PACS, Alt+D): it sends the report to RootLog's receiver above, so the receiver must be on with the PACS's AE title among those allowed to send. Leave the server empty if reports come only from the scanners.",
};

export interface ConnectionWords {
  title: Message;
  help: Message;
  fields: Record<string, { label: Message; help: Message }>;
}

/** Each connection's heading, explanation, and its fields' labels and help: `settings.connections.<section>.…`. */
export const CONNECTION_MESSAGES = Object.fromEntries(
  (Object.keys(CONNECTION_SETTINGS_FIELDS) as Section[]).map((section) => {
    const { label, fields } = CONNECTION_SETTINGS_FIELDS[section];
    const labels = CONNECTION_LABEL_MESSAGES[section];
    const table: Readonly<Record<string, Message>> = declareMessages(`settings.connections.${section}`, {
      help: [HELP[section], `${C} → ${label}: the explanation under the heading.`],
      ...Object.fromEntries(
        Object.entries(fields).map(([key, spec]) => [
          `${key}.help`,
          [spec.help, `${C} → ${label}: the help under the field "${spec.label}".`],
        ]),
      ),
    });
    const words: ConnectionWords = {
      title: labels.title,
      help: table.help as Message,
      fields: Object.fromEntries(
        Object.keys(fields).map((key) => [
          key,
          { label: labels.fields[key] as Message, help: table[`${key}.help`] as Message },
        ]),
      ),
    };
    return [section, words];
  }),
) as Record<Section, ConnectionWords>;

export const CONNECTIONS_PANEL_MESSAGES = declareMessages('settings.connections', {
  save: ['Save the {connection} connection', `${C}: a button; {connection} is its heading, e.g. "RIS".`],
  saved: ['{connection} saved.', `${C}: after a save; {connection} is its heading, e.g. "RIS".`],
  test: ['Test the connection', `${C} → Worklist: a button (a DICOM C-ECHO).`],
  testing: ['Testing…', `${C} → Worklist: while the test runs.`],
});

/** The window's own tables of the connections, for the catalogues (renderer/app/ui-messages.ts); the labels are the model's. */
export const CONNECTION_MESSAGE_TABLES: readonly Readonly<Record<string, Message>>[] = [
  CONNECTIONS_PANEL_MESSAGES,
  ...Object.values(CONNECTION_MESSAGES).flatMap((words) => [
    { help: words.help },
    ...Object.entries(words.fields).map(([key, field]) => ({ [`${key}.help`]: field.help })),
  ]),
];
