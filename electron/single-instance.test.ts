import { describe, expect, it } from 'vitest';
import { logbookPathOf, onSecondStart } from './single-instance.js';

describe('a second start of RootLog', () => {
  const userData = '/home/rad/.config/RootLog';

  it('on the same logbook: the running window comes forward, nothing else', () => {
    expect(onSecondStart(`${userData}/rootlog.sqlite`, ['electron', 'main.cjs'], '/tmp', userData)).toEqual({
      focus: true,
      notice: null,
    });
    // The same file named relative to where the second start ran.
    expect(onSecondStart('/data/ct1.sqlite', ['rootlog', '--db', 'ct1.sqlite'], '/data', userData).notice).toBeNull();
  });

  it('on another logbook: comes forward and says which one is open, never switches files behind the person', () => {
    const { focus, notice } = onSecondStart('/data/ct1.sqlite', ['rootlog', '--db', '/data/ct2.sqlite'], '/', userData);
    expect(focus).toBe(true);
    expect(notice).toBe(
      'RootLog is already open with the logbook /data/ct1.sqlite. To work on /data/ct2.sqlite, close this window first and start RootLog again with it.',
    );
  });

  it('reads --db as the main process does at its own start', () => {
    expect(logbookPathOf(['rootlog'], '/x', userData)).toBe(`${userData}/rootlog.sqlite`);
    expect(logbookPathOf(['rootlog', '--db', 'a/b.sqlite'], '/x', userData)).toBe('/x/a/b.sqlite');
    expect(logbookPathOf(['rootlog', '--db'], '/x', userData)).toBe(`${userData}/rootlog.sqlite`);
  });
});
