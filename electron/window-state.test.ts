import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempPath } from '../db/testing/fixtures.js';
import { readWindowState, writeWindowState } from './window-state.js';

describe('window state', () => {
  it('remembers size and position', () => {
    const path = tempPath('window.json');
    writeWindowState(path, { x: 10, y: 20, width: 1400, height: 900, maximized: true });
    expect(readWindowState(path)).toEqual({ x: 10, y: 20, width: 1400, height: 900, maximized: true });
  });
  it('falls back to defaults for a missing or damaged file, and never goes below a usable size', () => {
    expect(readWindowState(tempPath('none.json'))).toMatchObject({ width: 1280, height: 860 });
    const path = tempPath('bad.json');
    writeFileSync(path, '{"width": 10, "height": "x"');
    expect(readWindowState(path)).toMatchObject({ width: 1280 });
    writeFileSync(path, '{"width": 10, "height": 20}');
    expect(readWindowState(path)).toMatchObject({ width: 800, height: 600 });
  });
});
