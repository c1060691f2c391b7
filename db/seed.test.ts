import { describe, expect, it } from 'vitest';
import { DEFAULT_DRUG_CATALOGUE, procedureDraftSchema, signingProblems } from './model/index.js';
import { demoProcedure, seedDatabase, seededRandom } from './seed.js';
import { context, tempStore } from './testing/fixtures.js';

describe('demo data', () => {
  it('every generated procedure is valid and signable', () => {
    const random = seededRandom(42);
    const signingContext = { operatorIds: new Set(['op']), drugCatalogue: DEFAULT_DRUG_CATALOGUE };
    for (let i = 0; i < 2000; i++) {
      const draft = demoProcedure(random, ['op'], new Date(Date.UTC(2025, 0, 1, 9) + i * 3600_000));
      expect(procedureDraftSchema.parse(draft)).toEqual(draft);
      expect(signingProblems(draft, signingContext)).toEqual([]);
    }
  });

  it('never seeds a procedure after `until` or at a weekend, even over the last day from a Sunday night', () => {
    const { store } = tempStore();
    // A Sunday, 01:10 local time: the day before is Saturday, and 08:00–16:00 today is later.
    const until = new Date(2026, 10, 29, 1, 10);
    seedDatabase(store, { count: 200, seed: 11, years: 1 / 365, until }, context);
    const performed = (store.reader.prepare('SELECT performed_at_utc FROM procedures').pluck().all() as string[]).map(
      (text) => new Date(text),
    );
    expect(performed).toHaveLength(200);
    for (const at of performed) {
      expect(at.getTime()).toBeLessThanOrEqual(until.getTime());
      expect([0, 6]).not.toContain(at.getDay());
    }
    store.close();
  });

  it('is deterministic for a seed and has the published shape', () => {
    const until = new Date('2026-01-01T00:00:00Z');
    const a = tempStore();
    const b = tempStore();
    seedDatabase(a.store, { count: 3000, seed: 9, until }, context);
    seedDatabase(b.store, { count: 3000, seed: 9, until }, context);
    const content = (store: typeof a.store) =>
      store.writer.db
        .prepare(
          'SELECT patient_id, performed_at, pain_pre, pain_post, dlp_mgy_cm FROM procedures ORDER BY performed_at_utc, patient_id',
        )
        .all();
    expect(content(a.store)).toEqual(content(b.store));

    const share = (sql: string) =>
      (a.store.writer.db.prepare(`SELECT avg(${sql}) FROM targets`).pluck().get() as number) * 100;
    expect(share("root = 'L5'")).toBeGreaterThan(50);
    expect(share("root = 'S1'")).toBeGreaterThan(12);
    const db = a.store.writer.db;
    const one = (sql: string) => db.prepare(sql).pluck().get() as number;
    // Intravascular uptake as published: about 8 % of lumbar targets, about 20 % at S1.
    const intravascular = (roots: string) =>
      one(
        `SELECT avg(EXISTS (SELECT 1 FROM target_spread s WHERE s.procedure_id = t.procedure_id AND s.target_ordinal = t.ordinal AND s.pattern LIKE 'intravascular%')) * 100 FROM targets t WHERE t.root ${roots}`,
      );
    expect(intravascular("<> 'S1'")).toBeGreaterThan(6);
    expect(intravascular("<> 'S1'")).toBeLessThan(10);
    expect(intravascular("= 'S1'")).toBeGreaterThan(16);
    expect(intravascular("= 'S1'")).toBeLessThan(24);
    // Major complications rare (order 0.01–0.1 %), vasovagal about 1 %.
    const major = one("SELECT count(DISTINCT procedure_id) * 100.0 / 3000 FROM complications WHERE severity = 'major'");
    expect(major).toBeLessThan(0.25);
    const vasovagal = one("SELECT count(*) * 100.0 / 3000 FROM complications WHERE complication = 'vasovagal'");
    expect(vasovagal).toBeGreaterThan(0.4);
    expect(vasovagal).toBeLessThan(2);
    // Consistent: an intravascular injection complication exactly where the spread was intravascular,
    // an action after every abnormal spread, nobody home after intrathecal spread or a motor block.
    expect(
      one(`SELECT count(*) FROM procedures p WHERE
        EXISTS (SELECT 1 FROM target_spread s WHERE s.procedure_id = p.id AND s.pattern LIKE 'intravascular%')
        <> EXISTS (SELECT 1 FROM complications c WHERE c.procedure_id = p.id AND c.complication = 'intravascular_injection')`),
    ).toBe(0);
    expect(
      one(`SELECT count(*) FROM targets t WHERE t.abnormal_spread_action IS NULL AND EXISTS (SELECT 1 FROM target_spread s
        WHERE s.procedure_id = t.procedure_id AND s.target_ordinal = t.ordinal AND s.pattern IN ('intravascular_venous', 'intravascular_arterial', 'intrathecal'))`),
    ).toBe(0);
    expect(
      one(`SELECT count(*) FROM procedures p WHERE p.disposition = 'home_not_driving' AND (
        EXISTS (SELECT 1 FROM target_spread s WHERE s.procedure_id = p.id AND s.pattern = 'intrathecal')
        OR EXISTS (SELECT 1 FROM complications c WHERE c.procedure_id = p.id AND c.complication = 'transient_motor_block'))`),
    ).toBe(0);
    // Pregnancy asked of women of 12–55 and varying; not applicable to everyone else.
    const pregnancy = db
      .prepare(
        "SELECT DISTINCT pregnancy_excluded FROM procedures WHERE sex = 'female' AND cast(substr(performed_date, 1, 4) AS int) - cast(substr(birth_date, 1, 4) AS int) BETWEEN 13 AND 54",
      )
      .pluck()
      .all();
    expect(pregnancy).toEqual(expect.arrayContaining(['yes', 'not_excluded']));
    expect(one("SELECT count(*) FROM procedures WHERE sex = 'male' AND pregnancy_excluded <> 'not_applicable'")).toBe(
      0,
    );
    const dlp = a.store.writer.db
      .prepare("SELECT avg(dlp_mgy_cm) FROM procedures WHERE modality = 'ct'")
      .pluck()
      .get() as number;
    expect(dlp).toBeGreaterThan(170);
    expect(dlp).toBeLessThan(230);
    expect(
      a.store.writer.db
        .prepare("SELECT count(*) FROM procedures WHERE status <> 'signed' OR pain_pre NOT BETWEEN 5 AND 9")
        .pluck()
        .get(),
    ).toBe(0);
  });
});
