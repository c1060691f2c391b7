import { afterEach, describe, expect, it } from 'vitest';
import { auditHistory } from '../audit.js';
import { runExport } from '../exports/run.js';
import { backupDatabase } from '../maintenance.js';
import { saveDraft, signProcedure } from '../procedures.js';
import { pseudonymKey, saveOperator } from '../settings.js';
import { openStore } from '../store.js';
import { completeDraft, context, tempPath, tempStore } from '../testing/fixtures.js';
import { givePin, TEST_PIN } from '../testing/signer.js';
import { PIN_VARIABLE } from './acting-operator.js';
import { runCli } from './main.js';

/* The command line writes as a named operator proven by their PIN (--as), as the app does. */

const cli = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

afterEach(() => {
  delete process.env[PIN_VARIABLE];
});

async function exportOfAnotherConsole(): Promise<string> {
  const { store, operatorId, signer } = tempStore();
  const { record } = saveDraft(store, completeDraft(operatorId, { patientId: 'CLI-1' }), context);
  signProcedure(store, record.id, {}, signer, context);
  const out = tempPath('other.json');
  await runExport(store, { format: 'json', out });
  store.close();
  return out;
}

describe('rootlog import --as', () => {
  it('asks who runs it, refuses a wrong PIN, and records the proven operator in the audit', async () => {
    const json = await exportOfAnotherConsole();
    const { store } = tempStore();
    const path = store.path;
    store.close();

    const unnamed = await cli('import', '--db', path, '--in', json);
    expect(unnamed.code).toBe(2);
    expect(unnamed.err).toMatch(/--as OPERATOR is required/);

    process.env[PIN_VARIABLE] = '8642';
    const wrong = await cli('import', '--db', path, '--in', json, '--as', 'Dr. A. Keller');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/That is not Dr. A. Keller’s PIN/);
    expect(wrong.err).not.toContain('8642');

    process.env[PIN_VARIABLE] = TEST_PIN;
    const right = await cli('import', '--db', path, '--in', json, '--as', 'dr. a. keller');
    expect(right).toMatchObject({ code: 0, out: expect.stringMatching(/added 1/) });

    const reopened = openStore(path);
    const actors = reopened.reader
      .prepare("SELECT DISTINCT actor FROM audit_log WHERE action = 'import'")
      .pluck()
      .all();
    expect(actors).toEqual(['Dr. A. Keller (command line)']);
    const imported = reopened.reader.prepare("SELECT id FROM procedures WHERE patient_id = 'CLI-1'").pluck().get();
    // The record keeps the signature it was proven with where it was made.
    expect(auditHistory(reopened, 'procedure', imported as string).map((entry) => entry.action)).toContain('sign');
    reopened.close();
  });
});

/** A logbook with a radiologist administrator (Dr. A. Keller) and a radiologist who is not one, both with PINs, and no pseudonymisation key. */
async function logbookWithoutKey(): Promise<{ path: string; key: string }> {
  const { store } = tempStore();
  const colleague = saveOperator(store, { name: 'Dr. B. Amrein' }, context);
  givePin(store, colleague.id, '5937');
  const key = pseudonymKey(store);
  const path = tempPath('restored.sqlite');
  await backupDatabase(store, path, { excludeKey: true });
  store.close();
  return { path, key };
}

describe('rootlog key --set --as', () => {
  it('puts the key back only for an administrator proven by their PIN, named in the audit', async () => {
    const { path, key } = await logbookWithoutKey();
    const unnamed = await cli('key', '--db', path, '--set', key);
    expect(unnamed.code).toBe(2);
    expect(unnamed.err).toMatch(/--as OPERATOR is required/);

    process.env[PIN_VARIABLE] = '5937';
    const notAdministrator = await cli('key', '--db', path, '--set', key, '--as', 'Dr. B. Amrein');
    expect(notAdministrator.code).toBe(1);
    expect(notAdministrator.err).toMatch(
      /Dr. B. Amrein is not an administrator: settings are changed by an administrator/,
    );

    process.env[PIN_VARIABLE] = TEST_PIN;
    const done = await cli('key', '--db', path, '--set', key, '--as', 'Dr. A. Keller');
    expect(done.code, done.err).toBe(0);
    const reopened = openStore(path);
    expect(pseudonymKey(reopened)).toBe(key);
    expect(
      reopened.reader
        .prepare("SELECT actor FROM audit_log WHERE entity_id = 'department' AND changes LIKE '%pseudonymKey%'")
        .pluck()
        .all(),
    ).toEqual(['Dr. A. Keller (command line)']);
    reopened.close();
    // Showing the key only reads: no operator asked.
    delete process.env[PIN_VARIABLE];
    expect(await cli('key', '--db', path, '--show')).toMatchObject({ code: 0, out: key });
  });
});

describe('rootlog hub key --as', () => {
  it('makes or replaces the console key only for an administrator proven by their PIN; showing it asks nobody', async () => {
    const { store } = tempStore();
    const path = store.path;
    store.close();
    const unnamed = await cli('hub', 'key', '--db', path);
    expect(unnamed.code).toBe(2);
    expect(unnamed.err).toMatch(/--as OPERATOR is required/);

    process.env[PIN_VARIABLE] = TEST_PIN;
    const made = await cli('hub', 'key', '--db', path, '--as', 'Dr. A. Keller');
    expect(made.code, made.err).toBe(0);
    delete process.env[PIN_VARIABLE];
    expect(await cli('hub', 'key', '--db', path)).toMatchObject({ code: 0 });
    expect((await cli('hub', 'key', '--db', path, '--new')).code).toBe(2);

    const reopened = openStore(path);
    expect(
      reopened.reader.prepare("SELECT actor FROM audit_log WHERE entity_id = 'hubConsoleKey'").pluck().all(),
    ).toEqual(['Dr. A. Keller (command line)']);
    reopened.close();
  });
});
