/*
 * Canonical JSON: the one text a value is hashed as, whatever order its keys were written in.
 * Objects have their keys sorted by UTF-16 code units, no whitespace is added, strings and
 * numbers are written as JSON.stringify writes them (ECMAScript's shortest round-trip number
 * text), `undefined` members are left out as JSON.stringify leaves them out. Only JSON values
 * are accepted: a non-finite number, a bigint or a function is refused rather than written as
 * something else. This text is part of the stored hash chain: it can never change (see
 * canonical-json.test.ts, whose fixed vectors fail if it does).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for the number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
      const members = Object.keys(value)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
  }
}
