import { describe, expect, it } from 'vitest';
import { counted } from './counted.js';

describe('a count in words', () => {
  it('is singular for one, plural otherwise', () => {
    expect(counted(1, 'procedure')).toBe('1 procedure');
    expect(counted(0, 'procedure')).toBe('0 procedures');
    expect(counted(2, 'field')).toBe('2 fields');
    expect(counted(3, 'patient', 'patients')).toBe('3 patients');
  });
});
