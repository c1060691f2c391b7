import { declareMessages } from '../../../db/model/index.js';

/* The words of the settings screens, as messages to translate (db/i18n/catalogues/). */

export const DEPARTMENT_LANGUAGE_MESSAGES = declareMessages('settings.department', {
  language: [
    'Department’s language',
    'Settings → Department: the language of the screens (unless an operator chose another) and of a patient’s sheet (unless the record says).',
  ],
  reportLanguage: [
    'Report language',
    'Settings → Department: the language the procedure report is written in for the RIS.',
  ],
});

export const LANGUAGE_PANEL_MESSAGES = declareMessages('settings.language', {
  title: ['Language', 'Settings → Language: the heading.'],
  hint: [
    'Each operator reads the screens in their own language, remembered for them; without a choice, the department’s ({language}).',
    'Settings → Language: {language} is the department’s language, e.g. "Deutsch".',
  ],
  operator: ['Operator', 'Settings → Language: whose language is chosen.'],
  language: ['Screens in', 'Settings → Language: the language chooser.'],
  departments: ['The department’s ({language})', 'Settings → Language: no choice of one’s own.'],
});

const P = 'Settings → Presets';
export const PRESETS_PANEL_MESSAGES = declareMessages('settings.presets', {
  title: ['Presets', `${P}: the heading.`],
  hint: [
    'A preset fills the plan of a usual case — targets, modality, caudal injection, drugs and doses — with one key at the console (Alt+1 … Alt+9); what is seen and asked (spread, consent, pain) is always entered.',
    `${P}: the explanation under the heading.`,
  ],
  none: ['No presets yet.', `${P}: an empty list.`],
  removed: ['Preset {name} removed.', `${P}: after removing one; {name} is the preset's name.`],
  remove: ['Remove {name}', `${P}: a button; {name} is the preset's name.`],
  mostUsed: ['The department’s most used plans (last 12 months)', `${P}: a heading.`],
  nothingToLearn: ['No signed procedures in the last twelve months to learn from.', `${P}: no suggestions.`],
  suggestion: [
    '{description} ({count, plural, one {# procedure} other {# procedures}})',
    `${P}: a suggested plan and how many signed procedures followed it; {description} is the plan in words.`,
  ],
  added: ['Preset added: Alt+{key}.', `${P}: after adding one; {key} is its number, 1 to 9.`],
  taken: ['Added', `${P}: the button of a suggestion already a preset.`],
  add: ['Add as preset', `${P}: a button.`],
});

const STATUS = 'Settings: the status line after a change';
/** What a settings change did, said at the top of Settings (settings-store's message). */
export const SETTINGS_STATUS_MESSAGES = declareMessages('settings.status', {
  saved: ['Settings saved.', `${STATUS}.`],
  drugSaved: ['{name} saved.', `${STATUS}; {name} is a drug's name.`],
  drugAdded: ['{name} added to the catalogue.', `${STATUS}; {name} is the new drug's name.`],
  operatorAdded: ['{name} added.', `${STATUS}; {name} is the new operator's name.`],
  operatorAddedSetPin: [
    '{name} added: set their first PIN.',
    `${STATUS}; {name} is the new operator's name, who cannot sign before a PIN is set.`,
  ],
  roleChanged: ['{name}’s role is now: {role}.', `${STATUS}; {role} is "Radiologist" or "Technologist".`],
  administratorNow: ['{name} is now an administrator.', `${STATUS}.`],
  administratorNoLonger: ['{name} is no longer an administrator.', `${STATUS}.`],
  activated: ['{name} activated.', `${STATUS}: an operator may log and sign again.`],
  deactivated: ['{name} deactivated.', `${STATUS}: an operator no longer offered (their records stay).`],
  pinSet: ['{name}’s PIN was set.', `${STATUS}: an administrator set an operator's PIN.`],
  pinChanged: ['Your PIN was changed.', `${STATUS}: an operator changed their own PIN.`],
  badgeEnrolled: [
    '{name}’s badge was enrolled: it now chooses them at the lock screen.',
    `${STATUS}: a staff badge (card) was registered for an operator.`,
  ],
  badgeReplaced: [
    '{name}’s badge was replaced: it now chooses them at the lock screen.',
    `${STATUS}: a new staff badge replaced the old one.`,
  ],
  badgeRemoved: ['{name}’s badge was removed.', `${STATUS}.`],
  pinRefused: [
    'The PIN {problem}.',
    `${STATUS} and beside a PIN field; {problem} is the rule it breaks, e.g. "must be at least 4 characters" (still English).`,
  ],
  newPinRefused: [
    'The new PIN {problem}.',
    `${STATUS}; {problem} is the rule it breaks, e.g. "must be at least 4 characters" (still English).`,
  ],
  badgeRefused: ['Badge {problem}.', `${STATUS}; {problem} is why the number read is not a badge's (still English).`],
  levelsAdopted: [
    'Reference levels adopted: the 75th percentile of the signed procedures from {from} to {to}.',
    `${STATUS}; {from} and {to} are dates.`,
  ],
});

const SCREEN = 'Settings screen';
export const SETTINGS_SCREEN_MESSAGES = declareMessages('settings.screen', {
  loading: ['Loading settings…', `${SCREEN}: before the settings are read.`],
  title: ['Settings', `${SCREEN}: the heading.`],
  console: ['This console and the department’s limits', `${SCREEN}: a section's heading.`],
  consoleName: ['Console name', `${SCREEN}: this computer's name, as exports and dashboards show it.`],
  defaultOperator: ['Default operator at this console', `${SCREEN}: who is offered first at this console.`],
  none: ['None', `${SCREEN}: no default operator.`],
  steroidDayMax: [
    'Steroid per patient and day (mg dexamethasone-equivalent)',
    `${SCREEN}: the most steroid one patient may receive in one day, above which the form warns.`,
  ],
  idleLock: [
    'Lock the console after this many idle minutes (1–60)',
    `${SCREEN}: the console locks itself when nobody types.`,
  ],
  technologistsRecordFollowUps: [
    'Technologists record follow-up calls (radiologists always may)',
    `${SCREEN}: a checkbox.`,
  ],
  followUpWindows: ['Follow-ups are due (days after the procedure)', `${SCREEN}: a group of four day numbers.`],
  callFrom: ['Call from day', `${SCREEN}: the early follow-up (phone call) is due from this day.`],
  callUntil: ['Call until day', `${SCREEN}: the early follow-up is due until this day.`],
  reviewFrom: ['Review from day', `${SCREEN}: the late follow-up (review) is due from this day.`],
  reviewUntil: ['Review until day', `${SCREEN}: the late follow-up is due until this day.`],
  save: ['Save settings', `${SCREEN}: the button of the console section.`],
});

const DRUGS = 'Settings → Drug catalogue';
export const DRUG_CATALOGUE_MESSAGES = declareMessages('settings.drugs', {
  title: ['Drug catalogue', `${DRUGS}: the heading.`],
  drug: ['Drug', `${DRUGS}: a column heading.`],
  drugClass: ['Class', `${DRUGS}: a column heading: steroid, local anaesthetic, other.`],
  particulate: ['Particulate', `${DRUGS}: a column heading: a particulate (crystalline) steroid suspension.`],
  usualDose: ['Usual dose (mg)', `${DRUGS}: a column heading.`],
  maxDose: ['Maximum (mg)', `${DRUGS}: a column heading: the highest dose per procedure.`],
  concentration: [
    'Concentration (mg/mL): default, usual lowest–highest',
    `${DRUGS}: a column heading (local anaesthetics only).`,
  ],
  save: ['Save', `${DRUGS}: a column heading (the buttons).`],
  isParticulate: ['{drug} is particulate', `${DRUGS}: a checkbox's accessible name; {drug} is the drug's name.`],
  usualDoseOf: ['{drug} usual dose (mg)', `${DRUGS}: a field's accessible name.`],
  maxDoseOf: ['{drug} maximum dose (mg)', `${DRUGS}: a field's accessible name.`],
  defaultConcentrationOf: ['{drug} default concentration (mg/mL)', `${DRUGS}: a field's accessible name.`],
  lowestConcentrationOf: ['{drug} lowest usual concentration (mg/mL)', `${DRUGS}: a field's accessible name.`],
  highestConcentrationOf: ['{drug} highest usual concentration (mg/mL)', `${DRUGS}: a field's accessible name.`],
  saveDrug: ['Save {drug}', `${DRUGS}: a button; {drug} is the drug's name.`],
});

const NEW_DRUG = 'Settings → Drug catalogue, adding a drug';
export const NEW_DRUG_MESSAGES = declareMessages('settings.newDrug', {
  form: ['New drug', `${NEW_DRUG}: the form's accessible name.`],
  name: ['New drug', `${NEW_DRUG}: the new drug's name.`],
  code: ['Code', `${NEW_DRUG}: the code records and exports store (letters, digits, underscores).`],
  taken: ['Code {code} is already in the catalogue: edit that drug above.', `${NEW_DRUG}: {code} is the code typed.`],
  drugClass: ['Class', `${NEW_DRUG}: steroid, local anaesthetic, other.`],
  dosing: ['Dosing', `${NEW_DRUG}: how the form asks for the amount given.`],
  dosingMg: ['Dose in mg', `${NEW_DRUG}: a dosing.`],
  dosingConcentration: ['Concentration × volume', `${NEW_DRUG}: a dosing (local anaesthetics: mg/mL and mL).`],
  dosingVolume: ['Volume only', `${NEW_DRUG}: a dosing (mL only, e.g. saline).`],
  particulate: ['Particulate', `${NEW_DRUG}: a checkbox: a particulate (crystalline) steroid suspension.`],
  usualDose: ['Usual dose (mg)', `${NEW_DRUG}.`],
  maxDose: ['Maximum (mg)', `${NEW_DRUG}: the highest dose per procedure.`],
  add: ['Add drug', `${NEW_DRUG}: the button.`],
});

const LOCALE = 'Settings → Dates and numbers';
export const LOCALE_PANEL_MESSAGES = declareMessages('settings.locale', {
  title: ['Dates and numbers', `${LOCALE}: the heading.`],
  hint: [
    'How dates are typed and shown (day, month and year in this order) and which decimal mark numbers are shown with. Numbers may always be typed with “.” or “,”.',
    `${LOCALE}: the explanation under the heading.`,
  ],
  locale: [
    'Write dates and numbers as in',
    `${LOCALE}: the chooser of a country and language ("Switzerland (German)").`,
  ],
});

const PATIENT_ID = 'Settings → Patient ID';
export const PATIENT_ID_PANEL_MESSAGES = declareMessages('settings.patientId', {
  title: ['Patient ID', `${PATIENT_ID}: the heading.`],
  hint: [
    'How this department writes its patient IDs. Spaces and letter case never make two patients of one; the pattern refuses an ID typed wrongly. Leave the pattern empty to take any ID.',
    `${PATIENT_ID}: the explanation under the heading.`,
  ],
  letterCase: ['Letter case', `${PATIENT_ID}: how the ID's letters are stored.`],
  asTyped: ['As typed', `${PATIENT_ID}: a letter case: stored as typed.`],
  upper: ['Capitals (k-100301 is stored as K-100301)', `${PATIENT_ID}: a letter case.`],
  pattern: [
    'Pattern (regular expression, e.g. {example})',
    `${PATIENT_ID}: a field; {example} is a regular expression such as K-\\d{6}.`,
  ],
  example: ['An ID that follows it', `${PATIENT_ID}: a field: an example ID, shown when one is refused.`],
  save: ['Save patient ID rule', `${PATIENT_ID}: the button.`],
});

const REPORT = 'Settings → Procedure report';
export const REPORT_TEMPLATE_MESSAGES = declareMessages('settings.report', {
  title: ['Procedure report', `${REPORT}: the heading.`],
  hint: [
    '“## Title” starts a section; a line whose placeholders are all empty is left out, and a section left with nothing is left out with its title. Placeholders: {placeholders}',
    `${REPORT}: the explanation; {placeholders} is the list "{procedure} {drugs} …", kept as it is.`,
  ],
  template: [
    'Report template ({language})',
    `${REPORT}: the text field; {language} is the report language, e.g. "Deutsch".`,
  ],
  save: ['Save template', `${REPORT}: a button.`],
  shipped: ['Back to the shipped template', `${REPORT}: a button that puts RootLog's own template back in the field.`],
});

const LEVELS = 'Settings → Reference levels';
export const REFERENCE_LEVELS_MESSAGES = declareMessages('settings.referenceLevels', {
  title: ['Reference levels', `${LEVELS}: the heading (local diagnostic reference levels, DRL).`],
  hint: [
    'There is no national reference level for these procedures: a department sets its own as the 75th percentile of its practice. A procedure above its level asks for a reason when it is signed.',
    `${LEVELS}: the explanation under the heading.`,
  ],
  inForce: ['Levels in force', `${LEVELS}: a table's caption.`],
  modality: ['Modality', `${LEVELS}: a column heading.`],
  protocol: ['Protocol', `${LEVELS}: a column heading (one level, two levels or bilateral, with caudal).`],
  quantity: ['Quantity', `${LEVELS}: a column heading (DLP, CTDIvol, DAP, fluoroscopy time).`],
  level: ['Level', `${LEVELS}: a column heading.`],
  origin: ['Where it comes from', `${LEVELS}: a column heading.`],
  originStarting: [
    'Starting value (a published figure, not yet the department’s own)',
    `${LEVELS}: where a level comes from: shipped with RootLog.`,
  ],
  originAdopted: ['Adopted: 75th percentile', `${LEVELS}: where a level comes from: the department's own P75.`],
  originAdoptedOf: [
    'Adopted: 75th percentile of {count, plural, one {# case} other {# cases}}, {from} to {to}',
    `${LEVELS}: where a level comes from: the department's own P75 of a period; {from} and {to} are dates.`,
  ],
  originSet: ['Set by the department', `${LEVELS}: where a level comes from: typed in by hand.`],
  levelOf: [
    '{quantity} level, {modality}, {protocol}',
    `${LEVELS}: a field's accessible name, e.g. "DLP level, CT, any protocol".`,
  ],
  save: ['Save levels', `${LEVELS}: a button.`],
  proposed: ['Proposed local levels', `${LEVELS}: a heading.`],
  from: ['From', `${LEVELS}: the first day of the period the proposal is computed from.`],
  to: ['To', `${LEVELS}: the last day of that period.`],
  compute: ['Compute proposal', `${LEVELS}: a button.`],
  proposalCaption: [
    '75th percentile of the signed procedures from {from} to {to} (at least {count, plural, one {# case} other {# cases}} to adopt)',
    `${LEVELS}: the proposal table's caption; {from} and {to} are dates.`,
  ],
  cases: ['Cases', `${LEVELS}: a column heading.`],
  median: ['Median', `${LEVELS}: a column heading.`],
  proposedLevel: ['Proposed level (P75)', `${LEVELS}: a column heading.`],
  current: ['In force', `${LEVELS}: a column heading: the level in force now.`],
  tooFew: ['{value} (too few cases)', `${LEVELS}: a proposal that cannot be adopted; {value} is the figure or "–".`],
  currentLevel: ['{value} ({origin})', `${LEVELS}: the level in force and where it comes from.`],
  noLevel: ['none', `${LEVELS}: no level in force.`],
  adopt: ['Adopt proposed levels', `${LEVELS}: a button.`],
});

const OPERATORS = 'Settings → Operators';
export const OPERATORS_PANEL_MESSAGES = declareMessages('settings.operators', {
  title: ['Operators', `${OPERATORS}: the heading.`],
  radiologist: ['Radiologist', `${OPERATORS}: a role: signs and amends.`],
  technologist: ['Technologist', `${OPERATORS}: a role (radiographer): prepares the case.`],
  administratorTag: ['administrator', `${OPERATORS}: beside an operator's role: they may change the settings.`],
  noPin: ['no PIN yet', `${OPERATORS}: the state of an operator's PIN.`],
  pinSet: ['PIN set', `${OPERATORS}: the state of an operator's PIN.`],
  lockedUntil: ['locked until {time}', `${OPERATORS}: after too many wrong PINs; {time} is a clock time.`],
  badgeEnrolled: ['badge enrolled', `${OPERATORS}: the operator has a staff badge (card).`],
  roleOf: ['Role of {name}', `${OPERATORS}: a chooser's accessible name.`],
  administrator: ['Administrator', `${OPERATORS}: a checkbox.`],
  activate: ['Activate', `${OPERATORS}: a button.`],
  deactivate: ['Deactivate', `${OPERATORS}: a button: the operator is no longer offered (their records stay).`],
  firstPin: ['First PIN', `${OPERATORS}: a field.`],
  newPin: ['New PIN', `${OPERATORS}: a field.`],
  setPin: ['Set PIN', `${OPERATORS}: a button.`],
  resetPin: ['Reset PIN', `${OPERATORS}: a button (also lifts a lock).`],
  badge: ['Badge', `${OPERATORS}: a field: the card reader types the badge's number into it.`],
  newBadge: ['New badge', `${OPERATORS}: a field.`],
  scanHere: ['scan it here', `${OPERATORS}: the badge field's placeholder.`],
  enrolBadge: ['Enrol badge', `${OPERATORS}: a button.`],
  replaceBadge: ['Replace badge', `${OPERATORS}: a button.`],
  removeBadge: ['Remove badge', `${OPERATORS}: a button.`],
  newOperator: ['New operator', `${OPERATORS}: a field: the new operator's name.`],
  role: ['Role', `${OPERATORS}: a chooser.`],
  add: ['Add operator', `${OPERATORS}: a button.`],
  changeMyPin: ['Change my PIN', `${OPERATORS}: a form's accessible name and its button.`],
  changeWho: ['Change my PIN: who', `${OPERATORS}: the chooser of who changes their PIN.`],
  currentPin: ['Current PIN', `${OPERATORS}: a field.`],
});

const GATE = 'Settings: the administrator’s opening of changes, at the top';
export const ADMINISTRATION_MESSAGES = declareMessages('settings.administration', {
  open: ['Changes are open for {name} (administrator).', `${GATE}; {name} is the administrator.`],
  end: ['End changes', `${GATE}: a button.`],
  title: ['Changes need an administrator', `${GATE}: the heading.`],
  notAdministrator: [
    '{name} is not an administrator: settings are changed by an administrator.',
    `${GATE}: a badge of someone else was scanned.`,
  ],
  administrator: ['Administrator', `${GATE}: the chooser of the administrator.`],
  pin: ['Administrator’s PIN', `${GATE}: a field.`],
  openChanges: ['Open changes', `${GATE}: a button.`],
});

const WELCOME = 'First run (a new logbook)';
export const WELCOME_MESSAGES = declareMessages('settings.welcome', {
  title: ['Welcome to RootLog', `${WELCOME}: the heading.`],
  intro: [
    'Before the first case: this console’s name, and who operates here with their PIN. This first operator becomes the logbook’s administrator: they add the other operators, set their first PINs and change the settings.',
    `${WELCOME}: the explanation under the heading.`,
  ],
  consoleName: ['Name of this console (as exports and dashboards show it)', `${WELCOME}: a field.`],
  consoleExample: [
    'e.g. CT 1 (this computer is “{name}”)',
    `${WELCOME}: the field's placeholder; {name} is the computer's name.`,
  ],
  operator: ['First operator, the administrator (more can be added in Settings)', `${WELCOME}: a field (a name).`],
  pin: ['Their PIN (at least 4 characters; typed at each signature)', `${WELCOME}: a field.`],
  pinAgain: ['The PIN again', `${WELCOME}: a field.`],
  differ: ['The two PINs differ.', `${WELCOME}: under the second PIN.`],
  start: ['Start logging', `${WELCOME}: the button.`],
  later: ['Later', `${WELCOME}: a button: to the list without setting up.`],
});
