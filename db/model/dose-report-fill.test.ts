import { describe, expect, it } from 'vitest';
import { completeDraft } from '../testing/drafts.js';
import {
  type DoseReportFields,
  type DoseReportFill,
  doseAfterEdit,
  hasOtherDoseFigures,
  withDoseReport,
} from './dose-report-fill.js';
import { procedureDraftSchema } from './procedure.js';
import { signingProblems } from './signing.js';

const report: DoseReportFill = {
  fill: { dlpMGyCm: 46.59, ctdiVolMGy: 4.35, ctAcquisitions: 2, dapGyCm2: null, fluoroTimeS: null },
  source: { doseReportUids: '2.25.1', doseReportDevice: 'SIEMENS SOMATOM go.Up (CTSUED1)', doseReportAt: null },
  questions: [],
  notes: [],
};

describe("the dose from the scanner's report in a draft", () => {
  it('fills the figures the report has, marks the source, and leaves the others', () => {
    const filled = withDoseReport({ dlpMGyCm: null, fluoroTimeS: 20 }, report);
    expect(filled).toMatchObject({
      dlpMGyCm: 46.59,
      ctdiVolMGy: 4.35,
      ctAcquisitions: 2,
      fluoroTimeS: 20,
      doseSource: 'dose_report',
      doseReportUids: '2.25.1',
      doseReportDevice: 'SIEMENS SOMATOM go.Up (CTSUED1)',
    });
  });

  it('never takes the place of figures typed before the report came without asking', () => {
    expect(hasOtherDoseFigures({ dlpMGyCm: 142 }, report)).toBe(true);
    expect(hasOtherDoseFigures({ dlpMGyCm: 46.59, fluoroTimeS: 20 }, report)).toBe(false);
  });

  it('is marked changed by hand once a figure differs from the report, and from the report again once put back', () => {
    const filled = withDoseReport<DoseReportFields>({}, report);
    const changed = doseAfterEdit(filled, { ...filled, dlpMGyCm: 50 }, report);
    expect(changed.doseSource).toBe('dose_report_then_changed');
    const back = doseAfterEdit(
      { ...changed, doseChangeReason: 'x' },
      { ...changed, doseChangeReason: 'x', dlpMGyCm: 46.59 },
      report,
    );
    expect(back).toMatchObject({ doseSource: 'dose_report', doseChangeReason: null });
    expect(doseAfterEdit({ doseSource: 'typed' }, { doseSource: 'typed', dlpMGyCm: 3 }, report).doseSource).toBe(
      'typed',
    );
  });

  it('is not signed changed by hand without the reason', () => {
    const draft = procedureDraftSchema.parse(
      completeDraft('op', { doseSource: 'dose_report_then_changed', doseReportUids: '2.25.1' }),
    );
    expect(signingProblems(draft).map((problem) => problem.field)).toContain('doseChangeReason');
    expect(
      signingProblems({ ...draft, doseChangeReason: 'Second scan not in the report' }).map((problem) => problem.field),
    ).not.toContain('doseChangeReason');
  });
});
