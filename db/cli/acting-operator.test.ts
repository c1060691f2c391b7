import { afterEach, describe, expect, it } from 'vitest';
import { auditHistory } from '../audit.js';
import { runExport } from '../exports/run.js';
import { saveDraft, signProcedure } from '../procedures.js';
import { openStore } from '../store.js';
import { completeDraft, context, tempPath, tempStore } from '../testing/fixtures.js';
import { TEST_PIN } from '../testing/signer.js';
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
