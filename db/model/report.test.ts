import { describe, expect, it } from 'vitest';
import { demoProcedure, seededRandom } from '../seed.js';
import { completeDraft } from '../testing/fixtures.js';
import { DEFAULT_DRUG_CATALOGUE } from './catalogue.js';
import { procedureDraftSchema } from './procedure.js';
import { DEFAULT_REPORT_TEMPLATE, procedureReport, unknownPlaceholders } from './report.js';

const catalogue = new Map(DEFAULT_DRUG_CATALOGUE.map((drug) => [drug.code, drug]));
const context = { operatorName: 'Dr. A. Keller', drug: (code: string) => catalogue.get(code) };

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
    const report = procedureReport(bare, { drug: () => undefined });
    expect(report).not.toContain('MEDICATION');
    expect(report).not.toContain('COMPLICATIONS');
    expect(report).not.toContain('Operator:');
    expect(report).toContain('Lumbar nerve root infiltration of S1 right');
    // A department's own template: its words, its order.
    const own = procedureReport(
      bare,
      { drug: () => undefined },
      '## Befund\nZiel: {procedure}\n\n## Medikamente\n{drugs}',
    );
    expect(own).toBe('BEFUND\nZiel: Lumbar nerve root infiltration of S1 right');
  });

  it('names the placeholders a template does not know', () => {
    expect(unknownPlaceholders(DEFAULT_REPORT_TEMPLATE)).toEqual([]);
    expect(unknownPlaceholders('{drug} and {targets} and {foo}')).toEqual(['drug', 'foo']);
  });
});
