import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DRUG_CATALOGUE,
  DEFAULT_REPORT_TEMPLATE,
  type FollowUpEntry,
  NO_DEPARTMENT,
  type ProcedureRecord,
} from '../../../db/model/index.js';
import { aftercarePrintout, recordSheet } from './print-sheet-lines.js';

/* What the printed record and aftercare sheet say, line by line, without a printer. */
const record = {
  id: '0193a0b2-0000-7000-8000-000000000001',
  status: 'amended',
  version: 2,
  consoleName: 'CT 1',
  createdAt: '2026-03-14T08:00:00Z',
  createdBy: 'x',
  updatedAt: '2026-03-15T08:00:00Z',
  signedBy: 'Dr. A. Keller',
  signedAt: '2026-03-14T09:50:00Z',
  amendedBy: 'Dr. B. Amrein',
  amendedAt: '2026-03-15T08:00:00Z',
  amendReason: 'Pain after was 3',
  patientId: 'KSM-2026-0004711',
  patientName: 'Brunner-Lüthi, Verena',
  birthDate: '1961-04-02',
  performedAt: '2026-03-14T09:30:00+01:00',
  operatorId: 'op1',
  indications: ['disc_herniation'],
  targets: [{ root: 'L5', side: 'left', spread: ['perineural'] }],
  caudalEpidural: false,
  caudalSpread: [],
  drugs: [{ drug: 'dexamethasone', doseMg: 8, site: 0 }],
  painPre: 7,
  painPost: 3,
  followUps: [],
  complications: [{ type: 'none' }],
} as unknown as ProcedureRecord;

const settings = {
  department: { name: 'Radiologie KSM', address: 'Spitalstrasse 1\n8000 Musterstadt', phone: '+41 44 123 45 67' },
  locale: 'de-CH' as const,
  consoleName: 'CT 1',
  drugCatalogue: [],
  operators: [
    {
      id: 'op1',
      name: 'Dr. A. Keller',
      active: true,
      role: 'radiologist' as const,
      administrator: false,
      pinSet: true,
      lockedUntil: null,
      badge: false,
    },
  ],
  reportTemplate: DEFAULT_REPORT_TEMPLATE,
  language: 'en' as const,
  reportLanguage: 'en' as const,
  wordings: {},
};
const versions = [
  { version: 1, signedBy: 'Dr. A. Keller', signedAt: '2026-03-14T09:50:00Z', reason: null },
  { version: 2, signedBy: 'Dr. B. Amrein', signedAt: '2026-03-15T08:00:00Z', reason: 'Pain after was 3' },
];
const entry = (over: Partial<FollowUpEntry>): FollowUpEntry =>
  ({
    id: 'f1',
    procedureId: record.id,
    contactDate: '2026-03-16',
    method: 'phone',
    legNrs: 3,
    backNrs: 4,
    daysAfter: 2,
    reliefPercent: 57.1,
    recordedBy: 'MPA S. Frei',
    recordedAt: '2026-03-16T10:00:00Z',
    supersededBy: null,
    ...over,
  }) as FollowUpEntry;

describe('the printed record', () => {
  const printedAt = new Date('2026-04-01T10:00:00Z');
  it('says who amended it, when and why, after who signed it', () => {
    const sheet = recordSheet(record, { settings, followUps: [], versions, printedAt });
    expect(sheet.status).toBe('Signed and amended, version 2');
    expect(sheet.signatures).toEqual([
      { line: expect.stringMatching(/^Signed by Dr\. A\. Keller on .*2026/) },
      {
        line: expect.stringMatching(/^Amended \(version 2\) by Dr\. B\. Amrein on .*2026/),
        reason: 'Reason: Pain after was 3',
      },
    ]);
  });

  it('prints this record’s follow-ups, a corrected one marked, and no other record’s', () => {
    const sheet = recordSheet(record, {
      settings,
      versions,
      printedAt,
      followUps: [
        entry({ id: 'f1', supersededBy: 'f2' }),
        entry({ id: 'f2', legNrs: 2, reason: 'scores swapped' }),
        entry({ id: 'f3', procedureId: '0193a0b2-0000-7000-8000-000000000999' }),
      ],
    });
    expect(sheet.followUps).toEqual([
      {
        line: expect.stringMatching(
          /^Day 2 \(.*, phone\): leg pain 3, back pain 4, relief 57\.1 %, recorded by MPA S\. Frei, corrected by a later entry$/,
        ),
        superseded: true,
      },
      { line: expect.stringMatching(/leg pain 2, .*correction: scores swapped$/), superseded: false },
    ]);
  });

  it('identifies the patient on every page, and marks the identifiers to print whole', () => {
    const sheet = recordSheet(record, { settings, followUps: [], versions, printedAt });
    expect(sheet.frame.headerLeft).toBe('Radiologie KSM · +41 44 123 45 67');
    expect(sheet.frame.headerRight).toBe('Procedure record — Brunner-Lüthi, Verena (KSM-2026-0004711)');
    expect(sheet.frame.footerLeft).toContain(`Record ID ${record.id}`);
    expect(sheet.patient.filter((line) => line.id).map((line) => line.value)).toEqual(['KSM-2026-0004711']);
  });

  it('a draft prints as not signed; without a department the console names it', () => {
    const draft = { ...record, status: 'draft', version: 1, signedBy: null, signedAt: null } as ProcedureRecord;
    const sheet = recordSheet(draft, {
      settings: { ...settings, department: NO_DEPARTMENT },
      followUps: [],
      versions: [],
      printedAt,
    });
    expect(sheet.status).toBe('Draft — not signed');
    expect(sheet.signatures).toEqual([{ line: 'Not signed: this is a draft, not a record.' }]);
    expect(sheet.frame.headerLeft).toBe('RootLog — CT 1');
  });
});

describe('the dates on the printed sheets', () => {
  it('are the department’s locale’s, on the 24-hour clock, at the time the console recorded', () => {
    const printedAt = new Date(2026, 3, 1, 14, 5);
    const swiss = recordSheet(record, { settings, followUps: [entry({})], versions, printedAt });
    const line = (label: string) => swiss.patient.find((printed) => printed.label === label)?.value;
    expect(line('Performed')).toBe('14.03.2026 09:30');
    expect(swiss.printed).toBe('Printed 01.04.2026 14:05 from RootLog, console CT 1');
    expect(swiss.followUps[0]?.line).toMatch(/^Day 2 \(16\.03\.2026, phone\)/);
    const british = recordSheet(record, {
      settings: { ...settings, locale: 'en-GB' },
      followUps: [],
      versions,
      printedAt,
    });
    expect(british.patient.find((printed) => printed.label === 'Performed')?.value).toBe('14/03/2026 09:30');
    expect(british.report).toContain('14/03/2026');
    expect(aftercarePrintout(record, { settings: { ...settings, locale: 'en-US' }, printedAt }).patient).toBe(
      'Brunner-Lüthi, Verena (KSM-2026-0004711) — 03/14/2026',
    );
  });
});

describe('the printed aftercare sheet', () => {
  it('names the patient and the procedure’s date, and the number to call', () => {
    const sheet = aftercarePrintout(record, { settings, printedAt: new Date() });
    expect(sheet.patient).toMatch(/^Brunner-Lüthi, Verena \(KSM-2026-0004711\) — .*2026$/);
    expect(sheet.callUs).toBe('Radiologie KSM: +41 44 123 45 67');
    expect(
      aftercarePrintout(record, { settings: { ...settings, department: NO_DEPARTMENT }, printedAt: new Date() }).callUs,
    ).toBeNull();
  });
});

describe('the printed record’s summary in the department’s language', () => {
  it('is French in a French-speaking department, whatever the patient speaks, with fr-CH numbers', () => {
    const french = { ...settings, language: 'fr' as const, locale: 'fr-CH' as const };
    const measured = { ...record, patientLanguage: 'it', dlpMGyCm: 148.5, modality: 'ct' } as ProcedureRecord;
    const sheet = recordSheet(measured, { settings: french, followUps: [entry({})], versions, printedAt: new Date() });
    // A follow-up's line with French's space before the colon.
    expect(sheet.followUps[0]?.line).toMatch(/^Jour 2 \(16\.03\.2026, .*\) : /);
    expect(sheet.sections.map((section) => section.title)).toEqual([
      'Indication et sécurité',
      'Cibles',
      'Guidage et contraste',
      'Médicaments',
      'Résultat',
    ]);
    const lines = Object.fromEntries(sheet.sections.flatMap((section) => section.lines).map((l) => [l.label, l.value]));
    expect(lines['Cible 1']).toBe('L5 gauche, diffusion périneurale');
    expect(lines.PDL).toBe('148,5 mGy·cm');
    expect(lines['Douleur (EN)']).toBe('7 avant → 3 après');
  });
});

describe('the aftercare sheet in the patient’s language', () => {
  const german = { ...settings, language: 'de' as const, drugCatalogue: DEFAULT_DRUG_CATALOGUE };
  const italian = { ...record, patientLanguage: 'it' } as ProcedureRecord;

  it('a language tag from the worklist ("it-ch") is its language; one RootLog does not speak is the department’s', () => {
    const tagged = (patientLanguage: string) =>
      aftercarePrintout({ ...record, patientLanguage } as ProcedureRecord, { settings: german, printedAt: new Date() });
    expect(tagged('it-ch').language).toBe('it');
    expect(tagged('pt').language).toBe('de');
  });

  it('an Italian-speaking patient in a German-speaking department gets it in Italian, with the number to call', () => {
    const sheet = aftercarePrintout(italian, { settings: german, printedAt: new Date() });
    expect(sheet.language).toBe('it');
    expect(sheet.title).toBe('Dopo la Sua infiltrazione della radice nervosa');
    expect(sheet.sections.map((section) => section.title)).toEqual([
      'Che cosa Le è stato somministrato',
      'Che cosa aspettarsi',
      'Oggi',
      'Quando chiamarci',
    ]);
    expect(sheet.sections[0]?.lines).toEqual(['Dexamethasone (un cortisonico) 8 mg alla radice nervosa L5 sinistra.']);
    expect(sheet.sections[3]?.lines[0]).toContain('Ci chiami al numero +41 44 123 45 67');
    // Dates as it-CH writes them: the patient's language in the department's country.
    expect(sheet.performed).toBe('Eseguito da Dr. A. Keller il 14.03.2026 09:30');
    expect(sheet.callUsTitle).toBe('Il nostro numero di telefono');
  });

  it('a patient whose language the record does not say gets the department’s', () => {
    expect(aftercarePrintout(record, { settings: german, printedAt: new Date() }).title).toBe(
      'Nach Ihrer Nervenwurzel-Infiltration',
    );
  });

  it('a department’s corrected wording is printed instead of the catalogue’s', () => {
    const corrected = { ...german, wordings: { it: { 'aftercare.todoShower': 'Oggi niente bagno né piscina.' } } };
    const sheet = aftercarePrintout(italian, { settings: corrected, printedAt: new Date() });
    expect(sheet.sections[2]?.lines).toContain('Oggi niente bagno né piscina.');
  });
});
