import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../exports/run.js';
import { seedDatabase } from '../seed.js';
import { context, tempPath, tempStore } from '../testing/fixtures.js';
import { ZOD_OWN_WORDS } from '../testing/zod-own-words.js';
import { importFile } from './merge.js';

/*
 * An import report names what is wrong with each rejected record in words: every value of a
 * real exported record, one at a time, replaced by a wrong one, and every reason the import
 * gives read for zod's own words.
 */

const WRONG: unknown[] = [null, -1, 0.5, 1e12, 'x', '', {}, [], true];

/** Every path to a value in a record, with a copy of the record holding `wrong` there. */
function* everyValueReplaced(record: unknown, wrong: unknown): Generator<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, [...path, index]);
    } else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(record, []);
  for (const path of paths) {
    if (path.length === 0) continue;
    const copy = structuredClone(record) as Record<string | number, unknown>;
    let at = copy;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[path[path.length - 1] as string | number] = wrong;
    yield copy;
  }
}

let file: { header: Record<string, unknown>; records: unknown[] };
beforeAll(async () => {
  const { store } = tempStore();
  seedDatabase(store, { count: 3, seed: 4 }, context);
  const out = tempPath('source.json');
  await runExport(store, { format: 'json', out });
  const { procedures, ...header } = JSON.parse(readFileSync(out, 'utf8')) as { procedures: unknown[] };
  file = { header, records: procedures };
  store.close();
});

describe('an import report', () => {
  it('words every reason a record is rejected, whichever of its values is wrong', async () => {
    const records = file.records.flatMap((record) => WRONG.flatMap((wrong) => [...everyValueReplaced(record, wrong)]));
    const path = tempPath('every-value-wrong.json');
    writeFileSync(path, JSON.stringify({ ...file.header, procedures: records }));
    const { store } = tempStore();
    const report = await importFile(store, path, context, { limits: { pauseMs: 0 } });
    store.close();
    expect(report.rejected.length).toBeGreaterThan(records.length / 2);
    const zodWords = new Set(
      report.rejected
        .flatMap((rejection) => rejection.problems.map((problem) => `${problem.field}: ${problem.message}`))
        .filter((line) => ZOD_OWN_WORDS.test(line)),
    );
    expect([...zodWords].slice(0, 40), `${zodWords.size} reasons in zod's words`).toEqual([]);
  });
});
