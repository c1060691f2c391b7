import { declareMessages } from './messages.js';

/*
 * The hub client's own words (db/hub): why a sync stopped and on which side, what it did when it
 * met a restored or a new hub, and the hub administration's refusals (rootlog hub). Said by the
 * command line in its language and by the window (Settings → Department server, the hub chip) in
 * the operator's. The server's own text and PostgreSQL's ({detail}) stay as they came: a value.
 */
const SYNC =
  'Why a sync with the department server (the hub) stopped, shown in Settings → Department server, on the hub chip and by `rootlog sync`; keep commands (rootlog hub init) and options as they are. {server}: the server (host:port/database).';
const LOCAL = `${SYNC} A problem on this console itself.`;
const REMOTE = `${SYNC} A problem of the server or of the way to it. {detail}: the server's or the network's own words (English).`;
const KEY =
  'A problem with this console’s signing key (it signs what the console sends to the hub), shown in Settings → Department server and by `rootlog sync`/`rootlog hub key`; keep commands and options as they are.';
export const HUB_SYNC_MESSAGES = declareMessages('hub.sync', {
  nothingLost: [
    '{failure} Nothing was lost: what is waiting is pushed at the next sync.',
    `${SYNC} {failure}: the sentence saying what went wrong.`,
  ],
  diskFull: [
    'On this console: the disk is full, so what the hub sent could not be saved; free some space and sync again.',
    LOCAL,
  ],
  readOnly: ['On this console: the logbook cannot be written to (read-only file or medium).', LOCAL],
  damaged: ['On this console: the logbook is damaged: restore the latest backup; nothing was synced.', LOCAL],
  ioError: [
    'On this console: the logbook could not be read or written ({code}).',
    `${LOCAL} {code}: SQLite's error code.`,
  ],
  busy: [
    'On this console: the logbook was busy for too long (another program holds it); sync again in a moment.',
    LOCAL,
  ],
  fault: [
    'On this console: RootLog failed while syncing — a fault in RootLog itself, not the server ({detail}). Nothing was lost: what is waiting is pushed at the next sync. Please report it to IT.',
    `${LOCAL} {detail}: the fault's own words (English).`,
  ],
  noTls: [
    'The department server {server} offers no TLS: RootLog does not send its password or records in clear text. Ask IT to turn TLS on, or (on a trusted network only) an administrator allows plain connections to this very host.',
    REMOTE,
  ],
  certificate: [
    "The department server {server} presented a certificate that could not be verified ({detail}): nothing was sent. Give the department's CA (Settings → Department server, or --ca FILE), or ask IT about the server's certificate.",
    REMOTE,
  ],
  unreachable: ['The department server {server} could not be reached ({detail}).', REMOTE],
  loginNotPermitted: [
    'The department server {server} refused this console’s login: its user may not log in (the console was retired, or IT has not enabled it yet).',
    REMOTE,
  ],
  authentication: [
    "The department server {server} refused the login: authentication failed for this console's user ({detail}).",
    REMOTE,
  ],
  noDatabase: ['The department server {server} has no such database ({detail}).', REMOTE],
  requestRefused: [
    "The department server {server} refused this console's request ({detail}): ask IT whether this console is registered.",
    REMOTE,
  ],
  tooManyConnections: ['The department server {server} has too many connections right now.', REMOTE],
  syncRefused: ['The department server {server} refused the sync ({detail}).', REMOTE],
  noHub: [
    "The department server {server} holds no RootLog hub this console can see: IT sets it up (rootlog hub init) and registers this console (rootlog hub add-console, which also gives its user the hub's schema). Nothing was lost.",
    SYNC,
  ],
  userNotRegistered: [
    "The department server {server} refused this console's user: it is not a registered console (or was retired). IT registers it with rootlog hub add-console. Nothing was lost.",
    SYNC,
  ],
  unfinishedHub: ['The department server {server} has an unfinished RootLog hub: IT runs rootlog hub init.', SYNC],
  olderHub: [
    'The hub on {server} is at version {version}; this RootLog needs {needed}: IT migrates it (rootlog hub init). Nothing was lost.',
    `${SYNC} {version}, {needed}: the hub's schema versions.`,
  ],
  newerHub: [
    'The hub on {server} is at version {version}, newer than this RootLog knows ({needed}): update RootLog on this console. Nothing was lost.',
    `${SYNC} {version}, {needed}: the hub's schema versions.`,
  ],
  retired: [
    'This console ("{name}") was retired on the hub {server}: it adds and reads nothing there any more.',
    `${SYNC} {name}: this console's registered name.`,
  ],
  roleNotRegistered: [
    "This console's user {role} is not a registered console on the hub {server}: IT registers it (rootlog hub add-console). Nothing was lost.",
    `${SYNC} {role}: this console's PostgreSQL user.`,
  ],
  otherKey: [
    `The hub {server} holds another key for this console ("{name}", fingerprint {theirs}) than its own (fingerprint {ours}): IT registers this console's key again (rootlog hub add-console --new-key). Nothing was pushed.`,
    `${SYNC} {theirs}, {ours}: key fingerprints.`,
  ],
  noFingerprint: ['none', 'In “fingerprint …” of a sync that stopped: the hub holds no key for this console.'],
  renamed: [
    'This console is named "{named}" in its settings but registered on the hub as "{registered}": its records carry its name, so rename it back to "{registered}" (or IT registers the new name). Nothing was pushed.',
    SYNC,
  ],
  foreignRows: [
    'The hub on {server} holds rows stamped by another PostgreSQL server (restored from a dump into a new one?): IT finishes the restore with rootlog hub init. Nothing was lost.',
    SYNC,
  ],
  damagedLogbook: [
    'This logbook failed its integrity check: it is not synced. Restore the latest backup.',
    `${LOCAL} The background check of the logbook file found it damaged.`,
  ],
  restored: [
    'The department server {server} holds less than this console saw there: it was restored from a backup. This console pushes again what the hub lacks ({count, plural, one {# record} other {# records}}) and reads the hub again from the start.',
    'Said once after a sync (Settings → Department server, `rootlog sync`): the hub was restored from a backup and what this console did about it.',
  ],
  newHub: [
    'This console meets a new department hub on {server} ({hub}): it pushes its own records there ({count, plural, one {# record} other {# records}}) and reads it from the start.',
    'Said once after a sync (Settings → Department server, `rootlog sync`): the server holds another hub than the one this console knew. {hub}: the hub’s id.',
  ],
  noCertificate: [
    '{where} holds no PEM certificate.',
    'The department’s CA (a certificate file) given for the hub is not one. {where}: the file or option.',
  ],
  unreadableCertificate: [
    '{where} holds a certificate that cannot be read.',
    'The department’s CA given for the hub holds a broken certificate. {where}: the file or option.',
  ],
  unnamedServer: [
    'the department server',
    `${SYNC} In place of {server} when no server is named yet (a fault while making this console’s key).`,
  ],
  departmentCa: [
    'The department’s CA',
    'The certificate authority saved in Settings → Department server, in “… holds no PEM certificate”.',
  ],
  keyNotEd25519: ['The console’s signing key is not an Ed25519 key: it was not made by RootLog.', KEY],
  keyNotThisLogbooks: [
    "The signing key in {keptIn} is not this logbook's (its fingerprint {theirs}, the logbook's {ours}): put the right key back, or make a new one (rootlog hub key --new) and have IT register it again.",
    `${KEY} {keptIn}: where it is kept (the keychain, a key file).`,
  ],
  keyMissing: [
    "This console's signing key is missing from {keptIn} (the logbook expects the key with fingerprint {ours}): nothing can be pushed with it. Put the key back, or make a new one (Settings → Department server, or rootlog hub key --new) and have IT register it again.",
    `${KEY} {keptIn}: where it is kept (the keychain, a key file).`,
  ],
  keyFileOtherUser: ['The key file {path} belongs to another user: it is not used.', KEY],
  keyFileOpen: [
    'The key file {path} can be read by other users of this computer (mode {mode}): it is not used. Run chmod 600 {path}, or make a new key (rootlog hub key --new) if others may have copied it.',
    `${KEY} {mode}: the file's permissions (644).`,
  ],
  keyFileUnreadable: ['The key file {path} does not hold a private key RootLog can read.', KEY],
  keychainUnavailable: [
    'This computer’s keychain is not available, so RootLog cannot keep the console’s signing key or the hub password: unlock or set up the keychain and start RootLog again.',
    KEY,
  ],
  keychainBasicText: [
    'This computer has no keyring (GNOME Keyring, KWallet): Electron would only hide the console’s signing key and the hub password behind a key written in the program itself. Set up a keyring and start RootLog again — or, if the department accepts that risk, allow it in Settings → Department server (the choice is audited).',
    KEY,
  ],
  keychainCannotDecrypt: [
    'The console’s signing key could not be decrypted by this computer’s keychain (another user, or the keychain was reset): make a new key in Settings → Department server and have IT register it again.',
    KEY,
  ],
});

const ADMIN =
  'A refusal of `rootlog hub` (IT setting up the department server, registering and retiring consoles); keep commands, options, schema and role names as they are.';
export const HUB_ADMIN_MESSAGES = declareMessages('hub.admin', {
  badIdentifier: [
    '{what} "{value}" must be 1 to 48 lower-case letters, digits or "_", starting with a letter',
    `${ADMIN} {what}: an option (--schema) or “The schema”/“The role”.`,
  ],
  theSchema: ['The schema', `${ADMIN} In “… must be 1 to 48 lower-case letters”: the PostgreSQL schema of the hub.`],
  theRole: ['The role', `${ADMIN} In “… must be 1 to 48 lower-case letters”: a console's PostgreSQL login role.`],
  newerHub: [
    'The hub in schema {schema} is at version {version}, newer than this RootLog knows ({needed}): use a newer RootLog.',
    ADMIN,
  ],
  noHub: ['There is no RootLog hub in schema {schema} here: run rootlog hub init first.', ADMIN],
  retired: ['The console "{name}" was retired: a retired console is not registered again.', ADMIN],
  otherRole: ['The console "{name}" is registered with the role {registered}, not {role}.', ADMIN],
  roleTaken: ['The role {role} belongs to the console "{name}" already.', ADMIN],
  keyTaken: ['This key is registered for the console "{name}" already.', ADMIN],
  keyReplaced: ['This key of "{name}" was replaced: it is not taken again.', ADMIN],
  otherKey: [
    'The console "{name}" is registered with another key; if it lost its key and made a new one, register it with --new-key (what it signed with the old key stays valid).',
    ADMIN,
  ],
  noConsole: ['There is no console "{name}" on this hub.', ADMIN],
});
