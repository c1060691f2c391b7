import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translator.js';
import { demoProcedure, seededRandom } from '../seed.js';
import { completeDraft } from '../testing/fixtures.js';
import { DEFAULT_DRUG_CATALOGUE } from './catalogue.js';
import { localeFor } from './locales.js';
import { procedureDraftSchema } from './procedure.js';
import { DEFAULT_REPORT_TEMPLATE, DEFAULT_REPORT_TEMPLATES, procedureReport, unknownPlaceholders } from './report.js';

const catalogue = new Map(DEFAULT_DRUG_CATALOGUE.map((drug) => [drug.code, drug]));
const english = { t: translator('en'), language: 'en' as const };
const context = { operatorName: 'Dr. A. Keller', drug: (code: string) => catalogue.get(code), speaking: english };

describe('the procedure report', () => {
  it('counts in English: one CT acquisition, one minute', () => {
    const record = procedureDraftSchema.parse(completeDraft('op', { ctAcquisitions: 1, painPostMinutes: 1 }));
    const report = procedureReport(record, context);
    expect(report).toContain('CT guidance; 1 CT acquisition,');
    expect(report).toContain('at 1 minute after the injection');
  });

  it('writes the standard case in the department’s words', () => {
    const record = procedureDraftSchema.parse(completeDraft('op', { dlpMGyCm: 142, ctAcquisitions: 5 }));
    const report = procedureReport(record, context);
    expect(report).toContain('PROCEDURE\n14.03.2026: CT-guided lumbar nerve root infiltration of L5 left.');
    expect(report).toContain('Operator: Dr. A. Keller.');
    expect(report).toContain('CT guidance; 5 CT acquisitions, DLP 142 mGy·cm');
    expect(report).toContain('L5 left: transforaminal approach through the L5/S1 foramen');
    expect(report).toContain('Dexamethasone 8 mg and Lidocaine 20 mg at L5 left.');
    expect(report).toContain('No complications.');
    expect(report).toContain('Pain NRS 7 before and 2 at 10 minutes after the injection (71.4 % relief).');
    expect(report).toContain('The cortisone usually begins to work after 1–3 days.');
  });

  it('writes dates and numbers as the department’s locale does', () => {
    const record = procedureDraftSchema.parse(completeDraft('op', { dlpMGyCm: 142.456, ctAcquisitions: 5 }));
    const german = procedureReport(record, { ...context, locale: 'de-DE' });
    expect(german).toContain('PROCEDURE\n14.03.2026: CT-guided');
    expect(german).toContain('DLP 142,46 mGy·cm');
    expect(german).toContain('(71,4 % relief)');
    const american = procedureReport(record, { ...context, locale: 'en-US' });
    expect(american).toContain('PROCEDURE\n03/14/2026: CT-guided');
    expect(american).toContain('DLP 142.46 mGy·cm');
  });

  it('over 2 000 demo procedures: no "undefined", no empty section, every drug and every target named', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 2000; i++) {
      const record = demoProcedure(random, ['op'], new Date(Date.UTC(2026, 0, 1, 9) + i * 3_600_000));
      const report = procedureReport(record, context);
      expect(report).not.toMatch(/undefined|null|NaN|\{|\}/);
      // Every section title is followed by a line of content.
      const sections = report.split('\n\n');
      for (const section of sections) expect(section.split('\n').length, section).toBeGreaterThan(1);
      for (const administration of record.drugs) {
        expect(report).toContain(catalogue.get(administration.drug)?.name as string);
      }
      for (const target of record.targets) expect(report).toContain(`${target.root} ${target.side}`);
      if (record.caudalEpidural) expect(report).toContain('caudal epidural injection');
    }
  });

  it('leaves out a line whose placeholders are empty and a section left with nothing', () => {
    const bare = procedureDraftSchema.parse({ patientId: 'X', targets: [{ root: 'S1', side: 'right', spread: [] }] });
    const report = procedureReport(bare, { drug: () => undefined, speaking: english });
    expect(report).not.toContain('MEDICATION');
    expect(report).not.toContain('COMPLICATIONS');
    expect(report).not.toContain('Operator:');
    expect(report).toContain('Lumbar nerve root infiltration of S1 right');
    // A department's own template: its words, its order.
    const own = procedureReport(
      bare,
      { drug: () => undefined, speaking: english },
      '## Befund\nZiel: {procedure}\n\n## Medikamente\n{drugs}',
    );
    expect(own).toBe('BEFUND\nZiel: Lumbar nerve root infiltration of S1 right');
  });

  it('names the placeholders a template does not know', () => {
    expect(unknownPlaceholders(DEFAULT_REPORT_TEMPLATE)).toEqual([]);
    expect(unknownPlaceholders('{drug} and {targets} and {foo}')).toEqual(['drug', 'foo']);
  });
});

describe('the report in the department’s report language', () => {
  const record = procedureDraftSchema.parse(
    completeDraft('op', { dlpMGyCm: 142, ctAcquisitions: 5, priorInfiltrations: 2 }),
  );
  const inLanguage = (language: 'de' | 'fr' | 'it') =>
    procedureReport(
      record,
      {
        ...context,
        speaking: { t: translator(language), language },
        locale: localeFor(language, { locale: 'de-CH', language: 'de' }),
      },
      DEFAULT_REPORT_TEMPLATES[language],
    );

  it('German: the template’s headings and the sentences in German, nouns capitalised, sides not', () => {
    const report = inLanguage('de');
    expect(report).toContain('EINGRIFF\n14.03.2026: CT-gesteuerte lumbale Nervenwurzelinfiltration von L5 links.');
    expect(report).toContain('INDIKATION\nBandscheibenvorfall; linksseitige Symptome; 2 frühere Infiltrationen.');
    expect(report).toContain('Durchführend: Dr. A. Keller.');
    expect(report).not.toMatch(/infiltration of|Operator:|MEDICATION/);
  });

  it('French and Italian: their own words and plural forms, no English left', () => {
    const french = inLanguage('fr');
    expect(french).toContain('INTERVENTION');
    expect(french).toContain('2 infiltrations antérieures');
    expect(french).toContain('Infiltration radiculaire lombaire sous guidage TDM de L5 gauche');
    const italian = inLanguage('it');
    expect(italian).toContain('PROCEDURA');
    expect(italian).toContain('2 infiltrazioni precedenti');
    // A German-speaking Swiss department: the French report in fr-CH's formats, the Italian in it-CH's.
    expect(french).toContain('(71,4 %');
    expect(italian).toContain('(71.4 %');
    expect(italian).toContain('14.03.2026');
    for (const text of [french, italian]) expect(text).not.toMatch(/ and | approach|earlier|guided/);
  });

  it('French: a space before the colon and the semicolon, the dose named as the form names it', () => {
    const french = inLanguage('fr');
    expect(french).toMatch(/\nL5 gauche : voie /);
    expect(french).toContain('Hernie discale ; symptômes à gauche ; 2 infiltrations antérieures.');
    expect(french).toContain('PDL 142 mGy·cm');
    expect(french).not.toMatch(/\S[:;] |DLP/);
    // The other languages write them without the space.
    expect(inLanguage('it')).toMatch(/\nL5 sinistra: /);
    expect(inLanguage('de')).toMatch(/\nL5 links: /);
  });
});
