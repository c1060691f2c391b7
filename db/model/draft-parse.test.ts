import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeDraft } from '../testing/drafts.js';
import { copyOfPlainData, type ParsedDraft, parseChangedFields, parsedDraftOf } from './draft-parse.js';
import { procedureDraftSchema } from './procedure.js';

/*
 * The autosave's parse field by field (issue 22) gives what the whole parse gives, keys in
 * the same order, or leaves the draft to the whole parse: never another draft, never one the
 * whole parse refuses.
 */

const base = { ...completeDraft('op-1'), id: '01930000-0000-7000-8000-000000000001' } as Record<string, unknown>;

/** One edit a form (or a hostile caller) might send: a field set, cleared, removed, or a key the schema does not know. */
const edit = fc.oneof(
  fc.record({ key: fc.constantFrom(...Object.keys(base), 'notAField', 'caudalSpread'), value: fc.anything() }),
  fc.record({
    key: fc.constantFrom('painPost', 'painPre', 'dlpMGyCm'),
    value: fc.oneof(fc.integer(), fc.constant(null)),
  }),
  fc.record({ key: fc.constantFrom('patientId', 'patientName', 'accessionNumber'), value: fc.string() }),
  fc.record({ key: fc.constantFrom(...Object.keys(base)), value: fc.constant(undefined), remove: fc.constant(true) }),
  fc.record({
    key: fc.constant('targets'),
    value: fc.constant([{ root: 'S1', side: 'right', foramen: 'S1', approach: 'transforaminal', spread: [] }]),
  }),
);

const whole = (input: unknown) => {
  const parsed = procedureDraftSchema.safeParse(input);
  return parsed.success ? parsed.data : undefined;
};

describe('parsing a draft field by field against the one parsed before', () => {
  it('gives what the whole parse gives, or leaves it to the whole parse', () => {
    fc.assert(
      fc.property(fc.array(fc.array(edit, { maxLength: 3 }), { minLength: 1, maxLength: 8 }), (saves) => {
        let before: ParsedDraft | undefined = parsedDraftOf(base, procedureDraftSchema.parse(base));
        let input: Record<string, unknown> = structuredClone(base);
        for (const edits of saves) {
          input = { ...input };
          for (const { key, value, remove } of edits as { key: string; value: unknown; remove?: boolean }[]) {
            if (remove) delete input[key];
            else input[key] = value;
          }
          const expected = whole(input);
          const quick = parseChangedFields(input, before);
          if (quick) {
            expect(expected).toBeDefined();
            expect(JSON.stringify(quick.draft)).toBe(JSON.stringify(expected));
            expect(quick.draft).toEqual(expected);
            expect(quick.input).toEqual(copyOfPlainData(input));
          }
          const held = quick ?? (expected ? parsedDraftOf(input, expected) : undefined);
          if (held) before = held;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('parses again a field whose input was changed in place after it was parsed', () => {
    const input = structuredClone(base) as { targets: { root: string }[] };
    const before = parsedDraftOf(input, procedureDraftSchema.parse(input));
    const target = input.targets[0];
    if (target) target.root = 'S1';
    const quick = parseChangedFields(input, before);
    expect(quick?.draft.targets[0]?.root).toBe('S1');
  });

  it('leaves to the whole parse a key the schema does not know, and a field it refuses', () => {
    const before = parsedDraftOf(base, procedureDraftSchema.parse(base));
    expect(parseChangedFields({ ...base, notAField: 'x' }, before)).toBeUndefined();
    expect(parseChangedFields({ ...base, painPost: 11 }, before)).toBeUndefined();
    expect(parseChangedFields({ ...base, painPost: 3 }, before)?.draft.painPost).toBe(3);
  });
});
