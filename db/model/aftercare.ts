import type { Drug } from './catalogue.js';
import { formatNumber } from './locale-format.js';
import { DEFAULT_DEPARTMENT_LOCALE } from './locales.js';
import { doseInMg, type ProcedureDraft } from './procedure.js';
import { inWords } from './report.js';

/*
 * The patient's aftercare sheet, built from the record: what was injected and where, what to
 * expect, what to do, and when to call. Plain words for the patient, not the report's.
 */

export interface AftercareSheet {
  title: string;
  date: string;
  /** "Dexamethasone (a cortisone) 8 mg and lidocaine (a local anaesthetic) 20 mg at the right L5 nerve root". */
  injected: string[];
  expect: string[];
  todo: string[];
  call: string[];
}

const CLASS_WORDS: Record<string, string> = {
  steroid: 'a cortisone',
  local_anaesthetic: 'a local anaesthetic',
  other: '',
};

export function aftercareSheet(
  record: ProcedureDraft,
  drug: (code: string) => Drug | undefined,
  /** How the sheet writes its doses (locales.ts). */
  locale: string = DEFAULT_DEPARTMENT_LOCALE,
): AftercareSheet {
  const at = (site: number | 'caudal' | null | undefined) => {
    if (site === 'caudal') return 'in the lower spinal canal (caudal epidural injection)';
    const target = typeof site === 'number' ? record.targets[site] : undefined;
    return target ? `at the ${target.side ?? ''} ${target.root ?? ''} nerve root`.replace(/\s+/g, ' ') : '';
  };
  const sites = [...new Set(record.drugs.map((administration) => administration.site))];
  const injected = sites
    .map((site) => {
      const given = record.drugs
        .filter((administration) => administration.site === site)
        .map((administration) => {
          const known = drug(administration.drug);
          const name = (administration.asSigned?.name ?? known?.name ?? administration.drug).toLowerCase();
          const kind = CLASS_WORDS[administration.asSigned?.drugClass ?? known?.drugClass ?? 'other'];
          const mg = doseInMg(administration);
          return `${name}${kind ? ` (${kind})` : ''}${mg != null ? ` ${formatNumber(mg, locale, { maximumDecimals: 2 })} mg` : ''}`;
        });
      const list = inWords(given);
      const where = at(site);
      return `${list.charAt(0).toUpperCase()}${list.slice(1)}${where ? ` ${where}` : ''}.`;
    })
    .filter((line) => line.length > 1);
  const steroid = record.drugs.some(
    (administration) => (administration.asSigned?.drugClass ?? drug(administration.drug)?.drugClass) === 'steroid',
  );
  const anaesthetic = record.drugs.some(
    (administration) =>
      (administration.asSigned?.drugClass ?? drug(administration.drug)?.drugClass) === 'local_anaesthetic',
  );
  return {
    title: 'After your nerve root injection',
    date: record.performedAt ? record.performedAt.slice(0, 10) : '',
    injected,
    expect: [
      anaesthetic ? 'Your leg may feel numb or weak for a few hours: the local anaesthetic wears off by itself.' : '',
      steroid
        ? 'The cortisone usually begins to work after 1–3 days; the pain may return for a while before then.'
        : '',
      'Some soreness where the needle went in is normal for a day or two.',
      steroid && record.diabetes === 'yes'
        ? 'If you have diabetes: the cortisone can raise your blood sugar for a few days. Check it more often.'
        : '',
    ].filter(Boolean),
    todo: [
      'Do not drive today. Someone should take you home.',
      'Take your usual medicines, including painkillers, unless you were told otherwise.',
      'You may shower; please do not bathe or swim today.',
    ],
    call: [
      'Call the department or your doctor if you have a fever, severe or increasing pain, new weakness or numbness in a leg, or redness and swelling where the needle went in.',
      'Go to an emergency department at once if you cannot pass urine or control your bladder or bowels, or if your legs become weak.',
    ],
  };
}
