import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The form store's slices stay what they are: state and the API, no page. The slice tests run
 * in Node with no document, so a slice that touched the page would fail there; this says so
 * by name, and also catches state kept in module variables (shared by every store made).
 */
const folder = join(import.meta.dirname, '..', 'renderer', 'features', 'procedure-form', 'store');
const slices = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

describe('the form store’s slices', () => {
  it.each(slices)('%s touches no page and keeps no module state', (name) => {
    // The code, without its comments (which may well speak of the window).
    const text = readFileSync(join(folder, name), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    expect(text).not.toMatch(/\b(document|window|requestAnimationFrame|localStorage|HTMLElement)\b/);
    expect(text).not.toMatch(/^(let|var) /m);
  });
});
