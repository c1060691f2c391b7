import { declareMessages } from './messages.js';

/*
 * The schemas' own rules, where a schema says more than zod's words (zod-words.ts): each a
 * message, given to zod with `rule()` so its English is zod's message and its words are found
 * again (zodIssueWords) to be said in the reader's language beside the field.
 */
const RULE = 'What a value breaks, after the field\'s label ("PIN must be typed"), beside the field and in refusals.';
export const RULE_MESSAGES = declareMessages('rule', {
  pinRepeatedCharacter: ['must not be one character repeated (such as 0000)', `${RULE} A new PIN.`],
  pinRunOfDigits: ['must not be a run of digits (such as 1234 or 4321)', `${RULE} A new PIN.`],
  noSpaceAtEnds: ['must not begin or end with a space', `${RULE} A new PIN.`],
  atLeastCharacters: ['must be at least {count} characters', `${RULE} {count}: a number (4).`],
  atMostCharacters: ['must be at most {count} characters', `${RULE} {count}: a number.`],
  mustBeTyped: ['must be typed', `${RULE} A PIN.`],
  mustBeChosen: ['must be chosen', `${RULE} Who signs.`],
  badgeTyped: ['must be the number the card reader types', `${RULE} A badge.`],
  badgeForm: ['must be 4 to 32 letters, digits or dashes, as the card reader types it', `${RULE} A badge.`],
  eitherNameOrOperator: [
    'Give either a new name or an operator already listed',
    'A refusal at first run: the first administrator.',
  ],
  idleMinutes: ['must be a whole number of minutes from 1 to 60', `${RULE} The console's lock time.`],
  wholeNumberRange: ['must be a whole number from {min} to {max}', `${RULE} {min}, {max}: numbers.`],
  numberRange: ['must be a number from {min} to {max}', `${RULE} {min}, {max}: numbers.`],
  atMostEntries: ['must have at most {count} entries', `${RULE} {count}: a number.`],
  noValueTwice: ['must not list the same value twice', RULE],
  clockTime: ['must be a time as HH:MM', `${RULE} Keep HH:MM.`],
  dateTimeOffset: [
    'must be a date and time with its UTC offset, e.g. 2026-03-14T09:30:00+01:00',
    `${RULE} Keep the example as it is.`,
  ],
  dicomUid: ['must be a DICOM UID (digits and dots, at most 64 characters)', `${RULE} Keep "DICOM UID".`],
  dicomUids: [
    'must be up to {count} DICOM UIDs separated by spaces',
    `${RULE} {count}: a number (8). Keep "DICOM UID".`,
  ],
  languageCode: ['must be a language code such as de, fr, it or en', `${RULE} The patient's language.`],
  yesNo: ['must be yes or no', RULE],
  folder: ['must be a folder', `${RULE} The backup folder.`],
  noControlCharacters: ['must not contain control characters', RULE],
  wholePath: [
    'must be a whole path from the top, e.g. /mnt/backup, D:\\Backup or \\\\server\\share\\rootlog',
    `${RULE} The backup folder. Keep the examples as they are.`,
  ],
  timeOfDayKind: ['must be a time of day', `${RULE} The backups' time.`],
  timeOfDay: ['must be a time of day as HH:MM, from 00:00 to 23:59', `${RULE} The backups' time. Keep HH:MM.`],
  backupsKept: [
    'must be a whole number of backups from {min} to {max}',
    `${RULE} How many backups are kept. {min}, {max}: numbers.`,
  ],
});
