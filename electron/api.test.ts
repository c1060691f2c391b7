import { describe, expect, it } from 'vitest';
import { completeDraft, tempPath, tempStore } from '../db/testing/fixtures.js';
import { type Api, createApi, isFailure } from './api.js';
import { API_METHODS, bindApi } from './api-methods.js';

const setup = () => {
  const { store, operatorId } = tempStore();
  const api = createApi(store, { actor: () => 'api-test' });
  return { store, operatorId, api };
};

const tableCounts = (store: ReturnType<typeof tempStore>['store']) =>
  Object.fromEntries(
    [
      'procedures',
      'targets',
      'drug_administrations',
      'audit_log',
      'procedure_versions',
      'operators',
      'drug_catalogue',
      'settings',
    ].map((table) => [table, store.writer.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()]),
  );

describe('createApi', () => {
  it('has exactly the methods the bridge exposes', () => {
    const { api } = setup();
    const methods = Object.entries(api).flatMap(([group, functions]) =>
      Object.keys(functions).map((name) => `${group}.${name}`),
    );
    expect(methods.sort()).toEqual([...API_METHODS].sort());
  });

  it('round-trips a procedure as plain data', async () => {
    const { api, operatorId } = setup();
    const saved = await api.procedures.saveDraft(completeDraft(operatorId));
    if (isFailure(saved)) throw new Error(saved.error.message);
    const signed = await api.procedures.sign(saved.record.id, { confirmedWarnings: [] });
    expect(signed).toMatchObject({ record: { status: 'signed' } });
    const fetched = await api.procedures.get(saved.record.id);
    expect(JSON.parse(JSON.stringify(fetched))).toEqual(fetched);
    expect(await api.procedures.lastDrugs()).toEqual(completeDraft(operatorId).drugs);
  });

  // One bad call per method: each must answer { error: { code, message, field } } and change nothing.
  const badCalls: [string, (api: Api, ids: { signedId: string; draftId: string }) => Promise<unknown>, string][] = [
    ['procedures.saveDraft', (api) => api.procedures.saveDraft({ painPre: 42 }), 'painPre'],
    ['procedures.saveDraft (not an object)', (api) => api.procedures.saveDraft('DROP TABLE procedures'), '(record)'],
    ['procedures.sign', (api) => api.procedures.sign('not-an-id'), 'id'],
    [
      'procedures.sign (options)',
      (api, { draftId }) => api.procedures.sign(draftId, { confirmedWarnings: 'all' }),
      'options.confirmedWarnings',
    ],
    [
      'procedures.amend',
      (api, { signedId }) => api.procedures.amend({ id: signedId, painPost: 0 }, { reason: '' }),
      'reason',
    ],
    ['procedures.amend (options)', (api, { signedId }) => api.procedures.amend({ id: signedId }, null), 'options'],
    ['procedures.get', (api) => api.procedures.get(42), 'id'],
    ['procedures.list', (api) => api.procedures.list({ roots: ['L9'] }), 'roots[0]'],
    ['procedures.deleteDraft', (api, { signedId }) => api.procedures.deleteDraft(signedId), 'id'],
    [
      'settings.update',
      (api) => api.settings.update({ referenceLevels: { ctDlpMGyCm: 'high' } }),
      'referenceLevels.ctDlpMGyCm',
    ],
    ['settings.saveOperator', (api) => api.settings.saveOperator({ name: '' }), 'name'],
    ['settings.saveDrug', (api) => api.settings.saveDrug({ code: 'x' }), 'code'],
    ['backup.run', (api) => api.backup.run(''), 'out'],
    ['stats.dashboard', (api) => api.stats.dashboard({ modalities: ['mri'] }), 'modalities[0]'],
    ['exports.start', (api) => api.exports.start({ format: 'docx' }), 'export.format'],
    ['exports.start (no file)', (api) => api.exports.start({ format: 'csv' }), 'out'],
    ['exports.status', (api) => api.exports.status('nope'), 'jobId'],
    ['exports.cancel', (api) => api.exports.cancel('0a5b6f5e-5b5a-4b4c-9d3d-2f1e0c9b8a77'), 'jobId'],
  ];

  it.each(badCalls)('%s: bad input gets a field error and changes nothing', async (_name, call, field) => {
    const { api, store, operatorId } = setup();
    const signed = await api.procedures.saveDraft(completeDraft(operatorId));
    const draft = await api.procedures.saveDraft(completeDraft(operatorId, { patientId: 'P2' }));
    if (isFailure(signed) || isFailure(draft)) throw new Error('setup failed');
    await api.procedures.sign(signed.record.id);
    const before = tableCounts(store);
    const result = await call(api, { signedId: signed.record.id, draftId: draft.record.id });
    expect(isFailure(result)).toBe(true);
    const { error } = result as { error: { code: string; message: string; field?: string } };
    expect(error.field).toBe(field);
    expect(error.message.length).toBeGreaterThan(5);
    expect(['validation', 'not_a_draft', 'not_found']).toContain(error.code);
    expect(tableCounts(store)).toEqual(before);
  });

  it('hides unexpected errors behind a plain message, without a stack trace', async () => {
    const { store } = setup();
    const seen: string[] = [];
    const api = createApi(store, { actor: () => 'x', onUnexpectedError: (method) => seen.push(method) });
    store.close();
    const result = await api.settings.get();
    expect(result).toEqual({ error: { code: 'internal', message: expect.stringMatching(/nothing was changed/) } });
    expect(seen).toEqual(['settings.get']);
  });

  it('runs an export as a job with progress, and asks where to write when no file is given', async () => {
    const { store, operatorId } = setup();
    const chosen = tempPath('chosen.csv');
    const api = createApi(store, {
      actor: () => 'x',
      chooseExportPath: async (name) => (name.endsWith('.csv') ? chosen : null),
    });
    const saved = await api.procedures.saveDraft(completeDraft(operatorId));
    if (isFailure(saved)) throw new Error('setup failed');
    await api.procedures.sign(saved.record.id);
    const started = await api.exports.start({ format: 'csv' });
    if (isFailure(started) || 'cancelled' in started) throw new Error('did not start');
    let status = started;
    for (let i = 0; i < 100 && status.state === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      const next = await api.exports.status(started.id);
      if (isFailure(next)) throw new Error(next.error.message);
      status = next;
    }
    expect(status).toMatchObject({
      state: 'done',
      done: 1,
      total: 1,
      result: { files: expect.arrayContaining([chosen]), procedures: 1 },
    });
    expect(await api.exports.start({ format: 'json' })).toEqual({ cancelled: true });
  });

  it('backs up to a new file and refuses to overwrite', async () => {
    const { api } = setup();
    const out = tempPath('backup.sqlite');
    expect(await api.backup.run(out)).toMatchObject({ path: out, integrity: 'ok' });
    expect(await api.backup.run(out)).toMatchObject({ error: { code: 'validation', field: 'out' } });
  });

  it('binds the same names for the renderer from one call function', async () => {
    const calls: [string, unknown[]][] = [];
    const bound = bindApi<Api>(async (method, args) => {
      calls.push([method, args]);
      return null;
    });
    await bound.procedures.sign('id-1', { confirmedWarnings: [] });
    await bound.settings.get();
    expect(calls).toEqual([
      ['procedures.sign', ['id-1', { confirmedWarnings: [] }]],
      ['settings.get', []],
    ]);
  });
});
