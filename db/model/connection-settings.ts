import { z } from 'zod';
import { declareMessages, type Message } from './messages.js';
import { type FieldProblem, PROBLEM_MESSAGES, saidOf } from './problems.js';
import { RULE_MESSAGES as R } from './rule-messages.js';
import { sentence, type Words } from './words.js';
import { rule, ZOD_MESSAGES, zodIssueWords } from './zod-words.js';

/*
 * The console's connections to the department's systems, declared once: each field's
 * schema, label and help text. The worklist client, the RIS outbox, the command line and the
 * Settings screen all derive from these tables (labels and error words included), so a field
 * is added here and nowhere else. Both connections are optional: null means "not set up", and
 * the console then works by hand as before.
 */

/** An empty text's rule, given to the check: a type's own message ("must be an AE title") would say it of every check without one. */
const required = rule(ZOD_MESSAGES.required);

const portRule = rule(R.portNumber);
const port = z.number(portRule).int(portRule).min(1, portRule).max(65535, portRule);

const host = z
  .string(rule(R.hostNameOrAddress))
  .trim()
  .min(1, required)
  .max(253, rule(R.atMostCharacters, { count: 253 }))
  .regex(/^[A-Za-z0-9.:-]+$/, rule(R.hostForm));

/**
 * A DICOM AE title: 1 to 16 characters of the default repertoire, no backslash, not only spaces
 * (PS3.5 6.2, VR AE). Kept as typed (AE titles are case-sensitive on many servers).
 */
export const aeTitleSchema = z
  .string(rule(R.aeTitle))
  .trim()
  .min(1, required)
  .max(16, rule(R.aeTitleLength))
  .regex(/^[\x20-\x5b\x5d-\x7e]+$/, rule(R.aeTitleCharacters));

/** A DICOM modality code (CS): "CT", "XA", "RF"… upper-case letters and digits. */
const modality = z
  .string(rule(R.modalityCode))
  .trim()
  .regex(/^[A-Z0-9_]{1,16}$/, rule(R.modalityForm));

/** An HL7 v2 application or facility name (HD namespace): no HL7 delimiter, no control character. */
const hl7Name = z
  .string(rule(R.hl7Name))
  .trim()
  .min(1, required)
  .max(180, rule(R.atMostCharacters, { count: 180 }))
  .regex(/^[^|^~\\&\p{Cc}]+$/u, rule(R.hl7Delimiters));

interface SettingField<S extends z.ZodType = z.ZodType> {
  label: string;
  help: string;
  schema: S;
}

/** How many days ahead the worklist shows, said the same whichever bound is broken. */
const daysAhead = rule(R.wholeDaysRange, { min: 0, max: 14 });

export const WORKLIST_SERVER_FIELDS = {
  host: { label: 'Worklist server', help: 'Host name or IP address of the RIS worklist server.', schema: host },
  port: { label: 'Worklist port', help: 'Its DICOM port (often 104 or 11112).', schema: port },
  calledAe: {
    label: "Worklist server's AE title",
    help: 'The AE title the worklist server answers to, from IT.',
    schema: aeTitleSchema,
  },
  callingAe: {
    label: "This console's AE title",
    help: 'The AE title IT registered for this console on the worklist server.',
    schema: aeTitleSchema,
  },
  stationAe: {
    label: 'Scheduled station AE title',
    help: "Asks only for the patients scheduled on this station (usually the scanner's AE title); empty: every station.",
    schema: z.union([z.literal(''), aeTitleSchema]).default(''),
  },
  modality: {
    label: 'Modality',
    help: 'Asks only for procedures scheduled on this modality.',
    schema: modality.default('CT'),
  },
  daysAhead: {
    label: 'Days ahead',
    help: 'How many days after today the worklist shows (0: today only).',
    schema: z.number(daysAhead).int(daysAhead).min(0, daysAhead).max(14, daysAhead).default(0),
  },
} satisfies Record<string, SettingField>;

/** What the RIS accepts as its character set; MSH-18 and the bytes on the wire follow it. */
export const RIS_CHARSETS = ['ISO-8859-1', 'UTF-8'] as const;
export type RisCharset = (typeof RIS_CHARSETS)[number];

/** How the report text travels: one formatted-text OBX with line breaks, or one text OBX per line. */
export const RIS_REPORT_FORMATS = ['FT', 'TX'] as const;

export const RIS_SERVER_FIELDS = {
  host: { label: 'RIS server', help: 'Host name or IP address of the RIS HL7 interface.', schema: host },
  port: { label: 'RIS port', help: 'Its MLLP port, from IT.', schema: port },
  sendingApplication: {
    label: 'Sending application',
    help: 'MSH-3: the name the RIS knows this console by.',
    schema: hl7Name.default('ROOTLOG'),
  },
  sendingFacility: { label: 'Sending facility', help: 'MSH-4: the department, as the RIS names it.', schema: hl7Name },
  receivingApplication: { label: 'Receiving application', help: 'MSH-5: the RIS application.', schema: hl7Name },
  receivingFacility: { label: 'Receiving facility', help: 'MSH-6: the RIS facility.', schema: hl7Name },
  charset: {
    label: 'Character set',
    help: 'What the RIS reads: ISO-8859-1 or UTF-8 (written in MSH-18).',
    schema: z
      .enum(RIS_CHARSETS, rule(R.eitherCode, { first: RIS_CHARSETS[0], second: RIS_CHARSETS[1] }))
      .default('UTF-8'),
  },
  reportFormat: {
    label: 'Report format',
    help: 'FT: one formatted-text result with line breaks; TX: one text result per line.',
    schema: z
      .enum(RIS_REPORT_FORMATS, rule(R.eitherCode, { first: RIS_REPORT_FORMATS[0], second: RIS_REPORT_FORMATS[1] }))
      .default('FT'),
  },
} satisfies Record<string, SettingField>;

/** The AE titles allowed to send, typed as a list: "CT_SUED1, XA_OP2" (commas or new lines between them). */
const senderList = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(/[,\n]/)
          .map((title) => title.trim())
          .filter(Boolean)
      : value,
  z
    .array(aeTitleSchema, rule(R.aeTitleList))
    .min(1, rule(R.atLeastOneSender))
    .max(32, rule(R.atMostAeTitles, { count: 32 }))
    .refine((titles) => new Set(titles).size === titles.length, rule(R.aeTitleTwice)),
);

/** Every network address of the console: what a receiver listens on unless told one address. */
export const EVERY_ADDRESS = '0.0.0.0';
const addressRule = rule(R.listenAddress, { every: EVERY_ADDRESS });
/**
 * The address a receiver listens on: one IP address of this console (its imaging-network card's),
 * or every address. An IP address, not a host name: a name can stand for another computer.
 */
export const listenAddressSchema = z
  .string(addressRule)
  .trim()
  .pipe(z.union([z.ipv4(addressRule), z.ipv6(addressRule)], addressRule));

/**
 * Settings → Dose reports: RootLog's own C-STORE receiver for the scanners' dose reports (RDSR).
 * Set up (not null) means on: the main process listens on the port for the AE titles allowed.
 */
export const DOSE_RECEIVER_FIELDS = {
  acceptedCallingAeTitles: {
    label: 'AE titles allowed to send',
    help: "The scanners' AE titles (and the PACS's, for fetching), separated by commas; nothing else is accepted. Leave empty to turn the receiver off.",
    schema: senderList,
  },
  aeTitle: {
    label: "RootLog's AE title",
    help: 'The AE title the scanner sends its dose reports to.',
    schema: aeTitleSchema.default('ROOTLOG'),
  },
  port: {
    label: 'Receiving port',
    help: 'The port the scanner sends to (ports below 1024 need administrator rights).',
    schema: port.default(11112),
  },
  listenAddress: {
    label: 'Address to listen on',
    help: `${EVERY_ADDRESS}: every network card of this console (the scanners reach it on the department network). Or one address of this console, e.g. its imaging-network card's, so nothing on another network reaches the receiver.`,
    schema: listenAddressSchema.default(EVERY_ADDRESS),
  },
} satisfies Record<string, SettingField>;

/**
 * Settings → PACS: the department's PACS, asked for the open record's dose report (C-FIND, then
 * C-MOVE to RootLog's own dose report receiver, which must be on and known to the PACS).
 */
export const PACS_SERVER_FIELDS = {
  host: {
    label: 'PACS server',
    help: 'Host name or IP address of the PACS (its DICOM query/retrieve service).',
    schema: host,
  },
  port: { label: 'PACS port', help: 'Its DICOM port (often 104 or 11112).', schema: port },
  aeTitle: {
    label: "PACS's AE title",
    help: "The AE title the PACS answers to, from IT. The PACS must know RootLog's AE title, address and receiving port (Dose reports) as a move destination.",
    schema: aeTitleSchema,
  },
} satisfies Record<string, SettingField>;

type Shape<F extends Record<string, SettingField>> = { [K in keyof F]: F[K]['schema'] };
const shapeOf = <F extends Record<string, SettingField>>(fields: F): Shape<F> =>
  Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.schema])) as Shape<F>;

export const worklistServerSchema = z.object(shapeOf(WORKLIST_SERVER_FIELDS)).strict();
export type WorklistServer = z.output<typeof worklistServerSchema>;

export const risServerSchema = z.object(shapeOf(RIS_SERVER_FIELDS)).strict();
export type RisServer = z.output<typeof risServerSchema>;

export const doseReceiverSchema = z.object(shapeOf(DOSE_RECEIVER_FIELDS)).strict();
export type DoseReceiver = z.output<typeof doseReceiverSchema>;

export const pacsServerSchema = z.object(shapeOf(PACS_SERVER_FIELDS)).strict();
export type PacsServer = z.output<typeof pacsServerSchema>;

/**
 * The settings keys the connections are kept under (null: not set up), and the field that,
 * left empty in Settings, turns the connection off.
 */
export const CONNECTION_SETTINGS_FIELDS = {
  worklistServer: {
    label: 'Worklist',
    offWhenEmpty: 'host',
    fields: WORKLIST_SERVER_FIELDS as Record<string, SettingField>,
  },
  risServer: { label: 'RIS', offWhenEmpty: 'host', fields: RIS_SERVER_FIELDS as Record<string, SettingField> },
  doseReceiver: {
    label: 'Dose reports',
    offWhenEmpty: 'acceptedCallingAeTitles',
    fields: DOSE_RECEIVER_FIELDS as Record<string, SettingField>,
  },
  pacsServer: { label: 'PACS', offWhenEmpty: 'host', fields: PACS_SERVER_FIELDS as Record<string, SettingField> },
} as const;

export const connectionSettingsSchema = z
  .object({
    worklistServer: worklistServerSchema.nullable(),
    risServer: risServerSchema.nullable(),
    doseReceiver: doseReceiverSchema.nullable(),
    pacsServer: pacsServerSchema.nullable(),
  })
  .strict();
export type ConnectionSettings = z.output<typeof connectionSettingsSchema>;
export const connectionSettingsPatchSchema = connectionSettingsSchema.partial();
export type ConnectionSettingsPatch = z.input<typeof connectionSettingsPatchSchema>;

type Section = keyof typeof CONNECTION_SETTINGS_FIELDS;
const SETTINGS = 'Settings → Connections';

/** A connection's heading and its fields' labels as messages, their English the declaration's. */
export interface ConnectionLabels {
  title: Message;
  fields: Readonly<Record<string, Message>>;
}

/**
 * Each connection's heading and field labels, to translate: `settings.connections.<section>.title`
 * and `….<key>.label`, said by Settings (renderer/features/settings/connections-messages.ts) and
 * by the refusals that name a field (connectionSettingsProblems), the command line's included.
 */
export const CONNECTION_LABEL_MESSAGES = Object.fromEntries(
  (Object.keys(CONNECTION_SETTINGS_FIELDS) as Section[]).map((section) => {
    const { label, fields } = CONNECTION_SETTINGS_FIELDS[section];
    const table: Readonly<Record<string, Message>> = declareMessages(`settings.connections.${section}`, {
      title: [label, `${SETTINGS}: a connection's heading (${label}); also in a refusal ("${label} settings").`],
      ...Object.fromEntries(
        Object.entries(fields).map(([key, spec]) => [
          `${key}.label`,
          [spec.label, `${SETTINGS} → ${label}: a field's label; also at the start of a refusal naming the field.`],
        ]),
      ),
    });
    const labels: ConnectionLabels = {
      title: table.title as Message,
      fields: Object.fromEntries(Object.keys(fields).map((key) => [key, table[`${key}.label`] as Message])),
    };
    return [section, labels];
  }),
) as Record<Section, ConnectionLabels>;

/** Every heading and label above, for the catalogues (db/i18n/message-tables.ts). */
export const CONNECTION_LABEL_TABLES: readonly Readonly<Record<string, Message>>[] = Object.values(
  CONNECTION_LABEL_MESSAGES,
).map((labels) => ({ title: labels.title, ...labels.fields }));

/** A field's label in words: "worklistServer.calledAe" → "Worklist server's AE title". */
export function connectionFieldLabelWords(path: readonly PropertyKey[]): Words {
  const [section, key] = path;
  const labels = CONNECTION_LABEL_MESSAGES[section as Section];
  if (!labels) return sentence(R.connectionSettings);
  const label = labels.fields[String(key)];
  return label ? sentence(label) : sentence(R.settingsOf, { connection: sentence(labels.title) });
}

/**
 * Zod's issues with these schemas in words, one per field, each naming the field by its label;
 * `section` when the error is of one connection's schema alone (its paths then lack the key).
 */
export function connectionSettingsProblems(
  error: z.ZodError,
  section?: keyof typeof CONNECTION_SETTINGS_FIELDS,
): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const at = section ? [section, ...issue.path] : issue.path;
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...at, key]) : [at];
    for (const path of keys) {
      const field = path.map(String).join('.');
      if (seen.has(field)) continue;
      seen.add(field);
      const rule = issue.code === 'unrecognized_keys' ? null : zodIssueWords(issue);
      problems.push({
        field,
        ...saidOf(
          issue.code === 'unrecognized_keys'
            ? sentence(R.notConnectionSetting, { field })
            : sentence(PROBLEM_MESSAGES.fieldRule, {
                field: connectionFieldLabelWords(path),
                // Every rule of these schemas is declared (rule()) or zod's own: its words are found.
                rule: rule ?? issue.message,
              }),
        ),
      });
    }
  }
  return problems;
}

/**
 * Characters no name, comment or answer from another system may carry: C0 and C1 controls
 * (terminal escapes, line tricks), the bidirectional overrides (text shown in another order
 * than it is) and U+FFFD (bytes that did not decode in the declared character set).
 */
export const UNTRUSTED_CHARACTERS = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffd]/u;

/** A server's own words (an error comment, an ACK's text) made safe to show: controls replaced, length capped. */
export function textFromPeer(text: string, max = 300): string {
  const cleaned = text.replace(new RegExp(UNTRUSTED_CHARACTERS.source, 'gu'), ' ').replace(/\s+/g, ' ').trim();
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}
