import { runCli } from './main.js';
import { printableLines } from './printable.js';

/** Entry point of the built command line (dist/cli/rootlog.cjs). */
// A library's use of a deprecated Node API (exceljs calls Buffer()) is ours to follow up,
// not a message for whoever reads a nightly export's log.
process.noDeprecation = true;
const terminal = process.stderr.isTTY;
runCli(process.argv.slice(2), {
  // Every line is escaped here as a last guard (see printable.ts); the terminal codes RootLog
  // itself writes (clearing the progress line) are added after.
  out: (line) => process.stdout.write(`${printableLines(line)}\n`),
  err: (line) => process.stderr.write(`${terminal ? '\r\x1b[K' : ''}${printableLines(line)}\n`),
  progress: terminal ? (text) => process.stderr.write(`\r\x1b[K${printableLines(text)}`) : undefined,
}).then(
  (code) => {
    if (terminal) process.stderr.write('\r\x1b[K');
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `rootlog: unexpected error: ${printableLines(error instanceof Error ? error.message : String(error))}\n`,
    );
    process.exitCode = 1;
  },
);
