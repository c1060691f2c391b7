import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../seed.js';
import { context, tempStore } from '../testing/fixtures.js';
import { startTestCluster, type TestCluster } from '../testing/postgres.js';
import { joinHub, testHub } from '../testing/test-hub.js';
import { explainFailure, HubError } from './errors.js';

/*
 * A sync that stops says on which side, in words: this console (a full disk, a read-only
 * logbook, a fault in RootLog) or the server (not reached, refused the login, no TLS) — never
 * one blamed for the other.
 */

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(() => cluster?.stop());

const UNTIL = new Date('2026-06-30T12:00:00Z');

describe('failures named by side', () => {
  it('a full disk while pulling is this console’s, said so; nothing is half taken, and the next sync finishes', async () => {
    const hub = await testHub(cluster);
    const a = await joinHub(hub, tempStore().store, 'CT 1');
    seedDatabase(a.store, { count: 200, seed: 5, until: UNTIL, years: 1 }, context);
    await a.sync();
    const b = await joinHub(hub, tempStore().store, 'CT 2');
    const db = b.store.writer.db;
    const pages = db.pragma('page_count', { simple: true }) as number;
    // The logbook may grow by a few pages only: the disk is "full" part-way through the pull.
    db.pragma(`max_page_count = ${pages + 40}`);
    const failure = await b.sync().then(
      () => null,
      (error: unknown) => error as HubError,
    );
    expect(failure).toBeInstanceOf(HubError);
    expect(failure?.side).toBe('local');
    expect(failure?.message).toMatch(/^On this console: the disk is full.*Nothing was lost/);
    expect(failure?.message).not.toMatch(/department server/);
    const partial = b.store.reader.prepare('SELECT count(*) FROM procedures').pluck().get() as number;
    expect(partial).toBeLessThan(200);
    db.pragma('max_page_count = 1073741823');
    expect((await b.sync()).refused).toEqual([]);
    expect(b.store.reader.prepare('SELECT count(*) FROM procedures').pluck().get()).toBe(200);
  });

  it('no temporary file: a sync works with TMPDIR missing', async () => {
    const hub = await testHub(cluster);
    const a = await joinHub(hub, tempStore().store, 'CT 1');
    seedDatabase(a.store, { count: 5, seed: 6, until: UNTIL, years: 1 }, context);
    await a.sync();
    const b = await joinHub(hub, tempStore().store, 'CT 2');
    const before = process.env.TMPDIR;
    process.env.TMPDIR = '/nonexistent/rootlog-no-tmp';
    try {
      expect(await b.sync()).toMatchObject({ pulled: 5, refused: [] });
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  });

  it('each kind of failure is named by its side', () => {
    const server = '127.0.0.1:5432/hub';
    const cases: [unknown, 'local' | 'remote', RegExp][] = [
      [Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), 'local', /disk is full/],
      [Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }), 'local', /disk is full/],
      [
        Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }),
        'local',
        /cannot be written/,
      ],
      [
        new TypeError("Cannot read properties of null (reading 'followUps')"),
        'local',
        /a fault in RootLog itself, not the server/,
      ],
      [
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
        'remote',
        /could not be reached/,
      ],
      [
        Object.assign(new Error('password authentication failed for user "ct_a"'), { code: '28P01' }),
        'remote',
        /refused the login: authentication failed/,
      ],
      [new Error('The server does not support SSL connections'), 'remote', /offers no TLS/],
      [
        Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
        'remote',
        /could not be verified/,
      ],
      [
        Object.assign(new Error('permission denied for table hub_versions'), { code: '42501' }),
        'remote',
        /refused this console's request/,
      ],
    ];
    for (const [error, side, words] of cases) {
      const explained = explainFailure(error, server);
      expect(explained.side, String(error)).toBe(side);
      expect(explained.message, String(error)).toMatch(words);
      expect(explained.message).toMatch(/Nothing was lost/);
      expect(
        explained.message.startsWith(side === 'local' ? 'On this console' : `The department server ${server}`),
      ).toBe(true);
    }
  });
});
