import type { ProposedLevel, ReferenceLevelProposal } from '../model/answers.js';
import {
  DOSE_QUANTITIES,
  type DoseQuantity,
  type LevelProtocol,
  MIN_CASES,
  type Modality,
  type ProposalPeriod,
  problemsFromZod,
  proposalPeriodSchema,
  REFUSAL_MESSAGES as R,
  type ReferenceLevel,
  type ReferenceLevels,
  RootLogError,
  saidOf,
  selectQuantiles,
  sentence,
} from '../model/index.js';
import { referenceLevels, updateCheckedSettings } from '../settings.js';
import { type ReadSource, readerOf, type ServiceContext, type Store } from '../store.js';
import { doseSamples } from './dose-rows.js';

export type { ProposedLevel, ReferenceLevelProposal } from '../model/answers.js';

/*
 * Proposed local reference levels: the 75th percentile of the department's own signed
 * procedures over a period, per modality and per protocol, with the number of cases, beside
 * the level in force. A group with fewer than MIN_CASES cases is shown but not adopted (ICRP
 * 135 asks for at least 20 patients per group). An administrator adopts the proposal in one
 * action; levels of groups without enough cases stay as they are.
 */

export { MIN_CASES } from '../model/index.js';

/** A level rounded as people write them: three significant figures. */
const rounded = (value: number) => Number(value.toPrecision(3));

export function proposeReferenceLevels(source: ReadSource, period: ProposalPeriod): ReferenceLevelProposal {
  const read = readerOf(source);
  const current = referenceLevels(read);
  const groups = new Map<
    string,
    { modality: Modality; protocol: LevelProtocol; quantity: DoseQuantity; values: number[] }
  >();
  const add = (modality: Modality, protocol: LevelProtocol, quantity: DoseQuantity, values: number[]) => {
    const key = `${modality}|${protocol}|${quantity}`;
    const group = groups.get(key) ?? { modality, protocol, quantity, values: [] };
    group.values.push(...values);
    groups.set(key, group);
  };
  for (const sample of doseSamples(read, { from: period.from, to: period.to })) {
    for (const quantity of DOSE_QUANTITIES) {
      const values = sample.values[quantity];
      if (values.length === 0) continue;
      add(sample.modality, 'any', quantity, values);
      add(sample.modality, sample.protocol, quantity, values);
    }
  }
  const proposals = [...groups.values()].map(({ modality, protocol, quantity, values }): ProposedLevel => {
    const [median = null, p75 = null] = selectQuantiles(Float64Array.from(values), [0.5, 0.75]);
    return {
      modality,
      protocol,
      quantity,
      cases: values.length,
      median,
      p75: p75 == null ? null : rounded(p75),
      current:
        current.levels.find(
          (level) => level.modality === modality && level.protocol === protocol && level.quantity === quantity,
        ) ?? null,
      adoptable: values.length >= MIN_CASES && p75 != null && p75 > 0,
    };
  });
  return { from: period.from, to: period.to, minCases: MIN_CASES, proposals };
}

/**
 * Adopts the proposal for a period: every group with enough cases gets its P75 as the level
 * (marked adopted, with its period and cases); every other level stays. Computed here from
 * the records, never taken from the window; audited as a settings change.
 */
export function adoptReferenceLevels(store: Store, periodInput: unknown, context: ServiceContext): ReferenceLevels {
  const parsed = proposalPeriodSchema.safeParse(periodInput);
  if (!parsed.success) throw RootLogError.invalid(problemsFromZod(parsed.error));
  return adoptCheckedReferenceLevels(store, parsed.data, context);
}

export function adoptCheckedReferenceLevels(
  store: Store,
  period: ProposalPeriod,
  context: ServiceContext,
): ReferenceLevels {
  const proposal = proposeReferenceLevels(store, period);
  const adopted = proposal.proposals
    .filter((entry) => entry.adoptable)
    .map(
      (entry): ReferenceLevel => ({
        modality: entry.modality,
        protocol: entry.protocol,
        quantity: entry.quantity,
        value: entry.p75 as number,
        origin: 'adopted',
        basis: { from: period.from, to: period.to, cases: entry.cases },
      }),
    );
  if (adopted.length === 0) {
    throw RootLogError.invalid([{ field: 'from', ...saidOf(sentence(R.noReferenceGroup, { count: MIN_CASES })) }]);
  }
  const key = (level: ReferenceLevel) => `${level.modality}|${level.protocol}|${level.quantity}`;
  const replaced = new Set(adopted.map(key));
  const kept = referenceLevels(store).levels.filter((level) => !replaced.has(key(level)));
  return updateCheckedSettings(store, { referenceLevels: { levels: [...kept, ...adopted] } }, context).referenceLevels;
}
