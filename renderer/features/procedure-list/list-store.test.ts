import { describe, expect, it } from 'vitest';
import { translator } from '../../../db/i18n/translator.js';
import { type DepartmentSettings, say } from '../../../db/model/index.js';
import { fakeWindow } from '../../testing/fake-window.js';
import { useSettings } from '../settings/settings-store.js';
import { today, useProcedureList } from './list-store.js';

/*
 * The list against a fake main process: pages come by cursor and are appended; when the
 * filter changes while an older answer is on its way, the older answer never replaces the
 * newer one (the list shows what its filter says).
 */

const item = (id: string) => ({ id, patientId: id });

describe('the procedure list', () => {
  it('appends the next page by its cursor', async () => {
    const { calls } = fakeWindow({
      'procedures.list': ([filter, page]) =>
        (filter as { statuses?: string[] }).statuses?.[0] === 'draft'
          ? { items: [], nextCursor: null }
          : (page as { cursor?: string }).cursor === 'c1'
            ? { items: [item('3')], nextCursor: null }
            : { items: [item('1'), item('2')], nextCursor: 'c1' },
    });
    useProcedureList.setState({ thisConsoleOnly: false });
    await useProcedureList.getState().reload();
    await useProcedureList.getState().loadMore();
    expect(useProcedureList.getState().items.map((row) => row.id)).toEqual(['1', '2', '3']);
    expect(useProcedureList.getState().nextCursor).toBeNull();
    await useProcedureList.getState().loadMore();
    // The list's two pages, and the earlier days' drafts once.
    expect(calls).toHaveLength(3);
  });

  it('lists the unsigned drafts of earlier days, of this console, beside today’s list', async () => {
    const { calls } = fakeWindow({
      'procedures.list': ([filter]) =>
        (filter as { statuses?: string[] }).statuses?.[0] === 'draft'
          ? { items: [item('old-draft')], nextCursor: 'more' }
          : { items: [item('today')], nextCursor: null },
    });
    useSettings.setState({ settings: { consoleName: 'CT 1' } as DepartmentSettings });
    useProcedureList.setState({ thisConsoleOnly: true });
    await useProcedureList.getState().reload();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(useProcedureList.getState()).toMatchObject({
      items: [item('today')],
      earlierDrafts: [item('old-draft')],
      moreEarlierDrafts: true,
    });
    const draftsAsked = calls.find(([, args]) => (args[0] as { statuses?: string[] }).statuses)?.[1][0];
    expect(draftsAsked).toEqual({
      statuses: ['draft'],
      to: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      consoleNames: ['CT 1'],
    });
    expect((draftsAsked as { to: string }).to < today()).toBe(true);
    useSettings.setState({ settings: null });
  });

  it('shows the answer for the newest filter, even when an older one arrives last', async () => {
    const answers: Record<string, (value: unknown) => void> = {};
    fakeWindow({
      'procedures.list': ([filter]) =>
        new Promise((resolve) => {
          answers[(filter as { from: string }).from] = resolve;
        }),
    });
    useProcedureList.setState({ thisConsoleOnly: false });
    useProcedureList.getState().setFilter({ from: '2026-01-01' });
    useProcedureList.getState().setFilter({ from: '2026-02-01' });
    await Promise.resolve();
    answers['2026-02-01']?.({ items: [item('feb')], nextCursor: null });
    await new Promise((resolve) => setTimeout(resolve, 0));
    answers['2026-01-01']?.({ items: [item('jan')], nextCursor: null });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(useProcedureList.getState()).toMatchObject({ items: [item('feb')], loading: false });
  });

  it('says why a page could not be read', async () => {
    fakeWindow({
      'procedures.list': () => ({ error: { code: 'database_damaged', message: 'The logbook file is damaged.' } }),
    });
    await useProcedureList.getState().reload();
    const { error, loading } = useProcedureList.getState();
    expect(loading).toBe(false);
    expect(error && say(error, translator('en'), 'en')).toBe(
      'The list could not be read: The logbook file is damaged.',
    );
    expect(error && say(error, translator('de'), 'de')).toBe(
      'Die Liste konnte nicht gelesen werden: The logbook file is damaged.',
    );
  });
});
