import { describe, expect, it } from 'vitest';
import { PSEUDO, translator } from '../../../db/i18n/translator.js';
import type { Drug, Language, ProcedureRecord } from '../../../db/model/index.js';
import { summaryOf } from './signed-summary-lines.js';

const reader = (language: Language, locale = 'de-CH') => ({ t: translator(language), language, locale });
const english = (locale = 'de-CH') => reader('en', locale);

const catalogue: Drug[] = [
  {
    code: 'triamcinolone',
    name: 'Triamcinolone (renamed since)',
    drugClass: 'steroid',
    particulate: false,
    dosing: 'mg',
    active: true,
  },
];

const record = {
  id: '0193a0b2-0000-7000-8000-000000000001',
  status: 'signed',
  version: 1,
  consoleName: 'CT 1',
  createdAt: '2026-03-14T08:00:00Z',
  createdBy: 'x',
  updatedAt: '2026-03-14T08:00:00Z',
  signedBy: 'Dr. A',
  signedAt: '2026-03-14T09:50:00Z',
  amendedBy: null,
  amendedAt: null,
  amendReason: null,
  patientId: 'P1',
  patientName: 'Muster, Erika',
  operatorId: 'op1',
  indications: ['disc_herniation'],
  targets: [{ root: 'L5', side: 'left', spread: ['intravascular_venous'] }],
  caudalEpidural: false,
  caudalSpread: [],
  drugs: [
    {
      drug: 'triamcinolone',
      doseMg: 40,
      site: 0,
      asSigned: { name: 'Triamcinolone acetonide', drugClass: 'steroid', particulate: true, maxDoseMg: 80 },
    },
  ],
  painPre: 7,
  painPost: 2,
  followUps: [],
  complications: [{ type: 'none' }],
} as unknown as ProcedureRecord;

describe('the signed summary', () => {
  it('says what was recorded, in words, and leaves out what was not', () => {
    const sections = summaryOf(
      record,
      catalogue,
      [{ id: 'op1', name: 'Dr. Operator', active: true, role: 'radiologist' as const, administrator: false }],
      english(),
    );
    const text = Object.fromEntries(sections.map((section) => [section.title, section.lines]));
    expect(text['Patient and procedure']).toContainEqual({ label: 'Operator', value: 'Dr. Operator' });
    expect(text['Patient and procedure']?.map((line) => line.label)).not.toContain('Accession');
    expect(text.Targets).toEqual([{ label: 'Target 1', value: 'L5 left, spread intravascular (venous)' }]);
    // The drug as it was named when signed, not as the catalogue names it now.
    expect(text.Drugs).toEqual([{ label: 'Drug 1', value: 'Triamcinolone acetonide, 40 mg, at L5 left' }]);
    expect(text.Outcome).toContainEqual({ label: 'Pain (NRS)', value: '7 before → 2 after' });
    expect(sections.map((section) => section.title)).not.toContain('Guidance and contrast');
  });

  it('writes dates and numbers as the department’s locale does', () => {
    const measured = {
      ...record,
      birthDate: '1958-03-12',
      performedAt: '2026-03-14T09:30:00+13:00',
      contrastAgent: 'iopamidol',
      contrastVolumeMl: 1.5,
      dlpMGyCm: 148.5,
      drugs: [{ ...record.drugs[0], doseMg: 12.5 }],
    } as unknown as ProcedureRecord;
    const lines = (locale: string) =>
      Object.fromEntries(
        summaryOf(measured, catalogue, [], english(locale))
          .flatMap((section) => section.lines)
          .map((line) => [line.label, line.value]),
      );
    const swiss = lines('de-CH');
    expect(swiss.Born).toBe('12.03.1958 (68 years)');
    expect(swiss.Performed).toBe('14.03.2026 09:30');
    expect(swiss.Contrast).toContain('1.5 mL');
    expect(swiss.DLP).toBe('148.5 mGy·cm');
    const german = lines('de-DE');
    expect(german.Contrast).toContain('1,5 mL');
    expect(german.DLP).toBe('148,5 mGy·cm');
    expect(german['Drug 1']).toContain('12,5 mg');
    expect(lines('en-US').Born).toBe('03/12/1958 (68 years)');
  });
});

/** A record with every line of the summary given, each writer's words included. */
const everything = {
  ...record,
  birthDate: '1958-03-12',
  performedAt: '2026-03-14T09:30:00+01:00',
  accessionNumber: 'ACC-77',
  startedAt: '23:50',
  endedAt: '00:10',
  requestedProcedureText: 'PRT LWS',
  requestedProcedureCode: 'RX-PRT',
  requestedProcedureScheme: 'RIS',
  referringPhysician: 'Dr. Huber',
  patientLanguage: 'it',
  identitySource: 'worklist',
  symptomSide: 'left',
  priorInfiltrations: 2,
  consent: 'obtained',
  anticoagulation: 'paused_per_protocol',
  anticoagulantClass: 'doac',
  pregnancyExcluded: 'yes',
  localAnaestheticAllergy: 'no',
  sedation: 'none',
  weightKg: 72.5,
  timeOutLevelVerified: true,
  timeOutSideMarked: false,
  transitionalVertebra: true,
  position: 'prone',
  targets: [
    {
      root: 'L5',
      side: 'left',
      foramen: 'L5/S1',
      needleRepositionings: 2,
      spread: ['intravascular_venous'],
      provokedPain: 'concordant',
      injectionSlowed: true,
      abnormalSpreadAction: 'repositioned_clean_retest',
      needleTipPosition: 'foraminal',
    },
  ],
  modality: 'ct',
  ctdiVolMGy: 12.5,
  dlpMGyCm: 148.5,
  ctAcquisitions: 3,
  doseExceedanceReason: 'patient_size',
  contrastAgent: 'iopamidol_300',
  contrastVolumeMl: 1.5,
  caudalEpidural: true,
  caudalSpread: ['epidural'],
  caudalProvokedPain: 'none',
  caudalAbnormalSpreadAction: 'digital_subtraction',
  doseSource: 'dose_report',
  doseReportDevice: 'Scanner 1',
  doseReportAt: '2026-03-14T09:40:00+01:00',
  drugs: [
    { ...record.drugs[0], lot: 'B123' },
    { ...record.drugs[0], site: 'caudal' },
  ],
  painPre: 7,
  painPost: 2,
  painPostMinutes: 15,
  complications: [{ type: 'vasovagal', severity: 'minor', sirGrade: 'A' }],
  disposition: 'home_not_driving',
} as unknown as ProcedureRecord;

const dictionary = (language: Language | typeof PSEUDO, locale = 'de-CH') =>
  summaryOf(everything, catalogue, [], {
    t: translator(language),
    language: language === PSEUDO ? 'en' : language,
    locale,
  });

describe('the signed summary in the reader’s language', () => {
  it('leaves no English words in any line: every title, label, code and writer is a message', () => {
    // The pseudo-language brackets every message's words: what is left outside is data or English.
    const data = [
      'Muster, Erika',
      'P1',
      'ACC-77',
      'PRT LWS',
      'RX-PRT',
      'RIS',
      'Dr. Huber',
      'op1',
      'B123',
      'Scanner 1',
      'Triamcinolone acetonide',
    ];
    const text = dictionary(PSEUDO)
      .flatMap((section) => [section.title, ...section.lines.flatMap((line) => [line.label, line.value])])
      .join('\n');
    let left = text.replace(/⟦[^⟧]*⟧/g, ' ');
    for (const value of data) left = left.replaceAll(value, ' ');
    const words = left.match(/\p{L}{2,}/gu) ?? [];
    // Data and units, never words: the roots and foramina, SIR, the units, the patient's language tag ("it").
    const DATA = ['L5', 'S1', 'SIR', 'mg', 'mL', 'kg', 'mGy', 'cm', 'it'];
    expect(words.filter((word) => !DATA.includes(word))).toEqual([]);
    expect(text).toContain('⟦Patient and procedure');
  });

  it('says the record in German, French and Italian, its dates and numbers in the reader’s locale', () => {
    const lines = (language: Language, locale: string) =>
      Object.fromEntries(
        summaryOf(everything, catalogue, [], reader(language, locale))
          .flatMap((section) => [[section.title, ''], ...section.lines.map((line) => [line.label, line.value])])
          .map(([label, value]) => [label, value]),
      );
    const de = lines('de', 'de-CH');
    expect(Object.keys(de)).toEqual(expect.arrayContaining(['Patient und Eingriff', 'Zielwurzeln', 'Ergebnis']));
    expect(de.Geboren).toBe('12.03.1958 (68 Jahre)');
    expect(de['Zielwurzel 1']).toContain('L5 links, Foramen L5/S1, 2 Nadelkorrekturen');
    expect(de['Zielwurzel 1']).toContain('langsamer injiziert');
    expect(de['Medikament 1']).toBe('Triamcinolone acetonide, 40 mg, an L5 links, Charge B123');
    expect(de['Medikament 2']).toContain('kaudal epidural');
    expect(de['Schmerz (NRS)']).toBe('7 vorher → 2 nachher (15 min)');
    expect(de.Zeit).toBe('23:50–00:10 (am Folgetag)');
    expect(de['Time-out']).toBe('Höhe in der Bildgebung verifiziert, Seite NICHT markiert, Übergangswirbel vermerkt');
    expect(de.Schwangerschaft).toBe('Ausgeschlossen');
    expect(de.DLP).toBe('148.5 mGy·cm');
    expect(de.Dosis).toContain('14.03.2026 09:40');
    const fr = lines('fr', 'fr-CH');
    expect(Object.keys(fr)).toEqual(expect.arrayContaining(['Patient et intervention', 'Cibles', 'Résultat']));
    expect(fr['Cible 1']).toContain('L5 gauche');
    expect(fr['Médicament 1']).toContain('au niveau de L5 gauche');
    expect(fr['Douleur (EN)']).toBe('7 avant → 2 après (15 min)');
    expect(fr.PDL).toBe('148,5 mGy·cm');
    // "None" agrees with the complications (feminine), in the summary as on the form.
    const none = { ...record, complications: [{ type: 'none' }] } as unknown as ProcedureRecord;
    const said = (language: Language) =>
      summaryOf(none, catalogue, [], reader(language)).flatMap((section) => section.lines.map((line) => line.value));
    expect(said('fr')).toContain('Aucune');
    expect(said('it')).toContain('Nessuna');
    const it = lines('it', 'it-CH');
    expect(Object.keys(it)).toEqual(expect.arrayContaining(['Paziente e intervento', 'Bersagli', 'Esito']));
    expect(it['Bersaglio 1']).toContain('L5 sinistra');
    expect(it['Farmaco 2']).toContain('in epidurale caudale');
    expect(it['Dolore (NRS)']).toBe('7 prima → 2 dopo (15 min)');
  });

  it('says a report that named no device in the reader’s words, the record keeping its stored value', () => {
    const unnamed = { ...everything, doseReportDevice: 'unknown device, Scanner 1' } as unknown as ProcedureRecord;
    const dose = (language: Language, locale: string) =>
      summaryOf(unnamed, catalogue, [], reader(language, locale))
        .flatMap((section) => section.lines)
        .find((line) => line.value.includes('Scanner 1'))?.value;
    expect(dose('de', 'de-CH')).toContain('unbekanntes Gerät, Scanner 1');
    expect(dose('fr', 'fr-CH')).toContain('appareil inconnu, Scanner 1');
    expect(dose('en', 'de-CH')).toContain('unknown device, Scanner 1');
    expect(unnamed.doseReportDevice).toBe('unknown device, Scanner 1');
  });
});
