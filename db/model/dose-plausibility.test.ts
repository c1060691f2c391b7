import { describe, expect, it } from 'vitest';
import { checkDosePlausibility, checkDosesPlausibility, DOSE_PLAUSIBILITY } from './dose-plausibility.js';
import { inEnglish } from './words.js';

describe('dose plausibility for a lumbar root infiltration', () => {
  it('names the µGy·m² reading typed as Gy·cm² (the issue: 320 signed for 3.2)', () => {
    expect(checkDosePlausibility('dapGyCm2', 320)).toMatchObject({
      quantity: 'dapGyCm2',
      field: 'dapGyCm2',
      direction: 'high',
      likelySlip: { question: 'was it µGy·m²?', meantValue: 3.2 },
      message: 'DAP 320 Gy·cm² is 100× the usual: was it µGy·m²? (320 µGy·m² = 3.2 Gy·cm²)',
    });
  });

  it('names the slip whose meaning is a usual figure: 3200 is mGy·cm², not µGy·m²', () => {
    expect(checkDosePlausibility('dapGyCm2', 3200)?.message).toBe(
      'DAP 3200 Gy·cm² is 1000× the usual: was it mGy·cm²? (3200 mGy·cm² = 3.2 Gy·cm²)',
    );
  });

  it('questions a figure too small as well: the RDSR’s Gy·m² typed as Gy·cm²', () => {
    expect(checkDosePlausibility('dapGyCm2', 0.00032)?.message).toBe(
      'DAP 0.00032 Gy·cm² is 1/10000 of the usual: was it Gy·m²? (0.00032 Gy·m² = 3.2 Gy·cm²)',
    );
  });

  it('reads a fluoroscopy time with a digit too many, in milliseconds or in minutes', () => {
    expect(checkDosePlausibility('fluoroTimeS', 1036)?.message).toBe(
      'Fluoroscopy time 1036 s is 10× the usual: was a decimal point missed? (then it = 103.6 s)',
    );
    expect(checkDosePlausibility('fluoroTimeS', 36000)?.message).toBe(
      'Fluoroscopy time 36000 s is 1000× the usual: was it milliseconds? (36000 milliseconds = 36 s)',
    );
    expect(checkDosePlausibility('fluoroTimeS', 0.6)?.message).toBe(
      'Fluoroscopy time 0.6 s is 1/60 of the usual: was it minutes? (0.6 min = 36 s)',
    );
  });

  it('asks whether a CTDIvol of a DLP’s size was the DLP', () => {
    expect(checkDosePlausibility('ctdiVolMGy', 212.7)?.message).toBe(
      'CTDIvol 212.7 mGy is far above the usual: was it the DLP (mGy·cm)?',
    );
  });

  it('questions a DLP a decimal point too large', () => {
    expect(checkDosePlausibility('dlpMGyCm', 4659)?.message).toBe(
      'DLP 4659 mGy·cm is 10× the usual: was a decimal point missed? (then it = 465.9 mGy·cm)',
    );
  });

  it('says so without a guess when no slip explains the figure', () => {
    expect(checkDosePlausibility('dapGyCm2', 200000)).toMatchObject({
      likelySlip: null,
      message:
        'DAP 200000 Gy·cm² is far above what a lumbar root infiltration usually gives (0.03–10.5 Gy·cm²): check the figure and its unit.',
    });
    expect(checkDosePlausibility('dlpMGyCm', 300000, 90)?.message).toBe(
      'DLP 300000 mGy·cm is far above the department’s usual (median 90 mGy·cm): check the figure and its unit.',
    );
  });

  it('leaves usual figures, empty fields and zero alone', () => {
    for (const [quantity, value] of [
      ['dlpMGyCm', 199],
      ['dlpMGyCm', 2.26],
      ['ctdiVolMGy', 4.35],
      ['dapGyCm2', 0.68],
      ['dapGyCm2', 10.48],
      ['fluoroTimeS', 29],
      ['fluoroTimeS', 161],
    ] as const) {
      expect(checkDosePlausibility(quantity, value)).toBeNull();
    }
    expect(checkDosePlausibility('dapGyCm2', null)).toBeNull();
    expect(checkDosePlausibility('fluoroTimeS', 0)).toBeNull();
  });

  it('measures against the department’s median when it has one: 100× its usual is a question', () => {
    // 32 Gy·cm² is within the published limit but 100× a department whose median is 0.32.
    expect(checkDosePlausibility('dapGyCm2', 32)).toBeNull();
    expect(checkDosePlausibility('dapGyCm2', 32, 0.32)?.message).toBe(
      'DAP 32 Gy·cm² is 100× the usual: was it µGy·m²? (32 µGy·m² = 0.32 Gy·cm²)',
    );
    expect(checkDosePlausibility('dlpMGyCm', 45, 0.4)).toMatchObject({ direction: 'high' });
  });

  it('checks every figure of a record or a dose report at once', () => {
    expect(
      checkDosesPlausibility({ dlpMGyCm: 46.59, ctdiVolMGy: 4.35, dapGyCm2: 320, fluoroTimeS: 45 }).map(
        (finding) => finding.field,
      ),
    ).toEqual(['dapGyCm2']);
  });

  it('says the unit the scanner’s screen shows for each field', () => {
    const { screenUnit } = DOSE_PLAUSIBILITY.dapGyCm2;
    expect(typeof screenUnit === 'string' ? screenUnit : inEnglish(screenUnit)).toMatch(/^µGy·m² on many C-arms/);
    expect(DOSE_PLAUSIBILITY.dlpMGyCm.screenUnit).toBe('mGy·cm');
  });
});
