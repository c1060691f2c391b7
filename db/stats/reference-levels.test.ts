import { describe, expect, it } from 'vitest';
import { auditHistory } from '../audit.js';
import {
  doseProtocolOf,
  levelFor,
  type ProcedureRecord,
  type ReferenceLevels,
  STARTING_REFERENCE_LEVELS,
  share,
  warnings,
} from '../model/index.js';
import { getProcedure, saveDraft } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import { drugCatalogue, getSettings, referenceLevels } from '../settings.js';
import { procedureFilterSql } from '../sqlite/procedure-filter.js';
import { doseQuery } from '../sqlite/stats-rows.js';
import type { Store } from '../store.js';
import { completeDraft, context, tempStore } from '../testing/fixtures.js';
import { referenceGroupsRowByRow } from '../testing/reference-comparison-oracle.js';
import { referenceComparison } from './reference-comparison.js';
import { adoptReferenceLevels, MIN_CASES, proposeReferenceLevels } from './reference-proposal.js';

const period = { from: '2023-01-01', to: '2026-06-30' };

function seeded(count: number): Store {
  const { store } = tempStore();
  seedDatabase(store, { count, seed: 21, until: new Date('2026-06-30T12:00:00Z'), followUps: false }, context);
  return store;
}

function signedRecords(store: Store): ProcedureRecord[] {
  const ids = store.writer.db
    .prepare("SELECT id FROM procedures WHERE status IN ('signed', 'amended')")
    .pluck()
    .all() as string[];
  return ids.map((id) => getProcedure(store, id).record);
}

/** The share of CT procedures whose DLP is above the level that applies to them. */
function ctShareAbove(records: readonly ProcedureRecord[], levels: ReferenceLevels): number {
  const ct = records.filter((record) => record.modality === 'ct' && record.dlpMGyCm != null);
  const above = ct.filter((record) => {
    const level = levelFor(levels, 'ct', doseProtocolOf(record), 'dlpMGyCm');
    return level != null && (record.dlpMGyCm as number) > level.value;
  });
  return above.length / ct.length;
}

describe('local reference levels', () => {
  const store = seeded(3000);
  const records = signedRecords(store);

  it('start as published figures, marked so, that most CT cases exceed', () => {
    expect(getSettings(store).referenceLevels).toEqual(STARTING_REFERENCE_LEVELS);
    // The published mean as a level: about half of all CT cases above it.
    expect(ctShareAbove(records, STARTING_REFERENCE_LEVELS)).toBeGreaterThan(0.4);
  });

  it("propose the department's 75th percentile per modality and protocol, with the number of cases", () => {
    const proposal = proposeReferenceLevels(store, period);
    const ctAny = proposal.proposals.find(
      (entry) => entry.modality === 'ct' && entry.protocol === 'any' && entry.quantity === 'dlpMGyCm',
    );
    const ctValues = records
      .filter((record) => record.modality === 'ct' && record.dlpMGyCm != null)
      .map((record) => record.dlpMGyCm as number)
      .sort((a, b) => a - b);
    expect(ctAny?.cases).toBe(ctValues.length);
    // R type 7: the value at (n − 1) × 0.75, interpolated; shown to three significant figures.
    const position = (ctValues.length - 1) * 0.75;
    const low = ctValues[Math.floor(position)] as number;
    const high = ctValues[Math.ceil(position)] as number;
    expect(ctAny?.p75).toBe(Number((low + (high - low) * (position - Math.floor(position))).toPrecision(3)));
    expect(ctAny?.current).toMatchObject({ value: 200, origin: 'starting' });
    // Every group says whether it has enough cases; a small one is shown but not adoptable.
    for (const entry of proposal.proposals) expect(entry.adoptable).toBe(entry.cases >= MIN_CASES);
    expect(proposal.proposals.some((entry) => !entry.adoptable)).toBe(true);
    expect(proposal.proposals.some((entry) => entry.protocol === 'with_caudal' && entry.adoptable)).toBe(true);
  });

  it('once adopted, about a quarter of CT cases are above their level, by construction of the P75', () => {
    adoptReferenceLevels(store, period, context);
    const levels = referenceLevels(store);
    const share = ctShareAbove(records, levels);
    expect(share).toBeGreaterThan(0.22);
    expect(share).toBeLessThan(0.28);
    const ct = levels.levels.find(
      (level) => level.modality === 'ct' && level.protocol === 'any' && level.quantity === 'dlpMGyCm',
    );
    expect(ct).toMatchObject({ origin: 'adopted', basis: { from: period.from, to: period.to } });
    // CTDIvol and DAP have levels now; too small groups kept what they had.
    expect(levels.levels.some((level) => level.quantity === 'ctdiVolMGy')).toBe(true);
    expect(levels.levels.some((level) => level.quantity === 'dapGyCm2')).toBe(true);
    const [entry] = auditHistory(store, 'settings', 'department').slice(-1);
    expect(Object.keys(entry?.changes ?? {}).some((path) => path.startsWith('referenceLevels.'))).toBe(true);
    // And the warnings follow: the share of CT cases with a DLP warning is that quarter.
    const settings = { referenceLevels: levels, drugCatalogue: drugCatalogue(store) };
    const ctRecords = records.filter((record) => record.modality === 'ct' && record.dlpMGyCm != null);
    const warned = ctRecords.filter((record) =>
      warnings(record, settings).some((warning) => warning.code === 'dlp_above_reference'),
    );
    expect(warned.length / ctRecords.length).toBeCloseTo(share, 5);
  });

  it("compare the department's and each operator's median with the level", () => {
    const rows = referenceComparison(store, {});
    const department = rows.filter((row) => row.operator === null);
    const operators = rows.filter((row) => row.operator !== null);
    expect(department.length).toBeGreaterThan(0);
    expect(new Set(operators.map((row) => row.operator?.name)).size).toBe(6);
    // Each operator's cases add up to the department's, per modality and quantity (folded lines included).
    const cases = (list: typeof rows) => {
      const sums = new Map<string, number>();
      for (const row of list)
        sums.set(`${row.modality} ${row.quantity}`, (sums.get(`${row.modality} ${row.quantity}`) ?? 0) + row.cases);
      return Object.fromEntries(sums);
    };
    expect(cases(operators)).toEqual(cases(department));
    // Levels are P75s of the same records: the department's median is below each adopted one.
    const ctDlp = department.find(
      (row) => row.modality === 'ct' && row.protocol === 'single_level' && row.quantity === 'dlpMGyCm',
    );
    expect(ctDlp?.medianAbove).toBe(false);
    expect(ctDlp?.aboveShare).toBeGreaterThan(0.2);
  });

  it('give no median of fewer than 20 cases: such groups fold into one line per who, modality and quantity', () => {
    const groups = referenceGroupsRowByRow(store, {});
    const rows = referenceComparison(store, {});
    const small = groups.filter((row) => row.cases < MIN_CASES);
    expect(small.length).toBeGreaterThan(5);
    // Every line with a median has enough cases; the groups with fewer are on a folded line.
    for (const row of rows.filter((line) => line.folded === null)) expect(row.cases).toBeGreaterThanOrEqual(MIN_CASES);
    const folded = rows.filter((line) => line.folded !== null);
    expect(folded.length).toBeLessThan(small.length);
    expect(rows.length).toBe(groups.length - small.length + folded.length);
    for (const line of folded) {
      expect(line).toMatchObject({ protocol: null, median: null, level: null, medianAbove: null });
      const members = small.filter(
        (row) =>
          row.operator?.id === line.operator?.id && row.modality === line.modality && row.quantity === line.quantity,
      );
      // The line names each folded group and its cases, and counts each case against its own level.
      expect(line.folded).toEqual(members.map((row) => ({ protocol: row.protocol, cases: row.cases })));
      expect(line.cases).toBe(members.reduce((sum, row) => sum + row.cases, 0));
      const above = members.reduce((sum, row) => sum + (row.above ?? Number.NaN), 0);
      expect(line.above).toBe(Number.isNaN(above) ? null : above);
      expect(line.aboveShare).toBe(Number.isNaN(above) ? null : share(above, line.cases));
    }
    // Nothing is lost: per who, modality and quantity the cases are those of every group.
    const total = (list: typeof rows) =>
      list.reduce(
        (sums, row) =>
          sums.set(
            `${row.operator?.id} ${row.modality} ${row.quantity}`,
            (sums.get(`${row.operator?.id} ${row.modality} ${row.quantity}`) ?? 0) + row.cases,
          ),
        new Map<string, number>(),
      );
    expect(total(rows)).toEqual(total(groups));
  });

  it('read the doses from their narrow index alone, whatever the filter', () => {
    for (const filter of [
      {},
      { from: '2026-01-01', to: '2026-06-30' },
      { operatorIds: ['x'], roots: ['S1' as const] },
    ]) {
      const { where, params } = procedureFilterSql(filter, { utcBounds: false });
      const plan = (
        store.reader.db.prepare(`EXPLAIN QUERY PLAN ${doseQuery(where)}`).all(params) as { detail: string }[]
      ).map((row) => row.detail);
      expect(plan.join('; ')).toMatch(/COVERING INDEX procedures_doses/);
    }
  });

  it('refuse a period with no group big enough, changing nothing', () => {
    const before = referenceLevels(store);
    expect(() => adoptReferenceLevels(store, { from: '2020-01-01', to: '2020-01-31' }, context)).toThrowError(
      expect.objectContaining({ field: 'from' }),
    );
    expect(() => adoptReferenceLevels(store, { from: '2020-02-01', to: '2020-01-31' }, context)).toThrowError(
      expect.objectContaining({ field: 'from' }),
    );
    expect(referenceLevels(store)).toEqual(before);
  });

  it('are judged by the level for the record’s protocol, asked as a reason at signing', () => {
    const { store: small, operatorId } = tempStore();
    const saved = saveDraft(small, completeDraft(operatorId, { dlpMGyCm: 450 }), context);
    expect(saved.warnings.map((warning) => [warning.code, warning.level])).toEqual([
      ['dlp_above_reference', 'reference'],
    ]);
    small.close();
  });
});
