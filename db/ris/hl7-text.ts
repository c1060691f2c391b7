/*
 * Text inside an HL7 v2 field (v2.5 chapter 2.7): the delimiters and the escape character are
 * written as escape sequences, line breaks as the formatting command \.br\ (formatted text,
 * FT), any other control character as its hex escape \Xhh\ — so the RIS reads back exactly the
 * text that was signed. @medplum/hl7 writes fields as given and has no escaping of its own;
 * these few lines are it (a cross-check with python3-hl7's unescape is in the tests). Pure.
 */

export interface Hl7Delimiters {
  fieldSeparator: string;
  componentSeparator: string;
  repetitionSeparator: string;
  escapeCharacter: string;
  subcomponentSeparator: string;
}

export const STANDARD_DELIMITERS: Hl7Delimiters = {
  fieldSeparator: '|',
  componentSeparator: '^',
  repetitionSeparator: '~',
  escapeCharacter: '\\',
  subcomponentSeparator: '&',
};

const hex = (char: string) => (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(2, '0');

/** One line of text (no line break) as an HL7 field or component value. */
export function escapeHl7(text: string, delimiters: Hl7Delimiters = STANDARD_DELIMITERS): string {
  const { escapeCharacter: e } = delimiters;
  const escapes = new Map([
    [delimiters.escapeCharacter, `${e}E${e}`],
    [delimiters.fieldSeparator, `${e}F${e}`],
    [delimiters.componentSeparator, `${e}S${e}`],
    [delimiters.repetitionSeparator, `${e}R${e}`],
    [delimiters.subcomponentSeparator, `${e}T${e}`],
  ]);
  let escaped = '';
  for (const char of text) {
    const sequence = escapes.get(char);
    if (sequence) escaped += sequence;
    else if (/\p{Cc}/u.test(char)) escaped += `${e}X${hex(char)}${e}`;
    else escaped += char;
  }
  return escaped;
}

/** The lines of a text, whatever its line breaks (CR LF, LF, CR). */
export const linesOf = (text: string) => text.split(/\r\n|\n|\r/);

/** A multi-line text as one formatted-text (FT) value: each line escaped, joined by \.br\. */
export const formattedText = (text: string, delimiters: Hl7Delimiters = STANDARD_DELIMITERS) =>
  linesOf(text)
    .map((line) => escapeHl7(line, delimiters))
    .join(`${delimiters.escapeCharacter}.br${delimiters.escapeCharacter}`);

/** An escaped value read back (a RIS's answer text): escapes and \.br\ undone, unknown sequences kept. */
export function unescapeHl7(value: string, delimiters: Hl7Delimiters = STANDARD_DELIMITERS): string {
  const e = delimiters.escapeCharacter;
  const quoted = e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return value.replace(new RegExp(`${quoted}([^${quoted}]*)${quoted}`, 'g'), (sequence, code: string) => {
    if (code === 'F') return delimiters.fieldSeparator;
    if (code === 'S') return delimiters.componentSeparator;
    if (code === 'R') return delimiters.repetitionSeparator;
    if (code === 'T') return delimiters.subcomponentSeparator;
    if (code === 'E') return delimiters.escapeCharacter;
    if (code === '.br') return '\n';
    const bytes = /^X((?:[0-9A-Fa-f]{2})+)$/.exec(code);
    if (bytes?.[1])
      return String.fromCharCode(...(bytes[1].match(/../g) ?? []).map((pair) => Number.parseInt(pair, 16)));
    return sequence;
  });
}
