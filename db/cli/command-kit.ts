import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { type Language, CLI_MESSAGES as M, sentence } from '../model/index.js';
import type { Store } from '../store.js';
import { UsageError } from './usage-error.js';

/* What every command of the command line shares: its output, its actor, its options, the check before writing. */

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  progress?: (text: string) => void;
  /** The language asked with --language: the output's when the logbook's department has chosen none (cli-speech.ts). */
  language?: Language;
}

/**
 * Commands that write check every page first (the open itself is flat in the file's size):
 * a damaged logbook is never written to; the store then refuses with the reason.
 */
export async function checkedBeforeWriting(store: Store): Promise<void> {
  const health = await store.verify();
  if (health.state === 'damaged') void store.writer;
}

export const actor = () => {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
};

export function options(args: string[], spec: Record<string, { type: 'string' | 'boolean' }>, required: string[]) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options: spec, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  for (const name of required)
    if (parsed.values[name] === undefined) throw new UsageError(sentence(M.usageRequired, { option: `--${name}` }));
  return parsed.values as Record<string, string | boolean | undefined>;
}
