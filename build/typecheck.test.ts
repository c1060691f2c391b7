import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { isTest, sourceFiles } from './layer-check.js';

/*
 * The two sides of the type check (build/typecheck.mjs): a file on a side gets that side's
 * types only. Each probe is a small program with a side's settings (its tsconfig, extended to
 * read just the probe), run through the same script as `npm run typecheck`.
 */
const root = join(import.meta.dirname, '..');
mkdirSync(join(root, '.tmp'), { recursive: true });
const probes = mkdtempSync(join(root, '.tmp', 'typecheck-probe-'));
afterAll(() => rmSync(probes, { recursive: true, force: true }));

function typecheckAs(side: 'node' | 'web', files: Record<string, string>) {
  const folder = mkdtempSync(join(probes, `${side}-`));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  const config = join(folder, 'tsconfig.json');
  writeFileSync(
    config,
    JSON.stringify({
      extends: relative(folder, join(root, `tsconfig.${side}.json`)),
      compilerOptions: { incremental: false },
      include: [],
      files: Object.keys(files),
    }),
  );
  const run = spawnSync(process.execPath, [join(root, 'build', 'typecheck.mjs'), '--as', side, config], {
    cwd: root,
    encoding: 'utf8',
  });
  // Without colours: the messages as a person reads them.
  return { code: run.status, said: stripVTControlCharacters(`${run.stdout}${run.stderr}`) };
}

const CLEAN = 'export const dose = (mg: number): string => mg.toFixed(1);\n';

describe('the type check has two sides', () => {
  it('a DOM global on the Node side (db/, electron/ main) fails it', () => {
    const { code, said } = typecheckAs('node', {
      'clean.ts': CLEAN,
      'service.ts': 'export const title = (): string => document.title;\n',
    });
    expect(code, said).toBe(1);
    expect(said).toMatch(/service\.ts:1:\d+ - error TS\d+: Cannot find name 'document'/);
    expect(said).not.toMatch(/clean\.ts/);
  });

  it('a Node module or global on the web side (renderer/) fails it', () => {
    const { code, said } = typecheckAs('web', {
      'clean.ts': `${CLEAN}export const now = () => document.title;\n`,
      'screen.ts': "import { readFileSync } from 'node:fs';\nexport const read = () => readFileSync(process.cwd());\n",
    });
    expect(code, said).toBe(1);
    expect(said).toMatch(/screen\.ts:1:\d+ - error TS\d+: Cannot find (module|name) 'node:fs'/);
    expect(said).toMatch(/screen\.ts:2:\d+ - error TS\d+: Cannot find name 'process'/);
    expect(said).not.toMatch(/clean\.ts/);
  });

  it('the web side may not read Node’s types through a package, nor a Node-side file through a type import', () => {
    // Both compile (the package brings Node's types along), so only the list of files read can tell.
    const { code, said } = typecheckAs('web', {
      'csv.ts': "import { stringify } from 'csv-stringify';\nexport const csv = stringify;\n",
      'guard.ts':
        "import type { OutputRules } from '../../../db/files/output-guard.js';\nexport type Rules = OutputRules;\n",
    });
    expect(code, said).toBe(1);
    expect(said).not.toMatch(/error TS/);
    expect(said).toMatch(/read Node's types .*node_modules\/@types\/node\//);
    expect(said).toMatch(/read a file outside its own folders .*db\/files\/output-guard\.ts/);
  });
});

describe('what each side checks', () => {
  const filesOf = (config: string) => {
    const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} };
    const parsed = ts.getParsedCommandLineOfConfigFile(join(root, config), {}, host);
    return new Set((parsed?.fileNames ?? []).map((file) => relative(root, file).split('\\').join('/')));
  };
  const node = filesOf('tsconfig.node.json');
  const web = filesOf('tsconfig.web.json');
  const e2e = filesOf('tsconfig.e2e.json');
  const typescript = sourceFiles(root).filter((file) => /\.tsx?$/.test(file));

  it('every TypeScript file of the repository is in one of the programs', () => {
    expect(typescript.filter((file) => !node.has(file) && !web.has(file) && !e2e.has(file))).toEqual([]);
  });

  it('db/model and electron/shared are checked on both sides, so neither the DOM nor Node is there', () => {
    const shared = typescript.filter(
      (file) => (file.startsWith('db/model/') || file.startsWith('electron/shared/')) && !isTest(file),
    );
    expect(shared.length).toBeGreaterThan(20);
    expect(shared.filter((file) => !node.has(file) || !web.has(file))).toEqual([]);
  });

  it('the renderer is on the web side only, db/ and the main process on the Node side only', () => {
    expect([...node].filter((file) => file.startsWith('renderer/'))).toEqual([]);
    // What tsconfig.web.json includes beside renderer/ are the pure files both sides share.
    const shared = (
      ts.readConfigFile(join(root, 'tsconfig.web.json'), ts.sys.readFile).config as { include: string[] }
    ).include.filter((path) => path !== 'renderer');
    const isShared = (file: string) => shared.some((path) => file === path || file.startsWith(`${path}/`));
    expect([...web].filter((file) => !file.startsWith('renderer/') && !isShared(file))).toEqual([]);
    expect(shared.filter((path) => !path.startsWith('db/model') && !path.startsWith('electron/shared'))).toEqual([
      'db/exports/options.ts',
      'db/testing/drafts.ts',
      // The languages: pure (the layer map allows it only the model and Lingui's runtime).
      'db/i18n',
    ]);
  });
});
