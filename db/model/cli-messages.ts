import { declareMessages } from './messages.js';

/*
 * The command line's human-readable output (db/cli), for IT and the physicist: said in the
 * department's language of the logbook opened, else the one asked (--language), else English.
 * Its JSON output stays codes. Names of commands, options, files and SQLite's own words are
 * not translated.
 */
const CHECK = 'A line of `rootlog check` (the logbook’s integrity report, for IT), after its label.';
const LABEL =
  'A label of `rootlog check`’s report, before a colon and its value (keep it short: the values are aligned after the longest).';
const DOSE_LABEL =
  'A label of `rootlog dose-report`’s totals, before its value (keep it short: the values are aligned after the longest).';
const USAGE_REASON =
  'A usage error’s reason, after “rootlog <command>: ” and before the usage text; keep options (--db), their values (FILE) and codes as they are.';
const HELP =
  "What a command does, in the command line's usage text (rootlog --help), wrapped beside or below its syntax; keep commands, options and their values (FILE, N, DIR) as they are.";
const STATS =
  'A line of `rootlog stats` (the dashboard’s aggregates as text, for the physicist and quality review); keep units (mGy·cm, s), IQR, P75 and n= as they are.';
const STATS_HEADING = 'A section heading of `rootlog stats` (underlined with dashes below it).';
export const CLI_MESSAGES = declareMessages('cli', {
  checkDatabase: ['database', LABEL],
  checkSchemaVersion: ['schema version', LABEL],
  checkIntegrity: ['integrity', LABEL],
  checkForeignKeys: ['foreign keys', LABEL],
  checkDashboardFacts: ['dashboard facts', `${LABEL} The dashboard’s figures kept beside each record.`],
  checkTriggers: ['triggers', `${LABEL} The database’s protective triggers.`],
  checkSchema: ['schema', LABEL],
  checkAuditChain: ['audit chain', `${LABEL} The hash chain of the audit log.`],
  checkVersionChain: ['version chain', `${LABEL} The hash chain of the signed versions.`],
  checkSignedRecords: ['signed records', LABEL],
  checkFollowUpChain: ['follow-up chain', LABEL],
  checkStateChain: ['state chain', `${LABEL} The hash chain of settings, operators, catalogue and seals.`],
  checkChainHead: ['chain head', `${LABEL} The chains’ head, to keep elsewhere.`],
  checkKeptHead: ['kept head', `${LABEL} The head kept earlier (--expect-head).`],
  checkDrugNames: ['drug names', `${LABEL} Whether two offered drugs’ names look alike (a hazard, not tampering).`],
  ok: ['ok', CHECK],
  versionOfApp: ['{version} (this RootLog: {app})', `${CHECK} The logbook’s schema version and this program’s.`],
  violations: ['{count, plural, one {# violation} other {# violations}}', CHECK],
  factsDisagree: [
    '{count, plural, one {# procedure disagrees with its record} other {# procedures disagree with their records}} ({ids})',
    `${CHECK} {ids}: record ids.`,
  ],
  problems: ['{count, plural, one {# problem} other {# problems}}', CHECK],
  broken: ['BROKEN: {reason}', `${CHECK} A hash chain that does not hold; {reason}: where (English).`],
  okRows: ['ok ({count, plural, one {# row} other {# rows}})', CHECK],
  okSignedVersions: ['ok ({count, plural, one {# signed version} other {# signed versions}})', CHECK],
  okMatchSigned: [
    'ok ({count, plural, one {# matches its signed version} other {# match their signed versions}})',
    CHECK,
  ],
  differFromSigned: [
    '{count, plural, one {# differs from its signed version} other {# differ from their signed versions}}',
    CHECK,
  ],
  okFollowUps: ['ok ({count, plural, one {# follow-up} other {# follow-ups}})', CHECK],
  okLinks: ['ok ({count, plural, one {# link} other {# links}}: settings, operators, catalogue, seals)', CHECK],
  changedOutside: ['{count} changed outside RootLog', CHECK],
  checkFailed: ['check failed: {reason}', 'The last line of a failed `rootlog check`; {reason}: what to do.'],
  checkPassed: ['check passed', 'The last line of a passed `rootlog check`.'],
  noLookAlikeDrugs: ['ok (none looks like another)', CHECK],
  lookAlikeDrugPairs: ['{count, plural, one {# pair looks alike} other {# pairs look alike}}', CHECK],
  checkPassedDrugsToCorrect: [
    'check passed; the drug catalogue needs correcting (see drug names above)',
    'The last line of a passed `rootlog check` when two offered drugs’ names look alike.',
  ],
  failSchema: [
    "schema version {version} is not this RootLog's {app}",
    'Why `rootlog check` failed: the logbook’s schema is not this program’s.',
  ],
  failIntegrity: ['the database has integrity problems; restore the latest backup', 'Why `rootlog check` failed.'],
  failTampered: [
    'the record was changed outside RootLog (see above): keep this file as evidence, tell the data protection officer, and compare it with the latest backup',
    'Why `rootlog check` failed: someone changed the file outside RootLog.',
  ],
  failFacts: [
    'the dashboard would misreport the procedures listed above (their records are intact); report this to IT support',
    'Why `rootlog check` failed: the dashboard’s figures disagree with the records.',
  ],
  exported: [
    'exported {count, plural, one {# procedure} other {# procedures}} as {format}{pseudonymised} in {seconds} s:',
    '`rootlog export`’s summary, before the files written. {format}: csv, xlsx, json or fhir; {pseudonymised}: " (pseudonymised)" or nothing; {seconds}: the time taken.',
  ],
  pseudonymised: [' (pseudonymised)', 'Added to `rootlog export`’s summary (note the leading space).'],
  exportProgress: [
    'exported {done} / {count, plural, one {# procedure} other {# procedures}}',
    '`rootlog export`’s progress line.',
  ],
  imported: [
    'added {added}, skipped {skipped} (already here), conflicts {conflicts}, rejected {rejected}',
    '`rootlog import`’s report: records added, skipped (already in this logbook), in conflict, rejected.',
  ],
  importFollowUps: [
    'follow-ups added to records already here: {count}',
    '`rootlog import`’s report: follow-up entries added to records this logbook had.',
  ],
  importConflict: [
    'conflict {id}: {reason}',
    '`rootlog import`’s report: a record in conflict; {id}: its id; {reason}: why (English).',
  ],
  importRejected: [
    'rejected {id}: {problems}',
    '`rootlog import`’s report: a record refused; {id}: its id; {problems}: why.',
  ],
  importProgress: [
    'read {count, plural, one {# record} other {# records}} ({percent} %): added {added}, skipped {skipped}, rejected {rejected}',
    '`rootlog import`’s progress line.',
  ],
  noFollowUpsDue: ['no follow-ups are due', '`rootlog follow-ups-due` when nobody is due.'],
  followUpsDue: [
    '{count, plural, one {# follow-up due:} other {# follow-ups due:}}',
    '`rootlog follow-ups-due`’s heading, before the list.',
  ],
  errorLine: [
    'rootlog {command}: {reason}',
    'The command line’s error line, on stderr; {command}: the command’s name (kept); {reason}: what went wrong.',
  ],
  unknownCommand: [
    'rootlog: unknown command "{command}"',
    'The command line’s error line for a command it does not have; keep "rootlog" and the quotes.',
  ],
  noCommand: ['rootlog: no command given', 'The command line’s error line when it was called without a command.'],
  seeded: [
    'seeded {count, plural, one {# signed procedure} other {# signed procedures}} into {path} in {seconds} s ({rate} per second)',
    '`rootlog seed`: the demo procedures written; {path}: the logbook file.',
  ],
  seedProgress: ['seeded {done} / {total}', '`rootlog seed`’s progress line.'],
  keyRestored: [
    'the pseudonymisation key is in place: pseudonymised exports match those made before the backup',
    '`rootlog key --set`: the key was put back into a restored logbook.',
  ],
  backupKeyLeftOut: [
    'the pseudonymisation key was left out of the backup: keep it apart (rootlog key --db FILE --show) to restore pseudonyms that match earlier exports',
    '`rootlog backup --exclude-key`; keep the command in parentheses as it is.',
  ],
  backupWritten: [
    'backup written to {path}: {procedures, plural, one {# procedure} other {# procedures}}, {bytes} bytes, integrity {integrity}',
    '`rootlog backup`: the copy made; {integrity}: SQLite’s own word ("ok").',
  ],
  backupsKept: [
    "this logbook's newest {kept, plural, one {# backup is} other {# backups are}} kept in {folder}; {removed}",
    '`rootlog backup --out-dir`: the rotation; {removed}: the next message, or the files removed.',
  ],
  backupsNoneRemoved: ['none removed', 'Inside `rootlog backup`’s rotation line: no old backup was removed.'],
  backupsRemoved: ['removed {files}', 'Inside `rootlog backup`’s rotation line; {files}: the files removed.'],
  backupNotRemoved: [
    'could not remove an old backup: {problem}',
    '`rootlog backup --out-dir`, on stderr; {problem}: the file and the system’s words.',
  ],
  wordingsSaved: [
    '{count, plural, one {# corrected wording} other {# corrected wordings}} in the logbook; the change is in the audit log',
    '`rootlog wordings --set`: the department’s corrections were saved.',
  ],
  // rootlog dose-report
  doseReportHeading: [
    '{kind, select, ct {CT dose report} other {Projection X-ray dose report}} from {device}{station}',
    '`rootlog dose-report`’s first line, for a physicist; {device}: the scanner’s maker and model; {station}: the next messages in parentheses, or nothing.',
  ],
  doseStation: ['station {name}', '`rootlog dose-report`: the scanner’s station name (DICOM).'],
  doseSerial: ['serial {serial}', '`rootlog dose-report`: the scanner’s serial number.'],
  doseStudy: [
    'study {study}, accession {accession}, patient {patient}, {date} {time}',
    '`rootlog dose-report`’s second line; {study}: the study instance UID; {date}: the study date (DICOM, as it is) or the next message.',
  ],
  doseNoDate: ['no date', '`rootlog dose-report`: the report gives no study date.'],
  doseDlpTotal: ['DLP total', `${DOSE_LABEL}`],
  doseCtdiVol: ['CTDIvol', `${DOSE_LABEL} Keep the quantity’s name.`],
  doseEvents: ['events', `${DOSE_LABEL} How many irradiation events the report holds.`],
  doseDapTotal: ['DAP total', `${DOSE_LABEL}`],
  doseFluoroscopy: ['fluoroscopy', `${DOSE_LABEL} The fluoroscopy time.`],
  doseAtReferencePoint: ['dose (RP)', `${DOSE_LABEL} The dose at the reference point.`],
  doseFigure: ['{value} {unit}', '`rootlog dose-report`: a figure and its unit (kept: mGy·cm, Gy·cm², s).'],
  doseNotInReport: ['not in the report', '`rootlog dose-report`: a total the report does not give.'],
  doseHighestEvent: [
    ' (highest event; {phantom})',
    '`rootlog dose-report`, after the CTDIvol (note the leading space); {phantom}: one of the next messages.',
  ],
  doseBodyPhantom: ['32 cm body phantom', '`rootlog dose-report`: the CTDI phantom.'],
  doseHeadPhantom: ['16 cm head phantom', '`rootlog dose-report`: the CTDI phantom.'],
  doseNoPhantom: ['phantom not given', '`rootlog dose-report`: the report does not say which CTDI phantom.'],
  doseCtEvent: [
    '{number}. {protocol}: CTDIvol {ctdiVol}{phantom}, DLP {dlp}',
    '`rootlog dose-report`: one CT irradiation event; {protocol}: the scanner’s protocol name, or the next message.',
  ],
  doseNoProtocol: ['(no protocol)', '`rootlog dose-report`: an event without a protocol name.'],
  dosePlane: [
    'plane {plane}: DAP {dap}, fluoroscopy {time}, dose (RP) {dose}',
    '`rootlog dose-report`: one plane of a projection X-ray system; {plane}: A or B.',
  ],
  doseWarnings: [
    'warnings:',
    '`rootlog dose-report`: before what was odd about the file (English, as the reader says it).',
  ],
  fileMissing: ['The file {path} does not exist.', 'The command line: the file named (--in) is not there.'],
  fileUnreadable: [
    'The file {path} could not be read ({code}).',
    'The command line: the file named (--in) could not be read; {code}: the system’s code (EACCES).',
  ],
  // rootlog worklist
  worklistEchoed: [
    'the worklist server {server} answered the connection test (C-ECHO) in {milliseconds} ms',
    '`rootlog worklist --echo`; {server}: CALLED_AE@HOST:PORT.',
  ],
  worklistScheduled: [
    '{count} scheduled on {days} ({scope}) at {server}:',
    '`rootlog worklist`’s heading, before the patients; {days}: a date (YYYY-MM-DD) or the next message; {scope}: the modality and a station; {server}: CALLED_AE@HOST:PORT.',
  ],
  worklistDays: ['{from} to {to}', '`rootlog worklist`’s heading: the days asked (YYYY-MM-DD).'],
  worklistStation: ['station {station}', '`rootlog worklist`’s heading: only this station’s patients (its AE title).'],
  worklistEveryStation: ['every station', '`rootlog worklist`’s heading: the patients of every station.'],
  worklistNoName: ['(no name)', '`rootlog worklist`: a patient the RIS sent without a name.'],
  worklistAccession: ['accession {accession}', '`rootlog worklist`: a patient’s accession number.'],
  worklistRefused: [
    'refused {entry}: {why}',
    '`rootlog worklist`: an answer of the RIS RootLog could not use; {entry}: which one; {why}: the reason.',
  ],
  worklistNote: ['note: {note}', '`rootlog worklist`: what the worklist server warned about.'],
  // rootlog ris-send
  risNotSetUp: [
    'no RIS is set up in this logbook (Settings → RIS): {waiting, plural, =0 {nothing is waiting for it} one {# report waits until one is} other {# reports wait until one is}}',
    '`rootlog ris-send` when Settings → RIS is empty; keep "Settings → RIS" as the window names it.',
  ],
  risAcknowledged: [
    'acknowledged: {report} (message {controlId})',
    '`rootlog ris-send`: a report the RIS took; {report}: the next messages; {controlId}: the HL7 message’s id.',
  ],
  risReportOf: [
    'patient {patientId}{accession}, {version, plural, =1 {report} other {correction (version #)}}',
    '`rootlog ris-send`: which report; {accession}: the next message or nothing; a correction is a signed amendment’s report.',
  ],
  risAccession: [
    ', accession {accession}',
    '`rootlog ris-send`: the report’s accession number (note the leading comma).',
  ],
  risRefused: [
    'refused by the RIS ({code}): {report}: {text}',
    '`rootlog ris-send`: a report the RIS refused; {code}: HL7’s (AR, AE); {text}: the RIS’s own words (kept) or the next message.',
  ],
  risNoReason: ['no reason given', '`rootlog ris-send`: the RIS refused without saying why.'],
  risNotSent: [
    'not sent: procedure {procedureId} version {version}: {reason}',
    '`rootlog ris-send`: a report RootLog could not send; {reason}: why (English).',
  ],
  risSent: [
    'sent {sent}, refused {refused}, not sendable {unsendable}; waiting {waiting}',
    '`rootlog ris-send`’s last line: reports acknowledged, refused by the RIS, that could not be sent, still waiting.',
  ],
  risNotReached: [
    'the RIS at {host}:{port} was not reached ({reason}): what waits is sent next time, nothing is lost',
    '`rootlog ris-send`, on stderr; {reason}: why (the system’s words).',
  ],
  // rootlog sync
  synced: [
    'pushed {pushed}, already there {unchanged}, pulled {pulled, plural, one {# new record} other {# new records}}, {amendments, plural, one {# amendment} other {# amendments}} and {followUps, plural, one {# follow-up} other {# follow-ups}}; conflicts {conflicts}, refused {refused}, waiting {waiting}; waiting to push {pending}',
    '`rootlog sync`’s report: records pushed to the department hub, already there, pulled from it; conflicts, refused, waiting (for a record they belong to); still to push.',
  ],
  syncConflict: [
    'conflict {id}: {reason}',
    '`rootlog sync`: a record in conflict with the hub’s; {id}: its id; {reason}: why (English).',
  ],
  syncRefused: [
    'refused {id}: {reason}',
    '`rootlog sync`: a row of the hub this console refused; {id}: its id; {reason}: why (a sentence said in the language; what the server refused, in its English).',
  ],
  // rootlog hub
  hubAtVersion: [
    "the hub in schema {schema} is at version {version}; the consoles' rights were applied again",
    '`rootlog hub init` on a hub already at this version; {schema}: the PostgreSQL schema’s name.',
  ],
  hubMigrated: [
    'the hub in schema {schema} went from version {from} to {to}',
    '`rootlog hub init`: the department hub created (from version 0) or migrated.',
  ],
  hubIdentity: [
    "hub id {hubId}; consoles' role {group}",
    '`rootlog hub init`: the hub’s id and the PostgreSQL role every console’s role belongs to (kept).',
  ],
  hubRenumbered: [
    '{count, plural, one {# row restored from another PostgreSQL server was} other {# rows restored from another PostgreSQL server were}} renumbered for this one: every console reads the hub again from the start',
    '`rootlog hub init` after the hub was restored onto another PostgreSQL server.',
  ],
  hubNoConsoleKey: [
    'The logbook {path} has no console key yet: make it on the console first (rootlog hub key --db LOGBOOK there, or Settings → Department server in the app), then register it.',
    '`rootlog hub add-console` refused; keep the command in parentheses as it is.',
  ],
  hubAlreadyRegistered: [
    'the console "{name}" was registered already with this key (role {role})',
    '`rootlog hub add-console`: nothing to do; {name}: the console’s name; {role}: its PostgreSQL role.',
  ],
  hubRegistered: [
    'registered the console "{name}": role {role} (member of {group}), key fingerprint {fingerprint}',
    '`rootlog hub add-console`: a console registered; {group}: the consoles’ PostgreSQL role.',
  ],
  hubNewKeyRegistered: [
    'new key registered for the console "{name}": role {role} (member of {group}), key fingerprint {fingerprint}',
    '`rootlog hub add-console --new-key`: a console’s replaced key registered.',
  ],
  hubGiveRolePassword: [
    "now give the role its password (ALTER ROLE {role} PASSWORD '…') or certificate, and compare the fingerprint with the console's Settings",
    '`rootlog hub add-console`: what IT does next; keep the SQL in parentheses as it is.',
  ],
  hubRetired: [
    'retired the console "{name}": its role {role} can no longer log in or add anything; what it added stays valid',
    '`rootlog hub retire-console`.',
  ],
  hubNoConsoles: ['no console is registered', '`rootlog hub consoles` when the hub has none.'],
  hubConsoleRole: [
    'role {role}',
    '`rootlog hub consoles`: a console’s PostgreSQL role (the next messages follow on the line).',
  ],
  hubConsoleKey: ['key {fingerprint}', '`rootlog hub consoles`: a console’s key fingerprint.'],
  hubConsoleRetired: [
    'RETIRED {at}',
    '`rootlog hub consoles`: a retired console, and when (UTC); capitals to stand out.',
  ],
  hubKeyOf: [
    'console "{name}": key fingerprint {fingerprint}',
    '`rootlog hub key`: this console’s signing key for the hub.',
  ],
  hubKeyKept: [
    'the private key is kept in {place}, readable by this user alone; it never leaves this computer',
    '`rootlog hub key`; {place}: where (a key file beside the logbook).',
  ],
  hubNothingRefused: [
    'nothing from the hub was refused, nothing waits',
    '`rootlog hub refusals` when there is nothing to list.',
  ],
  hubRowWaiting: [
    'WAITING',
    '`rootlog hub refusals`: a row of the hub that waits (for the record it belongs to); capitals to stand out.',
  ],
  hubRowRefused: ['REFUSED', '`rootlog hub refusals`: a row of the hub this console refused; capitals to stand out.'],
  hubRowFrom: [' from "{console}"', '`rootlog hub refusals`: the console that added the row (note the leading space).'],
  // A usage error's reason
  usageRequired: ['{option} is required', `${USAGE_REASON} {option}: the option missing (--db).`],
  usageLanguage: ['--language must be de, fr, it or en', USAGE_REASON],
  usageWholeNumber: ['{option} must be a whole number from {min} to {max}', USAGE_REASON],
  usageEither: ['give either {one} or {other}', `${USAGE_REASON} {one}, {other}: two options that exclude each other.`],
  usageRealDate: ['--date must be a real date as YYYY-MM-DD', USAGE_REASON],
  usageServerForm: ['--server must be {form}', `${USAGE_REASON} {form}: the address’s form (mllp://HOST:PORT).`],
  usageCaUnreadable: [
    "--ca {file} cannot be read: give the department's CA certificate file (PEM)",
    `${USAGE_REASON} The certificate of the department’s own certificate authority.`,
  ],
  usageAllowPlain: [
    "--allow-plain names {named}, not the server's host {host}: plain text is allowed only to the host it names",
    `${USAGE_REASON} Plain text: the hub’s connection without TLS.`,
  ],
  usageRotateNeedsOutDir: ['--rotate keeps the newest backups in a folder: give it with --out-dir DIR', USAGE_REASON],
  usageForceNeedsOut: ['--force replaces a file given with --out', USAGE_REASON],
  noSuchOperator: [
    'There is no operator “{name}” in this logbook.',
    'The command line refuses --as OPERATOR: no operator of the logbook has this name or id. {name}: what was typed after --as.',
  ],
  usageAsRequired: [
    '--as OPERATOR is required: this logbook records who writes to it, proven by their PIN (asked, or {variable})',
    `${USAGE_REASON} {variable}: the environment variable (ROOTLOG_PIN).`,
  ],
  usagePinRequired: [
    'the PIN of {name} is required: type it when asked, or give it in {variable}',
    `${USAGE_REASON} {name}: the operator named by --as; {variable}: the environment variable (ROOTLOG_PIN).`,
  ],
  usageUnknownHubCommand: [
    'unknown hub command "{name}" ({commands})',
    `${USAGE_REASON} {commands}: the hub’s commands (kept).`,
  ],
  usageWhichHubCommand: ['which hub command? ({commands})', `${USAGE_REASON} {commands}: the hub’s commands (kept).`],
  usageSettingProblems: [
    '{problems}',
    `${USAGE_REASON} {problems}: what the connection’s settings given in options break, each its rule (translated).`,
  ],
  // The usage text (rootlog --help)
  helpHeading: [
    'Usage: rootlog <command> [options]',
    'The usage text’s first line; keep "rootlog <command> [options]".',
  ],
  helpCommands: ['Commands:', 'The usage text: before the commands.'],
  helpOptions: ['Options:', 'The usage text: before the options every command takes.'],
  helpUsage: ['Usage:', 'Before one command’s usage, after its usage error.'],
  helpSeed: ['add N realistic signed demo procedures', HELP],
  helpCheck: [
    'integrity, schema version, row counts and tamper evidence: the hash chains, the protective triggers, each signed record against its signed versions; prints the chain head to keep elsewhere, and with --expect-head proves nothing up to a head kept earlier has changed',
    HELP,
  ],
  helpBackup: [
    "online backup, verified by integrity_check; --out-dir names it rootlog-backup-<console>-<UTC time>.sqlite in DIR, and --rotate N then keeps this logbook's newest N there (other files are never touched); --exclude-key leaves the pseudonymisation key out (for copies that leave the department)",
    `${HELP} Keep the file name rootlog-backup-<console>-<UTC time>.sqlite.`,
  ],
  helpWordings: [
    "the department's corrected wordings: JSON, language → message id → words (ids in db/i18n/catalogues/*.po); --set replaces them (checked, audited), --show prints them",
    HELP,
  ],
  helpKey: [
    'show the pseudonymisation key, or put it back into a logbook restored from a backup made with --exclude-key (--set: a settings change, by an administrator)',
    HELP,
  ],
  helpExport: [
    'write an audit export (signed records unless --include-drafts); pseudonymised: keyed pseudonyms, no free text, dates to the day (default) or month, no clock times; --force replaces existing files; the logbook itself, its -wal/-shm and files in use are always refused',
    HELP,
  ],
  helpImport: ['merge a RootLog JSON export from another console', HELP],
  helpFollowUpsDue: ['who is due for a follow-up call or review on that day (default today), overdue first', HELP],
  helpSync: [
    "one push and pull with the department hub (PostgreSQL): TLS always, the server's certificate verified (against the department's CA with --ca); plain text only to the very host --allow-plain names (an administrator's choice); the password from PGPASSWORD or typed, never in the URL, which takes no options; signs with the console's key in FILE.hub-key (made at first use, mode 0600); exit 1 on a conflict or a refusal",
    HELP,
  ],
  helpHubInit: [
    "create or migrate the hub (schema NAME, default rootlog) and the consoles' role NAME_console, with exactly their rights",
    HELP,
  ],
  helpHubAddConsole: [
    "register that logbook's console (its name and public key, read from it) and make its login role ROLE; IT then sets the role's password or certificate. --new-key: the console lost its key and made a new one (the old one stays valid for what it signed)",
    HELP,
  ],
  helpHubRetireConsole: ["end a console's right to add (and to log in); what it added stays", HELP],
  helpHubConsoles: ['the registered consoles and their key fingerprints', HELP],
  helpHubKey: [
    "this console's signing key: made at first use (in LOGBOOK.hub-key, mode 0600), its fingerprint shown; --new replaces a lost one; making or replacing it is a settings change, by an administrator",
    HELP,
  ],
  helpHubRefusals: ['rows of the hub this console refused or that wait, with why', HELP],
  statsProcedures: [
    'procedures (signed): {count}',
    `${STATS} The first line: how many signed procedures the figures cover.`,
  ],
  statsPartMonth: [
    '(part: {from}–{to}, {count, plural, one {# day} other {# days}})',
    `${STATS} After a month's count when the period covers only part of it; {from}, {to}: days of the month.`,
  ],
  statsTargets: [
    '{count, plural, one {# target} other {# targets}}',
    `${STATS} After a root and side: injected levels.`,
  ],
  statsBilateral: [
    'bilateral {bilateral}, with caudal epidural {caudal}',
    `${STATS} Shares of procedures on both sides and with a caudal epidural injection; values are percentages.`,
  ],
  statsPain: ['Immediate pain response (NRS)', STATS_HEADING],
  statsPainGroup: [
    'pre {pre}; post {post}; relief {relief} %; responders {responders}',
    `${STATS} A group's pain scores before and after the injection, the relief and the share of responders.`,
  ],
  statsSpread: [
    'median {median} (IQR {q1}–{q3}, n={n})',
    `${STATS} A median with its interquartile range and the number of values.`,
  ],
  statsRootSpread: [
    '{root}: intravascular {intravascular}, intrathecal {intrathecal} of {targets, plural, one {# target} other {# targets}}',
    `${STATS} A root's rates of intravascular and intrathecal contrast spread (percentages).`,
  ],
  statsParticulate: [
    'particulate steroid after intravascular spread: {with} of {intravascular} ({share})',
    `${STATS} Targets where a particulate steroid was injected although the contrast spread intravascular (a safety figure).`,
  ],
  statsDoseSection: [
    'Radiation dose (reference for one level: CT DLP {dlp} mGy·cm, fluoroscopy {fluoroscopy} s)',
    `${STATS_HEADING} With the department's diagnostic reference levels for one level.`,
  ],
  statsNoneSet: ['none set', `${STATS} In the dose heading: no reference level set.`],
  statsDoseGroup: [
    'DLP {dlp}; CTDIvol {ctdi}; fluoroscopy {fluoroscopy}; DAP {dap}',
    `${STATS} A group's dose figures, each a median, P75 and count.`,
  ],
  statsDose: ['median {median} {unit}, P75 {p75} {unit} (n={n})', `${STATS} One dose figure.`],
  statsDoseAboveReference: [
    'median {median} {unit}, P75 {p75} {unit}, above reference {share} (n={n})',
    `${STATS} One dose figure with the share of procedures above the reference level.`,
  ],
  statsTableTime: ['Table time (minutes)', STATS_HEADING],
  statsTableTimeGroup: [
    '{spread}, P75 {p75}',
    `${STATS} An operator's table time: the median and its range, then P75.`,
  ],
  statsOutcomes: [
    'Outcome at follow-up (procedures whose window ended by {date})',
    `${STATS_HEADING} {date}: as of this day (YYYY-MM-DD).`,
  ],
  statsOutcomeWindow: [
    'day {from}–{to}: followed up {followedUp} of {eligible} ({completeness}); ≥ 50 % relief {relief}, ≥ 2-point NRS drop {nrs}',
    `${STATS} A follow-up window (days after the procedure): how many were followed up of those due, and the rates of ≥ 50 % relief and of a pain score at least 2 points lower.`,
  ],
  helpStats: ['quality-review aggregates (signed records)', HELP],
  helpDoseReport: [
    "read a scanner's radiation dose report (RDSR) and print its totals, events and warnings; --json: one object",
    HELP,
  ],
  helpWorklist: [
    "the scheduled patients (C-FIND) for the day, or N days more; --station: only that station's; --echo: only test the connection (C-ECHO)",
    HELP,
  ],
  helpRisSend: [
    'send the reports waiting for the RIS (HL7 ORU^R01); prints what the RIS acknowledged; exit 1 when it refused any, or could not be reached',
    HELP,
  ],
  helpAs: [
    '--as OPERATOR: who runs it (name or id), proven by their PIN (asked, or {variable})',
    'The usage text: the option --as (keep "--as OPERATOR:"); {variable}: the environment variable (ROOTLOG_PIN).',
  ],
  helpAsWithoutPins: [
    '(a logbook where nobody has a PIN yet is written under the account, as before)',
    'The usage text, below --as.',
  ],
  helpLanguage: [
    "the language of the output when the logbook's department has chosen none (Settings → Department), else English; JSON output is codes in every language",
    `${HELP} The option --language.`,
  ],
  helpHelp: ['show this message', `${HELP} The option --help.`],
});
