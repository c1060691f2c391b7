import type { ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';

/*
 * Ports for the real servers the tests start (PostgreSQL, dcmtk, Orthanc, an MLLP peer): a free
 * one on 127.0.0.1, and a wait until a server listens on it — polling the port, never a fixed
 * sleep, so a slow machine waits longer and a fast one not at all.
 */

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/**
 * Resolves once something accepts connections on the port; rejects when `process` exits first
 * (with what it wrote) or after `timeoutMs`.
 */
export async function waitForPort(
  port: number,
  options: { process?: ChildProcess; output?: () => string; timeoutMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let exited: number | null | undefined;
  options.process?.once('exit', (code) => {
    exited = code;
  });
  for (;;) {
    if (exited !== undefined)
      throw new Error(`the server exited (${exited}) before listening: ${options.output?.() ?? ''}`);
    if (await accepts(port)) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port}: ${options.output?.() ?? ''}`);
    await new Promise((next) => setTimeout(next, 25));
  }
}
