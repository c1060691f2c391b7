import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './performed-at.js';

describe('performed date and time', () => {
  it('shows the wall-clock time as entered and stores it with the offset', () => {
    expect(toLocalInput('2026-03-14T09:30:00+01:00')).toBe('2026-03-14T09:30');
    const stored = fromLocalInput('2026-03-14T09:30');
    expect(stored).toMatch(/^2026-03-14T09:30:00[+-]\d\d:\d\d$/);
    expect(toLocalInput(stored)).toBe('2026-03-14T09:30');
  });
  it('treats an empty or broken input as missing', () => {
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('yesterday')).toBeUndefined();
  });
});
