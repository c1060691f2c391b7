import { describe, expect, it } from 'vitest';
import { completeDraft } from '../testing/fixtures.js';
import { DEFAULT_DRUG_CATALOGUE, type Drug } from './catalogue.js';
import { concentrationWarnings, readConcentration, usualConcentrationProblem } from './concentration.js';
import { procedureDraftSchema } from './procedure.js';
import { STARTING_REFERENCE_LEVELS } from './reference-levels.js';
import { warnings } from './warnings.js';

const catalogue = new Map(DEFAULT_DRUG_CATALOGUE.map((drug) => [drug.code, drug]));
const settings = { referenceLevels: STARTING_REFERENCE_LEVELS, drugCatalogue: DEFAULT_DRUG_CATALOGUE };
const withRopivacaine = (concentrationMgPerMl: number) =>
  procedureDraftSchema.parse(
    completeDraft('op-1', {
      drugs: [
        { drug: 'dexamethasone', doseMg: 8, site: 0 },
        { drug: 'ropivacaine', concentrationMgPerMl, volumeMl: 2, site: 0 },
      ],
    }),
  );

describe('a local anaesthetic concentration as the ampoule says it', () => {
  it('reads "0,2 %" and "0.2%" as a percentage, 2 mg/mL; a bare figure as mg/mL', () => {
    expect(readConcentration('0,2 %')).toEqual({ mgPerMl: 2, percent: 0.2 });
    expect(readConcentration('0.2%')).toEqual({ mgPerMl: 2, percent: 0.2 });
    expect(readConcentration(' 1 % ')).toEqual({ mgPerMl: 10, percent: 1 });
    expect(readConcentration('7,5 mg/mL')).toEqual({ mgPerMl: 7.5, percent: null });
    expect(readConcentration('2')).toEqual({ mgPerMl: 2, percent: null });
    expect(readConcentration('')).toBeUndefined();
    expect(readConcentration('0,2 %%')?.mgPerMl).toBeNaN();
    expect(readConcentration('abc')?.mgPerMl).toBeNaN();
  });

  it('asks about ropivacaine "0,2" mg/mL, the percentage typed as mg/mL, at its field', () => {
    const found = concentrationWarnings(withRopivacaine(0.2), catalogue);
    expect(found.map((w) => [w.code, w.level, w.field])).toEqual([
      ['concentration_implausible', 'check', 'drugs[1].concentrationMgPerMl'],
    ]);
    expect(found[0]?.message).toBe(
      'Ropivacaine 0.2 mg/mL is below the usual 2–10 mg/mL (0.2–1 %): was it 0.2 % (= 2 mg/mL)? Type the percentage with its sign, as on the ampoule: 0,2 %.',
    );
    expect(warnings(withRopivacaine(0.2), settings).map((w) => w.code)).toContain('concentration_implausible');
    expect(concentrationWarnings(withRopivacaine(2), catalogue)).toEqual([]);
    expect(concentrationWarnings(withRopivacaine(75), catalogue)[0]?.message).toBe(
      'Ropivacaine 75 mg/mL is above the usual 2–10 mg/mL (0.2–1 %): check the ampoule and the unit.',
    );
  });

  it('follows the department’s own strengths, and refuses a range that cannot be', () => {
    const ropivacaine = catalogue.get('ropivacaine') as Drug;
    const strong = { ...ropivacaine, usualConcentrationMinMgPerMl: 0.1, usualConcentrationMaxMgPerMl: 10 };
    expect(concentrationWarnings(withRopivacaine(0.2), new Map([['ropivacaine', strong]]))).toEqual([]);
    expect(usualConcentrationProblem(ropivacaine)).toBeNull();
    expect(usualConcentrationProblem({ ...ropivacaine, usualConcentrationMinMgPerMl: 12 })).toMatchObject({
      field: 'usualConcentrationMinMgPerMl',
      message: 'Lowest usual concentration must not be above the highest',
      words: { message: { id: 'refusal.usualLowestAboveHighest' } },
    });
    expect(usualConcentrationProblem({ ...ropivacaine, usualConcentrationMaxMgPerMl: undefined })?.field).toBe(
      'usualConcentrationMaxMgPerMl',
    );
    expect(usualConcentrationProblem({ ...ropivacaine, defaultConcentrationMgPerMl: 20 })?.message).toBe(
      'Default concentration must be within the usual 2–10 mg/mL',
    );
  });
});
