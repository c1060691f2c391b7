import type { Message } from '../model/index.js';
import type { CliSay } from './cli-speech.js';

/*
 * The usage text: each command's syntax as it is typed (never translated: commands, options
 * and their values are codes) and what it does, a message said in the output's language and
 * wrapped into the description column.
 */

/** One entry: its syntax lines and what it does (`cli.help*`). */
export interface Usage {
  syntax: readonly string[];
  does: Message;
  values?: Readonly<Record<string, string>>;
}

/** Where the descriptions start, and the width they wrap to. */
const COLUMN = 43;
const WIDTH = 101;

function wrapped(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > WIDTH - COLUMN) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** One entry as lines: the syntax, what it does beside a short one or below a long one. */
export function usageOf(entry: Usage, say: CliSay): string {
  const [first = '', ...more] = wrapped(say(entry.does, entry.values));
  const indent = ' '.repeat(COLUMN);
  const syntax = [...entry.syntax];
  const last = syntax.length - 1;
  const beside = (syntax[last] ?? '').length + 2 <= COLUMN;
  const lines = beside
    ? [...syntax.slice(0, last), `${(syntax[last] ?? '').padEnd(COLUMN)}${first}`]
    : [...syntax, `${indent}${first}`];
  return [...lines, ...more.map((line) => `${indent}${line}`)].join('\n');
}
