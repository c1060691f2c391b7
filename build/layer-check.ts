import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix } from 'node:path';
import ts from 'typescript';
import { ANY, API_CLIENT, EXCEPTIONS, type Exception, LAYERS, type Layer, NODE } from './layer-map.js';

/*
 * Reads every source file's imports (with TypeScript's own parser: static, dynamic, `export …
 * from`, `require`, `/// <reference>`) and checks them against the layer map. The checks are
 * plain functions of the files and their imports, so the test can also feed them a made-up
 * repository and see each rule fail.
 */

export type Target =
  | { kind: 'file'; path: string }
  | { kind: 'missing'; path: string }
  | { kind: 'node' }
  | { kind: 'package'; specifier: string };

export interface Import {
  specifier: string;
  line: number;
  target: Target;
}

/** Every source file (repository-relative, with '/') and what it imports. */
export type ImportGraph = ReadonlyMap<string, readonly Import[]>;

const SOURCE = /\.[cm]?[jt]sx?$/;
export const isTest = (file: string) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(file);
const NODE_BUILTINS = new Set(builtinModules);

/** Folders that hold no source of ours: what .gitignore names as a folder, and hidden folders. */
function ignoredFolders(root: string): Set<string> {
  const ignored = new Set<string>();
  for (const line of readFileSync(join(root, '.gitignore'), 'utf8').split('\n')) {
    const entry = line.trim();
    if (entry.endsWith('/') && !entry.startsWith('#')) ignored.add(entry.replace(/^\//, '').replace(/\/$/, ''));
  }
  return ignored;
}

export function sourceFiles(root: string): string[] {
  const ignored = ignoredFolders(root);
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !ignored.has(path)) walk(path);
      } else if (entry.isFile() && SOURCE.test(entry.name)) found.push(path);
    }
  };
  walk('');
  return found.sort();
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

function resolveRelative(root: string, from: string, specifier: string): Target {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.js$/, '.tsx'),
    base.replace(/\.jsx$/, '.tsx'),
    base.replace(/\.mjs$/, '.mts'),
    base.replace(/\.cjs$/, '.cts'),
    `${base}.ts`,
    `${base}.tsx`,
    `${base}/index.ts`,
  ];
  const path = candidates.find((candidate) => isFile(join(root, candidate)));
  return path ? { kind: 'file', path } : { kind: 'missing', path: base };
}

function resolve(root: string, from: string, specifier: string): Target {
  if (specifier.startsWith('.')) return resolveRelative(root, from, specifier);
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0] as string)) return { kind: 'node' };
  return { kind: 'package', specifier };
}

/** The module specifiers a file names, with their lines. */
export function specifiersOf(fileName: string, text: string): { specifier: string; line: number }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: { specifier: string; line: number }[] = [];
  const add = (node: ts.Node, specifier: string) =>
    found.push({ specifier, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
  const literal = (node: ts.Node | undefined) =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      add(node, literal(node.moduleSpecifier) as string);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const name = literal(node.moduleReference.expression);
      if (name) add(node, name);
    } else if (ts.isCallExpression(node)) {
      const dynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const required = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      const name = literal(node.arguments[0]);
      if ((dynamic || required) && name) add(node, name);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const name = literal(node.argument.literal);
      if (name) add(node, name);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const reference of source.typeReferenceDirectives) found.push({ specifier: reference.fileName, line: 1 });
  for (const reference of source.referencedFiles) {
    found.push({
      specifier: reference.fileName.startsWith('.') ? reference.fileName : `./${reference.fileName}`,
      line: 1,
    });
  }
  return found;
}

export function readImportGraph(root: string): ImportGraph {
  const graph = new Map<string, Import[]>();
  for (const file of sourceFiles(root)) {
    const text = readFileSync(join(root, file), 'utf8');
    graph.set(
      file,
      specifiersOf(file, text).map(({ specifier, line }) => ({
        specifier,
        line,
        target: resolve(root, file, specifier),
      })),
    );
  }
  return graph;
}

/** How specific a layer path is for a file, or -1 when it does not hold it. */
function claim(path: string, file: string): number {
  if (path === '*') return file.includes('/') ? -1 : 1;
  if (path.endsWith('/*')) return posix.dirname(file) === path.slice(0, -2) ? path.length : -1;
  if (path.endsWith('/')) return file.startsWith(path) ? path.length : -1;
  return file === path ? Number.POSITIVE_INFINITY : -1;
}

export function layerOf(file: string, layers: readonly Layer[] = LAYERS): Layer | undefined {
  let best: Layer | undefined;
  let bestScore = -1;
  for (const layer of layers) {
    for (const path of layer.paths) {
      const score = claim(path, file);
      if (score > bestScore) {
        best = layer;
        bestScore = score;
      }
    }
  }
  return best;
}

const packageAllowed = (allowed: Layer['packages'], specifier: string) =>
  allowed === ANY || allowed.some((entry) => specifier === entry || specifier.startsWith(`${entry}/`));

export interface LayerMap {
  layers: readonly Layer[];
  exceptions: readonly Exception[];
}

const THE_MAP: LayerMap = { layers: LAYERS, exceptions: EXCEPTIONS };

/** Every import that crosses the map, every file no layer holds, every stale row or exception. */
export function layerProblems(graph: ImportGraph, map: LayerMap = THE_MAP): string[] {
  const problems: string[] = [];
  const usedExceptions = new Set<Exception>();
  for (const [file, imports] of graph) {
    const layer = layerOf(file, map.layers);
    if (!layer) {
      problems.push(
        `${file}: the layer map does not know ${posix.dirname(file)}/ — add it to the layer map (build/layer-map.ts): what lives there and what it may import`,
      );
      continue;
    }
    for (const { specifier, line, target } of imports) {
      const at = `${file}:${line} imports '${specifier}'`;
      if (target.kind === 'missing') {
        problems.push(`${at}, which does not exist (${target.path})`);
        continue;
      }
      if (target.kind === 'file' && isTest(target.path)) {
        problems.push(`${at}: a test is never imported; move what both need into a file of its own`);
        continue;
      }
      if (isTest(file)) continue;
      if (target.kind === 'node' || target.kind === 'package') {
        const name = target.kind === 'node' ? NODE : target.specifier;
        if (!packageAllowed(layer.packages, name)) {
          problems.push(`${at}: the ${layer.name} layer may not use ${name === NODE ? 'Node' : name} — ${layer.why}`);
        }
        continue;
      }
      const to = layerOf(target.path, map.layers);
      if (!to) continue; // reported as the target's own problem
      if (to === layer || layer.layers === ANY || layer.layers.includes(to.name)) continue;
      const exception = map.exceptions.find((entry) => entry.from === file && entry.to === target.path);
      if (exception) {
        usedExceptions.add(exception);
        continue;
      }
      problems.push(`${at} (${to.name}): the ${layer.name} layer may import ${describeLayers(layer)} — ${layer.why}`);
    }
  }
  const files = [...graph.keys()];
  for (const layer of map.layers) {
    for (const path of layer.paths) {
      if (!files.some((file) => claim(path, file) >= 0 && layerOf(file, map.layers) === layer)) {
        problems.push(`the layer map gives ${path} to the ${layer.name} layer, but no source file is there: remove it`);
      }
    }
  }
  for (const exception of map.exceptions) {
    if (!usedExceptions.has(exception)) {
      problems.push(
        `the layer map's exception ${exception.from} → ${exception.to} is no longer needed: remove it from build/layer-map.ts`,
      );
    }
  }
  return problems;
}

function describeLayers(layer: Layer): string {
  if (layer.layers === ANY) return 'anything';
  return layer.layers.length === 0 ? 'only itself' : `itself, ${layer.layers.join(', ')}`;
}

/**
 * Import cycles, each as one path round it. Type imports count: a cycle of types still ties
 * the files together (neither can be read, moved or split without the other), and it turns
 * into a load-order cycle the day one of the imports carries a value.
 */
export function importCycles(graph: ImportGraph): string[][] {
  const next = new Map<string, string[]>();
  for (const [file, imports] of graph) {
    next.set(
      file,
      imports.flatMap(({ target }) => (target.kind === 'file' && graph.has(target.path) ? [target.path] : [])),
    );
  }
  // Tarjan's strongly connected components, iteratively (deep import chains would overflow the stack).
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  for (const start of next.keys()) {
    if (index.has(start)) continue;
    const work: { file: string; edge: number }[] = [{ file: start, edge: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { file: string; edge: number };
      const edges = next.get(frame.file) ?? [];
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++] as string;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ file: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.file, Math.min(low.get(frame.file) as number, index.get(to) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.file, Math.min(low.get(parent.file) as number, low.get(frame.file) as number));
      if (low.get(frame.file) === index.get(frame.file)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.file);
        const selfImport = component.length === 1 && (next.get(frame.file) ?? []).includes(frame.file);
        if (component.length > 1 || selfImport) components.push(component);
      }
    }
  }
  return components.map((component) => pathRound(component, next));
}

/** One cycle through a component, from its first file (alphabetically) back to it. */
function pathRound(component: string[], next: Map<string, string[]>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0] as string;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const to of next.get(file) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let at = file; at !== start; at = cameFrom.get(at) as string) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!cameFrom.has(to)) {
        cameFrom.set(to, file);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

/** Renderer files other than stores that call the API client. */
export function apiClientCallers(root: string, graph: ImportGraph): { callers: string[]; problems: string[] } {
  const callers = [...graph]
    .filter(([, imports]) => imports.some(({ target }) => target.kind === 'file' && target.path === API_CLIENT))
    .map(([file]) => file)
    .filter((file) => !isTest(file));
  const problems = callers
    .filter((file) => /\bclient\./.test(readFileSync(join(root, file), 'utf8')) && !file.endsWith('-store.ts'))
    .map(
      (file) =>
        `${file} calls the API client: ask a *-store.ts instead (screens render, stores talk to the main process)`,
    );
  return { callers, problems };
}

/**
 * A line that holds SQL: a statement prepared, a pragma, an exec on a connection, or a string
 * that starts with an SQL statement's first words.
 */
export const SQL_LINE =
  /\.(?:prepare|pragma)\(|\b(?:db|write|read|writer|reader|copy|database)\.exec\(|(?:^|['"`(])\s*(?:SELECT|INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(?:TABLE|INDEX|TRIGGER|VIEW)|DROP\s+\w+|ALTER\s+TABLE|WITH\s+\w+\s+AS|BEGIN|COMMIT|ROLLBACK|PRAGMA|VACUUM)\b/;

/** The app's own source (benchmarks, e2e and the build may write SQL to set up what they drive). */
const APP_FOLDERS = ['db/', 'electron/', 'renderer/'];

/** Source files of the app outside the storage layer that hold SQL, and the lines. */
export function sqlHolders(
  files: readonly { path: string; text: string }[],
  homes: readonly string[],
): Map<string, number[]> {
  const holders = new Map<string, number[]>();
  for (const { path, text } of files) {
    const app = APP_FOLDERS.some((folder) => path.startsWith(folder));
    if (!app || isTest(path) || homes.some((home) => path.startsWith(home))) continue;
    const lines = text.split('\n').flatMap((line, index) => (SQL_LINE.test(line) ? [index + 1] : []));
    if (lines.length > 0) holders.set(path, lines);
  }
  return holders;
}

/** SQL outside db/sqlite that the declaration does not allow, and allowances no file needs any more. */
export function sqlProblems(
  files: readonly { path: string; text: string }[],
  homes: readonly string[],
  elsewhere: readonly { file: string; why: string }[],
): string[] {
  const holders = sqlHolders(files, homes);
  const allowed = new Set(elsewhere.map(({ file }) => file));
  return [
    ...[...holders]
      .filter(([file]) => !allowed.has(file))
      .map(
        ([file, lines]) =>
          `${file}:${lines[0]} holds SQL: SQL lives in db/sqlite, services call it (move it there; ${lines.length} line${lines.length === 1 ? '' : 's'})`,
      ),
    ...[...allowed]
      .filter((file) => !holders.has(file))
      .map((file) => `${file} holds no SQL any more: remove it from SQL_ELSEWHERE in build/layer-map.ts`),
  ];
}

const PATH_WORDS: Record<string, string> = { '*': 'the root’s files' };
const pathWords = (path: string) =>
  PATH_WORDS[path] ?? (path.endsWith('/*') ? `\`${path.slice(0, -1)}\` (its own files)` : `\`${path}\``);

function mayImport(layer: Layer): string {
  const layers = layer.layers === ANY ? 'any layer' : layer.layers.join(', ');
  const packages =
    layer.packages === ANY
      ? 'any package'
      : layer.packages.map((name) => (name === NODE ? 'Node' : `\`${name}\``)).join(', ');
  return [layers, packages].filter(Boolean).join('; ') || 'only itself';
}

/** The table docs/architecture.md shows, as this declaration gives it. */
export function layerTable(map: LayerMap = THE_MAP): string {
  const rows = map.layers.map(
    (layer) =>
      `| **${layer.name}** | ${layer.paths.map(pathWords).join(', ')} | ${layer.holds} | ${mayImport(layer)} |`,
  );
  const exceptions = map.exceptions.map((entry) => `- \`${entry.from}\` → \`${entry.to}\`: ${entry.why}.`);
  return [
    '| layer | folder | what lives there | may import (besides itself) |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    'Allowed across the map, each until its reason is gone (the test fails once one is no longer needed):',
    '',
    ...exceptions,
  ].join('\n');
}

/** The part of a document between the layer map's markers. */
export const TABLE_START = '<!-- layer map: generated from build/layer-map.ts, checked by build/layers.test.ts -->';
export const TABLE_END = '<!-- end of layer map -->';

/** A table's text as its reader sees it: cells trimmed, padding and separator widths left out (Biome formats docs). */
export const asRead = (text: string): string =>
  text
    .split('\n')
    .map((line) =>
      line.trim().startsWith('|')
        ? line
            .trim()
            .slice(1, -1)
            .split('|')
            .map((cell) => (/^\s*:?-+:?\s*$/.test(cell) ? '---' : cell.trim()))
            .join(' | ')
        : line.trim(),
    )
    .filter((line) => line !== '')
    .join('\n');

export function tableIn(document: string): string | null {
  const start = document.indexOf(TABLE_START);
  const end = document.indexOf(TABLE_END);
  if (start < 0 || end < start) return null;
  return asRead(document.slice(start + TABLE_START.length, end));
}
