import { declareMessages, type SignatureMeaning, type Translate } from '../../../db/model/index.js';

/*
 * Every word the printed sheets and Settings → Department show, in one place, as messages to
 * translate (the catalogues: db/i18n/catalogues/). A sheet is written in its reader's language:
 * the record in the department's, the aftercare sheet in the patient's; its dates and numbers
 * are that language's locale's (db/model/locale-format.ts, localeFor).
 */

const S = 'Printed procedure record';
const A = 'Printed aftercare sheet, for the patient: plain words';
export const PRINT_MESSAGES = declareMessages('print', {
  recordTitle: ['Lumbar nerve root infiltration — procedure record', `${S}: its title.`],
  recordHeader: ['Procedure record', `${S}: the running header of every page.`],
  aftercareHeader: ['Aftercare sheet', `${A}: the running header of every page.`],
  statusDraft: ['Draft — not signed', `${S}: its status.`],
  statusSigned: ['Signed', `${S}: its status.`],
  statusAmended: ['Signed and amended', `${S}: its status.`],
  version: ['version {version}', `${S}: after the status, e.g. "Signed and amended, version 2".`],
  patient: ['Patient', `${S}: a line's label.`],
  patientId: ['Patient ID', `${S}: a line's label.`],
  born: ['Born', `${S}: a line's label (the birth date).`],
  years: ['{age, plural, one {# year} other {# years}}', `${S}: the age after the birth date.`],
  sex: ['Sex', `${S}: a line's label.`],
  accession: ['Accession', `${S}: a line's label (the RIS accession number).`],
  performed: ['Performed', `${S}: a line's label (date and time of the procedure).`],
  time: ['Time', `${S}: a line's label (start–end).`],
  operator: ['Operator', `${S}: a line's label (the doctor who performed the procedure).`],
  assistant: ['Assistant', `${S}: a line's label.`],
  reportTitle: ['Procedure report', `${S}: the report's heading.`],
  signaturesTitle: ['Signature and amendments', `${S}: a heading.`],
  signedBy: ['Signed by {who} on {at}.', `${S}: {at} is a date and time.`],
  signedByMeaning: [
    'Signed by {who} on {at}: {meaning}, proven by their PIN.',
    `${S}: {at} is a date and time; {meaning} what the signature means, e.g. "performed and signed".`,
  ],
  notSigned: ['Not signed: this is a draft, not a record.', `${S}.`],
  amendedBy: ['Amended (version {version}) by {who} on {at}.', `${S}: {at} is a date and time.`],
  amendedByMeaning: [
    'Amended (version {version}) by {who} on {at}: {meaning}, proven by their PIN.',
    `${S}: {at} is a date and time; {meaning} what the signature means, e.g. "amended".`,
  ],
  meaningSigned: ['performed and signed', `${S}: what a signature proven by a PIN means.`],
  meaningAmended: ['amended', `${S}: what a signature proven by a PIN means.`],
  meaningFollowUp: ['follow-up recorded', `${S}: what a signature proven by a PIN means.`],
  amendReason: ['Reason: {reason}', `${S}: the reason given for an amendment.`],
  followUpsTitle: ['Follow-ups', `${S}: a heading.`],
  noFollowUps: ['No follow-up recorded when this was printed.', `${S}.`],
  followUp: ['Day {day} ({date}, {method})', `${S}: one follow-up, e.g. "Day 14 (12 Mar 2026, phone)".`],
  followUpLine: [
    '{followUp}: {findings}',
    `${S}: a follow-up's line, "Day 14 (12 Mar 2026, phone): leg pain 3, back pain 2, …"; write the colon as your language does (French: a space before it).`,
  ],
  legPain: ['leg pain {score}', `${S}: in a follow-up's line; {score} 0–10 or —.`],
  backPain: ['back pain {score}', `${S}: in a follow-up's line; {score} 0–10 or —.`],
  relief: ['relief {percent} %', `${S}: in a follow-up's line.`],
  recordedBy: ['recorded by {who}', `${S}: in a follow-up's line.`],
  correction: ['correction: {reason}', `${S}: in a follow-up's line.`],
  superseded: ['corrected by a later entry', `${S}: in a follow-up's line.`],
  recordId: ['Record ID', `${S}: in the footer.`],
  printed: ['Printed {at} from RootLog, console {console}', `${S}: the footer; {at} is a date and time.`],
  aftercareFor: ['For', `${A}.`],
  performedBy: [
    'Performed by {doctor} on {at}',
    `${A}: under the patient's name; {doctor} is the doctor's name, {at} a date and time.`,
  ],
  performedOn: ['Performed on {at}', `${A}: when the doctor is not known; {at} is a date and time.`],
  callUs: ['{department}: {phone}', `${A}: the department's name and the phone number to call.`],
  theDepartment: ['The department', `${A}: instead of the department's name when it has none.`],
  callUsTitle: ['Our phone number', `${A}: before the number to call.`],
  sectionGiven: ['What you were given', `${A}: a heading.`],
  sectionExpect: ['What to expect', `${A}: a heading.`],
  sectionToday: ['Today', `${A}: a heading.`],
  sectionCall: ['When to call', `${A}: a heading.`],
  departmentTitle: ['Department', 'Settings → Department: the heading.'],
  departmentHint: [
    'Printed at the top of the procedure record and of the patient’s aftercare sheet; the phone number is the one patients are told to call.',
    'Settings → Department: the explanation under the heading.',
  ],
  departmentName: ['Department name', 'Settings → Department: a field label.'],
  departmentAddress: ['Address (as printed, one line each)', 'Settings → Department: a field label.'],
  departmentPhone: ['Phone number', 'Settings → Department: a field label.'],
  departmentSave: ['Save department', 'Settings → Department: a button.'],
  departmentSaved: ['Department saved.', 'Settings → Department: after saving.'],
});
const M = PRINT_MESSAGES;

/** What a signature means, in the sheet's (or the history's) language (credentials.ts: meaningWords, in English). */
export const meaningIn = (t: Translate, meaning: SignatureMeaning) =>
  t(
    meaning === 'performed_and_signed' ? M.meaningSigned : meaning === 'amended' ? M.meaningAmended : M.meaningFollowUp,
  );

/** The sheets' words in one language (the shape the sheets and the panel read). */
export function printWords(t: Translate) {
  return {
    recordTitle: t(M.recordTitle),
    recordHeader: t(M.recordHeader),
    aftercareHeader: t(M.aftercareHeader),
    status: { draft: t(M.statusDraft), signed: t(M.statusSigned), amended: t(M.statusAmended) } as Record<
      string,
      string
    >,
    version: (version: number) => t(M.version, { version }),
    patient: t(M.patient),
    patientId: t(M.patientId),
    born: t(M.born),
    years: (age: number) => t(M.years, { age }),
    sex: t(M.sex),
    accession: t(M.accession),
    performed: t(M.performed),
    time: t(M.time),
    operator: t(M.operator),
    assistant: t(M.assistant),
    reportTitle: t(M.reportTitle),
    signaturesTitle: t(M.signaturesTitle),
    /** With the signature's meaning where the signer proved it with their PIN (schema 20 on). */
    signedBy: (who: string, at: string, meaning?: SignatureMeaning | null) =>
      meaning ? t(M.signedByMeaning, { who, at, meaning: meaningIn(t, meaning) }) : t(M.signedBy, { who, at }),
    notSigned: t(M.notSigned),
    amendedBy: (version: number, who: string, at: string, meaning?: SignatureMeaning | null) =>
      meaning
        ? t(M.amendedByMeaning, { version, who, at, meaning: meaningIn(t, meaning) })
        : t(M.amendedBy, { version, who, at }),
    amendReason: (reason: string) => t(M.amendReason, { reason }),
    followUpsTitle: t(M.followUpsTitle),
    noFollowUps: t(M.noFollowUps),
    followUp: (day: number, date: string, method: string) => t(M.followUp, { day, date, method }),
    followUpLine: (followUp: string, findings: string) => t(M.followUpLine, { followUp, findings }),
    legPain: (score: number | null | undefined) => t(M.legPain, { score: score ?? '—' }),
    backPain: (score: number | null | undefined) => t(M.backPain, { score: score ?? '—' }),
    relief: (percent: string) => t(M.relief, { percent }),
    recordedBy: (who: string) => t(M.recordedBy, { who }),
    correction: (reason: string) => t(M.correction, { reason }),
    superseded: t(M.superseded),
    recordId: t(M.recordId),
    printed: (at: string, consoleName: string) => t(M.printed, { at, console: consoleName }),
    aftercareFor: t(M.aftercareFor),
    performedBy: (doctor: string | null, at: string) =>
      doctor ? t(M.performedBy, { doctor, at }) : t(M.performedOn, { at }),
    callUs: (department: string, phone: string) => t(M.callUs, { department: department || t(M.theDepartment), phone }),
    callUsTitle: t(M.callUsTitle),
    sections: {
      given: t(M.sectionGiven),
      expect: t(M.sectionExpect),
      today: t(M.sectionToday),
      call: t(M.sectionCall),
    },
    department: {
      title: t(M.departmentTitle),
      hint: t(M.departmentHint),
      name: t(M.departmentName),
      address: t(M.departmentAddress),
      phone: t(M.departmentPhone),
      save: t(M.departmentSave),
      saved: t(M.departmentSaved),
    },
  };
}
export type PrintWords = ReturnType<typeof printWords>;
