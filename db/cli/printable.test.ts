import { describe, expect, it } from 'vitest';
import { printable, printableLines } from './printable.js';

describe('untrusted text on a terminal', () => {
  it('shows escape sequences, line breaks and bidirectional overrides escaped', () => {
    expect(printable('id\u001b]0;pwned\u0007\nadded 999')).toBe('id\\x1b]0;pwned\\x07\\x0aadded 999');
    expect(printable('a\rb\u0000c\u009bd\u202ee')).toBe('a\\x0db\\x00c\\x9bd\\u{202e}e');
    expect(printable('Müller, Dr. – L5/S1')).toBe('Müller, Dr. – L5/S1');
  });

  it("keeps RootLog's own line breaks and tabs in whole lines, and nothing else", () => {
    expect(printableLines('line one\n\tline two\u001b[2J\r')).toBe('line one\n\tline two\\x1b[2J\\x0d');
  });
});
