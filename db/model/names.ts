import { REFUSAL_MESSAGES as R } from './refusal-messages.js';
import { lookAlikeKey } from './text-rule.js';
import { inEnglish, sentence, type Words } from './words.js';

/*
 * Names that tell people apart — an operator's in every report and export, a console's on
 * every record it made — may not look like another's: two names with the same look-alike key
 * (text-rule.ts: NFKC, case, dashes, spaces, invisible characters, Cyrillic, Greek, Armenian
 * and Cherokee letters that look Latin) are one name to a reader. A drug's name likewise. Asked wherever a name enters: Settings, the
 * import, the hub.
 */

/** What is wrong with an operator's name among the department's operators (words with `{field}`: problem()), or null. */
export function operatorNameClash(
  name: string,
  id: string | undefined,
  operators: Iterable<{ id: string; name: string }>,
): Words | null {
  const key = lookAlikeKey(name);
  for (const other of operators) {
    if (other.id !== id && lookAlikeKey(other.name) === key)
      return sentence(R.operatorNameTaken, { other: other.name });
  }
  return null;
}

/**
 * What is wrong with the console name a record brings from elsewhere (words to follow the
 * field: PROBLEM_MESSAGES.fieldRule), or null: it may not look like, without being, this console's own name or the name
 * of a console whose records are here already ("CT-B\u2010", "ct-b", a Cyrillic "СТ-В").
 * The very same name is not refused: a logbook restored from a backup takes back its own
 * records, and consoles left with their default name share it.
 */
export function claimedConsoleNameWords(name: string, own: string, known: Iterable<string>): Words | null {
  const key = lookAlikeKey(name);
  if (name !== own && lookAlikeKey(own) === key) return sentence(R.claimedOwnConsole, { name, own });
  for (const other of known) {
    if (other !== name && lookAlikeKey(other) === key) return sentence(R.claimedKnownConsole, { name, other });
  }
  return null;
}

/** The same in English, for the department server's conflicts (db/hub). */
export function claimedConsoleName(name: string, own: string, known: Iterable<string>): string | null {
  const words = claimedConsoleNameWords(name, own, known);
  return words && inEnglish(words);
}

/**
 * What is wrong with the name this console is given in Settings (words with `{field}`:
 * problem()), or null: it may not look like, without being, the name of a console known to this logbook
 * (the console names of its records, the consoles it received records from through the hub):
 * every record made here afterwards would seem to be that console's. The very same name is
 * allowed only when this logbook's own records carry it (a logbook restored from a backup
 * takes its old name back); a hub peer's very name is refused like its look-alikes.
 */
export function consoleNameClash(
  name: string,
  known: { ownRecords: Iterable<string>; hubPeers: Iterable<string> },
): Words | null {
  const own = new Set(known.ownRecords);
  if (own.has(name)) return null;
  const key = lookAlikeKey(name);
  for (const other of own) {
    if (lookAlikeKey(other) === key) return sentence(R.consoleLooksLikeKnown, { other });
  }
  for (const other of known.hubPeers) {
    if (other === name) return sentence(R.consoleIsHubPeer, { other });
    if (lookAlikeKey(other) === key) return sentence(R.consoleLooksLikeKnown, { other });
  }
  return null;
}

/**
 * What is wrong with a drug's name among the catalogue's drugs (words with `{field}`:
 * problem()), or null: it may not be, or look like, the name of a drug with another code ("Triamcinоlon" with
 * a Cyrillic "о"): the form, every report and export would show two drugs as one. Asked by the
 * catalogue's one writer, for Settings, the import and the hub alike.
 */
export function drugNameClash(
  name: string,
  code: string,
  drugs: Iterable<{ code: string; name: string }>,
): Words | null {
  const key = lookAlikeKey(name);
  for (const other of drugs) {
    if (other.code !== code && lookAlikeKey(other.name) === key)
      return sentence(R.drugNameTaken, { other: other.name, code: other.code });
  }
  return null;
}

/**
 * Pairs of drugs offered for choosing whose names are, or look like, one another's: a catalogue
 * can hold them from before the rule (drugNameClash), and `rootlog check` names them, in
 * words for the pharmacist or IT who corrects the catalogue.
 */
export function lookAlikeDrugPairs(drugs: readonly { code: string; name: string; active: boolean }[]): string[] {
  const byKey = new Map<string, { code: string; name: string }>();
  const pairs: string[] = [];
  for (const drug of drugs) {
    if (!drug.active) continue;
    const key = lookAlikeKey(drug.name);
    const first = byKey.get(key);
    if (!first) byKey.set(key, drug);
    else
      pairs.push(
        `the drugs “${first.name}” (code ${first.code}) and “${drug.name}” (code ${drug.code}) have names that look the same: a clinician choosing one can take the other, and reports and exports cannot tell them apart; rename one, or make one inactive, in Settings → Drugs`,
      );
  }
  return pairs;
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
