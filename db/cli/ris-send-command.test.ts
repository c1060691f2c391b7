import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { risServerSchema } from '../model/connection-settings.js';
import { saveDraft, signProcedure } from '../procedures.js';
import { updateConnectionSettings } from '../settings.js';
import { openStore } from '../store.js';
import { completeDraft, context, tempPath, tempStore } from '../testing/fixtures.js';
import { type MllpPeer, startMllpPeer } from '../testing/mllp-peer.js';
import { freePort } from '../testing/ports.js';
import { recordSigner, TEST_PIN } from '../testing/signer.js';

/* `rootlog ris-send` as IT runs it: the built command line, a logbook, a real MLLP listener. */
const cli = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'rootlog.cjs');

// Asynchronously: the listener runs in this process and must answer while the command waits.
const run = (...args: string[]) =>
  new Promise<{ code: number; out: string; err: string }>((resolve) =>
    execFile(
      process.execPath,
      [cli, 'ris-send', ...args],
      { encoding: 'utf8', env: { ...process.env, ROOTLOG_PIN: TEST_PIN } },
      (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    ),
  );
/** Who runs it: the logbook's operator, proven by their PIN (ROOTLOG_PIN above). */
const AS = ['--as', 'Dr. A. Keller'];

let peer: MllpPeer;
let db: string;

/** A logbook with the RIS set up and `patients` signed reports waiting for it. */
function logbook(patients: string[]): string {
  const { store, operatorId } = tempStore();
  updateConnectionSettings(
    store,
    {
      risServer: risServerSchema.parse({
        host: '127.0.0.1',
        port: 1,
        sendingFacility: 'RADIOLOGIE',
        receivingApplication: 'RIS',
        receivingFacility: 'KSB',
        charset: 'ISO-8859-1',
      }),
    },
    context,
  );
  for (const patientId of patients) {
    const { record } = saveDraft(store, completeDraft(operatorId, { patientId, patientName: 'Müller, Jürg' }), context);
    signProcedure(store, record.id, {}, recordSigner(store, record.id), context);
  }
  store.close();
  return store.path;
}

beforeEach(async () => {
  peer = await startMllpPeer({ encoding: 'latin1' });
  db = logbook(['P-1', 'P-2']);
});
afterEach(() => peer.stop());

describe('rootlog ris-send', () => {
  it('sends what waits and prints what the RIS acknowledged; a second run has nothing to send', async () => {
    const result = await run('--db', db, '--server', `mllp://127.0.0.1:${peer.port}`, ...AS);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(
      /^ {2}acknowledged: patient P-1, accession ACC77001, report \(message RL[0-9A-F]{18}\)\n {2}acknowledged: patient P-2, accession ACC77001, report \(message RL[0-9A-F]{18}\)\nsent 2, refused 0, not sendable 0; waiting 0\n$/,
    );
    expect(peer.received.map((received) => received.message.getSegment('PID')?.getField(5)?.toString())).toEqual([
      'Müller^Jürg',
      'Müller^Jürg',
    ]);
    expect(await run('--db', db, '--server', `mllp://127.0.0.1:${peer.port}`, ...AS)).toMatchObject({
      code: 0,
      out: 'sent 0, refused 0, not sendable 0; waiting 0\n',
    });
    expect(peer.received).toHaveLength(2);
  });

  it("exits 1 when the RIS refuses, printing the RIS's words", async () => {
    peer.answer((message) =>
      message.getSegment('PID')?.getField(3)?.toString() === 'P-2'
        ? { code: 'AR', text: 'Patient P-2 not found' }
        : { code: 'AA' },
    );
    const result = await run('--db', db, '--server', `mllp://127.0.0.1:${peer.port}`, ...AS);
    expect(result.code).toBe(1);
    expect(result.out).toContain('  acknowledged: patient P-1, accession ACC77001, report');
    expect(result.out).toContain(
      '  refused by the RIS (AR): patient P-2, accession ACC77001, report: Application Reject — Patient P-2 not found',
    );
    expect(result.out).toMatch(/sent 1, refused 1, not sendable 0; waiting 0\n$/);
  });

  it('exits 1 when the RIS cannot be reached, and keeps the reports waiting', async () => {
    const port = await freePort();
    const result = await run('--db', db, '--server', `mllp://127.0.0.1:${port}`, ...AS);
    expect(result.code).toBe(1);
    expect(result.out).toBe('sent 0, refused 0, not sendable 0; waiting 2\n');
    expect(result.err).toBe(
      `rootlog ris-send: the RIS at 127.0.0.1:${port} was not reached (RIS not reachable): what waits is sent next time, nothing is lost\n`,
    );
    const store = openStore(db, { readonly: true });
    expect(store.reader.prepare("SELECT count(*) FROM ris_outbox WHERE state = 'waiting'").pluck().get()).toBe(2);
    store.close();
    expect((await run('--db', db, '--server', `mllp://127.0.0.1:${peer.port}`, ...AS)).code).toBe(0);
    expect(peer.received).toHaveLength(2);
  });

  it('records who ran it: an audit row names the operator and what each report became; without --as nothing is sent', async () => {
    const without = await run('--db', db, '--server', `mllp://127.0.0.1:${peer.port}`);
    expect(without.code).toBe(2);
    expect(without.err).toMatch(/--as OPERATOR is required/);
    expect(peer.received).toHaveLength(0);

    expect((await run('--db', db, '--server', `mllp://127.0.0.1:${peer.port}`, ...AS)).code).toBe(0);
    const store = openStore(db, { readonly: true });
    const rows = store.reader.prepare("SELECT actor, changes FROM audit_log WHERE entity_id = 'ris-outbox'").all() as {
      actor: string;
      changes: string;
    }[];
    store.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actor).toBe('Dr. A. Keller (command line)');
    const changes = Object.values(JSON.parse(rows[0]?.changes ?? '{}')) as { before: string; after: string }[];
    expect(changes).toHaveLength(2);
    for (const change of changes) expect(change.after).toMatch(/^acknowledged by the RIS \(message RL[0-9A-F]{18}\)$/);
  });

  it('exits 2 on a usage error, and 1 for a file that is not there', async () => {
    expect(await run('--db', db)).toMatchObject({ code: 2, err: expect.stringMatching(/--server is required/) });
    expect(await run('--db', db, '--server', 'http://127.0.0.1:2575')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--server must be mllp:\/\/HOST:PORT/),
    });
    expect(
      await run('--db', tempPath('missing.sqlite'), '--server', `mllp://127.0.0.1:${peer.port}`, ...AS),
    ).toMatchObject({
      code: 1,
    });
  });
});
