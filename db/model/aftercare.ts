import type { Drug } from './catalogue.js';
import { formatNumber } from './locale-format.js';
import { DEFAULT_DEPARTMENT_LOCALE } from './locales.js';
import { declareMessages, listInWords, type Speaking } from './messages.js';
import { doseInMg, type ProcedureDraft } from './procedure.js';

/*
 * The patient's aftercare sheet, built from the record: what was injected and where, what to
 * expect, what to do, and when to call. Plain words for the patient, not the report's, in the
 * patient's language (the caller's Speaking).
 */

export const AFTERCARE_MESSAGES = declareMessages('aftercare', {
  title: ['After your nerve root injection', 'Aftercare sheet, title. For the patient: plain words.'],
  given: [
    '{drugs} {where}.',
    'Aftercare sheet: what was injected and where. {drugs}: "dexamethasone (a cortisone) 8 mg and lidocaine (a local anaesthetic) 20 mg"; {where}: "at the left L5 nerve root".',
  ],
  steroid: ['a cortisone', 'Aftercare sheet: what a steroid is, in brackets after its name, for a patient.'],
  localAnaesthetic: [
    'a local anaesthetic',
    'Aftercare sheet: what a local anaesthetic is, in brackets after its name, for a patient.',
  ],
  atRoot: [
    'at the {side, select, left {left} right {right} other {}} {root} nerve root',
    'Aftercare sheet: where a drug was injected. {root} is a nerve root such as L5; {side} left or right.',
  ],
  caudal: [
    'in the lower spinal canal (caudal epidural injection)',
    'Aftercare sheet: where a caudal epidural injection goes, for a patient.',
  ],
  expectNumb: [
    'Your leg may feel numb or weak for a few hours: the local anaesthetic wears off by itself.',
    'Aftercare sheet, what to expect (a local anaesthetic was given).',
  ],
  expectCortisone: [
    'The cortisone usually begins to work after 1–3 days; the pain may return for a while before then.',
    'Aftercare sheet, what to expect (a steroid was given).',
  ],
  expectSoreness: ['Some soreness where the needle went in is normal for a day or two.', 'Aftercare sheet.'],
  expectDiabetes: [
    'If you have diabetes: the cortisone can raise your blood sugar for a few days. Check it more often.',
    'Aftercare sheet: for a patient with diabetes who was given a steroid.',
  ],
  todoDrive: ['Do not drive today. Someone should take you home.', 'Aftercare sheet, today.'],
  todoMedicines: [
    'Take your usual medicines, including painkillers, unless you were told otherwise.',
    'Aftercare sheet, today.',
  ],
  todoShower: ['You may shower; please do not bathe or swim today.', 'Aftercare sheet, today.'],
  callUs: [
    'Call us on {phone} or your doctor if you have a fever, severe or increasing pain, new weakness or numbness in a leg, or redness and swelling where the needle went in.',
    'Aftercare sheet, when to call. {phone} is the department’s phone number.',
  ],
  callDepartment: [
    'Call the department or your doctor if you have a fever, severe or increasing pain, new weakness or numbness in a leg, or redness and swelling where the needle went in.',
    'Aftercare sheet, when to call, when the department has given no phone number.',
  ],
  emergency: [
    'Go to an emergency department at once if you cannot pass urine or control your bladder or bowels, or if your legs become weak.',
    'Aftercare sheet: the warning signs of a cauda equina syndrome, in plain words.',
  ],
});
const M = AFTERCARE_MESSAGES;

export interface AftercareSheet {
  title: string;
  date: string;
  /** "Dexamethasone (a cortisone) 8 mg and lidocaine (a local anaesthetic) 20 mg at the right L5 nerve root". */
  injected: string[];
  expect: string[];
  todo: string[];
  call: string[];
}

export interface AftercareOptions {
  /** The department's phone number, said in "when to call"; none: "call the department". */
  phone?: string;
  /** How the sheet writes its doses (locales.ts: localeFor the patient's language). */
  locale?: string;
}

export function aftercareSheet(
  record: ProcedureDraft,
  drug: (code: string) => Drug | undefined,
  { t, language }: Speaking,
  { phone = '', locale = DEFAULT_DEPARTMENT_LOCALE }: AftercareOptions = {},
): AftercareSheet {
  const classWords: Record<string, string> = { steroid: t(M.steroid), local_anaesthetic: t(M.localAnaesthetic) };
  const at = (site: number | 'caudal' | null | undefined) => {
    if (site === 'caudal') return t(M.caudal);
    const target = typeof site === 'number' ? record.targets[site] : undefined;
    return target
      ? t(M.atRoot, { side: target.side ?? 'other', root: target.root ?? '' })
          .replace(/\s+/g, ' ')
          .trim()
      : '';
  };
  const sites = [...new Set(record.drugs.map((administration) => administration.site))];
  const injected = sites
    .map((site) => {
      const given = record.drugs
        .filter((administration) => administration.site === site)
        .map((administration) => {
          const known = drug(administration.drug);
          const name = (administration.asSigned?.name ?? known?.name ?? administration.drug).toLowerCase();
          const kind = classWords[administration.asSigned?.drugClass ?? known?.drugClass ?? 'other'];
          const mg = doseInMg(administration);
          return `${name}${kind ? ` (${kind})` : ''}${mg != null ? ` ${formatNumber(mg, locale, { maximumDecimals: 2 })} mg` : ''}`;
        });
      const list = listInWords(given, language);
      const line = t(M.given, { drugs: list, where: at(site) })
        .replace(/\s+\./, '.')
        .trim();
      return `${line.charAt(0).toUpperCase()}${line.slice(1)}`;
    })
    .filter((line) => line.length > 1);
  const classOf = (administration: ProcedureDraft['drugs'][number]) =>
    administration.asSigned?.drugClass ?? drug(administration.drug)?.drugClass;
  const steroid = record.drugs.some((administration) => classOf(administration) === 'steroid');
  const anaesthetic = record.drugs.some((administration) => classOf(administration) === 'local_anaesthetic');
  return {
    title: t(M.title),
    date: record.performedAt ? record.performedAt.slice(0, 10) : '',
    injected,
    expect: [
      anaesthetic ? t(M.expectNumb) : '',
      steroid ? t(M.expectCortisone) : '',
      t(M.expectSoreness),
      steroid && record.diabetes === 'yes' ? t(M.expectDiabetes) : '',
    ].filter(Boolean),
    todo: [t(M.todoDrive), t(M.todoMedicines), t(M.todoShower)],
    call: [phone ? t(M.callUs, { phone }) : t(M.callDepartment), t(M.emergency)],
  };
}
