import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { recordFollowUp } from '../follow-ups.js';
import { MODALITIES, ROOTS } from '../model/index.js';
import { amendProcedure, clinicalContent, getProcedure, saveDraft, signProcedure } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import { drugCatalogue, listOperators, saveDrug, saveOperator } from '../settings.js';
import { followUpIndex, followUpIndexKept } from '../sqlite/follow-up-index.js';
import { openStore } from '../store.js';
import { dashboardRowByRow } from '../testing/dashboard-oracle.js';
import { completeDraft, context, EVERY_CONFIRMABLE_WARNING, tempStore } from '../testing/fixtures.js';
import { outcomesRowByRow } from '../testing/outcomes-oracle.js';
import { referenceGroupsRowByRow } from '../testing/reference-comparison-oracle.js';
import { recordSigner, someSigner } from '../testing/signer.js';
import { computeDashboard, parseDashboardFilter } from './dashboard.js';
import { computeScreen } from './screen.js';

/*
 * The dashboard, the follow-up outcomes and the doses against the reference levels read
 * packed facts, distinct lists (facts.ts, terms.ts) and an in-memory follow-up index; the
 * oracles read every signed row's own columns, drug rows and follow-up entries. On any filter
 * they must give the same figures — after amendments (which rewrite facts), a renamed
 * operator, a drug whose particulate flag changed (which facts must not have frozen in), and
 * follow-ups and corrections recorded by another connection (which the index reads as new).
 */
const AS_OF = '2026-07-15';

/** The whole screen against the three oracles, for one filter. */
function expectScreenAgrees(store: ReturnType<typeof seededDepartment>, input: unknown) {
  const screen = computeScreen(store, input, { asOf: AS_OF, folded: false });
  expect(screen.dashboard).toEqual(dashboardRowByRow(store, input, { asOf: AS_OF }));
  expect(screen.outcomes).toEqual(outcomesRowByRow(store, parseDashboardFilter(input), { asOf: AS_OF }));
  expect(screen.reference).toEqual(referenceGroupsRowByRow(store, parseDashboardFilter(input)));
}
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

  it('agrees on the whole screen, the follow-ups read in part (a first small view) and then all kept', () => {
    expect(followUpIndexKept(store.reader.db)).toBe(false);
    expectScreenAgrees(store, { from: '2026-03-01', to: '2026-03-10' });
    expect(followUpIndexKept(store.reader.db)).toBe(false);
    followUpIndex(store.reader.db);
    expect(followUpIndexKept(store.reader.db)).toBe(true);
    expectScreenAgrees(store, {});
  });

  it('agrees after another connection records follow-ups and corrects one, read as new entries only', () => {
    followUpIndex(store.reader.db);
    const before = computeScreen(store, {}, { asOf: AS_OF }).outcomes;
    const other = openStore(store.path);
    const procedures = other.reader
      .prepare(
        `SELECT p.id, p.performed_date FROM procedures p WHERE p.status = 'signed' AND p.performed_date < '2026-05-01'
            AND NOT EXISTS (SELECT 1 FROM follow_up_entries e WHERE e.procedure_id = p.id AND e.days_after BETWEEN 1 AND 3)
          ORDER BY p.id LIMIT 3`,
      )
      .raw()
      .all() as [string, string][];
    const later = (date: string, days: number) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const recorded = procedures.map(([procedureId, date]) =>
      recordFollowUp(
        other,
        { procedureId, contactDate: later(date, 2), method: 'phone', legNrs: 0 },
        someSigner(other),
        context,
      ),
    );
    const [first] = recorded;
    if (first)
      recordFollowUp(
        other,
        {
          procedureId: first.procedureId,
          contactDate: first.contactDate,
          method: 'phone',
          legNrs: 9,
          supersedes: first.id,
          reason: 'misheard',
        },
        someSigner(other),
        context,
      );
    other.close();
    const prepared: string[] = [];
    const original = store.reader.db.prepare.bind(store.reader.db);
    const spy = vi.spyOn(store.reader.db, 'prepare').mockImplementation((sql: string) => {
      prepared.push(sql);
      return original(sql);
    });
    let after: ReturnType<typeof computeScreen>;
    try {
      after = computeScreen(store, {}, { asOf: AS_OF });
    } finally {
      spy.mockRestore();
    }
    // Only the new entries were read: from the last rowid known, never the whole table again.
    const readsFollowUps = prepared.filter((sql) => /FROM follow_up_entries e/.test(sql));
    expect(readsFollowUps.length).toBe(1);
    expect(readsFollowUps[0]).toMatch(/e\.rowid > \?/);
    expect(after.outcomes.overall.early.followedUp).toBe(before.overall.early.followedUp + 3);
    expectScreenAgrees(store, {});
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
        expectScreenAgrees(store, input);
      }),
      { numRuns: 60 },
    );
  });
});
