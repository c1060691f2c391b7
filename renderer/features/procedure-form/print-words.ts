import { counted } from '../../../db/model/index.js';
/*
 * Every word the printed sheets and Settings → Department show, in one place (for the
 * translations to come). Their dates are the department's locale's (db/model/locale-format.ts).
 */

export const PRINT_WORDS = {
  recordTitle: 'Lumbar nerve root infiltration — procedure record',
  recordHeader: 'Procedure record',
  aftercareHeader: 'Aftercare sheet',
  status: { draft: 'Draft — not signed', signed: 'Signed', amended: 'Signed and amended' } as Record<string, string>,
  version: (version: number) => `version ${version}`,
  patient: 'Patient',
  patientId: 'Patient ID',
  born: 'Born',
  years: (age: number) => counted(age, 'year'),
  sex: 'Sex',
  accession: 'Accession',
  performed: 'Performed',
  time: 'Time',
  operator: 'Operator',
  assistant: 'Assistant',
  reportTitle: 'Procedure report',
  signaturesTitle: 'Signature and amendments',
  /** With the signature's meaning where the signer proved it with their PIN (schema 20 on). */
  signedBy: (who: string, at: string, meaning?: string | null) =>
    meaning ? `Signed by ${who} on ${at}: ${meaning}, proven by their PIN.` : `Signed by ${who} on ${at}.`,
  notSigned: 'Not signed: this is a draft, not a record.',
  amendedBy: (version: number, who: string, at: string, meaning?: string | null) =>
    `Amended (version ${version}) by ${who} on ${at}${meaning ? `: ${meaning}, proven by their PIN` : ''}.`,
  amendReason: (reason: string) => `Reason: ${reason}`,
  followUpsTitle: 'Follow-ups',
  noFollowUps: 'No follow-up recorded when this was printed.',
  followUp: (day: number, date: string, method: string) => `Day ${day} (${date}, ${method})`,
  legPain: (score: number | null | undefined) => `leg pain ${score ?? '—'}`,
  backPain: (score: number | null | undefined) => `back pain ${score ?? '—'}`,
  relief: (percent: string) => `relief ${percent} %`,
  recordedBy: (who: string) => `recorded by ${who}`,
  correction: (reason: string) => `correction: ${reason}`,
  superseded: 'corrected by a later entry',
  recordId: 'Record ID',
  printed: (at: string, consoleName: string) => `Printed ${at} from RootLog, console ${consoleName}`,
  aftercareFor: 'For',
  callUs: (department: string, phone: string) => `${department || 'The department'}: ${phone}`,
  callUsTitle: 'Our phone number',
  sections: {
    given: 'What you were given',
    expect: 'What to expect',
    today: 'Today',
    call: 'When to call',
  },
  department: {
    title: 'Department',
    hint: 'Printed at the top of the procedure record and of the patient’s aftercare sheet; the phone number is the one patients are told to call.',
    name: 'Department name',
    address: 'Address (as printed, one line each)',
    phone: 'Phone number',
    save: 'Save department',
    saved: 'Department saved.',
  },
} as const;
