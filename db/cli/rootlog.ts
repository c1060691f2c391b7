import { runCli } from './main.js';

/** Entry point of the built command line (dist/cli/rootlog.cjs). */
const terminal = process.stderr.isTTY;
runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${terminal ? '\r\x1b[K' : ''}${line}\n`),
  progress: terminal ? (text) => process.stderr.write(`\r\x1b[K${text}`) : undefined,
}).then(
  (code) => {
    if (terminal) process.stderr.write('\r\x1b[K');
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`rootlog: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
