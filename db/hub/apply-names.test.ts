import { describe, expect, it } from 'vitest';
import { listOperators } from '../settings.js';
import { tempStore } from '../testing/fixtures.js';
import { applyCatalogue } from './apply.js';
import { ENTRY_FORMAT } from './entries.js';
import { applyContext } from './pull.js';

/*
 * What the hub hands on follows the one text rule a name follows everywhere (issue 23, item 9).
 */

function applying(value: unknown) {
  const { store } = tempStore();
  const write = store.writer;
  const context = applyContext({ store, me: 'CT-B', actor: 'hub sync', now: new Date() });
  const outcome = write.db.transaction(() =>
    applyCatalogue(context, {
      kind: 'operator',
      format: ENTRY_FORMAT,
      console: 'CT-A',
      key: (value as { id: string }).id,
      version: 1,
      value,
      at: new Date().toISOString(),
    }),
  )();
  const operators = listOperators(store);
  store.close();
  return { outcome, operators };
}

describe('an operator from the hub', () => {
  it('with an invisible or direction character in the name is refused', () => {
    for (const name of ['Dr.\u200bWeber', 'Dr. Weber\u200f', 'Dr. Weber\u061c']) {
      const { outcome } = applying({ id: 'op-2', name, active: true });
      expect(outcome.kind, name).toBe('refused');
    }
  });
});
