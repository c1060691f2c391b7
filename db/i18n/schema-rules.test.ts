import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { doseReceiverSettingsSchema } from '../dose-report/receiver-settings.js';
import { connectionSettingsPatchSchema, connectionSettingsProblems } from '../model/connection-settings.js';
import {
  beyondRecordLimits,
  conflictResolutionSchema,
  dashboardFilterSchema,
  drugSchema,
  type FieldProblem,
  followUpEntrySchema,
  issueProblem,
  type Language,
  pageRequestSchema,
  problemsFromZod,
  procedureDraftSchema,
  procedureFilterSchema,
  readNumber,
  reasonSchema,
  ruleClashes,
  say,
  settingsPatchSchema,
  type Words,
} from '../model/index.js';
import { worklistQuerySchema } from '../worklist/worklist-query.js';
import { translator } from './translator.js';

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

/** Every source where schemas live (db/: the model and the services; electron/: the API's arguments), not tests nor generated catalogues. */
const sources = (folder: string): string[] =>
  readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'catalogues' || entry.name === 'testing' ? [] : sources(path);
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
  it('say each sentence by one declared rule, never two ids for one English', async () => {
    // Every module that declares schemas, so each rule() has run before the clashes are read.
    await Promise.all([
      import('../exports/options.js'),
      import('../interchange/record-check.js'),
      import('../interchange/merge.js'),
      import('../../electron/shared/api-contract.js'),
    ]);
    expect(ruleClashes()).toEqual([]);
  });

  it('are given to zod as declared rules, never as English text', () => {
    const broken = [...sources('db'), ...sources('electron')].flatMap((file) =>
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

/** A schema's refusal of an input, as the services word it. */
const refusal = (schema: z.ZodType, input: unknown): z.ZodError => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error(`accepted ${JSON.stringify(input)}`);
  return parsed.error;
};
const level = { modality: 'ct', protocol: 'single_level', quantity: 'dlpMGyCm', value: 500, origin: 'national' };
const preset = { name: 'L5 right', targets: [{ root: 'L5', side: 'right' }] };
const ID = '0195b3c8-7a2e-7c3d-9f10-123456789abc';
/** A correction without its reason, and no answer on how the patient is. */
const FOLLOW_UP_CORRECTED = { procedureId: ID, contactDate: '2026-03-16', method: 'phone', supersedes: ID };

/** Every schema with rules of its own, each given values that break them. */
const REFUSED: Record<string, FieldProblem[]> = {
  settings: problemsFromZod(
    refusal(settingsPatchSchema, {
      consoleName: 'CT\u0007',
      department: { name: 'x'.repeat(121), address: '', phone: 'call us' },
      followUpWindows: { early: { from: 3, to: 1 }, late: { from: 2, to: 40 } },
      presets: [{ ...preset, targets: [], drugs: [{ drug: 'x', site: 3 }] }, ...Array(9).fill(preset)],
      reportTemplate: 'Findings: {nothing}',
      steroidDayMaxDexamethasoneMg: 500,
      wordings: { de: { 'no such id!': 'x' } },
      patientIdRule: { case: 'upper', pattern: 'K-\\d{6}', example: 'X-1' },
      referenceLevels: { levels: [level, level, { ...level, quantity: 'ctdiVolMGy', value: -1 }] },
      hubServer: { host: 'a host', port: 0, database: 'a b', user: '', caPem: 'x', allowKeyWithoutKeyring: 'no' },
      operatorLanguages: { op: 'pt' },
      technologistsRecordFollowUps: 'yes',
    }),
  ),
  regularExpression: problemsFromZod(
    refusal(settingsPatchSchema, { patientIdRule: { case: 'upper', pattern: '([', example: '' } }),
  ),
  record: problemsFromZod(
    refusal(procedureDraftSchema, {
      id: 'not-an-id',
      targets: Array(13).fill({}),
      drugs: [{ drug: 'x'.repeat(41), site: 'nowhere' }],
      complications: [{ type: 'vasovagal' }, { type: 'vasovagal' }],
      thrombosisProphylaxisPaused: 'no',
    }),
  ),
  followUp: [
    ...problemsFromZod(refusal(followUpEntrySchema, { procedureId: 'short', supersedes: 'x', reason: '' })),
    ...problemsFromZod(refusal(followUpEntrySchema, FOLLOW_UP_CORRECTED)),
  ],
  filters: [
    ...problemsFromZod(refusal(procedureFilterSchema, { from: '2026-03-02', to: '2026-03-01', text: 'x'.repeat(65) })),
    ...problemsFromZod(refusal(pageRequestSchema, { limit: 501 })),
    ...problemsFromZod(refusal(dashboardFilterSchema, { from: '2026-03-02', to: '2026-03-01' })),
  ],
  catalogue: problemsFromZod(
    refusal(drugSchema, {
      code: 'X',
      name: 'x'.repeat(81),
      drugClass: 'steroid',
      particulate: 'no',
      dosing: 'mg',
      maxDoseMg: -1,
    }),
  ),
  conflict: problemsFromZod(refusal(conflictResolutionSchema, { decision: 'maybe', reason: 'no' })),
  worklist: problemsFromZod(
    refusal(worklistQuerySchema, { stationAe: '', modality: 'ct', from: '2026-02-30', to: '2026-02-01' }),
  ),
  doseReceiver: [
    ...problemsFromZod(
      refusal(doseReceiverSettingsSchema, {
        enabled: 'on',
        port: 70000,
        aeTitle: 'RL',
        acceptedCallingAeTitles: 'CT1',
      }),
    ),
    ...problemsFromZod(
      refusal(doseReceiverSettingsSchema, { enabled: true, port: 104, aeTitle: 'RL', acceptedCallingAeTitles: [] }),
    ),
  ],
  connections: connectionSettingsProblems(
    refusal(connectionSettingsPatchSchema, {
      worklistServer: { host: '', port: 70000, calledAe: 'A\\B', callingAe: 'X'.repeat(17), daysAhead: 30 },
      risServer: {
        host: 'ris',
        port: 1,
        sendingFacility: 'a|b',
        receivingApplication: 'R',
        receivingFacility: 'K',
        charset: 'x',
        reportFormat: 'x',
      },
      doseReceiver: { acceptedCallingAeTitles: 'CT1, CT1', listenAddress: 'ct.local', extra: 1 },
    }),
  ),
  reasons: [
    ...problemsFromZod(refusal(reasonSchema(), '')),
    ...problemsFromZod(refusal(reasonSchema(), 'ab')),
    ...problemsFromZod(refusal(reasonSchema(), 'a\u202eb and more')),
  ],
  limits: [
    beyondRecordLimits({ draftSaves: 3_999, versions: 0, followUps: 0 }, 'draftSaves'),
    beyondRecordLimits({ draftSaves: 0, versions: 500, followUps: 0 }, 'versions'),
    beyondRecordLimits({ draftSaves: 0, versions: 0, followUps: 500 }, 'followUps'),
  ].filter((found) => found !== null),
};

const unclear = (typed: string) => {
  const read = readNumber(typed, 'de-CH');
  if (read.kind !== 'unclear') throw new Error(`${typed} is clear`);
  return read;
};

const said = (words: Words | undefined, language: Language) => {
  if (!words) throw new Error('no words');
  return say(words, translator(language), language);
};

describe("a schema's own rules in the reader's language", () => {
  it.each(Object.entries(REFUSED))('%s: every refusal has words, whose English is its message', (_, problems) => {
    expect(problems.length).toBeGreaterThan(0);
    for (const found of problems) {
      expect(found.words, `${found.field}: ${found.message}`).toBeDefined();
      expect(said(found.words, 'en')).toBe(found.message);
      for (const language of ['de', 'fr', 'it'] as const) {
        expect(said(found.words, language), `${found.field} in ${language}`).not.toBe(found.message);
      }
    }
  });

  it('says the rules themselves, not only the labels, in German, French and Italian', () => {
    const german = Object.values(REFUSED).flatMap((problems) => problems.map((found) => said(found.words, 'de')));
    expect(german).toContain('Telefonnummer: muss eine Telefonnummer sein: Ziffern, Leerzeichen und + ( ) / . -');
    expect(german.join('\n')).not.toMatch(/\b(must|is required|is not|does not|needs|names|has .* twice)\b/);
    const connections = REFUSED.connections ?? [];
    expect(connections.map((found) => said(found.words, 'fr'))).toContain(
      'Port de la liste de travail : doit être un numéro de port de 1 à 65535',
    );
    expect(connections.map((found) => said(found.words, 'it'))).toContain(
      'doseReceiver.extra non è un’impostazione di connessione',
    );
    expect(problemsFromZod(refusal(followUpEntrySchema, FOLLOW_UP_CORRECTED)).map((found) => found.message)).toEqual([
      'Reason for the correction must be 3 to 500 characters',
      'Leg pain, back pain or the global impression is needed: a follow-up records how the patient is',
    ]);
    // A reason parsed alone (the amendment's, db/procedures.ts) is named by its field's label.
    const [tooShort] = refusal(reasonSchema(), 'ab').issues;
    const amendment = tooShort && issueProblem('reason', tooShort);
    expect(amendment?.message).toBe('Reason for the amendment must be 3 to 500 characters');
    expect(said(amendment?.words, 'it')).toBe('Motivo della rettifica: deve avere da 3 a 500 caratteri');
    expect(said(unclear('1.480').words, 'fr')).toBe(
      'n’est pas clair : 1.480 pourrait être 1480 ou 1.48 : saisissez 1480 sans séparateur, ou 1.48',
    );
    expect(unclear('1.480').message).toBe(
      'is not clear: 1.480 could be 1480 or 1.48: type 1480 without a separator or 1.48',
    );
  });
});
