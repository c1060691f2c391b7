import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

/** The same value with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, item]) => [key, reversedKeys(item)]),
    );
  return value;
}

describe('canonical JSON', () => {
  it('is a fixed text: sorted keys, no whitespace, JSON.stringify strings and numbers', () => {
    // Pinned: the hash chain is stored, so this text can never change.
    expect(canonicalJson({ b: [1, 2.5, null, 'é\n"'], a: { d: true, c: -0.000001 }, e: undefined })).toBe(
      '{"a":{"c":-0.000001,"d":true},"b":[1,2.5,null,"é\\n\\""]}',
    );
    expect(canonicalJson({ z: 1, Z: 2, ä: 3, a10: 4, a9: 5 })).toBe('{"Z":2,"a10":4,"a9":5,"z":1,"ä":3}');
  });

  it('refuses what JSON cannot say instead of writing something else', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/NaN/);
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow(/Infinity/);
    expect(() => canonicalJson(10n)).toThrow(/bigint/);
  });

  it('does not depend on key order, and reads back as the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(reversedKeys(value))).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
