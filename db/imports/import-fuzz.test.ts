import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../exports/run.js';
import { verifyLedger } from '../ledger/verify.js';
import { RootLogError } from '../model/index.js';
import { amendProcedure, clinicalContent, getProcedure, saveDraft } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import { context, EVERY_CONFIRMABLE_WARNING, tempPath, tempStore } from '../testing/fixtures.js';
import { someSigner } from '../testing/signer.js';
import { importFile } from './merge.js';

/*
 * Property: whatever is done to an export file (values replaced, members removed, records
 * duplicated, the text cut or garbled), an import never fails "unexpectedly" and never
 * changes the database except by adding whole, sound records: afterwards every signed record
 * matches its versions, the chains hold, and nothing that was there has changed.
 */

// biome-ignore lint/suspicious/noExplicitAny: the export is mutated as plain JSON
type Json = any;
let text: string;

beforeAll(async () => {
  const { store } = tempStore();
  seedDatabase(store, { count: 6, seed: 31, until: new Date('2026-06-30T12:00:00Z') }, context);
  const id = store.reader.prepare('SELECT id FROM procedures LIMIT 1').pluck().get() as string;
  const { record } = getProcedure(store, id);
  amendProcedure(
    store,
    { ...clinicalContent(record), painPost: record.painPost === 0 ? 1 : 0 },
    { reason: 'pain re-scored', confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
    someSigner(store),
    context,
  );
  saveDraft(store, { painPre: 5, patientId: 'DRAFT-9' }, context);
  const out = tempPath('source.json');
  await runExport(store, { format: 'json', out, includeDrafts: true });
  text = readFileSync(out, 'utf8');
  store.close();
});

/** Every path to a value in the file, for the mutations to aim at. */
function paths(value: Json, prefix: (string | number)[] = [], into: (string | number)[][] = []) {
  into.push(prefix);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) paths(item, [...prefix, index], into);
  } else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], into);
  return into;
}

const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    'not a date',
    '1970-01-01T00:00:00.000Z',
    '2026-13-45',
    '\u0000\u001b]0;x\u0007',
    '',
    -1,
    0,
    1e308,
    7,
    null,
    [],
    {},
    'x'.repeat(30_000),
    '0193a0b2-0000-7000-8000-000000000001',
  ),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: nasty }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
);

function mutate(data: Json, change: { kind: string; at: number; value?: unknown }): void {
  const all = paths(data).filter((path) => path.length > 0);
  const path = all[change.at % all.length] as (string | number)[];
  const parent = path.slice(0, -1).reduce((node, key) => node[key], data);
  const key = path[path.length - 1] as string | number;
  if (change.kind === 'replace') parent[key] = change.value;
  else if (change.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
  else parent[`${key}`] = structuredClone(parent[key]);
}

const fileChange = fc.oneof(
  fc.record({ kind: fc.constant('json' as const), changes: fc.array(mutation, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('garble' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
);

describe('import of a mutated export file', () => {
  it('never fails unexpectedly and only ever adds whole, sound records', async () => {
    await fc.assert(
      fc.asyncProperty(fileChange, async (change) => {
        let bytes: Buffer;
        if (change.kind === 'json') {
          const data = JSON.parse(text);
          for (const one of change.changes) mutate(data, one);
          bytes = Buffer.from(JSON.stringify(data));
        } else {
          bytes = Buffer.from(text);
          const at = Math.floor(change.at * bytes.length);
          if (change.kind === 'cut') bytes = bytes.subarray(0, at);
          else bytes[Math.min(at, bytes.length - 1)] = change.byte;
        }
        const path = tempPath('mutated.json');
        writeFileSync(path, bytes);
        const { store } = tempStore();
        const before = store.reader.prepare('SELECT * FROM procedures').all();
        let added = 0;
        try {
          added = (await importFile(store, path, context)).added;
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(RootLogError);
          added = store.reader.prepare('SELECT count(*) FROM procedures').pluck().get() as number;
        }
        const after = store.reader.prepare('SELECT * FROM procedures').all();
        expect(after.length).toBe(before.length + added);
        for (const row of before) expect(after).toContainEqual(row);
        const ledger = verifyLedger(store.reader.db);
        expect(ledger.ok, JSON.stringify({ change, ledger }, null, 1).slice(0, 2000)).toBe(true);
        store.close();
      }),
      { numRuns: 80, seed: 20261129 },
    );
  });
});
