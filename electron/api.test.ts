import { describe, expect, it } from 'vitest';
import { updateSettings } from '../db/settings.js';
import { completeDraft, tempPath, tempStore } from '../db/testing/fixtures.js';
import { TEST_PIN } from '../db/testing/signer.js';
import { createApi, isFailure } from './api.js';
import { API_CONTRACT, API_METHODS, type ApiMethodName, bindApi } from './shared/api-contract.js';

const setup = async () => {
  const { store, operatorId } = tempStore();
  const api = createApi(store, { actor: () => 'api-test' });
  // tempStore's operator holds a PIN, so the console starts locked: tests open it first.
  await api.session.unlock({ operatorId, pin: TEST_PIN });
  return { store, operatorId, api, signer: { operatorId, pin: TEST_PIN } };
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
  it('has exactly the methods the contract declares, each with its argument names', async () => {
    const { api } = await setup();
    const methods = Object.entries(api)
      .filter(([group]) => group !== 'call')
      .flatMap(([group, functions]) => Object.keys(functions).map((name) => `${group}.${name}`));
    expect(methods.sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) {
      const contract = API_CONTRACT[method];
      expect(contract.fields.length, method).toBe(contract.input.def.items.length);
    }
  });

  it('round-trips a procedure as plain data', async () => {
    const { api, operatorId, signer } = await setup();
    const saved = await api.procedures.saveDraft(completeDraft(operatorId));
    if (isFailure(saved)) throw new Error(saved.error.message);
    const signed = await api.procedures.sign(saved.record.id, { confirmedWarnings: [] }, signer);
    expect(signed).toMatchObject({ record: { status: 'signed' } });
    const fetched = await api.procedures.get(saved.record.id);
    expect(JSON.parse(JSON.stringify(fetched))).toEqual(fetched);
    expect(await api.procedures.lastDrugs()).toEqual(completeDraft(operatorId).drugs);
  });

  // One bad call per method, sent raw as a compromised or outdated window could (the typed
  // client would not compile them): each must answer { error: { code, message, field } }
  // and change nothing.
  type RawCall = (method: ApiMethodName, args: unknown[]) => Promise<unknown>;
  const badCalls: [string, (call: RawCall, ids: { signedId: string; draftId: string }) => Promise<unknown>, string][] =
    [
      ['procedures.saveDraft', (call) => call('procedures.saveDraft', [{ painPre: 42 }]), 'painPre'],
      [
        'procedures.saveDraft (not an object)',
        (call) => call('procedures.saveDraft', ['DROP TABLE procedures']),
        '(record)',
      ],
      ['procedures.saveDraft (no argument)', (call) => call('procedures.saveDraft', []), '(request)'],
      ['procedures.sign', (call) => call('procedures.sign', ['not-an-id', {}, { operatorId: 'op', pin: '1' }]), 'id'],
      [
        'procedures.sign (options)',
        (call, { draftId }) =>
          call('procedures.sign', [draftId, { confirmedWarnings: 'all' }, { operatorId: 'op', pin: '1' }]),
        'options.confirmedWarnings',
      ],
      [
        'procedures.amend',
        (call, { signedId }) =>
          call('procedures.amend', [{ id: signedId, painPost: 0 }, { reason: '' }, { operatorId: 'op', pin: '1' }]),
        'reason',
      ],
      [
        'procedures.amend (options)',
        (call, { signedId }) => call('procedures.amend', [{ id: signedId }, null, { operatorId: 'op', pin: '1' }]),
        'options',
      ],
      ['procedures.get', (call) => call('procedures.get', [42]), 'id'],
      ['procedures.list', (call) => call('procedures.list', [{ roots: ['L9'] }]), 'roots[0]'],
      ['procedures.deleteDraft', (call, { signedId }) => call('procedures.deleteDraft', [signedId]), 'id'],
      [
        'settings.update',
        (call) =>
          call('settings.update', [
            {
              referenceLevels: {
                levels: [{ modality: 'mri', protocol: 'any', quantity: 'dlpMGyCm', value: 1, origin: 'set' }],
              },
            },
          ]),
        'referenceLevels.levels[0].modality',
      ],
      ['settings.saveOperator', (call) => call('settings.saveOperator', [{ name: '' }]), 'name'],
      [
        'settings.proposeReferenceLevels',
        (call) => call('settings.proposeReferenceLevels', [{ from: '2026-02-01', to: '2026-01-01' }]),
        'from',
      ],
      [
        'settings.adoptReferenceLevels',
        (call) => call('settings.adoptReferenceLevels', [{ from: 'x', to: '2026-01-01' }]),
        'from',
      ],
      ['stats.referenceComparison', (call) => call('stats.referenceComparison', [{ roots: ['L9'] }]), 'roots[0]'],
      ['settings.saveDrug', (call) => call('settings.saveDrug', [{ code: 'x' }]), 'code'],
      ['backup.run (a path from the window)', (call) => call('backup.run', ['/etc/passwd']), '(request)'],
      ['backup.run (no chooser)', (call) => call('backup.run', []), 'out'],
      ['stats.dashboard', (call) => call('stats.dashboard', [{ modalities: ['mri'] }]), 'modalities[0]'],
      ['exports.start', (call) => call('exports.start', [{ format: 'docx' }]), 'export.format'],
      [
        'exports.start (a path from the window)',
        (call) => call('exports.start', [{ format: 'csv', out: '/tmp/x.csv' }]),
        'export.out',
      ],
      ['exports.start (no chooser)', (call) => call('exports.start', [{ format: 'csv' }]), 'out'],
      ['exports.status', (call) => call('exports.status', ['nope']), 'jobId'],
      ['exports.cancel', (call) => call('exports.cancel', ['0a5b6f5e-5b5a-4b4c-9d3d-2f1e0c9b8a77']), 'jobId'],
    ];

  it.each(badCalls)('%s: bad input gets a field error and changes nothing', async (_name, call, field) => {
    const { api, store, operatorId, signer } = await setup();
    await api.session.administer(signer);
    const signed = await api.procedures.saveDraft(completeDraft(operatorId));
    const draft = await api.procedures.saveDraft(completeDraft(operatorId, { patientId: 'P2' }));
    if (isFailure(signed) || isFailure(draft)) throw new Error('setup failed');
    await api.procedures.sign(signed.record.id, {}, signer);
    const before = tableCounts(store);
    const result = await call(api.call, { signedId: signed.record.id, draftId: draft.record.id });
    expect(isFailure(result)).toBe(true);
    const { error } = result as { error: { code: string; message: string; field?: string } };
    expect(error.field).toBe(field);
    expect(error.message.length).toBeGreaterThan(5);
    expect(['validation', 'not_a_draft', 'not_found']).toContain(error.code);
    expect(tableCounts(store)).toEqual(before);
  });

  it('hides unexpected errors behind a plain message, without a stack trace', async () => {
    const { store, signer } = await setup();
    const seen: string[] = [];
    const api = createApi(store, { actor: () => 'x', onUnexpectedError: (method) => seen.push(method) });
    await api.session.unlock(signer);
    store.close();
    const result = await api.settings.get();
    expect(result).toEqual({ error: { code: 'internal', message: expect.stringMatching(/nothing was changed/) } });
    expect(seen).toEqual(['settings.get']);
  });

  it('runs an export as a job with progress, and asks where to write when no file is given', async () => {
    const { store, operatorId, signer } = await setup();
    const chosen = tempPath('chosen.csv');
    const api = createApi(store, {
      actor: () => 'x',
      chooseExportPath: async (name) => (name.endsWith('.csv') ? chosen : null),
    });
    await api.session.unlock(signer);
    const saved = await api.procedures.saveDraft(completeDraft(operatorId));
    if (isFailure(saved)) throw new Error('setup failed');
    await api.procedures.sign(saved.record.id, {}, signer);
    const started = await api.exports.start({ format: 'csv' });
    if (isFailure(started) || 'cancelled' in started) throw new Error('did not start');
    let status = started;
    // Asked again until it has ended, however long that takes here (the test's time limit stops a hang).
    while (status.state === 'running') {
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

  it('backs up to the file the main process chose, never over the logbook', async () => {
    const { store, signer } = await setup();
    const out = tempPath('backup.sqlite');
    const api = createApi(store, { actor: () => 'x', chooseBackupPath: async () => out });
    await api.session.unlock(signer);
    expect(await api.backup.run()).toMatchObject({ path: out, integrity: 'ok' });
    // The save dialog asked before replacing: a second backup to the same file replaces it.
    expect(await api.backup.run()).toMatchObject({ path: out, integrity: 'ok' });
    for (const chosen of [store.path, `${store.path}-wal`]) {
      const unsafe = createApi(store, { actor: () => 'x', chooseBackupPath: async () => chosen });
      await unsafe.session.unlock(signer);
      expect(await unsafe.backup.run()).toMatchObject({ error: { code: 'validation', field: 'out' } });
      const exporting = createApi(store, { actor: () => 'x', chooseExportPath: async () => chosen });
      await exporting.session.unlock(signer);
      expect(await exporting.exports.start({ format: 'json' })).toMatchObject({
        error: { code: 'validation', field: 'out', message: expect.stringMatching(/logbook/) },
      });
    }
    const cancelled = createApi(store, { actor: () => 'x', chooseBackupPath: async () => null });
    await cancelled.session.unlock(signer);
    expect(await cancelled.backup.run()).toEqual({ cancelled: true });
  });

  it('binds the same names for the renderer from one call function', async () => {
    const calls: [string, unknown[]][] = [];
    const bound = bindApi(async (method, args) => {
      calls.push([method, args]);
      return null;
    });
    await bound.procedures.sign('id-1', { confirmedWarnings: [] }, { operatorId: 'op-1', pin: '7391' });
    // The client's argument types come from the contract's schemas: wrong ones do not compile.
    // @ts-expect-error a number is not a procedure draft
    await bound.procedures.saveDraft(42);
    // @ts-expect-error an export request from the window carries no file path
    await bound.exports.start({ format: 'csv', out: '/etc/passwd' });
    // @ts-expect-error 'mri' is not a modality
    await bound.stats.dashboard({ modalities: ['mri'] });
    await bound.settings.get();
    expect(calls).toEqual([
      ['procedures.sign', ['id-1', { confirmedWarnings: [] }, { operatorId: 'op-1', pin: '7391' }]],
      ['procedures.saveDraft', [42]],
      ['exports.start', [{ format: 'csv', out: '/etc/passwd' }]],
      ['stats.dashboard', [{ modalities: ['mri'] }]],
      ['settings.get', []],
    ]);
  });
});

describe('the console session', () => {
  it('starts locked once anyone holds a PIN, answers only the lock screen, and keeps a draft saved as it locks', async () => {
    const { store, operatorId } = tempStore();
    const api = createApi(store, { actor: () => 'api-test' });
    expect(await api.session.state()).toMatchObject({ locked: true, operators: [{ id: operatorId, pinSet: true }] });
    expect(await api.procedures.list()).toMatchObject({ error: { code: 'console_locked' } });
    // A draft typed as the console locked is saved all the same, never lost.
    const saved = await api.procedures.saveDraft(completeDraft(operatorId));
    if (isFailure(saved)) throw new Error(saved.error.message);
    expect(await api.session.unlock({ operatorId, pin: '8642' })).toMatchObject({ error: { code: 'wrong_pin' } });
    expect(await api.session.unlock({ operatorId, pin: TEST_PIN })).toMatchObject({ locked: false, operatorId });
    expect(await api.procedures.get(saved.record.id)).toMatchObject({ record: { patientId: saved.record.patientId } });
    await api.session.lock();
    expect(await api.procedures.get(saved.record.id)).toMatchObject({ error: { code: 'console_locked' } });
  });

  it('gives the lock screen the department’s language, before any PIN opens the console', async () => {
    const { store } = tempStore();
    updateSettings(store, { language: 'fr' }, { actor: 'api-test' });
    const api = createApi(store, { actor: () => 'api-test' });
    expect(await api.session.state()).toMatchObject({ locked: true, language: 'fr' });
    expect(await api.settings.get()).toMatchObject({ error: { code: 'console_locked' } });
  });

  it('refuses a settings change without an administrator’s PIN', async () => {
    const { api, store, signer } = await setup();
    const radiologist = await api.settings.saveOperator({ name: 'Dr. B. Amrein' });
    expect(radiologist).toMatchObject({ error: { code: 'administrator_required' } });
    const before = tableCounts(store);
    expect(await api.settings.update({ consoleName: 'CT 9' })).toMatchObject({
      error: { code: 'administrator_required' },
    });
    expect(await api.hub.setPassword('x')).toMatchObject({ error: { code: 'administrator_required' } });
    // Every method the contract calls an administrator's, whatever its arguments (a new hub key
    // too, as \`rootlog hub key --new --as\`): refused at the boundary, nothing written.
    for (const name of API_METHODS.filter((method) => API_CONTRACT[method].administers))
      expect(await api.call(name, []), name).toMatchObject({ error: { code: 'administrator_required' } });
    expect(tableCounts(store)).toEqual(before);

    expect(await api.session.administer(signer)).toMatchObject({ administratorId: signer.operatorId });
    const added = await api.settings.saveOperator({ name: 'Dr. B. Amrein' });
    if (isFailure(added)) throw new Error(added.error.message);
    expect(await api.settings.setPin({ operatorId: added.id, newPin: '5937' })).toMatchObject({ id: added.id });
    await api.session.endAdministration();
    // A radiologist who is not an administrator cannot open the changes.
    expect(await api.session.administer({ operatorId: added.id, pin: '5937' })).toMatchObject({
      error: {
        code: 'administrator_required',
        message: expect.stringMatching(/Dr. B. Amrein is not an administrator/),
      },
    });
    expect(await api.settings.update({ consoleName: 'CT 9' })).toMatchObject({
      error: { code: 'administrator_required' },
    });
    await api.session.administer(signer);
    expect(await api.settings.update({ consoleName: 'CT 9' })).toMatchObject({ consoleName: 'CT 9' });
    const audit = store.reader
      .prepare("SELECT actor FROM audit_log WHERE action = 'settings' ORDER BY rowid DESC LIMIT 1")
      .pluck()
      .get();
    expect(audit).toBe('Dr. A. Keller');
    // Locking ends administration.
    await api.session.lock();
    await api.session.unlock(signer);
    expect(await api.settings.update({ consoleName: 'CT 8' })).toMatchObject({
      error: { code: 'administrator_required' },
    });
  });

  it('signs as the operator proven by their PIN; a technologist cannot sign', async () => {
    const { api, operatorId, signer } = await setup();
    await api.session.administer(signer);
    const technologist = await api.settings.saveOperator({ name: 'MTRA C. Weber', role: 'technologist' });
    if (isFailure(technologist)) throw new Error(technologist.error.message);
    await api.settings.setPin({ operatorId: technologist.id, newPin: '5937' });
    const prepared = await api.procedures.saveDraft(completeDraft(technologist.id));
    if (isFailure(prepared)) throw new Error(prepared.error.message);
    expect(
      await api.procedures.sign(prepared.record.id, {}, { operatorId: technologist.id, pin: '5937' }),
    ).toMatchObject({
      error: { code: 'not_permitted', message: expect.stringMatching(/a radiologist signs it/) },
    });
    const mine = await api.procedures.saveDraft(completeDraft(operatorId, { patientId: 'PIN-2' }));
    if (isFailure(mine)) throw new Error(mine.error.message);
    expect(await api.procedures.sign(mine.record.id, {}, { operatorId, pin: '0000' })).toMatchObject({
      error: { code: 'wrong_pin', field: 'signer.pin' },
    });
    expect(await api.procedures.sign(mine.record.id, {}, signer)).toMatchObject({
      record: {
        status: 'signed',
        signedBy: 'Dr. A. Keller',
        signedById: operatorId,
        signedMeaning: 'performed_and_signed',
      },
    });
  });
});

describe('badges at the lock screen', () => {
  it('says which operators have a badge, never the number, and finds them from what the reader typed', async () => {
    const { api, store, operatorId, signer } = await setup();
    await api.session.administer(signer);
    expect(await api.settings.setBadge({ operatorId, badge: '0042-7781' })).toMatchObject({ id: operatorId });
    const locked = await api.session.lock();
    expect(locked).toMatchObject({ operators: [{ id: operatorId, badge: true }] });
    expect(JSON.stringify(locked)).not.toContain('0042-7781');
    // The reader types the number and Enter: what reaches the main process may carry the line's end.
    expect(await api.session.badge('0042-7781\n')).toEqual({ operatorId });
    expect(await api.session.badge('0042-7782')).toEqual({ operatorId: null });
    await api.session.unlock(signer);
    await api.session.administer(signer);
    await api.settings.setBadge({ operatorId, badge: null });
    expect(await api.session.state()).toMatchObject({ operators: [{ id: operatorId, badge: false }] });
    store.close();
  });
});
