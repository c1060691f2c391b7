import { z } from 'zod';
import type { FieldProblem } from './problems.js';

/*
 * The console's connections to the department's systems, declared once: each field's
 * schema, label and help text. The worklist client, the RIS outbox, the command line and the
 * Settings screen all derive from these tables (labels and error words included), so a field
 * is added here and nowhere else. Both connections are optional: null means "not set up", and
 * the console then works by hand as before.
 */

const portRule = 'must be a port number from 1 to 65535';
const port = z
  .number({ error: portRule })
  .int({ error: portRule })
  .min(1, { error: portRule })
  .max(65535, { error: portRule });

const host = z
  .string({ error: 'must be a host name or address' })
  .trim()
  .min(1, { error: 'is required' })
  .max(253, { error: 'must be at most 253 characters' })
  .regex(/^[A-Za-z0-9.:-]+$/, { error: 'must be a host name or address (letters, digits, dots, dashes)' });

/**
 * A DICOM AE title: 1 to 16 characters of the default repertoire, no backslash, not only spaces
 * (PS3.5 6.2, VR AE). Kept as typed (AE titles are case-sensitive on many servers).
 */
export const aeTitleSchema = z
  .string({ error: 'must be an AE title' })
  .trim()
  .min(1, { error: 'is required' })
  .max(16, { error: 'must be at most 16 characters (a DICOM AE title)' })
  .regex(/^[\x20-\x5b\x5d-\x7e]+$/, {
    error: 'must be plain letters, digits and punctuation without "\\" (a DICOM AE title)',
  });

/** A DICOM modality code (CS): "CT", "XA", "RF"… upper-case letters and digits. */
const modality = z
  .string({ error: 'must be a modality code such as CT' })
  .trim()
  .regex(/^[A-Z0-9_]{1,16}$/, { error: 'must be a DICOM modality code such as CT, XA or RF (capital letters)' });

/** An HL7 v2 application or facility name (HD namespace): no HL7 delimiter, no control character. */
const hl7Name = z
  .string({ error: 'must be a name' })
  .trim()
  .min(1, { error: 'is required' })
  .max(180, { error: 'must be at most 180 characters' })
  .regex(/^[^|^~\\&\p{Cc}]+$/u, { error: 'must not contain | ^ ~ \\ & or control characters (HL7 delimiters)' });

interface SettingField<S extends z.ZodType = z.ZodType> {
  label: string;
  help: string;
  schema: S;
}

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
    schema: z
      .number({ error: 'must be a whole number of days from 0 to 14' })
      .int({ error: 'must be a whole number of days from 0 to 14' })
      .min(0, { error: 'must be a whole number of days from 0 to 14' })
      .max(14, { error: 'must be a whole number of days from 0 to 14' })
      .default(0),
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
    schema: z.enum(RIS_CHARSETS, { error: 'must be ISO-8859-1 or UTF-8' }).default('UTF-8'),
  },
  reportFormat: {
    label: 'Report format',
    help: 'FT: one formatted-text result with line breaks; TX: one text result per line.',
    schema: z.enum(RIS_REPORT_FORMATS, { error: 'must be FT or TX' }).default('FT'),
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
    .array(aeTitleSchema, { error: 'must be AE titles separated by commas' })
    .min(1, { error: 'must name at least one scanner (or PACS) that may send' })
    .max(32, { error: 'must be at most 32 AE titles' })
    .refine((titles) => new Set(titles).size === titles.length, { error: 'must not name the same AE title twice' }),
);

/** Every network address of the console: what a receiver listens on unless told one address. */
export const EVERY_ADDRESS = '0.0.0.0';
const addressRule = `must be an IP address of this console, such as 10.2.3.4 (${EVERY_ADDRESS}: every network address)`;
/**
 * The address a receiver listens on: one IP address of this console (its imaging-network card's),
 * or every address. An IP address, not a host name: a name can stand for another computer.
 */
export const listenAddressSchema = z
  .string({ error: addressRule })
  .trim()
  .pipe(z.union([z.ipv4({ error: addressRule }), z.ipv6({ error: addressRule })], { error: addressRule }));

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

/** A field's label: "worklistServer.calledAe" → "Worklist server's AE title". */
export function connectionFieldLabel(path: readonly PropertyKey[]): string {
  const [section, key] = path;
  const group = CONNECTION_SETTINGS_FIELDS[section as keyof typeof CONNECTION_SETTINGS_FIELDS];
  if (!group) return String(section ?? 'Connection settings');
  return group.fields[String(key)]?.label ?? `${group.label} settings`;
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
      problems.push({
        field,
        message:
          issue.code === 'unrecognized_keys'
            ? `${field} is not a connection setting`
            : `${connectionFieldLabel(path)} ${issue.message}`,
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
