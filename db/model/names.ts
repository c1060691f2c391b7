import { lookAlikeKey } from './text-rule.js';

/*
 * Names that tell people apart — an operator's in every report and export, a console's on
 * every record it made — may not look like another's: two names with the same look-alike key
 * (text-rule.ts: NFKC, case, dashes, spaces, invisible characters, Cyrillic and Greek letters
 * that look Latin) are one name to a reader. Asked wherever a name enters: Settings, the
 * import, the hub.
 */

/** What is wrong with an operator's name among the department's operators (worded to follow the field), or null. */
export function operatorNameClash(
  name: string,
  id: string | undefined,
  operators: Iterable<{ id: string; name: string }>,
): string | null {
  const key = lookAlikeKey(name);
  for (const other of operators) {
    if (other.id !== id && lookAlikeKey(other.name) === key)
      return `is the name of another operator, “${other.name}”, or looks the same: reports and exports could not tell the two apart (add a first name or initial)`;
  }
  return null;
}

/**
 * What is wrong with the console name a record brings from elsewhere (worded to follow the
 * field), or null: it may not look like, without being, this console's own name or the name
 * of a console whose records are here already ("CT-B\u2010", "ct-b", a Cyrillic "СТ-В").
 * The very same name is not refused: a logbook restored from a backup takes back its own
 * records, and consoles left with their default name share it.
 */
export function claimedConsoleName(name: string, own: string, known: Iterable<string>): string | null {
  const key = lookAlikeKey(name);
  if (name !== own && lookAlikeKey(own) === key)
    return `“${name}” looks like “${own}”, this console’s own name, but is not it: a record keeps the name of the console it was made at`;
  for (const other of known) {
    if (other !== name && lookAlikeKey(other) === key)
      return `“${name}” looks like “${other}”, the console of records already here, but is not it: a record keeps the name of the console it was made at`;
  }
  return null;
}

/**
 * The name an operator from another logbook is added under when it looks like the name of an
 * operator here (the same person set up at two consoles, or someone posing as them): their
 * name with the start of their id, so that every report and export tells the two apart. An
 * administrator may rename either afterwards.
 */
export function distinctOperatorName(
  name: string,
  id: string,
  operators: Iterable<{ id: string; name: string }>,
): string {
  const list = [...operators];
  if (!operatorNameClash(name, id, list)) return name;
  for (const tag of [id.slice(0, 8), id]) {
    const suffix = ` (operator ${tag} of another logbook)`;
    const candidate = `${name.slice(0, Math.max(1, 100 - suffix.length))}${suffix}`;
    if (!operatorNameClash(candidate, id, list)) return candidate;
  }
  return `operator ${id} of another logbook`.slice(0, 100);
}
