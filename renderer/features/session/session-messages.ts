import { declareMessages } from '../../../db/model/index.js';

/* The lock screen's words, in the department's language (db/i18n/catalogues/). */
const S = 'Lock screen (no patient data shown until an operator’s PIN opens the console)';
export const LOCK_SCREEN_MESSAGES = declareMessages('session.lock', {
  title: ['RootLog is locked', `${S}: the heading.`],
  hintBadges: [
    'Patient data is hidden. Scan your badge, or choose who you are, and type your PIN to open the console.',
    `${S}: the explanation where operators have badges.`,
  ],
  hint: ['Patient data is hidden. Choose who you are and type your PIN to open the console.', `${S}: the explanation.`],
  noPin: [
    '{name} has no PIN yet: an administrator sets the first one.',
    `${S}: a badge scanned whose holder has no PIN; {name} is the operator's name.`,
  ],
  operator: ['Operator', `${S}: who opens the console.`],
  badgeOf: ['Badge of {name}: type your PIN.', `${S}: after a badge was scanned; {name} is its holder.`],
  pin: ['PIN', `${S}: the operator's PIN.`],
  open: ['Open', `${S}: the button that opens the console.`],
  badge: ['Badge', 'Lock screen and Settings → Operators: the field a badge is scanned into.'],
  badgeUnknown: [
    'That badge is not bound to an operator here: choose your name and type your PIN.',
    `${S}: a badge scanned that is nobody's here.`,
  ],
});
