import { removeOwnPartials, removePartialsWhenStopped } from '../files/partial-files.js';
import { runCli } from './main.js';
import { printableLines } from './printable.js';

/** Entry point of the built command line (dist/cli/rootlog.cjs). */
// A library's use of a deprecated Node API (exceljs calls Buffer()) is ours to follow up,
// not a message for whoever reads a nightly export's log.
process.noDeprecation = true;
// Ctrl-C, a closed terminal or a scheduler's stop: the export or backup under way removes its partial files first.
removePartialsWhenStopped();

/**
 * Whoever reads the output went away (`rootlog check … | head -3`): the run ends as any Unix
 * tool's does when its reader closes the pipe, quietly, with the status of a process stopped by
 * SIGPIPE (128 + 13); an export or backup under way removes its partial files first.
 */
const READER_GONE = 141;
/** The output could not be written at all (redirected onto a full disk): said on stderr, when it still can be. */
const OUTPUT_LOST = 1;

const outputFailed = (stream: NodeJS.WriteStream) => (error: NodeJS.ErrnoException) => {
  removeOwnPartials();
  if (error.code === 'EPIPE') process.exit(READER_GONE);
  if (stream === process.stdout) {
    const why = error.code === 'ENOSPC' ? 'the disk it goes to is full' : `${error.code ?? error.message}`;
    process.stderr.write(`rootlog: its output could not be written: ${why}.\n`);
  }
  process.exit(OUTPUT_LOST);
};
process.stdout.on('error', outputFailed(process.stdout));
process.stderr.on('error', outputFailed(process.stderr));

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
