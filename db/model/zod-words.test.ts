import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ZOD_OWN_WORDS } from '../testing/zod-own-words.js';
import { problemsFromZod } from './problems.js';

/*
 * Zod's own words ("Too small: expected number to be >=1", "Invalid input: expected string,
 * received undefined") must never reach a person: every message of every schema a person's
 * input meets is either the schema's own or RootLog's clinical wording (zod-words.ts). This
 * walks every zod schema the code exports — found by importing every module, so a schema added
 * later is walked too — and every schema inside it, feeding each values it must refuse.
 */

const root = join(import.meta.dirname, '..', '..');
/** Every module that may export a schema: db/ and the window's shared contract; not tests, fixtures, or entry points that run on import. */
const sources = [
  ...readdirSync(join(root, 'db'), { recursive: true, encoding: 'utf8' }).map((file) => join('db', file)),
  ...readdirSync(join(root, 'electron', 'shared'), { encoding: 'utf8' }).map((file) =>
    join('electron', 'shared', file),
  ),
].filter(
  (file) =>
    file.endsWith('.ts') &&
    !file.endsWith('.test.ts') &&
    !file.endsWith('.d.ts') &&
    !file.startsWith(join('db', 'testing')) &&
    file !== join('db', 'cli', 'rootlog.ts'),
);
const modules: Record<string, unknown> = {};
beforeAll(async () => {
  for (const file of sources) modules[file] = await import(join(root, file));
});

type Schema = z.ZodType;
const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && '_zod' in value && typeof (value as Schema).safeParse === 'function';

/** Every schema exported, by module and name, with the schemas of API_CONTRACT's methods. */
function exportedSchemas(): Map<string, Schema> {
  const found = new Map<string, Schema>();
  for (const [file, exports] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(exports as Record<string, unknown>)) {
      if (isSchema(value)) found.set(`${file} ${name}`, value);
      // Tables of schemas (the API contract: each method's input and output).
      else if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [key, entry] of Object.entries(value)) {
          if (!entry || typeof entry !== 'object') continue;
          for (const [part, inner] of Object.entries(entry))
            if (isSchema(inner)) found.set(`${file} ${name}.${key}.${part}`, inner);
        }
      }
    }
  }
  return found;
}

/** A schema and every schema inside it (object fields, list items, options, wrapped and piped schemas). */
function* inside(schema: Schema, seen = new Set<Schema>()): Generator<Schema> {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown>;
  // A transform is fed what the schema before it gave, never a person's input.
  if (def.type !== 'transform') yield schema;
  const children: unknown[] = [];
  if (def.shape) children.push(...Object.values(def.shape as object));
  // A pipe's second half is fed what its first half gave: only the first half meets the input.
  for (const key of ['element', 'innerType', 'in', 'left', 'right', 'keyType', 'valueType', 'catchall', 'rest'])
    children.push(def[key]);
  for (const key of ['options', 'items']) if (Array.isArray(def[key])) children.push(...(def[key] as unknown[]));
  if (typeof def.getter === 'function') children.push((def.getter as () => unknown)());
  for (const child of children) if (isSchema(child)) yield* inside(child, seen);
}

/** Values a schema of each kind must refuse somewhere: wrong types, too small, too large, bad formats, unknown fields. */
const PROBES: unknown[] = [
  undefined,
  null,
  '',
  'not a value of this field',
  'x'.repeat(100_001),
  '2026-13-45',
  '2026-03-14T25:61:00',
  -1e12,
  1e12,
  0.5,
  Number.NaN,
  true,
  [],
  Array.from({ length: 10_001 }, () => 'item'),
  {},
  { notAField: 1 },
];

describe('no message from zod reaches a person', () => {
  let schemas: Map<string, Schema>;
  beforeAll(() => {
    schemas = exportedSchemas();
  });

  it('finds the schemas people’s input meets', () => {
    const names = [...schemas.keys()].join('\n');
    for (const known of ['procedureDraftSchema', 'exportOptionsSchema', 'settingsPatchSchema', 'API_CONTRACT'])
      expect(names).toContain(known);
    expect(schemas.size).toBeGreaterThan(30);
  });

  it('every schema, and every schema inside it, refuses in RootLog’s words', () => {
    const zodWords = new Set<string>();
    for (const [name, schema] of schemas) {
      for (const part of inside(schema)) {
        for (const probe of PROBES) {
          const parsed = part.safeParse(probe);
          if (parsed.success) continue;
          for (const issue of parsed.error.issues)
            if (ZOD_OWN_WORDS.test(issue.message)) zodWords.add(`${name}: ${issue.message}`);
          // What the window and the command line show: the field's label and the rule.
          for (const { message } of problemsFromZod(parsed.error))
            if (ZOD_OWN_WORDS.test(message) || /^(.{6,}) \1/.test(message))
              zodWords.add(`${name} (as shown): ${message}`);
        }
      }
    }
    expect([...zodWords].slice(0, 40), `${zodWords.size} messages in zod's words`).toEqual([]);
  });
});
