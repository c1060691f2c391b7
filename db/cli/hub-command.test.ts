import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../seed.js';
import { updateSettings } from '../settings.js';
import { context, tempStore } from '../testing/fixtures.js';
import { createDatabase, startTestCluster, type TestCluster } from '../testing/postgres.js';
import { TEST_PIN } from '../testing/signer.js';

/*
 * The hub's command line as IT runs it (the built file, real processes, real exit codes)
 * against a real PostgreSQL: hub init, a console's key, add-console, sync, the consoles listed,
 * a retired console, and what the URL and the key file may not be.
 */

const cli = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'rootlog.cjs');
const run = (...args: string[]) => {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    // The logbooks' operator (tempStore's) proves who syncs with their PIN.
    env: { ...process.env, PGPASSWORD: '', ROOTLOG_PIN: TEST_PIN },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
};

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(() => cluster?.stop());

function logbook(name: string, count: number): string {
  const { store } = tempStore();
  updateSettings(store, { consoleName: name }, context);
  if (count > 0) seedDatabase(store, { count, seed: 4, until: new Date('2026-06-30T12:00:00Z'), years: 1 }, context);
  const path = store.path;
  store.close();
  return path;
}

describe('rootlog hub and rootlog sync', () => {
  it('IT sets up the hub and its consoles; consoles sync; what may not be done is refused in words', () => {
    createDatabase(cluster, 'hub_cli');
    const admin = `postgres://postgres@127.0.0.1:${cluster.port}/hub_cli`;
    const as = (role: string) => `postgres://${role}@127.0.0.1:${cluster.port}/hub_cli`;
    const plain = ['--allow-plain', '127.0.0.1'];
    const init = run('hub', 'init', '--server', admin, ...plain);
    expect(init.code, init.err).toBe(0);
    expect(init.out).toMatch(/went from version 0 to 2[\s\S]*hub id [0-9a-f-]{36}; consoles' role rootlog_console/);
    expect(run('hub', 'init', '--server', admin, ...plain).out).toMatch(
      /is at version 2; the consoles' rights were applied again/,
    );

    const a = logbook('CT 1', 8);
    const b = logbook('CT 2', 0);
    const early = run('hub', 'add-console', '--server', admin, '--db', a, '--role', 'ct_one', ...plain);
    expect(early.code).toBe(1);
    expect(early.err).toMatch(/has no console key yet: make it on the console first/);
    const key = run('hub', 'key', '--db', a, '--as', 'Dr. A. Keller');
    expect(key.code, key.err).toBe(0);
    const fingerprint = /key fingerprint ((?:[0-9a-f]{4} ){7}[0-9a-f]{4})/.exec(key.out)?.[1];
    expect(fingerprint).toBeDefined();
    expect(statSync(`${a}.hub-key`).mode & 0o777).toBe(0o600);
    expect(run('hub', 'key', '--db', a).out).toContain(fingerprint);
    const added = run('hub', 'add-console', '--server', admin, '--db', a, '--role', 'ct_one', ...plain);
    expect(added.code, added.err).toBe(0);
    expect(added.out).toContain(
      `registered the console "CT 1": role ct_one (member of rootlog_console), key fingerprint ${fingerprint}`,
    );

    const pushed = run('sync', '--db', a, '--as', 'Dr. A. Keller', '--server', as('ct_one'), ...plain);
    expect(pushed.code, pushed.err).toBe(0);
    expect(pushed.out).toMatch(/^pushed 8, already there 0, pulled 0 new records/);
    expect(run('hub', 'key', '--db', b, '--as', 'Dr. A. Keller').code).toBe(0);
    expect(run('hub', 'add-console', '--server', admin, '--db', b, '--role', 'ct_two', ...plain).code).toBe(0);
    const pulled = run('sync', '--db', b, '--as', 'Dr. A. Keller', '--server', as('ct_two'), ...plain);
    expect(pulled.code, pulled.err).toBe(0);
    expect(pulled.out).toMatch(/pulled 8 new records/);
    expect(run('hub', 'consoles', '--server', admin, ...plain).out).toMatch(
      /CT 1\s+role ct_one\s+key [0-9a-f ]+\n[\s\S]*CT 2\s+role ct_two/,
    );

    // What the URL may not carry, and TLS unless an administrator allowed plain text for this host.
    const refusals: [string[], number, RegExp][] = [
      [['--server', as('ct_one').replace('ct_one@', 'ct_one:secret@'), ...plain], 2, /must not carry the password/],
      [
        ['--server', `${as('ct_one')}?sslmode=disable`, ...plain],
        2,
        /must not carry connection options \(\?sslmode=disable\)/,
      ],
      [['--server', `${as('ct_one')}?sslmode=no-verify`], 2, /must not carry connection options/],
      [['--server', `${as('ct_one')}?password=secret`], 2, /must not carry connection options/],
      [
        ['--server', as('ct_one'), '--allow-plain', 'other.example.org'],
        2,
        /plain text is allowed only to the host it names/,
      ],
      [['--server', as('ct_one')], 1, /offers no TLS: RootLog does not send its password or records in clear text/],
      [['--server', as('ct_one').replace(/:(\d+)\//, ':1/'), ...plain], 1, /could not be reached.*Nothing was lost/],
    ];
    for (const [args, code, words] of refusals) {
      const refused = run('sync', '--db', a, '--as', 'Dr. A. Keller', ...args);
      expect(refused.code, args.join(' ')).toBe(code);
      expect(refused.err, args.join(' ')).toMatch(words);
    }
    // A key file others can read is not used.
    chmodSync(`${a}.hub-key`, 0o644);
    const exposed = run('sync', '--db', a, '--as', 'Dr. A. Keller', '--server', as('ct_one'), ...plain);
    expect(exposed.code).toBe(1);
    expect(exposed.err).toMatch(/can be read by other users of this computer \(mode 644\): it is not used/);
    chmodSync(`${a}.hub-key`, 0o600);

    // A retired console can do nothing more; what it added stays.
    const retired = run('hub', 'retire-console', '--server', admin, '--console', 'CT 2', ...plain);
    expect(retired.code, retired.err).toBe(0);
    expect(retired.out).toMatch(/retired the console "CT 2": its role ct_two can no longer log in/);
    const late = run('sync', '--db', b, '--as', 'Dr. A. Keller', '--server', as('ct_two'), ...plain);
    expect(late.code).toBe(1);
    expect(late.err).toMatch(/retired/);
    expect(run('hub', 'refusals', '--db', b).out).toMatch(/nothing from the hub was refused, nothing waits/);
    expect(existsSync(`${b}.hub-key`)).toBe(true);
  });
});
