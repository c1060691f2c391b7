import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODALITIES, ROOTS } from '../model/index.js';
import { amendProcedure, clinicalContent, getProcedure, saveDraft, signProcedure } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import { drugCatalogue, listOperators, saveDrug, saveOperator } from '../settings.js';
import { openStore } from '../store.js';
import { dashboardRowByRow } from '../testing/dashboard-oracle.js';
import { completeDraft, context, EVERY_CONFIRMABLE_WARNING, tempStore } from '../testing/fixtures.js';
import { recordSigner, someSigner } from '../testing/signer.js';
import { computeDashboard } from './dashboard.js';

/*
 * The dashboard reads packed facts and distinct lists (facts.ts, terms.ts); the oracle reads
 * every signed row's own columns. On any filter they must give the same figures — after
 * amendments (which rewrite facts), a renamed operator and a drug whose particulate flag
 * changed (which facts must not have frozen in).
 */
const confirmedWarnings = EVERY_CONFIRMABLE_WARNING;

function seededDepartment() {
  const { store } = tempStore();
  seedDatabase(store, { count: 1500, seed: 23, until: new Date('2026-06-30T12:00:00Z') }, context);
  const signed = store.writer.db
    .prepare("SELECT id FROM procedures WHERE status = 'signed' ORDER BY performed_at_utc LIMIT 40")
    .pluck()
    .all() as string[];
  signed.forEach((id, index) => {
    const { record } = getProcedure(store, id);
    const changed = {
      ...clinicalContent(record),
      painPost: index % 2 === 0 ? null : 0,
      dlpMGyCm: index % 3 === 0 ? 999.5 : record.dlpMGyCm,
      doseExceedanceReason: 'difficult_access' as const,
      startedAt: index % 5 === 0 ? null : record.startedAt,
      targets: record.targets.map((target) => ({ ...target, spread: ['intravascular_venous'] })),
    };
    // Half lose the pain score after, which signing refuses: those records stay as they were.
    if (changed.painPost === null) {
      expect(() =>
        amendProcedure(store, changed, { reason: 'oracle test', confirmedWarnings }, someSigner(store), context),
      ).toThrow();
    } else {
      amendProcedure(store, changed, { reason: 'oracle test', confirmedWarnings }, someSigner(store), context);
    }
  });
  const [first] = listOperators(store);
  if (first) saveOperator(store, { ...first, name: 'Dr. Renamed' }, context);
  const dexamethasone = drugCatalogue(store).find((drug) => drug.code === 'dexamethasone');
  if (dexamethasone) saveDrug(store, { ...dexamethasone, particulate: true }, context);
  return store;
}

describe('dashboard against the row-by-row oracle', () => {
  const store = seededDepartment();
  const operatorIds = listOperators(store).map((operator) => operator.id);
  const amended = store.writer.db.prepare("SELECT count(*) FROM procedures WHERE status = 'amended'").pluck().get();

  it('agrees with no filter, on a department with amendments and changed settings', () => {
    expect(amended).toBe(20);
    const fast = computeDashboard(store, {});
    expect(fast.procedures).toBeGreaterThan(1000);
    expect(fast.pain.byOperator.map((group) => group.label)).toContain('Dr. Renamed');
    expect(fast).toEqual(dashboardRowByRow(store, {}));
  });

  it('agrees after another connection adds records with lists never seen before', () => {
    computeDashboard(store, {});
    const other = openStore(store.path);
    const newcomer = saveOperator(other, { name: 'Dr. New' }, context).id;
    const { record } = saveDraft(
      other,
      completeDraft(newcomer, {
        performedAt: '2026-06-29T10:00:00+02:00',
        targets: [
          { root: 'L3', side: 'right', spread: ['intrathecal', 'epidural'] },
          { root: 'L3', side: 'left', spread: ['intravascular_arterial'] },
        ],
        drugs: [{ drug: 'methylprednisolone', doseMg: 40, site: 1 }],
        complications: [{ type: 'dural_puncture', severity: 'minor' }],
        doseExceedanceReason: 'training',
      }),
      context,
    );
    signProcedure(other, record.id, { confirmedWarnings }, recordSigner(other, record.id), context);
    other.close();
    const fast = computeDashboard(store, {});
    expect(fast.pain.byOperator.map((group) => group.label)).toContain('Dr. New');
    expect(fast).toEqual(dashboardRowByRow(store, {}));
  });

  it('agrees on any filter', () => {
    const day = fc
      .integer({ min: 0, max: 3 * 365 })
      .map((offset) => new Date(Date.UTC(2023, 6, 1) + offset * 86_400_000).toISOString().slice(0, 10));
    const filter = fc.record(
      {
        from: day,
        to: day,
        operatorIds: fc.subarray(operatorIds, { minLength: 1 }),
        modalities: fc.subarray([...MODALITIES], { minLength: 1 }),
        roots: fc.subarray([...ROOTS], { minLength: 1 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(filter, (input) => {
        const valid = !input.from || !input.to || input.from <= input.to;
        if (!valid) return;
        expect(computeDashboard(store, input)).toEqual(dashboardRowByRow(store, input));
      }),
      { numRuns: 60 },
    );
  });
});
