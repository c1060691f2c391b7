import { declareMessages } from './messages.js';

/*
 * Why this console did not push one of its own records (db/hub/push.ts), or why the push made a
 * conflict of it: in the summary of `rootlog sync` (after the record's id) and in the app's last
 * sync report. Read by IT and the department's administrator. What the server (PostgreSQL) says
 * is its own text, English as it gives it, shown inside these words ({detail}).
 */
const REFUSED =
  'Why this console did not push one of its records to the department server (hub), in the summary of `rootlog sync` after the record’s id, lower case.';
const SERVER = `${REFUSED} The hub (PostgreSQL) refused the row; it is tried again at the next sync.`;
const CONFLICT =
  'A conflict the push met, in the summary of `rootlog sync` after the record’s id, lower case: two consoles changed one record.';
export const HUB_PUSH_MESSAGES = declareMessages('hubPush', {
  // Refused here, before anything is signed.
  versionChanged: [
    'version {version} was changed in this logbook after it was signed (its hash link does not match): it is not signed for the hub; run rootlog check',
    `${REFUSED} {version}: the version's number. Keep "rootlog check" (a command) as it is.`,
  ],
  followUpChanged: [
    'follow-up {followUp} was changed in this logbook after it was recorded (its hash link does not match)',
    `${REFUSED} {followUp}: the follow-up's id.`,
  ],
  versionTooLarge: [
    'version {version} is {bytes} bytes as a signed entry, more than the hub takes ({limit})',
    `${REFUSED} {version}: the version's number; {bytes}: its size signed; {limit}: the largest size the hub takes, in bytes.`,
  ],
  notThisConsole: [
    'not pushed: the record names the console "{owner}", and this console is "{me}" on the hub (a record imported from there, or signed before this console had its name); only "{owner}" pushes it',
    `${REFUSED} {owner}: the console the record names; {me}: this console's name on the hub. The record leaves the outbox.`,
  ],
  // Refused by the hub.
  rowRefused: [
    '{row}: {reason}',
    `${SERVER} {row}: which row ("version 2", "follow-up …", below); {reason}: why (one of the "the hub refused it…" sentences).`,
  ],
  version: ['version {version}', `${SERVER} Fills {row} in "{row}: {reason}"; {version}: the version's number.`],
  followUp: ['follow-up {followUp}', `${SERVER} Fills {row} in "{row}: {reason}"; {followUp}: the follow-up's id.`],
  conflictRefused: [
    'the conflict {conflict}: {reason}',
    `${SERVER} The conflict this console sent (its amendment of a record another console owns); {conflict}: its id; {reason}: why (one of the "the hub refused it…" sentences).`,
  ],
  resolutionRefused: [
    'the resolution of {conflict}: {reason}',
    `${SERVER} This console's decision on a conflict; {conflict}: the conflict's id; {reason}: why (one of the "the hub refused it…" sentences).`,
  ],
  hubRefusedRights: [
    'the hub refused it: this console may add only its own records and their versions, in order',
    `${SERVER} The hub's rules of who adds what.`,
  ],
  hubRefusedMalformed: [
    'the hub refused it as malformed ({detail})',
    `${SERVER} {detail}: PostgreSQL's own message (English): keep it as it is.`,
  ],
  hubRefusedNotRegistered: [
    'the hub refused it: this console is not registered there (or was retired)',
    `${SERVER} IT registers (and retires) the consoles on the hub.`,
  ],
  hubRefused: [
    'the hub refused it ({detail})',
    `${SERVER} {detail}: PostgreSQL's own message (English): keep it as it is.`,
  ],
  // Conflicts.
  versionDiffers: [
    'version {version} on the hub differs from version {version} here (was this logbook restored from an older backup and amended again?)',
    `${CONFLICT} {version}: the version's number; this console made the record.`,
  ],
  versionFromOther: [
    'version {version} of this record is on the hub already from another console',
    `${CONFLICT} {version}: the version's number.`,
  ],
  sentToOwner: [
    'amended here, but the record belongs to "{owner}": sent to it as a conflict to resolve',
    `${CONFLICT} {owner}: the console that made the record (it decides).`,
  ],
});
