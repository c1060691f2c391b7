import { COMPLICATION_FIELDS } from './fields/complication-fields.js';
import { DRUG_FIELDS } from './fields/drug-fields.js';
import type { Field } from './fields/field.js';
import { FOLLOW_UP_ENTRY_FIELDS } from './fields/follow-up-entry-fields.js';
import { PROCEDURE_FIELDS } from './fields/procedure-fields.js';
import { TARGET_FIELDS } from './fields/target-fields.js';
import { declareMessages, type Message } from './messages.js';
import { inEnglish, sentence, type Words, type WordValue } from './words.js';

/** Names of what is not a field of a record: the options of an export, an import, a page, an amendment. */
const OTHER = 'The name of an option or a setting inside a refusal: "Export format is required".';
const OTHER_LABELS = declareMessages('label', {
  format: ['Export format', OTHER],
  out: ['Output file', OTHER],
  in: ['Import file', OTHER],
  from: ['From date', OTHER],
  to: ['To date', OTHER],
  operatorIds: ['Operators', OTHER],
  includeDrafts: ['Include drafts', OTHER],
  pseudonymize: ['Pseudonymise', OTHER],
  datePrecision: ['Date precision', OTHER],
  force: ['Replace existing files', OTHER],
  european: ['European CSV', OTHER],
  detailFiles: ['Detail files', OTHER],
  reason: ['Reason for the amendment', OTHER],
  cursor: ['Page cursor', OTHER],
  limit: ['Page size', OTHER],
  name: ['Name', `${OTHER} An operator's or a drug's name (Settings).`],
  usualDoseMg: ['Usual dose', OTHER],
  maxDoseMg: ['Maximum dose', OTHER],
  defaultConcentrationMgPerMl: ['Default concentration', OTHER],
  usualConcentrationMinMgPerMl: ['Lowest usual concentration', OTHER],
  usualConcentrationMaxMgPerMl: ['Highest usual concentration', OTHER],
  patientIdRule: ['Patient ID rule', OTHER],
  pattern: ['Pattern', OTHER],
  case: ['Letter case', OTHER],
  example: ['Example', OTHER],
  address: ['Address', OTHER],
  phone: ['Phone number', OTHER],
  locale: ['Dates and numbers', OTHER],
  folder: ['Backup folder', OTHER],
  timeOfDay: ['Time of day', OTHER],
  keep: ['Backups to keep', OTHER],
  pin: ['PIN', OTHER],
  newPin: ['New PIN', OTHER],
  oldPin: ['Current PIN', OTHER],
  badge: ['Badge', OTHER],
  pseudonymKey: ['Pseudonymisation key', OTHER],
  defaultOperatorId: ['Default operator', OTHER],
  consoleName: ['Console name', OTHER],
  signature: ['Signature', `${OTHER} Also a record's history: who signed a version and what it meant.`],
});

/**
 * The settings' own keys (Settings, `rootlog`'s settings commands), named in a refusal: the
 * department's settings, an operator, a drug of the catalogue. A key is its own label here when
 * it means one thing wherever it is refused; `db/model/setting-labels.test.ts` walks the
 * settings' schemas and fails on a key no label names.
 */
const SETTING =
  'The name of a setting inside a refusal (Settings, the command line): "Report language must be one of: …".';
const SETTING_KEY_LABELS = declareMessages('label', {
  department: ['Department', `${SETTING} The department's name, address and phone.`],
  followUpWindows: ['Follow-up windows', `${SETTING} When the early and the late follow-up are due.`],
  hubServer: ['Department server', `${SETTING} The hub this console syncs with.`],
  idleLockMinutes: ['Idle minutes before the console locks', SETTING],
  language: ['Language', `${SETTING} The department's language, or the language an export is written in.`],
  reportLanguage: ['Report language', SETTING],
  operatorLanguages: ['Operators’ languages', `${SETTING} The language each operator reads the screens in.`],
  presets: ['Presets', `${SETTING} The department's usual cases (quick starts).`],
  referenceLevels: ['Reference levels', `${SETTING} The local diagnostic reference levels.`],
  reportTemplate: ['Report template', SETTING],
  reportTemplates: ['Report templates', `${SETTING} One per language.`],
  steroidDayMaxDexamethasoneMg: ['Steroid per patient and day', `${SETTING} In mg of dexamethasone.`],
  technologistsRecordFollowUps: ['Technologists record follow-up calls', SETTING],
  wordings: ['Corrected wordings', `${SETTING} The department's own wordings of RootLog's messages.`],
  active: ['Active', `${SETTING} Whether an operator, or a drug of the catalogue, is in use.`],
  administrator: ['Administrator', `${SETTING} Whether an operator changes the settings.`],
  role: ['Role', `${SETTING} An operator's role: radiologist or technologist.`],
  code: ['Code', `${SETTING} A drug's code in the catalogue.`],
  drugClass: ['Drug class', `${SETTING} Steroid, local anaesthetic, other.`],
  dosing: ['Dosing', `${SETTING} How the form asks for the amount of a drug given.`],
  particulate: ['Particulate', `${SETTING} A particulate (crystalline) steroid suspension.`],
});

/** In a setting's place below: any key of a table (a language, an operator's id, a message id). */
const ANY = 'any';

/**
 * Settings' inner keys, named by their place (list positions left out, `any` a key of a table
 * such as a language): "hubServer.port" is the department server's port, never another's.
 * {key} and {entry}: the keys at the first and the second `any`.
 */
const SETTING_PATH_DECLARED = declareMessages('label.setting', {
  'followUpWindows.early': ['Early follow-up', `${SETTING} The window of the day 1–3 call.`],
  'followUpWindows.early.from': ['Early follow-up, first day', `${SETTING} Days after the procedure.`],
  'followUpWindows.early.to': ['Early follow-up, last day', `${SETTING} Days after the procedure.`],
  'followUpWindows.late': ['Late follow-up', `${SETTING} The window of the week 2–6 review.`],
  'followUpWindows.late.from': ['Late follow-up, first day', `${SETTING} Days after the procedure.`],
  'followUpWindows.late.to': ['Late follow-up, last day', `${SETTING} Days after the procedure.`],
  'hubServer.port': ['Department server port', SETTING],
  'hubServer.database': ['Department server database', `${SETTING} The PostgreSQL database's name.`],
  'hubServer.user': ['Department server user', `${SETTING} The database user the console signs in as.`],
  'hubServer.caPem': [
    'Department CA certificate',
    `${SETTING} The certificate authority the server's certificate is checked against.`,
  ],
  'hubServer.allowPlainFor': ['Host allowed without encryption', `${SETTING} The one server reached without TLS.`],
  'hubServer.allowKeyWithoutKeyring': [
    'Signing key without a keyring',
    `${SETTING} Whether the console keeps its key and password on a computer without a keyring.`,
  ],
  'hubServer.tls': ['Encryption switch (no longer used)', `${SETTING} A switch from an earlier version; ignored.`],
  'referenceLevels.levels.modality': ['Reference level’s modality', SETTING],
  'referenceLevels.levels.protocol': ['Reference level’s protocol', SETTING],
  'referenceLevels.levels.quantity': [
    'Reference level’s quantity',
    `${SETTING} DLP, CTDIvol, DAP or fluoroscopy time.`,
  ],
  'referenceLevels.levels.value': ['Reference level', `${SETTING} Its figure.`],
  'referenceLevels.levels.origin': ['Where the reference level comes from', SETTING],
  'referenceLevels.levels.basis': [
    'Reference level’s basis',
    `${SETTING} The period and the cases an adopted level comes from.`,
  ],
  'referenceLevels.levels.basis.from': ['Reference level’s basis, from', `${SETTING} A date.`],
  'referenceLevels.levels.basis.to': ['Reference level’s basis, to', `${SETTING} A date.`],
  'referenceLevels.levels.basis.cases': ['Reference level’s basis, cases', `${SETTING} How many signed procedures.`],
  'reportTemplates.any': ['Report template ({key})', `${SETTING} {key}: the language's code ("de").`],
  'operatorLanguages.any': ['Language of operator {key}', `${SETTING} {key}: the operator's id.`],
  'wordings.any': ['Corrected wordings ({key})', `${SETTING} {key}: the language's code ("de").`],
  'wordings.any.any': [
    'Corrected wording {entry} ({key})',
    `${SETTING} {entry}: a message id; {key}: the language's code ("de").`,
  ],
});
/** The places whose label is a key's own (the server's host is the department server). */
const SETTING_PATH_LABELS: Readonly<Record<string, Message>> = {
  ...SETTING_PATH_DECLARED,
  'hubServer.host': SETTING_KEY_LABELS.hubServer,
  'referenceLevels.levels': SETTING_KEY_LABELS.referenceLevels,
};

/** A field of one item of a list, inside a refusal: "Side (target 2)". */
export const PART_LABEL_MESSAGES = declareMessages('label', {
  ofTarget: [
    '{label} (target {number})',
    'A field of the n-th target inside a refusal: "Side (target 2) is required to sign".',
  ],
  ofDrug: [
    '{label} (drug {number})',
    'A field of the n-th drug given inside a refusal: "Site (drug 1) is required to sign".',
  ],
  ofFollowUp: ['{label} (follow-up {number})', 'A field of the n-th follow-up inside a refusal.'],
  ofComplication: [
    '{label} (complication {number})',
    'A field of the n-th complication inside a refusal: "Severity (complication 1) is required to sign".',
  ],
  ofPreset: [
    '{label} (preset {number})',
    'A field of the n-th preset (quick start, Settings → Presets) inside a refusal: "Name (preset 2) must have at most 60 characters".',
  ],
  ofPresetTarget: [
    '{label} (preset {preset}, target {number})',
    'A field of a target a preset plans, inside a refusal: "Side (preset 1, target 2) must be one of: …"; {preset}: the preset\'s place (1 for Alt+1), {number}: the target\'s.',
  ],
  ofPresetDrug: [
    '{label} (preset {preset}, drug {number})',
    'A field of a drug a preset plans, inside a refusal: "Site (preset 1, drug 2) is not a target of the preset"; {preset}: the preset\'s place (1 for Alt+1), {number}: the drug\'s.',
  ],
});
export const OTHER_LABEL_MESSAGES: Readonly<Record<string, Message>> = { ...OTHER_LABELS, ...SETTING_KEY_LABELS };
export const SETTING_LABEL_MESSAGES: Readonly<Record<string, Message>> = SETTING_PATH_DECLARED;

const labelsOf = (fields: readonly Field[]): Record<string, Message> =>
  Object.fromEntries(fields.filter((field) => field.role === 'content').map((field) => [field.key, field.label]));

/**
 * Field names as a clinician reads them: used in every error and warning message and in the
 * exports' data dictionary; each is its field's declared label (fields/*-fields.ts). Keys are
 * the record's field names; nested fields use the name of the leaf (targets[1].side → "side"),
 * the procedure's own fields first where two parts use the same name.
 */
const LABEL_MESSAGES: Record<string, Message> = [
  labelsOf(PROCEDURE_FIELDS),
  labelsOf(TARGET_FIELDS),
  labelsOf(DRUG_FIELDS),
  labelsOf(COMPLICATION_FIELDS),
  OTHER_LABELS,
  SETTING_KEY_LABELS,
  labelsOf(FOLLOW_UP_ENTRY_FIELDS),
].reduceRight<Record<string, Message>>((labels, earlier) => Object.assign(labels, earlier), {});

export const FIELD_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(LABEL_MESSAGES).map(([key, label]) => [key, label.message]),
);

const PART_OF = {
  targets: PART_LABEL_MESSAGES.ofTarget,
  drugs: PART_LABEL_MESSAGES.ofDrug,
  followUps: PART_LABEL_MESSAGES.ofFollowUp,
  complications: PART_LABEL_MESSAGES.ofComplication,
} as const;

/**
 * A field's label as words the reader's language says: `targets[1].side` → "Side (target 2)";
 * an unknown field is its name.
 */
export function fieldLabelWords(field: string): WordValue {
  // A preset's field by its place, as a record's targets are ("Side (preset 1, target 2)").
  const preset = /^presets\[(\d+)\]\.(.+)$/.exec(field);
  if (preset) return presetFieldLabelWords(Number(preset[1]) + 1, preset[2] ?? '');
  const setting = settingLabelWords(field);
  if (setting) return setting;
  const parts = field.split('.');
  const leaf = parts[parts.length - 1]?.replace(/\[\d+\]$/, '') ?? field;
  const known = LABEL_MESSAGES[leaf];
  const label: WordValue = known ? sentence(known) : leaf;
  const list = /^(targets|drugs|followUps|complications)\[(\d+)\]/.exec(field);
  if (!list || parts.length === 1) return label;
  return sentence(PART_OF[list[1] as keyof typeof PART_OF], { label, number: Number(list[2]) + 1 });
}

/** A field inside the n-th preset (`targets[1].side`, `name`): its leaf's label and its place. */
function presetFieldLabelWords(preset: number, inner: string): WordValue {
  const leaf =
    inner
      .split('.')
      .at(-1)
      ?.replace(/\[\d+\]$/, '') ?? inner;
  const known = LABEL_MESSAGES[leaf];
  // An unknown field is its name, as elsewhere (setting-labels.test.ts names it).
  if (!known) return leaf;
  const label = sentence(known);
  const list = /^(targets|drugs)\[(\d+)\]\./.exec(inner);
  if (!list) return sentence(PART_LABEL_MESSAGES.ofPreset, { label, number: preset });
  const message = list[1] === 'targets' ? PART_LABEL_MESSAGES.ofPresetTarget : PART_LABEL_MESSAGES.ofPresetDrug;
  return sentence(message, { label, preset, number: Number(list[2]) + 1 });
}

const SETTING_PATHS = Object.entries(SETTING_PATH_LABELS)
  .map(([path, message]) => ({ parts: path.split('.'), message }))
  // The longest place first: "wordings.any.any" before "wordings.any".
  .sort((a, b) => b.parts.length - a.parts.length);

/**
 * A setting's inner key by its place ("hubServer.port", "wordings.de"), or null: not one of
 * them. A last `any` takes the rest of the field (a message id has dots of its own).
 */
function settingLabelWords(field: string): Words | null {
  const parts = field.replace(/\[\d+\]/g, '').split('.');
  if (parts.length < 2) return null;
  for (const path of SETTING_PATHS) {
    const last = path.parts.length - 1;
    const rest = path.parts[last] === ANY;
    if (rest ? parts.length < path.parts.length : parts.length !== path.parts.length) continue;
    const at = (index: number) => (index === last ? parts.slice(last).join('.') : (parts[index] ?? ''));
    if (!path.parts.every((part, index) => part === ANY || part === at(index))) continue;
    const [key, entry] = path.parts.flatMap((part, index) => (part === ANY ? [at(index)] : []));
    return sentence(path.message, {
      ...(key === undefined ? {} : { key }),
      ...(entry === undefined ? {} : { entry }),
    });
  }
  return null;
}

/** `targets[1].side` → "Side (target 2)"; unknown fields fall back to their name. */
export function fieldLabel(field: string): string {
  const said = fieldLabelWords(field);
  return typeof said === 'string' ? said : inEnglish(said as Words);
}

/** Zod-style path → the record's field name: ['targets', 0, 'side'] → 'targets[0].side'. */
export function pathToField(path: readonly PropertyKey[]): string {
  let field = '';
  for (const part of path) {
    if (typeof part === 'number') field += `[${part}]`;
    else field += field ? `.${String(part)}` : String(part);
  }
  return field;
}
