/*
 * Text from a file or a database is untrusted: printed raw, an escape sequence in an imported
 * id can retitle the terminal, move the cursor or erase a line, and a line break can forge a
 * line of output ("added 999"). Such characters are shown escaped instead, never acted on.
 */

// C0 and C1 controls, DEL, and the bidirectional marks and overrides that reorder what is shown.
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
// The same, but keeping the line breaks and tabs of RootLog's own multi-line output.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const escaped = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
};

/** One untrusted value (an id, a name, a reason) for a line of output: every control shown escaped. */
export const printable = (text: string) => text.replace(UNSAFE, escaped);

/** A whole line of output, as the last guard: controls escaped, RootLog's own line breaks kept. */
export const printableLines = (text: string) => text.replace(UNSAFE_BUT_LINES, escaped);
