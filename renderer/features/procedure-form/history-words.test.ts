import { describe, expect, it } from 'vitest';
import { historyValue } from './history-words.js';

describe("the history's values in words", () => {
  it('names who signed and what it meant, never "[object Object]"', () => {
    const signature = { operatorId: 'op-2', name: 'Dr. B. Amrein', meaning: 'amended' };
    expect(historyValue(signature)).toBe('Dr. B. Amrein, amended');
    expect(historyValue({ operatorId: 'op-1', name: 'Dr. A. Keller', meaning: 'performed_and_signed' })).toBe(
      'Dr. A. Keller, performed and signed',
    );
  });

  it('words plain values, lists and nothing as before', () => {
    expect(historyValue(null)).toBe('—');
    expect(historyValue('')).toBe('—');
    expect(historyValue(7)).toBe('7');
    expect(historyValue(['L4 left', 'L5 right'])).toBe('L4 left, L5 right');
    expect(historyValue([])).toBe('—');
  });

  it('spells out any other object by its parts', () => {
    const text = historyValue({ level: 'L4', side: 'left', note: null });
    expect(text).toBe('level L4; side left');
    expect(text).not.toContain('[object');
  });
});
