import { describe, expect, it } from 'vitest';
import { type ProcedureDraft, quantiles, reliefPercent, share } from '../model/index.js';
import { getProcedure, saveDraft, signProcedure } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import { saveOperator } from '../settings.js';
import { procedureFilterSql } from '../sqlite/procedure-filter.js';
import { factsQuery } from '../sqlite/stats-rows.js';
import type { Store } from '../store.js';
import { completeDraft, context, EVERY_CONFIRMABLE_WARNING, tempStore } from '../testing/fixtures.js';
import { recordSigner } from '../testing/signer.js';
import { dashboard } from './dashboard.js';
import { monthCovered } from './months.js';
import { warmUpDashboard } from './screen.js';

function handFixture() {
  const { store, operatorId: a } = tempStore();
  const b = saveOperator(store, { name: 'Dr. B. Lang' }, context).id;
  // The fixture is about the figures: every warning its records raise is confirmed.
  const sign = (input: Parameters<typeof completeDraft>[1]) => {
    const { record } = saveDraft(store, input as never, context);
    signProcedure(
      store,
      record.id,
      { confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
      recordSigner(store, record.id),
      context,
    );
  };
  const base = (operatorId: string, overrides: Parameters<typeof completeDraft>[1]) =>
    completeDraft(operatorId, { dlpMGyCm: null, doseExceedanceReason: 'patient_size', ...overrides });
  sign(
    base(a, {
      patientId: 'H1',
      performedAt: '2026-01-10T09:00:00+01:00',
      startedAt: '09:00',
      endedAt: '09:15',
      modality: 'ct',
      dlpMGyCm: 150,
      ctdiVolMGy: 12,
      painPre: 8,
      painPost: 2,
    }),
  );
  sign(
    base(a, {
      patientId: 'H2',
      performedAt: '2026-01-20T10:00:00+01:00',
      startedAt: '10:00',
      endedAt: '10:20',
      symptomSide: 'bilateral',
      indications: ['foraminal_stenosis'],
      targets: [
        { root: 'L5', side: 'left', spread: ['perineural'] },
        { root: 'L5', side: 'right', spread: ['intravascular_venous'] },
      ],
      caudalEpidural: true,
      caudalSpread: ['epidural'],
      drugs: [
        { drug: 'dexamethasone', doseMg: 4, site: 0 },
        { drug: 'triamcinolone', doseMg: 40, site: 1 },
      ],
      modality: 'ct',
      dlpMGyCm: 250,
      painPre: 6,
      painPost: 3,
      complications: [{ type: 'vasovagal', severity: 'minor' }],
    }),
  );
  sign(
    base(b, {
      patientId: 'H3',
      performedAt: '2026-02-05T08:00:00+01:00',
      startedAt: '08:00',
      endedAt: '08:10',
      symptomSide: 'right',
      indications: ['disc_herniation', 'other'],
      targets: [{ root: 'S1', side: 'right', spread: ['intrathecal'] }],
      modality: 'fluoroscopy',
      fluoroTimeS: 70,
      dapGyCm2: 2,
      painPre: 5,
      painPost: 5,
    }),
  );
  sign(
    base(b, {
      patientId: 'H4',
      performedAt: '2026-02-06T08:00:00+01:00',
      startedAt: null,
      endedAt: null,
      targets: [{ root: 'L4', side: 'left', spread: ['perineural'] }],
      modality: 'ct_fluoroscopy',
      dlpMGyCm: 100,
      fluoroTimeS: 10,
      painPre: 0,
      painPost: 0,
      complications: [{ type: 'hematoma', severity: 'major' }],
    }),
  );
  saveDraft(store, completeDraft(a, { patientId: 'DRAFT', painPre: 10, painPost: 0 }), context);
  return { store, a, b };
}

describe('dashboard aggregates on a small fixture, computed by hand', () => {
  const { store, a, b } = handFixture();
  const result = dashboard(store);

  it('volume', () => {
    expect(result.procedures).toBe(4);
    expect(result.volume.byMonth).toEqual([
      { month: '2026-01', from: '2026-01-01', to: '2026-01-31', days: 31, partial: false, procedures: 2 },
      { month: '2026-02', from: '2026-02-01', to: '2026-02-28', days: 28, partial: false, procedures: 2 },
    ]);
    expect(result.volume.byOperator.map((row) => [row.key, row.procedures]).sort()).toEqual(
      [
        [a, 2],
        [b, 2],
      ].sort(),
    );
    expect(result.volume.byRootSide).toEqual([
      { root: 'L4', side: 'left', targets: 1 },
      { root: 'L5', side: 'left', targets: 2 },
      { root: 'L5', side: 'right', targets: 1 },
      { root: 'S1', side: 'right', targets: 1 },
    ]);
    expect(result.volume.bilateralShare).toBe(0.25);
    expect(result.volume.caudalShare).toBe(0.25);
  });

  it('immediate pain response', () => {
    expect(result.pain.overall).toMatchObject({
      procedures: 4,
      pre: { n: 4, q1: 3.75, median: 5.5, q3: 6.5 },
      post: { n: 4, q1: 1.5, median: 2.5, q3: 3.5 },
      relief: { n: 3, q1: 25, median: 50, q3: 62.5 },
      responderShare: 0.6667,
    });
    expect(result.pain.byRoot.map((group) => [group.key, group.procedures, group.pre.median])).toEqual([
      ['L4', 1, 0],
      ['L5', 2, 7],
      ['S1', 1, 5],
    ]);
    expect(result.pain.byIndication.map((group) => [group.key, group.procedures])).toEqual([
      ['disc_herniation', 3],
      ['foraminal_stenosis', 1],
      ['other', 1],
    ]);
  });

  it('contrast spread', () => {
    expect(result.spread.targets).toBe(5);
    expect(result.spread.patterns.filter((row) => row.targets > 0)).toEqual([
      { pattern: 'perineural', targets: 3, share: 0.6 },
      { pattern: 'intravascular_venous', targets: 1, share: 0.2 },
      { pattern: 'intrathecal', targets: 1, share: 0.2 },
    ]);
    expect(result.spread.byRoot).toEqual([
      { root: 'L4', targets: 1, intravascularRate: 0, intrathecalRate: 0 },
      { root: 'L5', targets: 3, intravascularRate: 0.3333, intrathecalRate: 0 },
      { root: 'S1', targets: 1, intravascularRate: 0, intrathecalRate: 1 },
    ]);
    expect(result.spread.particulateAfterIntravascular).toEqual({
      intravascularTargets: 1,
      withParticulateSteroid: 1,
      share: 1,
    });
  });

  it('complications', () => {
    expect(result.complications).toEqual([
      { complication: 'none', severity: null, procedures: 2, rate: 0.5 },
      { complication: 'vasovagal', severity: 'minor', procedures: 1, rate: 0.25 },
      { complication: 'hematoma', severity: 'major', procedures: 1, rate: 0.25 },
    ]);
  });

  it('radiation dose against the reference levels', () => {
    const ct = result.dose.byModality.find((group) => group.key === 'ct');
    expect(ct?.dlp).toEqual({ n: 2, median: 200, p75: 225, aboveReferenceShare: 0.5 });
    expect(ct?.ctdiVol).toEqual({ n: 1, median: 12, p75: 12, aboveReferenceShare: null });
    const fluoro = result.dose.byModality.find((group) => group.key === 'fluoroscopy');
    expect(fluoro?.fluoroTime).toEqual({ n: 1, median: 70, p75: 70, aboveReferenceShare: 1 });
    expect(fluoro?.dap).toMatchObject({ n: 1, median: 2 });
    expect(result.dose.byModality.find((group) => group.key === 'ct_fluoroscopy')?.fluoroTime.aboveReferenceShare).toBe(
      0,
    );
    expect(result.dose.trend).toMatchObject([
      { month: '2026-01', partial: false, procedures: 2, dlpMedian: 200, fluoroTimeMedian: null },
      { month: '2026-02', partial: false, procedures: 2, dlpMedian: 100, fluoroTimeMedian: 40 },
    ]);
  });

  it('table time per operator', () => {
    const byOperator = Object.fromEntries(result.tableTime.map((row) => [row.key, row.minutes]));
    expect(byOperator[a]).toMatchObject({ n: 2, median: 17.5, p75: 18.75 });
    expect(byOperator[b]).toMatchObject({ n: 1, median: 10 });
  });

  it('filters by root, modality, operator and dates', () => {
    expect(dashboard(store, { roots: ['S1'] }).procedures).toBe(1);
    expect(dashboard(store, { modalities: ['ct'] }).procedures).toBe(2);
    expect(dashboard(store, { operatorIds: [b] }).volume.byMonth).toMatchObject([{ month: '2026-02', procedures: 2 }]);
    expect(dashboard(store, { from: '2026-02-01' }).procedures).toBe(2);
    expect(dashboard(store, { from: '2027-01-01' })).toMatchObject({
      procedures: 0,
      pain: { overall: { pre: { n: 0, median: null } } },
    });
    expect(() => dashboard(store, { roots: ['L9'] })).toThrowError(expect.objectContaining({ field: 'roots[0]' }));
  });

  it('marks the months a filter starts or ends inside, and the month still running, as partial', () => {
    // 15 January to 5 February: 17 days of January and 5 of February, each with its own procedures only.
    const cut = dashboard(store, { from: '2026-01-15', to: '2026-02-05' });
    expect(cut.volume.byMonth).toEqual([
      { month: '2026-01', from: '2026-01-15', to: '2026-01-31', days: 17, partial: true, procedures: 1 },
      { month: '2026-02', from: '2026-02-01', to: '2026-02-05', days: 5, partial: true, procedures: 1 },
    ]);
    expect(cut.dose.trend.map((month) => [month.month, month.days, month.partial])).toEqual([
      ['2026-01', 17, true],
      ['2026-02', 5, true],
    ]);
    // Read on 10 February, with no end to the filter: February so far is ten days.
    expect(dashboard(store, { from: '2026-01-01' }, { asOf: '2026-02-10' }).volume.byMonth).toMatchObject([
      { month: '2026-01', days: 31, partial: false },
      { month: '2026-02', from: '2026-02-01', to: '2026-02-10', days: 10, partial: true },
    ]);
    // A filter ending on a month's last day leaves it whole; 2028 is a leap year.
    expect(monthCovered('2028-02', { to: '2028-02-29' }, '2030-01-01')).toMatchObject({ days: 29, partial: false });
    expect(monthCovered('2026-02', { from: '2026-02-28' }, '2030-01-01')).toMatchObject({ days: 1, partial: true });
  });
});

/** The same figures recomputed in TypeScript from every record, independently of the SQL. */
function recompute(store: Store) {
  const ids = store.writer.db.prepare("SELECT id FROM procedures WHERE status <> 'draft'").pluck().all() as string[];
  const records: ProcedureDraft[] = ids.map((id) => getProcedure(store, id).record);
  const reliefs = records.map((r) => reliefPercent(r.painPre, r.painPost)).filter((v): v is number => v !== undefined);
  const byMonth = new Map<string, number>();
  for (const r of records)
    byMonth.set(String(r.performedAt).slice(0, 7), (byMonth.get(String(r.performedAt).slice(0, 7)) ?? 0) + 1);
  const targets = records.flatMap((r) => r.targets);
  const intravascularTargets = records.flatMap((r) =>
    r.targets.map((t, i) => ({ t, i, r })).filter(({ t }) => t.spread.some((p) => p.startsWith('intravascular'))),
  );
  const ctDlp = records.filter((r) => r.modality === 'ct' && r.dlpMGyCm != null).map((r) => r.dlpMGyCm as number);
  return {
    procedures: records.length,
    byMonth: [...byMonth.entries()].sort().map(([month, procedures]) => ({ month, procedures })),
    pre: quantiles(records.map((r) => r.painPre as number)),
    relief: quantiles(reliefs),
    responderShare: share(reliefs.filter((v) => v >= 50).length, reliefs.length),
    perineural: targets.filter((t) => t.spread.includes('perineural')).length,
    bilateral: share(
      records.filter((r) =>
        r.targets.some((t) => t.side === 'left' && r.targets.some((u) => u.root === t.root && u.side === 'right')),
      ).length,
      records.length,
    ),
    caudal: share(records.filter((r) => r.caudalEpidural).length, records.length),
    intravascular: intravascularTargets.length,
    particulate: intravascularTargets.filter(({ r, i }) =>
      r.drugs.some((d) => d.site === i && ['triamcinolone', 'methylprednisolone', 'betamethasone'].includes(d.drug)),
    ).length,
    none: records.filter((r) => r.complications.some((c) => c.type === 'none')).length,
    ctDlp: quantiles(ctDlp),
    ctDlpAbove: share(ctDlp.filter((v) => v > 200).length, ctDlp.length),
  };
}

describe('dashboard aggregates against an independent recomputation', () => {
  it('agree over every record of a seeded database', () => {
    const { store } = tempStore();
    seedDatabase(store, { count: 2500, seed: 17, until: new Date('2026-06-30T12:00:00Z') }, context);
    const expected = recompute(store);
    const result = dashboard(store);
    expect(result.procedures).toBe(expected.procedures);
    expect(result.volume.byMonth.map(({ month, procedures }) => ({ month, procedures }))).toEqual(expected.byMonth);
    expect(result.pain.overall.pre).toEqual(expected.pre);
    expect(result.pain.overall.relief).toEqual(expected.relief);
    expect(result.pain.overall.responderShare).toBe(expected.responderShare);
    expect(result.spread.patterns.find((p) => p.pattern === 'perineural')?.targets).toBe(expected.perineural);
    expect(result.volume.bilateralShare).toBe(expected.bilateral);
    expect(result.volume.caudalShare).toBe(expected.caudal);
    expect(result.spread.particulateAfterIntravascular).toMatchObject({
      intravascularTargets: expected.intravascular,
      withParticulateSteroid: expected.particulate,
    });
    expect(expected.intravascular).toBeGreaterThan(10);
    expect(result.complications.find((c) => c.complication === 'none')?.procedures).toBe(expected.none);
    const ct = result.dose.byModality.find((group) => group.key === 'ct');
    expect(ct?.dlp).toMatchObject({
      n: expected.ctDlp.n,
      median: expected.ctDlp.median,
      aboveReferenceShare: expected.ctDlpAbove,
    });
  });
});

describe('dashboard query', () => {
  it('reads only the dashboard index, for every kind of filter', () => {
    const { store, operatorId } = tempStore();
    for (const filter of [
      {},
      { from: '2026-01-01', to: '2026-03-31' },
      { operatorIds: [operatorId] },
      { roots: ['S1' as const] },
    ]) {
      const { where, params } = procedureFilterSql(filter, { utcBounds: false });
      const plan = store.writer.db
        .prepare(`EXPLAIN QUERY PLAN ${factsQuery(where)}`)
        .all(params)
        .map((step) => (step as { detail: string }).detail);
      expect(plan).toEqual([expect.stringMatching(/^(SCAN|SEARCH) p USING COVERING INDEX procedures_stats/)]);
    }
  });
});

describe('dashboard facts out of step with their terms', () => {
  it('refuses to report rather than leave procedures out of a tally', () => {
    const { store, operatorId } = tempStore();
    const { record } = saveDraft(store, completeDraft(operatorId), context);
    signProcedure(store, record.id, {}, recordSigner(store, record.id), context);
    expect(dashboard(store).procedures).toBe(1);
    // Tampering by hand (the trigger lifted): facts naming a targets term that does not exist.
    const facts = Buffer.from(
      store.writer.db.prepare('SELECT dashboard_facts FROM procedures WHERE id = ?').pluck().get(record.id) as string,
      'base64',
    );
    facts.writeUInt32LE(999_999, 20);
    store.writer.db.exec('DROP TRIGGER signed_procedure_no_update');
    store.writer.db
      .prepare('UPDATE procedures SET dashboard_facts = ? WHERE id = ?')
      .run(facts.toString('base64'), record.id);
    expect(() => dashboard(store)).toThrowError(
      expect.objectContaining({ code: 'internal', message: expect.stringMatching(/rootlog check/) }),
    );
  });
});

describe('dashboard over implausible dates', () => {
  // Year 1 can no longer be signed (a procedure before 2000 is refused at its field, db/model/signing.ts):
  // the dashboard is tried at the edges the date rule leaves, the first day of 2000 and the year 9999.
  it('still saves and counts a record dated at the edges the date rule allows (2000, 9999)', () => {
    const { store, operatorId } = tempStore();
    for (const performedAt of ['2000-01-01T10:00:00+01:00', '9999-06-01T10:00:00+02:00']) {
      // No birth date: the patient cannot have been born after the procedure.
      const { record } = saveDraft(store, completeDraft(operatorId, { performedAt, birthDate: null }), context);
      // Signed on a console whose clock says 9999 (a date in the future cannot be signed).
      signProcedure(store, record.id, {}, recordSigner(store, record.id), {
        ...context,
        now: () => new Date('9999-12-31T00:00:00Z'),
      });
    }
    expect(dashboard(store).volume.byMonth).toMatchObject([
      { month: '2000-01', days: 31, procedures: 1 },
      { month: '9999-06', days: 30, procedures: 1 },
    ]);
  });
});

describe('dashboard reuse', () => {
  it('answers a repeated request from memory until the database changes', () => {
    const { store, operatorId } = tempStore();
    seedDatabase(store, { count: 50, seed: 5, until: new Date('2026-06-30T12:00:00Z') }, context);
    const first = dashboard(store, {});
    expect(dashboard(store, {})).toBe(first);
    // Any write recomputes (a draft changes no signed figure, so the numbers stay the same).
    const { record } = saveDraft(
      store,
      completeDraft(operatorId, { patientId: 'NEW', performedAt: '2026-06-29T10:00:00+02:00' }),
      context,
    );
    const afterDraft = dashboard(store, {});
    expect(afterDraft).not.toBe(first);
    expect(afterDraft).toEqual(first);
    signProcedure(store, record.id, {}, recordSigner(store, record.id), context);
    const after = dashboard(store, {});
    expect(after).not.toBe(first);
    expect(after.procedures).toBe(first.procedures + 1);
  });

  it('warms up by computing the whole dashboard, which the first request then reuses', () => {
    const { store } = tempStore();
    seedDatabase(store, { count: 30, seed: 8, until: new Date('2026-06-30T12:00:00Z') }, context);
    const warm = warmUpDashboard(store);
    expect(warm.procedures).toBe(30);
    expect(dashboard(store, {})).toBe(warm);
  });

  it('sees what another connection committed', async () => {
    const { store, operatorId } = tempStore();
    const before = dashboard(store, {});
    const { openStore } = await import('../store.js');
    const other = openStore(store.path);
    const { record } = saveDraft(other, completeDraft(operatorId, { patientId: 'OTHER' }), context);
    signProcedure(other, record.id, {}, recordSigner(other, record.id), context);
    other.close();
    expect(dashboard(store, {}).procedures).toBe(before.procedures + 1);
  });
});
