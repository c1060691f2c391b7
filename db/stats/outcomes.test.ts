import { beforeAll, describe, expect, it, vi } from 'vitest';
import { followUpsOf, recordFollowUp } from '../follow-ups.js';
import { DEFAULT_FOLLOW_UP_WINDOWS, type ProcedureRecord } from '../model/index.js';
import { getProcedure } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import type { Store } from '../store.js';
import { context, tempStore } from '../testing/fixtures.js';
import { someSigner } from '../testing/signer.js';
import { followUpOutcomes, type OutcomeGroup } from './outcomes.js';

/*
 * The outcome figures against an independent recomputation: every record read whole through
 * the services, its follow-ups through their own service, counted one by one.
 */

const AS_OF = '2026-06-30';
let store: Store;

beforeAll(() => {
  ({ store } = tempStore());
  seedDatabase(store, { count: 400, seed: 17, years: 0.5, until: new Date(`${AS_OF}T12:00:00Z`) }, context);
  // A correction: the latest current entry is the one that counts, the corrected one not.
  const first = store.reader.prepare('SELECT id, procedure_id, contact_date FROM follow_up_entries LIMIT 1').get() as {
    id: string;
    procedure_id: string;
    contact_date: string;
  };
  recordFollowUp(
    store,
    {
      procedureId: first.procedure_id,
      contactDate: first.contact_date,
      method: 'phone',
      legNrs: 0,
      supersedes: first.id,
      reason: 're-asked',
    },
    someSigner(store),
    { ...context, now: () => new Date(`${AS_OF}T12:00:00Z`) },
  );
});

function oracle(
  groupOf: (record: ProcedureRecord) => string[],
  inFilter: (record: ProcedureRecord) => boolean = () => true,
) {
  const ids = store.reader.prepare("SELECT id FROM procedures WHERE status <> 'draft'").pluck().all() as string[];
  const shift = (days: number) =>
    new Date(Date.parse(`${AS_OF}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  const groups = new Map<string, { early: number[]; late: number[] }>();
  for (const id of ids) {
    const { record } = getProcedure(store, id);
    if (!inFilter(record)) continue;
    const current = followUpsOf(store, id).filter((entry) => !entry.supersededBy);
    const counts = { early: [0, 0, 0, 0], late: [0, 0, 0, 0] };
    for (const window of ['early', 'late'] as const) {
      const { from, to } = DEFAULT_FOLLOW_UP_WINDOWS[window];
      if ((record.performedAt ?? '').slice(0, 10) > shift(to)) continue;
      counts[window][0] = 1;
      const inWindow = current.filter((entry) => entry.daysAfter >= from && entry.daysAfter <= to).at(-1);
      if (!inWindow) continue;
      counts[window][1] = 1;
      if ((inWindow.reliefPercent ?? -1) >= 50) counts[window][2] = 1;
      if (record.painPre != null && inWindow.legNrs != null && record.painPre - inWindow.legNrs >= 2)
        counts[window][3] = 1;
    }
    for (const key of groupOf(record)) {
      const sum = groups.get(key) ?? { early: [0, 0, 0, 0], late: [0, 0, 0, 0] };
      for (const window of ['early', 'late'] as const)
        counts[window].forEach((n, at) => {
          sum[window][at] = (sum[window][at] ?? 0) + n;
        });
      groups.set(key, sum);
    }
  }
  return groups;
}

/** The steroid kind of a record as signed: the oracle's own reading of the drugs. */
const steroidOf = (record: ProcedureRecord) => {
  const steroids = record.drugs.filter((drug) => drug.asSigned?.drugClass === 'steroid');
  if (steroids.length === 0) return ['none'];
  return [steroids.some((drug) => drug.asSigned?.particulate) ? 'particulate' : 'non_particulate'];
};

const figures = (group: OutcomeGroup) => ({
  early: [group.early.eligible, group.early.followedUp, group.early.reliefResponders, group.early.nrsResponders],
  late: [group.late.eligible, group.late.followedUp, group.late.reliefResponders, group.late.nrsResponders],
});

describe('follow-up outcomes', () => {
  it('match a record-by-record recomputation, overall and by root, operator, modality and steroid', () => {
    const outcomes = followUpOutcomes(store, {}, { asOf: AS_OF });
    expect(figures(outcomes.overall)).toEqual(oracle(() => ['all']).get('all'));
    const byRoot = oracle((record) => [...new Set(record.targets.map((target) => target.root ?? '?'))]);
    expect(Object.fromEntries(outcomes.byRoot.map((group) => [group.key, figures(group)]))).toEqual(
      Object.fromEntries(byRoot),
    );
    const byOperator = oracle((record) => [record.operatorId ?? '']);
    expect(Object.fromEntries(outcomes.byOperator.map((group) => [group.key, figures(group)]))).toEqual(
      Object.fromEntries(byOperator),
    );
    const byIndication = oracle((record) => record.indications);
    expect(Object.fromEntries(outcomes.byIndication.map((group) => [group.key, figures(group)]))).toEqual(
      Object.fromEntries(byIndication),
    );
    const byModality = oracle((record) => [record.modality ?? '']);
    expect(Object.fromEntries(outcomes.byModality.map((group) => [group.key, figures(group)]))).toEqual(
      Object.fromEntries(byModality),
    );
    const bySteroid = oracle(steroidOf);
    expect(Object.fromEntries(outcomes.bySteroid.map((group) => [group.key, figures(group)]))).toEqual(
      Object.fromEntries(bySteroid),
    );
    // Realistic demo data: most followed up, about half responding at the review.
    expect(outcomes.overall.late.completeness).toBeGreaterThan(0.5);
    expect(outcomes.overall.late.reliefRate).toBeGreaterThan(0.25);
    expect(outcomes.overall.late.reliefRate).toBeLessThan(0.7);
  });

  it('a filtered view has the same figures, reading only its own procedures’ follow-ups', () => {
    const operator = store.reader
      .prepare("SELECT operator_id FROM procedures WHERE status <> 'draft' LIMIT 1")
      .pluck()
      .get() as string;
    const filter = { from: '2026-02-01', to: '2026-04-30', operatorIds: [operator] };
    const inFilter = (record: ProcedureRecord) => {
      const day = (record.performedAt ?? '').slice(0, 10);
      return day >= filter.from && day <= filter.to && record.operatorId === operator;
    };
    const prepared: string[] = [];
    const original = store.reader.db.prepare.bind(store.reader.db);
    const prepare = vi.spyOn(store.reader.db, 'prepare').mockImplementation((sql: string) => {
      prepared.push(sql);
      return original(sql);
    });
    let outcomes: ReturnType<typeof followUpOutcomes>;
    try {
      outcomes = followUpOutcomes(store, filter, { asOf: AS_OF });
    } finally {
      prepare.mockRestore();
    }
    const expected = oracle(() => ['all'], inFilter).get('all');
    expect(expected?.late[0]).toBeGreaterThan(5);
    expect(figures(outcomes.overall)).toEqual(expected);
    const bySteroid = oracle(steroidOf, inFilter);
    expect(Object.fromEntries(outcomes.bySteroid.map((group) => [group.key, figures(group)]))).toEqual(
      Object.fromEntries(bySteroid),
    );
    // A one-day `rootlog stats` on a big logbook stays quick only if no table is read whole:
    // no drug row at all (the steroid is in the packed facts), and the follow-ups of the
    // view's own procedures through their index.
    expect(prepared.filter((sql) => /drug_administrations/.test(sql))).toEqual([]);
    const readsFollowUps = prepared.filter((sql) => /follow_up_entries/.test(sql));
    expect(readsFollowUps.length).toBe(1);
    for (const sql of readsFollowUps) {
      const plan = (store.reader.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ rowids: '[1]' }) as { detail: string }[])
        .map((row) => row.detail)
        .join('\n');
      expect(plan, sql).not.toMatch(/SCAN (e|s|follow_up_entries)\b/);
    }
  });

  it('counts only procedures whose window has ended, so completeness is not flattered or spoilt by recent ones', () => {
    const recent = followUpOutcomes(store, { from: '2026-06-25', to: AS_OF }, { asOf: AS_OF });
    expect(recent.overall.late.eligible).toBe(0);
    expect(recent.overall.late.completeness).toBeNull();
  });
});
