import { inEnglish, type Words } from '../model/index.js';

/**
 * A command line that does not parse: runCli prints the reason and the usage, and exits 2. The
 * reason is declared words (a `cli.usage*` message), said in the output's language; a string is
 * another's English kept as it is (Node's own argument parser, the hub's URL rules).
 */
export class UsageError extends Error {
  constructor(readonly reason: string | Words) {
    super(typeof reason === 'string' ? reason : inEnglish(reason));
  }
}
