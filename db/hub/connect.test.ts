import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../seed.js';
import { context, tempStore } from '../testing/fixtures.js';
import { startTestCluster, type TestCluster } from '../testing/postgres.js';
import { joinHub, testHub } from '../testing/test-hub.js';
import { connectHub, type HubEndpoint, HubUrlError, parseServerUrl } from './connect.js';
import { explainFailure } from './errors.js';

/*
 * How a console reaches the hub: TLS with the server's certificate verified by default (the
 * department's CA settable), plain text only to the host an administrator named, nothing of it
 * changeable from the URL — against a real PostgreSQL with a department CA, one with a
 * certificate nobody can verify, and a rogue server that answers "no TLS" and asks for the
 * password in clear.
 */

let verified: TestCluster;
beforeAll(async () => {
  verified = await startTestCluster({ tls: 'department-ca' });
});
afterAll(() => verified?.stop());

/**
 * A rogue "PostgreSQL" on 127.0.0.1: answers the TLS request with "N" (no TLS), then asks for the
 * password in clear text and keeps whatever the client sends after that.
 */
async function rogueServer(): Promise<{ port: number; received: () => Buffer; close: () => Promise<void> }> {
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    let answeredTls = false;
    socket.on('data', (chunk) => {
      if (!answeredTls && chunk.length >= 8 && chunk.readInt32BE(4) === 80877103) {
        answeredTls = true;
        socket.write('N');
        if (chunk.length > 8) chunks.push(chunk.subarray(8));
        return;
      }
      chunks.push(chunk);
      // The password came: the rogue has what it wanted.
      if (chunk[0] === 0x70) {
        socket.destroy();
        return;
      }
      // Startup message seen: "send me your password in clear text" (AuthenticationCleartextPassword).
      const ask = Buffer.alloc(9);
      ask.write('R', 0);
      ask.writeInt32BE(8, 1);
      ask.writeInt32BE(3, 5);
      socket.write(ask);
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    received: () => Buffer.concat(chunks),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const endpoint = (port: number, overrides: Partial<HubEndpoint> = {}): HubEndpoint => ({
  host: '127.0.0.1',
  port,
  database: 'postgres',
  user: 'ct_a',
  password: 'the-console-password',
  caPem: null,
  allowPlainFor: null,
  ...overrides,
});

describe('reaching the department hub', () => {
  it('a rogue server answering "no TLS" gets no password: the console refuses, and says why', async () => {
    const rogue = await rogueServer();
    try {
      const failure = await connectHub(endpoint(rogue.port)).then(
        () => null,
        (error: unknown) => explainFailure(error, `127.0.0.1:${rogue.port}/postgres`),
      );
      expect(failure?.side).toBe('remote');
      expect(failure?.message).toMatch(/offers no TLS: RootLog does not send its password or records in clear text/);
      expect(rogue.received().includes('the-console-password')).toBe(false);
      expect(rogue.received().length).toBe(0);
      // Only where an administrator allowed plain text for that very host does the password go (and so the
      // rogue above would have had it): proof that the test above can see a password sent.
      await connectHub(endpoint(rogue.port, { allowPlainFor: '127.0.0.1' })).catch(() => undefined);
      expect(rogue.received().includes('the-console-password')).toBe(true);
    } finally {
      await rogue.close();
    }
  });

  it('plain text allowed for another host changes nothing: TLS is still required', async () => {
    const rogue = await rogueServer();
    try {
      await expect(connectHub(endpoint(rogue.port, { allowPlainFor: 'hub.example.org' }))).rejects.toThrow(
        /does not support SSL/,
      );
      expect(rogue.received().length).toBe(0);
    } finally {
      await rogue.close();
    }
  });

  it('the server’s certificate is verified against the department’s CA; without it, or with a self-signed one, nothing is sent', async () => {
    const hub = await testHub(verified);
    const a = await joinHub(hub, tempStore().store, 'CT 1');
    seedDatabase(a.store, { count: 2, seed: 1, until: new Date('2026-06-30T12:00:00Z'), years: 1 }, context);
    // The test hub helper allows plain text to 127.0.0.1: taken away, TLS with verification.
    a.endpoint.allowPlainFor = null;
    const withoutCa = await a.sync().then(
      () => null,
      (error: unknown) => error as { side: string; message: string },
    );
    expect(withoutCa?.side).toBe('remote');
    expect(withoutCa?.message).toMatch(/certificate that could not be verified.*Give the department's CA/);
    a.endpoint.caPem = verified.caPem ?? null;
    expect(await a.sync()).toMatchObject({ pushed: 2, refused: [] });
    const selfSigned = await startTestCluster({ tls: true });
    try {
      const failure = await connectHub(
        endpoint(selfSigned.port, { user: 'postgres', caPem: verified.caPem ?? null }),
      ).then(
        () => null,
        (error: unknown) => explainFailure(error, 'self-signed'),
      );
      expect(failure?.message).toMatch(/could not be verified/);
    } finally {
      selfSigned.stop();
    }
  });

  it('a URL may not carry the password or any connection option: each is refused in words', () => {
    const refusals: [string, RegExp][] = [
      ['postgres://ct_a@127.0.0.1:5432/hub?sslmode=disable', /must not carry connection options \(\?sslmode=disable\)/],
      ['postgres://ct_a@127.0.0.1:5432/hub?sslmode=no-verify', /must not carry connection options/],
      ['postgres://ct_a@127.0.0.1:5432/hub?password=secret', /must not carry connection options/],
      ['postgres://ct_a@127.0.0.1:5432/hub?host=/tmp', /must not carry connection options/],
      ['postgres://ct_a:secret@127.0.0.1:5432/hub', /must not carry the password/],
      ['postgres://ct_a:@127.0.0.1:5432/hub', /must not carry the password/],
      ['mysql://ct_a@127.0.0.1/hub', /postgres:\/\/USER@HOST:PORT\/DATABASE/],
      ['postgres://127.0.0.1:5432/hub', /must name the user/],
      ['postgres://ct_a@127.0.0.1:5432/', /must name one database/],
    ];
    for (const [url, refused] of refusals) {
      expect(() => parseServerUrl(url), url).toThrow(HubUrlError);
      expect(() => parseServerUrl(url), url).toThrow(refused);
    }
    expect(parseServerUrl('postgres://ct_a@hub.example.org/rootlog')).toEqual({
      host: 'hub.example.org',
      port: 5432,
      database: 'rootlog',
      user: 'ct_a',
    });
  });
});
