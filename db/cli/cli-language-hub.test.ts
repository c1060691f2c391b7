import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDatabase } from '../seed.js';
import { updateSettings } from '../settings.js';
import { context, tempStore } from '../testing/fixtures.js';
import { freePort } from '../testing/ports.js';
import { createDatabase, startTestCluster, type TestCluster } from '../testing/postgres.js';
import { TEST_PIN } from '../testing/signer.js';
import { runCli } from './main.js';

/*
 * The hub's and sync's lines in the department's language of the logbook opened, else the one
 * asked (--language), against a real PostgreSQL; codes, roles and fingerprints as they are.
 */
async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
  // The logbooks' operator (tempStore's) proves who writes with their PIN; the test cluster has no password.
  vi.stubEnv('ROOTLOG_PIN', TEST_PIN);
  vi.stubEnv('PGPASSWORD', '');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await cluster?.stop();
});

/** A console's logbook named `name` with `count` signed procedures, its department speaking `language`. */
function logbook(name: string, count: number, language?: 'de' | 'fr' | 'it'): string {
  const { store } = tempStore();
  updateSettings(store, { consoleName: name, ...(language ? { language } : {}) }, context);
  if (count > 0) seedDatabase(store, { count, seed: 4, until: new Date('2026-06-30T12:00:00Z'), years: 1 }, context);
  const path = store.path;
  store.close();
  return path;
}

const AS = ['--as', 'Dr. A. Keller'];
const PLAIN = ['--allow-plain', '127.0.0.1'];

describe('rootlog hub and rootlog sync in the language', () => {
  it('a German console syncs and reads its report in German', async () => {
    createDatabase(cluster, 'hub_words');
    const admin = `postgres://postgres@127.0.0.1:${cluster.port}/hub_words`;
    const as = (role: string) => `postgres://${role}@127.0.0.1:${cluster.port}/hub_words`;
    expect((await cli('hub', 'init', '--server', admin, ...PLAIN)).status).toBe(0);
    const a = logbook('CT 1', 3, 'de');
    expect((await cli('hub', 'key', '--db', a, ...AS)).status).toBe(0);
    expect((await cli('hub', 'add-console', '--server', admin, '--db', a, '--role', 'ct_one', ...PLAIN)).status).toBe(
      0,
    );
    const pushed = await cli('sync', '--db', a, ...AS, '--server', as('ct_one'), ...PLAIN);
    expect(pushed.status, pushed.err).toBe(0);
    expect(pushed.out).toMatch(
      /^gesendet 3, bereits dort 0, geholt 0 neue Einträge, 0 Ergänzungen und 0 Nachkontrollen; Konflikte 0, abgelehnt 0, wartend 0; noch zu senden 0$/m,
    );
    // A record signed while the console had another name: not pushed, and why, in German (issue 29).
    const { store } = tempStore();
    updateSettings(store, { consoleName: 'CT 7', language: 'de' }, context);
    seedDatabase(store, { count: 1, seed: 5, until: new Date('2026-06-30T12:00:00Z'), years: 1 }, context);
    updateSettings(store, { consoleName: 'CT 8' }, context);
    const b = store.path;
    store.close();
    expect((await cli('hub', 'key', '--db', b, ...AS)).status).toBe(0);
    expect((await cli('hub', 'add-console', '--server', admin, '--db', b, '--role', 'ct_eight', ...PLAIN)).status).toBe(
      0,
    );
    const refused = await cli('sync', '--db', b, ...AS, '--server', as('ct_eight'), ...PLAIN);
    expect(refused.status, refused.err).toBe(1);
    expect(refused.out).toMatch(
      /^ {2}abgelehnt [0-9a-f-]{36}: nicht übertragen: Der Eintrag nennt die Konsole «CT 7», und diese Konsole heisst auf dem Hub «CT 8» \(.*\); nur «CT 7» überträgt ihn$/m,
    );
  });

  it('IT’s hub commands in the language asked, a console’s in its logbook’s', async () => {
    createDatabase(cluster, 'hub_admin_words');
    const admin = `postgres://postgres@127.0.0.1:${cluster.port}/hub_admin_words`;
    const init = await cli('hub', 'init', '--server', admin, ...PLAIN, '--language', 'fr');
    expect(init.status, init.err).toBe(0);
    expect(init.out).toMatch(/^le hub dans le schéma rootlog est passé de la version 0 à 2$/m);
    expect(init.out).toMatch(/^id du hub [0-9a-f-]{36} ; rôle des consoles rootlog_console$/m);
    const a = logbook('CT 1', 0, 'de');
    const early = await cli('hub', 'add-console', '--server', admin, '--db', a, '--role', 'ct_one', ...PLAIN);
    expect(early.status).toBe(1);
    expect(early.err).toMatch(/^rootlog hub: Das Logbuch .* hat noch keinen Konsolenschlüssel: /m);
    const key = await cli('hub', 'key', '--db', a, ...AS);
    expect(key.status, key.err).toBe(0);
    expect(key.out).toMatch(/^Konsole "CT 1": Schlüssel-Fingerabdruck (?:[0-9a-f]{4} ){7}[0-9a-f]{4}$/m);
    expect(key.out).toMatch(
      /^der private Schlüssel liegt in der Schlüsseldatei .*\.hub-key, nur für diesen Benutzer lesbar/m,
    );
    const added = await cli('hub', 'add-console', '--server', admin, '--db', a, '--role', 'ct_one', ...PLAIN);
    expect(added.status, added.err).toBe(0);
    expect(added.out).toMatch(
      /^Konsole "CT 1" registriert: Rolle ct_one \(Mitglied von rootlog_console\), Schlüssel-Fingerabdruck /m,
    );
    expect(added.out).toMatch(/^geben Sie nun der Rolle ihr Passwort \(ALTER ROLE ct_one PASSWORD '…'\)/m);
    const listed = await cli('hub', 'consoles', '--server', admin, ...PLAIN, '--language', 'it');
    expect(listed.out).toMatch(/^ {2}CT 1 +ruolo ct_one +chiave [0-9a-f ]+$/m);
    const retired = await cli(
      'hub',
      'retire-console',
      '--server',
      admin,
      '--console',
      'CT 1',
      ...PLAIN,
      '--language',
      'it',
    );
    expect(retired.out).toMatch(/^console «CT 1» ritirata: il suo ruolo ct_one non può più accedere/);
    expect((await cli('hub', 'consoles', '--server', admin, ...PLAIN, '--language', 'it')).out).toMatch(
      / {2}RITIRATA 20\d\d-\d\d-\d\d /m,
    );
    expect((await cli('hub', 'refusals', '--db', a)).out).toBe('nichts vom Hub wurde abgelehnt, nichts wartet');
  });

  it('the hub client’s own words: a server not reached, a new hub met, the administration’s refusal', async () => {
    const a = logbook('CT 1', 2, 'de');
    expect((await cli('hub', 'key', '--db', a, ...AS)).status).toBe(0);
    // Nothing listens there. (ct_one was retired above: a role of its own here.): the server's side, said in German, the network's own words as they came.
    const nowhere = `postgres://ct_words@127.0.0.1:${await freePort()}/hub`;
    const unreached = await cli('sync', '--db', a, ...AS, '--server', nowhere, ...PLAIN);
    expect(unreached.status).toBe(1);
    expect(unreached.err).toMatch(
      /^rootlog sync: Der Abteilungsserver 127\.0\.0\.1:\d+\/hub war nicht erreichbar \(.*ECONNREFUSED.*\)\. Nichts ging verloren: /m,
    );
    // The same console meets another hub: the notice in German.
    for (const database of ['hub_first', 'hub_second']) {
      createDatabase(cluster, database);
      const admin = `postgres://postgres@127.0.0.1:${cluster.port}/${database}`;
      expect((await cli('hub', 'init', '--server', admin, ...PLAIN)).status).toBe(0);
      const added = await cli('hub', 'add-console', '--server', admin, '--db', a, '--role', 'ct_words', ...PLAIN);
      expect(added.status, added.err).toBe(0);
      const synced = await cli(
        'sync',
        '--db',
        a,
        ...AS,
        '--server',
        `postgres://ct_words@127.0.0.1:${cluster.port}/${database}`,
        ...PLAIN,
      );
      expect(synced.status, synced.err).toBe(0);
      if (database === 'hub_second')
        expect(synced.out).toMatch(
          /^Diese Konsole trifft auf 127\.0\.0\.1:\d+\/hub_second einen neuen Abteilungs-Hub an \([0-9a-f-]{36}\): Sie sendet ihre eigenen Einträge dorthin \(2 Einträge\)/m,
        );
    }
    // The hub administration's refusal, in the language asked.
    const admin = `postgres://postgres@127.0.0.1:${cluster.port}/hub_second`;
    const nobody = await cli(
      'hub',
      'retire-console',
      '--server',
      admin,
      '--console',
      'CT 9',
      ...PLAIN,
      '--language',
      'fr',
    );
    expect(nobody.status).toBe(1);
    expect(nobody.err).toMatch(/^rootlog hub : Il n’y a pas de console « CT 9 » sur ce hub\.$/m);
    const badSchema = await cli('hub', 'init', '--server', admin, '--schema', 'Rootlog', ...PLAIN, '--language', 'it');
    expect(badSchema.status).toBe(2);
    expect(badSchema.err).toMatch(/^rootlog hub: --schema «Rootlog» deve essere composto da 1 a 48 lettere minuscole/m);
  });
});
