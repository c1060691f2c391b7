import { describe, expect, it } from 'vitest';
import { sameOnReads, unionOf, withReads } from './reads.js';

/*
 * What a function read of an object (issue 22): every way of asking for a key is noted, so a
 * rule or the dashboard facts are never kept when something they looked at changed.
 */

const record: { painPre: number; targets: { side: string }[]; [key: string]: unknown } = {
  painPre: 7,
  painPost: 2,
  targets: [{ side: 'left' }],
  notes: 'x',
};

describe('the keys a function reads', () => {
  it('are noted however they are asked for, top level only', () => {
    const { result, reads } = withReads(record, (view) => {
      const side = view.targets[0]?.side;
      return [side, 'painPre' in view, Object.hasOwn(view, 'absent'), view.missing];
    });
    expect(result).toEqual(['left', true, false, undefined]);
    expect([...reads.keys].sort()).toEqual(['absent', 'missing', 'painPre', 'targets']);
    expect(reads.every).toBe(false);
  });

  it('are every key when the function lists them', () => {
    for (const list of [
      (view: object) => Object.keys(view),
      (view: object) => ({ ...view }),
      (view: object) => JSON.stringify(view),
    ]) {
      expect(withReads(record, list).reads.every).toBe(true);
    }
  });

  it('refuse a write: a pure function does not change what it reads', () => {
    expect(() =>
      withReads(record, (view) => {
        view.painPre = 0;
      }),
    ).toThrow(TypeError);
    expect(record.painPre).toBe(7);
  });
});

describe('the same on what was read', () => {
  const { reads } = withReads(record, (view) => [view.painPre, view.targets, view.absent]);

  it('holds whatever else changed', () => {
    expect(sameOnReads(reads, record, { ...record, notes: 'typed', painPost: 9 })).toBe(true);
    expect(sameOnReads(reads, record, { ...record, targets: [{ side: 'left' }] })).toBe(true);
  });

  it('fails when a key read changed, in depth, or came or went', () => {
    expect(sameOnReads(reads, record, { ...record, painPre: 8 })).toBe(false);
    expect(sameOnReads(reads, record, { ...record, targets: [{ side: 'right' }] })).toBe(false);
    expect(sameOnReads(reads, record, { ...record, absent: undefined })).toBe(false);
    const { painPre: _, ...withoutPain } = record;
    expect(sameOnReads(reads, record, withoutPain)).toBe(false);
  });

  it('compares every key, in order, when the keys were listed', () => {
    const listed = unionOf(reads, withReads(record, (view) => Object.keys(view)).reads);
    expect(sameOnReads(listed, record, { ...record })).toBe(true);
    expect(sameOnReads(listed, record, { ...record, notes: 'typed' })).toBe(false);
    const { notes, ...rest } = record;
    expect(sameOnReads(listed, record, { notes, ...rest })).toBe(false);
  });
});
