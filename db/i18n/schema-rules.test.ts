import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * A schema's own message is a declared rule (`rule(RULE_MESSAGES.x, values)`, or a custom issue's
 * `ruleIssue(words)`, db/model/zod-words.ts), never an English string: zod keeps only a string,
 * and a string nobody declared has no words, so a German reader would read English beside the
 * field. Zod's types take any string, so the sources are read here instead: every call that
 * gives zod a message — `{ error: … }` or `{ message: … }` as an argument (`.max(8, { error })`,
 * `.refine(fn, { error })`, `ctx.addIssue({ message })`) or a string as a check's second
 * argument (`.min(1, 'is required')`) — must give it through `rule()` or `ruleIssue()`, not as
 * text (a literal, a template, or a constant holding one).
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Folders whose schemas another task of wave 6 is giving words (the field problems of the import
 * and of the export's options, docs/open-work.md #29): read here once that is merged.
 */
const NOT_YET: readonly string[] = ['db/interchange', 'db/exports'];

/** Every source of db/ where schemas live (the model and the services), not tests nor generated catalogues. */
const sources = (folder: string): string[] =>
  readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'catalogues' || entry.name === 'testing' || NOT_YET.includes(path) ? [] : sources(path);
    }
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });

/** Zod's checks and refinements, whose second argument may be a message. */
const ZOD_CHECKS = new Set([
  'min',
  'max',
  'length',
  'regex',
  'refine',
  'superRefine',
  'check',
  'int',
  'positive',
  'negative',
  'nonnegative',
  'nonpositive',
  'gt',
  'gte',
  'lt',
  'lte',
  'multipleOf',
  'startsWith',
  'endsWith',
  'includes',
  'nonempty',
]);

/** Text as it is written in the source: a literal, a template, text joined with +, or either side of a ?:. */
function isText(node: ts.Expression, constants: ReadonlyMap<string, ts.Expression>): boolean {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return isText(node.expression, constants);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
    return true;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return isText(node.left, constants) || isText(node.right, constants);
  }
  if (ts.isConditionalExpression(node)) return isText(node.whenTrue, constants) || isText(node.whenFalse, constants);
  if (ts.isIdentifier(node)) {
    const value = constants.get(node.text);
    return value !== undefined && isText(value, constants);
  }
  return false;
}

/** The name a call is made by (`max` of `z.string().max(…)`), and whether it is zod's own (`z.…`, `z.iso.date`). */
function callee(call: ts.CallExpression): { name: string; ofZod: boolean } {
  let target: ts.Expression = call.expression;
  const name = ts.isPropertyAccessExpression(target) ? target.name.text : '';
  while (ts.isPropertyAccessExpression(target)) target = target.expression;
  return { name, ofZod: ts.isIdentifier(target) && target.text === 'z' && call.expression !== target };
}

/**
 * Each message given to zod as text in one source: "line: what". `error` is zod's word for its
 * message wherever it is passed; `message` only in a zod call or an issue added (elsewhere it is
 * a problem's or a note's own, which db/i18n/refusal-ids.test.ts reads).
 */
function textMessages(file: string, source: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const constants = new Map<string, ts.Expression>();
  const found: [position: number, where: string][] = [];
  const at = (node: ts.Node) => tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
  const collect = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      constants.set(node.name.text, node.initializer);
    }
    ts.forEachChild(node, collect);
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const { name, ofZod } = callee(node);
      const ofZodCall = ofZod || ZOD_CHECKS.has(name) || name === 'addIssue';
      for (const [index, argument] of node.arguments.entries()) {
        if (ts.isObjectLiteralExpression(argument)) {
          for (const property of argument.properties) {
            if (
              ts.isPropertyAssignment(property) &&
              ts.isIdentifier(property.name) &&
              (property.name.text === 'error' || (property.name.text === 'message' && ofZodCall)) &&
              isText(property.initializer, constants)
            ) {
              found.push([property.getStart(tree), `${at(property)}: ${property.getText(tree).replace(/\s+/g, ' ')}`]);
            }
          }
        } else if (index >= 1 && (ZOD_CHECKS.has(name) || ofZod) && isText(argument, constants)) {
          const where = `${at(argument)}: ${name}(…, ${argument.getText(tree).replace(/\s+/g, ' ')})`;
          found.push([argument.getStart(tree), where]);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  collect(tree);
  visit(tree);
  return found.sort(([a], [b]) => a - b).map(([, where]) => where);
}

describe("a schema's own messages", () => {
  it('are given to zod as declared rules, never as English text', () => {
    const broken = sources('db').flatMap((file) =>
      textMessages(file, readFileSync(join(root, file), 'utf8')).map((where) => `${file}:${where}`),
    );
    expect(broken).toEqual([]);
  });

  it('finds a message given as text, in each way zod takes one', () => {
    const source = [
      "const portRule = 'must be a port';",
      "const a = z.number({ error: portRule }).max(9, { error: 'must be 9 or less' });",
      'const b = z.string().min(1, "is required").regex(/x/, { message: `must be \u0024{x}` });',
      "const c = z.string().superRefine((text, ctx) => ctx.addIssue({ code: 'custom', message: 'no' }));",
      'const d = z.string().max(9, rule(R.atMost, { count: 9 })).refine(ok, rule(R.x));',
      'const e = spread.includes("intrathecal") && notes.push({ message: "a note, not zod\'s" });',
      "const f = z.iso.date({ error: 'must be a date' }).pipe(z.union([a, b], { message: `or \u0024{b}` }));",
    ].join('\n');
    expect(textMessages('example.ts', source)).toEqual([
      '2: error: portRule',
      "2: error: 'must be 9 or less'",
      '3: min(…, "is required")',
      '3: message: `must be \u0024{x}`',
      "4: message: 'no'",
      "7: error: 'must be a date'",
      '7: message: `or \u0024{b}`',
    ]);
  });
});
