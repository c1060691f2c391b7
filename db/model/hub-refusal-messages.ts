import { declareMessages } from './messages.js';

/*
 * Why this console refused a row another console put on the department server (the hub), or
 * what the row waits for (db/hub/entries.ts, apply.ts, pull.ts). Kept in the logbook as words
 * (storedWords) and shown in Settings → Department server (the refusals list), by `rootlog hub
 * refusals` and in the summary of `rootlog sync`, after what the row is about ("record … version
 * 2 from "CT-A": …"). Read by IT and the department's administrator. The values in quotes are
 * console names, ids and codes as the row gives them: kept as they are.
 */
const ROW =
  'Why this console refused a row of the department server (hub), shown after what the row is about ("record … version 2 from “CT-A”: …"), lower case.';
const WAIT =
  'What a row of the department server (hub) waits for before this console can take it (tried again at each sync), shown after what the row is about, lower case.';
const SUBJECT =
  'What a row of the department server (hub) is about, shown before why it was refused or waits (Settings → Department server, `rootlog hub refusals`, `rootlog sync`), lower case. The ids are kept as they are.';
const SHAPE = `${ROW} The row's content is not as RootLog writes it (a field damaged or made by hand).`;
export const HUB_REFUSAL_MESSAGES = declareMessages('hubRefusal', {
  // What is not as RootLog writes it.
  fieldNotAsWritten: [
    '{field} is not as RootLog writes it',
    `${SHAPE} {field}: the field's technical name as the row names it (content.drugs.0.dose): keep it as it is.`,
  ],
  entryNotAsWritten: ['entry is not as RootLog writes it', `${SHAPE} The whole entry, not one field.`],
  notAsWritten: [
    '{problems}',
    `${SHAPE} {problems}: up to three fields, each "… is not as RootLog writes it", separated by semicolons.`,
  ],
  operatorNotAsWritten: [
    'the operator {problems}',
    `${SHAPE} An operator of the catalogue; {problems}: its fields, each "… is not as RootLog writes it" (a colon after "operator" is fine).`,
  ],
  drugNotAsWritten: [
    'the drug {problems}',
    `${SHAPE} A drug of the catalogue; {problems}: its fields, each "… is not as RootLog writes it" (a colon after "drug" is fine).`,
  ],
  // Opening the row: who wrote it, and its signature.
  tooLarge: [
    'its entry is {bytes} bytes, more than the {limit} bytes an entry may hold: it was not read',
    `${ROW} {bytes}: the entry's size; {limit}: the largest size allowed.`,
  ],
  noSignature: ['it has no signature', `${ROW} Every row is signed by the console that wrote it.`],
  noKey: [
    'the console "{console}" had no registered key when the row was added',
    `${ROW} {console}: the console's name. A console's signing key is registered on the hub by IT.`,
  ],
  notEd25519: [
    'the registered key of "{console}" is not an Ed25519 key',
    `${ROW} {console}: the console's name. Keep "Ed25519" (the kind of key).`,
  ],
  afterRetirement: [
    'it was added after the console "{console}" was retired',
    `${ROW} {console}: the console's name; IT retired it on the hub.`,
  ],
  forged: [
    'its signature does not verify with the registered key of "{console}": the console did not write it (forged, or changed on the server)',
    `${ROW} {console}: the console's name.`,
  ],
  notJson: ['its entry is not JSON', `${ROW} Keep "JSON".`],
  notAnObject: ['its entry is not an object', `${ROW} Its JSON is not a set of fields ("object" as JSON says it).`],
  otherFormat: [
    'its entry is of format {format}, not one this RootLog reads ({expected})',
    `${ROW} {format}: the format number the entry gives; {expected}: the one this RootLog reads. A newer RootLog wrote it.`,
  ],
  wrongTable: [
    'it is a {kind} entry in the table of {table}',
    `${ROW} {kind} and {table}: technical names (version, follow_up, follow-ups…): keep them as they are.`,
  ],
  signedAsOther: [
    'it was signed as the console "{signed}" but added by "{console}"',
    `${ROW} {signed}: the console the signed entry names; {console}: the console that added the row.`,
  ],
  columnMismatch: [
    'its {what} is {column} on the server but {signed} in the signed entry',
    `${ROW} {what}: one of the words below ("record id", "version"…); {column}: the value in the server's table; {signed}: the value in the signed entry.`,
  ],
  recordId: ['record id', `${ROW} Fills {what} in "its {what} is … on the server but … in the signed entry".`],
  version: ['version', `${ROW} Fills {what} in "its {what} is … on the server but … in the signed entry".`],
  followUpId: ['follow-up id', `${ROW} Fills {what} in "its {what} is … on the server but … in the signed entry".`],
  kind: ['kind', `${ROW} Fills {what} in "its {what} is … on the server but … in the signed entry": operator or drug.`],
  key: [
    'key',
    `${ROW} Fills {what} in "its {what} is … on the server but … in the signed entry": an operator's id or a drug's code.`,
  ],
  conflictId: ['conflict id', `${ROW} Fills {what} in "its {what} is … on the server but … in the signed entry".`],
  versionItAmends: [
    'version it amends',
    `${ROW} Fills {what} in "its {what} is … on the server but … in the signed entry": the version a conflicting amendment starts from.`,
  ],
  notTaken: [
    'this console could not take it ({detail}); it is kept for IT',
    `${ROW} {detail}: the error as RootLog met it (English, for IT).`,
  ],
  // A version of a record.
  signerHalf: [
    'its signer’s operator id and the signature’s meaning do not come together',
    `${ROW} A signed version names who signed it and what the signature means: both or neither.`,
  ],
  meaningNotSigned: [
    'its signature means "{meaning}", but version {version} is performed and signed',
    `${ROW} {meaning}: the signature's meaning as a code (amended): keep it as it is; {version}: 1.`,
  ],
  meaningNotAmended: [
    'its signature means "{meaning}", but version {version} is an amendment',
    `${ROW} {meaning}: the signature's meaning as a code (performed_and_signed): keep it as it is; {version}: the version number.`,
  ],
  firstVersionReason: ['version 1 has an amendment reason', `${ROW} The first signed version amends nothing.`],
  amendmentNoReason: ['an amendment has no reason', `${ROW} An amendment (version 2 or later) needs its reason.`],
  idFromAnotherConsole: [
    'a record with this id is here already, from the console "{console}"',
    `${ROW} {console}: the console that made the record here.`,
  ],
  idAnotherFirstVersion: [
    'a record with this id is here already with another signed version 1',
    `${ROW} Two records with one id.`,
  ],
  consoleName: [
    'its console name {claim}',
    `${ROW} {claim}: what the name breaks ("“CT-Α” looks like “CT-A”, this console’s own name, but is not it: …").`,
  ],
  recordNotSound: [
    '{problems}',
    `${ROW} {problems}: what the logbook's check of a record found wrong with it, each problem after its field, separated by semicolons.`,
  ],
  atField: [
    '{field}: {problem}',
    `${ROW} One problem the check of a record found: {field} the field's technical name (content.drugs[0].doseMg), keep it as it is; {problem} what is wrong.`,
  ],
  draftHere: [
    'the record with this id is a draft here',
    `${ROW} A version of a record that is still a draft on this console.`,
  ],
  notTheOwner: [
    'the record belongs to the console "{owner}": only it amends the record, not "{console}"',
    `${ROW} {owner}: the console that made the record; {console}: the console that sent an amendment.`,
  ],
  ownVersionDiffers: [
    "version {version} on the hub differs from this console's own version {version}",
    `${ROW} This console made the record; its version on the hub is not the one it signed.`,
  ],
  signedBeforeAmended: [
    'the amendment is signed before the version it amends',
    `${ROW} Its signing time is earlier than the version before it.`,
  ],
  recordBeyondLimits: [
    'it would take the record beyond its limits here: {problem}',
    `${ROW} {problem}: which limit ("the record cannot be amended again: it holds 500 signed versions").`,
  ],
  // A follow-up.
  followUpRecordDraft: ['its record is a draft here', `${ROW} A follow-up of a record still a draft on this console.`],
  followUpIdTaken: [
    'a follow-up with this id belongs to another record here',
    `${ROW} A follow-up; two follow-ups with one id.`,
  ],
  daysAfterMismatch: [
    'its days after the procedure do not match the procedure and contact dates',
    `${ROW} A follow-up; the days after the procedure are counted from the two dates.`,
  ],
  reliefMismatch: [
    'its relief does not match the pain before the procedure and the leg pain now',
    `${ROW} A follow-up; the relief (%) is counted from the two pain scores.`,
  ],
  recordedAtNotReal: [
    'its recording time is not a real, past date and time',
    `${ROW} A follow-up; when it was recorded.`,
  ],
  contactBeforeProcedure: ['its contact date is before the procedure', `${ROW} A follow-up.`],
  correctionNoReason: ['a correction has no reason', `${ROW} A follow-up correcting an earlier one needs its reason.`],
  correctsAnotherRecord: ['it corrects a follow-up of another record', `${ROW} A follow-up correcting an earlier one.`],
  correctedAlready: [
    'the follow-up it corrects was corrected already',
    `${ROW} A follow-up correcting an earlier one.`,
  ],
  followUpBeyondLimits: [
    'it would take its record beyond its limits here: {problem}',
    `${ROW} A follow-up; {problem}: which limit ("the record cannot take another follow-up: it holds 500").`,
  ],
  // The catalogue (operators, drugs).
  versionNotWhole: ['its version is not a whole number', `${ROW} An operator or a drug of the catalogue.`],
  operatorIdNotKey: ['the operator’s id is not its key', `${ROW} An operator; its id differs from the row's key.`],
  drugCodeNotKey: ['the drug’s code is not its key', `${ROW} A drug; its code differs from the row's key.`],
  drugUsualAboveMaximum: ['the drug’s usual dose is above its maximum', `${ROW} A drug of the catalogue.`],
  drugNotTaken: [
    'the drug’s {problem}',
    `${ROW} A drug the catalogue's rules refuse; {problem}: what is wrong, starting with the field ("name is the name of another drug of the catalogue, …"). A colon after "drug" is fine.`,
  ],
  drugName: [
    'name',
    `${ROW} The drug's name, as the field in "the drug’s name is the name of another drug …", lower case in English.`,
  ],
  // A conflict (another console amended a record it does not own) and its resolution.
  ownerInConflict: ['the record’s owner cannot be in conflict with itself', `${ROW} A conflict.`],
  proposalNotSound: [
    'the amendment it proposes is not sound: {problems}',
    `${ROW} A conflict; {problems}: what the check of a record found wrong with the amendment.`,
  ],
  decisionUnknown: [
    'its decision is neither took nor kept',
    `${ROW} A conflict's resolution; "took" and "kept" are codes: keep them as they are.`,
  ],
  resolvesAnotherRecord: ['it resolves a conflict of another record', `${ROW} A conflict's resolution.`],
  notOwnerResolves: [
    'only the record’s owner "{owner}" resolves its conflicts, not "{console}"',
    `${ROW} A conflict's resolution; {owner}: the console that made the record; {console}: the one that resolved it.`,
  ],
  // What a row waits for.
  operatorNotHere: ['its operator {operator} is not here yet', `${WAIT} {operator}: the operator's id.`],
  drugNotHere: ['its drug {drug} is not in the catalogue here yet', `${WAIT} {drug}: the drug's code.`],
  firstVersionNotHere: [
    'its record (version 1 from "{console}") is not here yet',
    `${WAIT} An amendment; {console}: the console that made the record.`,
  ],
  versionNotHere: ['version {version} of the record is not here yet', `${WAIT} An amendment; the version before it.`],
  recordNotHere: ['its record is not here yet', `${WAIT} A follow-up or a conflict.`],
  correctedNotHere: ['the follow-up it corrects is not here yet', `${WAIT} A follow-up correcting an earlier one.`],
  conflictNotHere: ['the conflict it resolves is not here yet', `${WAIT} A conflict's resolution.`],
  // What a row is about, shown before why (kept beside the reason, as words too).
  subjectVersion: [
    'record {record} version {version}',
    `${SUBJECT} A version of a record; {record}: the record's id (a UUID); {version}: its number.`,
  ],
  subjectFollowUp: [
    'follow-up {followUp} of record {record}',
    `${SUBJECT} A follow-up; {followUp}: its id; {record}: the record's id (UUIDs).`,
  ],
  subjectOperator: [
    'operator {key} version {version}',
    `${SUBJECT} An operator of the catalogue; {key}: the operator's id; {version}: the catalogue entry's version.`,
  ],
  subjectDrug: [
    'drug {key} version {version}',
    `${SUBJECT} A drug of the catalogue; {key}: the drug's code; {version}: the catalogue entry's version.`,
  ],
  subjectCatalogue: [
    '{kind} {key} version {version}',
    `${SUBJECT} An entry of the catalogue of a kind this RootLog does not know; {kind}: its kind as the row names it (keep it as it is); {key}: its key.`,
  ],
  subjectConflict: [
    'conflict {conflict} on record {record}',
    `${SUBJECT} A conflict (another console amended a record it does not own); {conflict}: its id; {record}: the record's id.`,
  ],
  subjectResolution: [
    'resolution of conflict {conflict}',
    `${SUBJECT} The owner's decision on a conflict; {conflict}: the conflict's id.`,
  ],
  // A conflict the pull met.
  amendedByOther: [
    'the console "{console}" amended this record, which another console owns: it stays open until the owner resolves it',
    "A conflict in the summary of `rootlog sync`, after the record's id: another console amended a record it does not own. {console}: that console's name.",
  ],
  // Where it is shown.
  fromConsole: [
    '{subject} from "{console}": {reason}',
    'A row of the department server (hub) this console refused, in the summary of `rootlog sync`. {subject}: what the row is about (one of the "record … version 2" sentences above); {console}: the console that sent it; {reason}: why (a sentence above).',
  ],
  asWritten: [
    '{text}',
    'Why a row of the department server (hub) was refused or waits, or what it is about, as an earlier RootLog wrote it in the logbook (in English), shown as it was written.',
  ],
});
