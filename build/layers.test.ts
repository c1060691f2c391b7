import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  apiClientCallers,
  asRead,
  type Import,
  type ImportGraph,
  importCycles,
  layerProblems,
  layerTable,
  readImportGraph,
  SQL_LINE,
  sourceFiles,
  specifiersOf,
  sqlProblems,
  TABLE_END,
  TABLE_START,
  tableIn,
} from './layer-check.js';
import { LAYERS, SQL_ELSEWHERE, SQL_HOMES } from './layer-map.js';

/*
 * The layers, as imports: a test rather than a lint rule so the message can say why. The
 * rules are build/layer-map.ts, every row of it; docs/architecture.md shows the same table.
 */
const root = join(import.meta.dirname, '..');
const graph = readImportGraph(root);

const file = (path: string): Import['target'] => ({ kind: 'file', path });
const made = (entries: Record<string, [string, Import['target']][]>): ImportGraph =>
  new Map(
    Object.entries(entries).map(([from, imports]) => [
      from,
      imports.map(([specifier, target], line) => ({ specifier, line: line + 1, target })),
    ]),
  );

describe('layers', () => {
  it('finds the imports it checks, of every kind', () => {
    const targets = (from: string) =>
      (graph.get(from) ?? []).map(({ target }) => ('path' in target ? target.path : target.kind));
    expect(targets('db/store.ts')).toContain('db/sqlite/connection.ts');
    expect(
      specifiersOf(
        'x.ts',
        [
          // A triple-slash directive counts only at the top of a file.
          '/// <reference types="vite/client" />',
          "import a from './a.js';",
          "import type { B } from './b.js';",
          "export * from './c.js';",
          "const d = await import('./d.js');",
          "const e = require('./e.cjs');",
          "type F = typeof import('./f.js');",
        ].join('\n'),
      ).map(({ specifier }) => specifier),
    ).toEqual(expect.arrayContaining(['./a.js', './b.js', './c.js', './d.js', './e.cjs', './f.js', 'vite/client']));
  });

  it('every import keeps to the layer map, every file has a row, and no row or exception is stale', () => {
    expect(layerProblems(graph)).toEqual([]);
  });

  it('has no import cycle anywhere in the repository, type imports included', () => {
    const cycles = importCycles(graph).map(
      (cycle) => `${cycle.join(' → ')}: move what these files share into a file of its own`,
    );
    expect(cycles).toEqual([]);
  });

  it('only the renderer’s stores call the API client', () => {
    const { callers, problems } = apiClientCallers(root, graph);
    expect(callers.length).toBeGreaterThan(3);
    expect(problems).toEqual([]);
  });

  it('SQL lives in db/sqlite: no other file of the app holds any but those declared, and none declared holds none', () => {
    const files = sourceFiles(root).map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
    expect(files.map(({ path }) => path)).toContain('db/search.ts');
    expect(sqlProblems(files, SQL_HOMES, SQL_ELSEWHERE)).toEqual([]);
  });

  it('docs/architecture.md shows the layer map as declared', () => {
    const document = readFileSync(join(root, 'docs', 'architecture.md'), 'utf8');
    const shown = tableIn(document);
    expect(shown, `docs/architecture.md needs the table between "${TABLE_START}" and "${TABLE_END}"`).not.toBeNull();
    if (shown !== asRead(layerTable())) {
      expect.fail(
        `the layer map changed: put this table between the markers in docs/architecture.md\n\n${layerTable()}`,
      );
    }
  });
});

describe('the layer checks fail where they should', () => {
  it('a folder the map does not know says: add it to the layer map', () => {
    const problems = layerProblems(
      made({ 'db/telepathy/format.ts': [['../model/index.js', file('db/model/index.ts')]] }),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^db\/telepathy\/format\.ts: .*db\/telepathy\/.*add it to the layer map/),
    );
  });

  it('an import across a row is named with its file, line and reason, type imports alike', () => {
    const problems = layerProblems(
      made({
        'db/model/clock.ts': [['node:fs', { kind: 'node' }]],
        'db/sqlite/rows.ts': [['../stats/dashboard.js', file('db/stats/dashboard.ts')]],
        'db/stats/dashboard.ts': [],
        'renderer/features/list/List.tsx': [['../../../db/store.js', file('db/store.ts')]],
        'db/store.ts': [],
        'renderer/app/App.tsx': [['better-sqlite3', { kind: 'package', specifier: 'better-sqlite3' }]],
        'db/hub/sync.ts': [['../exports/xlsx.js', file('db/exports/xlsx.ts')]],
        'db/exports/xlsx.ts': [],
        'db/procedures.ts': [['./testing/fixtures.js', file('db/testing/fixtures.ts')]],
        'db/testing/fixtures.ts': [],
        'db/seed.ts': [['./seed.test.js', file('db/seed.test.ts')]],
        'db/seed.test.ts': [],
      }),
    );
    for (const expected of [
      /^db\/model\/clock\.ts:1 imports 'node:fs': the model layer may not use Node/,
      /^db\/sqlite\/rows\.ts:1 imports '\.\.\/stats\/dashboard\.js' \(statistics\): the storage layer may import itself, model/,
      /^renderer\/features\/list\/List\.tsx:1 .*\(services\): the renderer layer/,
      /^renderer\/app\/App\.tsx:1 imports 'better-sqlite3': the renderer layer may not use better-sqlite3/,
      /^db\/hub\/sync\.ts:1 .*\(exports\): the hub layer/,
      /^db\/procedures\.ts:1 .*\(db testing\): the services layer/,
      /^db\/seed\.ts:1 .*a test is never imported/,
    ]) {
      expect(problems).toContainEqual(expect.stringMatching(expected));
    }
    // An exception no import needs any more is named, so it cannot outlive its reason.
    const stale = { from: 'db/stats/tally.ts', to: 'db/exports/csv.ts', why: 'an example' };
    expect(layerProblems(made({ 'db/stats/tally.ts': [] }), { layers: LAYERS, exceptions: [stale] })).toContainEqual(
      expect.stringMatching(/exception db\/stats\/tally\.ts → db\/exports\/csv\.ts is no longer needed/),
    );
  });

  it('SQL in a service is named with its file and line; a stale allowance too', () => {
    const files = [
      { path: 'db/search.ts', text: "import x from 'y';\nconst rows = read.prepare(sql).all();" },
      { path: 'db/maintenance.ts', text: "const found = db.pragma('integrity_check');" },
      { path: 'db/exports/list.ts', text: 'const sql = `\n  SELECT id FROM procedures`;' },
      { path: 'electron/api.ts', text: "store.writer.db.exec('VACUUM');" },
      { path: 'db/sqlite/procedure-list.ts', text: "read.prepare('SELECT 1').get();" },
      { path: 'db/search.test.ts', text: "db.prepare('UPDATE procedures SET status = 1').run();" },
      { path: 'db/model/labels.ts', text: "const m = /x/.exec(text); const words = 'Select a drug';" },
    ];
    expect(sqlProblems(files, ['db/sqlite/'], [{ file: 'db/audit.ts', why: 'an example' }])).toEqual([
      expect.stringMatching(/^db\/search\.ts:2 holds SQL: SQL lives in db\/sqlite/),
      expect.stringMatching(/^db\/maintenance\.ts:1 holds SQL/),
      expect.stringMatching(/^db\/exports\/list\.ts:2 holds SQL/),
      expect.stringMatching(/^electron\/api\.ts:1 holds SQL/),
      expect.stringMatching(/^db\/audit\.ts holds no SQL any more: remove it from SQL_ELSEWHERE/),
    ]);
    for (const sql of ["'INSERT INTO operators'", '`DELETE FROM settings`', "'BEGIN'", '(SELECT 1)'])
      expect(sql).toMatch(SQL_LINE);
  });

  it('finds a cycle, and a file that imports itself', () => {
    const cycles = importCycles(
      made({
        'db/model/warnings.ts': [['./dose-rules.js', file('db/model/dose-rules.ts')]],
        'db/model/dose-rules.ts': [['./warnings.js', file('db/model/warnings.ts')]],
        'db/model/vocabularies.ts': [],
        'db/model/self.ts': [['./self.js', file('db/model/self.ts')]],
      }),
    );
    expect(cycles).toEqual(
      expect.arrayContaining([
        ['db/model/dose-rules.ts', 'db/model/warnings.ts', 'db/model/dose-rules.ts'],
        ['db/model/self.ts', 'db/model/self.ts'],
      ]),
    );
    expect(cycles).toHaveLength(2);
  });
});
