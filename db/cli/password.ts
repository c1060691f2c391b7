import type { Io } from './command-kit.js';

/**
 * The department server's password: PGPASSWORD when set, else typed at the terminal (not
 * echoed), else none (a certificate or a trusted local connection). Never from the URL, never
 * kept anywhere.
 */
export function serverPassword(io: Io, who: string): Promise<string | undefined> {
  if (process.env.PGPASSWORD !== undefined) return Promise.resolve(process.env.PGPASSWORD);
  if (!process.stdin.isTTY) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const input = process.stdin;
    let typed = '';
    io.err(`Password of ${who} on the department server: `);
    input.setRawMode?.(true);
    input.resume();
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          input.setRawMode?.(false);
          input.pause();
          input.off('data', onData);
          resolve(typed);
          return;
        }
        if (char === '\u0003') process.exit(130);
        typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
      }
    };
    input.on('data', onData);
  });
}
