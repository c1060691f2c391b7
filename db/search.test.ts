import { beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureFilter, ProcedureSummary } from './model/index.js';
import { saveDraft, signProcedure } from './procedures.js';
import { listProcedures } from './search.js';
import { seedDatabase } from './seed.js';
import type { Store } from './store.js';
import { completeDraft, context, tempStore } from './testing/fixtures.js';
import { recordSigner } from './testing/signer.js';

let store: Store;
let operatorId: string;

beforeAll(() => {
  ({ store, operatorId } = tempStore());
  seedDatabase(store, { count: 1500, seed: 3, until: new Date('2026-06-30T12:00:00Z') }, context);
  saveDraft(
    store,
    completeDraft(operatorId, {
      patientId: 'Q100_%',
      patientName: 'Zeta, Özlem',
      accessionNumber: 'XYZ-1',
      performedAt: '2026-07-01T10:00:00+02:00',
    }),
    context,
  );
  const { record } = saveDraft(
    store,
    completeDraft(operatorId, { patientId: 'Q200', performedAt: '2026-07-02T10:00:00+02:00' }),
    context,
  );
  signProcedure(store, record.id, {}, recordSigner(store, record.id), context);
});

const everyPage = (filter: ProcedureFilter, limit = 97): ProcedureSummary[] => {
  const all: ProcedureSummary[] = [];
  let cursor: string | null = null;
  do {
    const page = listProcedures(store, filter, { limit, cursor });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
};

/** The same filter computed independently, straight from the tables. */
const countWhere = (sql: string, ...params: unknown[]) =>
  store.writer.db
    .prepare(`SELECT count(*) FROM procedures p WHERE ${sql}`)
    .pluck()
    .get(...params) as number;

describe('listing and searching procedures', () => {
  it('pages through everything newest first, with no gaps or repeats', () => {
    const all = everyPage({});
    expect(all).toHaveLength(1502);
    expect(new Set(all.map((item) => item.id)).size).toBe(1502);
    const times = all.map((item) => new Date(item.performedAt as string).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all[0]?.patientId).toBe('Q200');
  });

  it('filters by date range on the local date performed', () => {
    const items = everyPage({ from: '2025-01-01', to: '2025-03-31' });
    expect(items.length).toBe(countWhere("p.performed_date BETWEEN '2025-01-01' AND '2025-03-31'"));
    expect(items.length).toBeGreaterThan(50);
    for (const item of items) {
      const date = String(item.performedAt).slice(0, 10);
      expect(date >= '2025-01-01' && date <= '2025-03-31').toBe(true);
    }
  });

  it('filters by root and side on any target', () => {
    const items = everyPage({ roots: ['S1'], sides: ['right'] });
    expect(items.length).toBe(
      countWhere("EXISTS (SELECT 1 FROM targets t WHERE t.procedure_id = p.id AND t.root = 'S1' AND t.side = 'right')"),
    );
    for (const item of items) expect(item.targets).toContain('S1 right');
  });

  it('filters by operator, modality and status together', () => {
    const someOperator = store.writer.db.prepare('SELECT operator_id FROM procedures LIMIT 1').pluck().get() as string;
    const items = everyPage({ operatorIds: [someOperator], modalities: ['fluoroscopy'], statuses: ['signed'] });
    expect(items.length).toBe(
      countWhere("p.operator_id = ? AND p.modality = 'fluoroscopy' AND p.status = 'signed'", someOperator),
    );
    expect(items.length).toBeGreaterThan(0);
    expect(everyPage({ statuses: ['draft'] }).map((item) => item.patientId)).toEqual(['Q100_%']);
  });

  it('searches patient ID and accession by prefix and the name anywhere, wildcards literal', () => {
    expect(everyPage({ text: 'q100_%' }).map((item) => item.patientId)).toEqual(['Q100_%']);
    expect(everyPage({ text: 'Q1' }).map((item) => item.patientId)).toEqual(['Q100_%']);
    expect(everyPage({ text: 'xyz-' }).map((item) => item.accessionNumber)).toEqual(['XYZ-1']);
    expect(everyPage({ text: 'Özlem' }).map((item) => item.patientName)).toEqual(['Zeta, Özlem']);
    expect(everyPage({ text: '%' })).toEqual([]);
  });

  it('filters by the console a record was logged at', () => {
    const here = store.writer.db.prepare('SELECT console_name FROM procedures LIMIT 1').pluck().get() as string;
    expect(everyPage({ consoleNames: [here] })).toHaveLength(1502);
    expect(everyPage({ consoleNames: ['CT 9 (elsewhere)'] })).toEqual([]);
  });

  it('summarises targets, pain and warnings for the list', () => {
    const [first] = listProcedures(store, { text: 'Q200' }).items;
    expect(first).toMatchObject({
      status: 'signed',
      targets: 'L5 left',
      painPre: 7,
      painPost: 2,
      operatorName: 'Dr. A. Keller',
      warningCodes: [],
    });
  });

  it('refuses bad filters and cursors with the field named', () => {
    expect(() => listProcedures(store, { from: '2026-02-01', to: '2026-01-01' })).toThrowError(
      expect.objectContaining({ field: 'from' }),
    );
    expect(() => listProcedures(store, { roots: ['L6'] })).toThrowError(expect.objectContaining({ field: 'roots[0]' }));
    expect(() => listProcedures(store, {}, { cursor: 'garbage' })).toThrowError(
      expect.objectContaining({ field: 'cursor' }),
    );
    expect(() => listProcedures(store, {}, { limit: 0 })).toThrowError(expect.objectContaining({ field: 'limit' }));
  });
});

describe('the name search folds accents and the German transliterations', () => {
  const named = (() => {
    const { store: folded, operatorId: doctor } = tempStore();
    const names = ['Müller, Hans', 'Mueller, Anna', 'Muller, Jean', 'Möller, Karl', 'Strauß, Eva', 'Schäfer, Jörg'];
    for (const [index, patientName] of names.entries())
      saveDraft(folded, completeDraft(doctor, { patientId: `F${index}`, patientName }), context);
    saveDraft(folded, completeDraft(doctor, { patientId: 'F9', patientName: 'Keller, Paul' }), context);
    return (text: string) =>
      listProcedures(folded, { text })
        .items.map((item) => item.patientName)
        .sort();
  })();

  it('finds Müller by "muller", "mueller", "MÜLLER" and Mueller by "müller", by trigram and by a short scan', () => {
    const theMullers = ['Mueller, Anna', 'Muller, Jean', 'Müller, Hans'];
    expect(named('muller')).toEqual(theMullers);
    expect(named('mueller')).toEqual(theMullers);
    expect(named('MÜLLER')).toEqual(theMullers);
    expect(named('Müll')).toEqual(theMullers);
    // Shorter than a trigram once folded ("mue" reads "mu"): the scan folds alike.
    expect(named('Mue')).toEqual(theMullers);
    // A part of the name as typed still matches where folding moved it ("eller" in "Mueller").
    expect(named('eller')).toEqual(['Keller, Paul', 'Mueller, Anna']);
  });

  it('reads ß as ss, ö as oe and ä as ae both ways', () => {
    expect(named('Strauss')).toEqual(['Strauß, Eva']);
    expect(named('moeller')).toEqual(['Möller, Karl']);
    expect(named('Schaefer')).toEqual(['Schäfer, Jörg']);
    expect(named('joerg')).toEqual(['Schäfer, Jörg']);
    expect(named('Jorg')).toEqual(['Schäfer, Jörg']);
  });
});
