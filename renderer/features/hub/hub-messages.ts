import { declareMessages } from '../../../db/model/index.js';

/* The department hub's words (top bar chip, Settings → Department server), as messages to translate. */
const C = 'Top bar, the hub chip (the sync with the department server)';
export const HUB_CHIP_MESSAGES = declareMessages('hub.chip', {
  syncing: ['Hub: syncing…', `${C}: a sync is running.`],
  stoppedHere: [
    'Hub: stopped on this console ({pending} waiting)',
    `${C}: the last sync failed here; {pending} records wait.`,
  ],
  notReached: ['Hub: not reached ({pending} waiting)', `${C}: the server did not answer; {pending} records wait.`],
  synced: [
    'Hub: synced {ago}, {pending} waiting{conflicts, plural, =0 {} one {, # conflict} other {, # conflicts}}',
    `${C}: {ago} is "3 min ago"; the open conflicts follow when there are any.`,
  ],
  notSynced: [
    'Hub: not synced yet, {pending} waiting{conflicts, plural, =0 {} one {, # conflict} other {, # conflicts}}',
    `${C}: never synced yet.`,
  ],
  justNow: ['just now', `${C}: when the last sync was.`],
  minutesAgo: ['{minutes} min ago', `${C}: when the last sync was.`],
  hoursAgo: ['{hours} h ago', `${C}: when the last sync was.`],
});

const P = 'Settings → Department server (the hub where this console meets the others)';
export const HUB_PANEL_MESSAGES = declareMessages('hub.panel', {
  title: ['Department server', `${P}: the heading.`],
  hint: [
    "Signed, amended and followed-up records go to the department's PostgreSQL server, each signed with this console's own key, and records from the other consoles come back — each accepted only when the console the department registered signed it. Drafts stay here. The connection is always encrypted and the server's certificate checked.",
    `${P}: under the heading.`,
  ],
  host: ['Server (empty: no hub)', `${P}: the server's host name.`],
  port: ['Port', `${P}.`],
  database: ['Database', `${P}.`],
  user: ['User', `${P}: the database user.`],
  password: ["Password (kept by this computer's keychain)", `${P}.`],
  ca: ["Department CA certificate (PEM; empty: the computer's own CAs)", `${P}: the certificate authority.`],
  caFile: ['Read the CA certificate from a file', `${P}: the accessible name of the file chooser.`],
  plain: ['Administrator: allow unencrypted connections to this host only', `${P}.`],
  plainHint: [
    'Leave empty. Only on a trusted network, and only for the server named above: the password and records then cross the network in clear text.',
    `${P}: under the field above.`,
  ],
  noKeyring: [
    'The department accepts keeping the signing key and password on a computer without a keyring (not recommended)',
    `${P}: a switch.`,
  ],
  save: ['Save server', `${P}: a button.`],
  syncNow: ['Sync now', `${P}: a button.`],
  syncing: ['Syncing…', `${P}: the sync's state.`],
  errorHere: ['This console: {error}', `${P}: the last sync failed here; {error} says why.`],
  errorServer: ['The server: {error}', `${P}: the last sync failed at the server; {error} says why.`],
  notSynced: ['Not synced yet; {pending} waiting to be pushed', `${P}: the sync's state.`],
  lastSync: [
    'Last sync {at}: pushed {pushed}, received {pulled, plural, one {# record} other {# records}}',
    `${P}: {at} is a date and time.`,
  ],
  amendments: ['{count, plural, one {# amendment} other {# amendments}}', `${P}: received with the last sync.`],
  waiting: ['{pending} waiting to be pushed', `${P}: the records not yet sent.`],
  refused: ['{count} refused (see below)', `${P}: rows of the hub this console refused.`],
  refusals: [
    '{count, plural, one {# row from the hub refused or waiting (kept for IT)} other {# rows from the hub refused or waiting (kept for IT)}}',
    `${P}: opens the list of refused rows.`,
  ],
  refusalWaiting: ['{at} — waiting: {subject}: {reason}', `${P}: a row that waits; {reason} says why.`],
  refusalRefused: ['{at} — refused: {subject}: {reason}', `${P}: a row refused; {reason} says why.`],
  refusalWaitingFrom: [
    '{at} — waiting: {subject} from {console}: {reason}',
    `${P}: a row of another console that waits.`,
  ],
  refusalRefusedFrom: ['{at} — refused: {subject} from {console}: {reason}', `${P}: a row of another console refused.`],
});

const K = "Settings → Department server, this console's signing key";
export const HUB_KEY_MESSAGES = declareMessages('hub.key', {
  title: ["This console's signing key", `${K}: the heading.`],
  fingerprint: ['Fingerprint', `${K}: before the key's fingerprint, read aloud to IT.`],
  keptIn: ['kept in {where}; the private key never leaves this computer.', `${K}: {where} is where the key is kept.`],
  registered: ['The hub has this key registered for this console.', `${K}.`],
  otherKey: ['The hub holds another key for this console: IT registers this one again.', `${K}.`],
  noKey: ['No key yet: it is made at the first sync.', `${K}.`],
  newKey: ['Make a new key (IT registers it again)', `${K}: a button.`],
  consoles: ['Consoles the department registered', `${K}: the caption of the table.`],
  console: ['Console', `${K}: a column heading.`],
  keyFingerprint: ['Key fingerprint', `${K}: a column heading.`],
  registeredAt: ['Registered', `${K}: a column heading: the date.`],
  retiredAt: ['Retired', `${K}: a column heading: the date a console was retired.`],
  thisConsole: ['{name} (this console)', `${K}: this console's row.`],
});

const X = 'Settings → Department server, a conflict (two consoles changed the same signed record)';
export const HUB_CONFLICT_MESSAGES = declareMessages('hub.conflict', {
  title: ['Conflicts ({count})', `${X}: the heading.`],
  record: ['Record {record}: amended on {proposer}, owned by {owner}', `${X}: {proposer} and {owner} are consoles.`],
  amendedBy: ['{who} amended it on {proposer} ({at}).', `${X}: {who} is a doctor, {proposer} a console.`],
  amendedByBecause: ['{who} amended it on {proposer} ({at}): “{reason}”.', `${X}: with the amendment's reason.`],
  field: ['Field', `${X}: a column heading.`],
  here: ['The record ({owner})', `${X}: a column heading.`],
  proposed: ['The amendment ({proposer})', `${X}: a column heading.`],
  confirm: ['Taking the amendment: confirm its warnings', `${X}.`],
  reason: ['Reason (kept with the resolution)', `${X}.`],
  signer: ['Radiologist who decides', `${X}: signs the decision with the PIN.`],
  pin: ['PIN', `${X}.`],
  take: ["Take {proposer}'s amendment", `${X}: a button; {proposer} is the other console.`],
  keep: ['Keep this record', `${X}: a button.`],
  elsewhere: ['{owner} owns this record: the conflict stays open until it resolves it there.', `${X}.`],
});
