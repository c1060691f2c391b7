import type { Said, Words } from '../../../db/model/index.js';
import type { Draft, DraftCheck } from './draft-edits.js';
import { valueAt, withValueAt } from './draft-edits.js';

/*
 * What the form holds back from the logbook — a value that breaks a rule (a 24 000-character
 * note, a birth date in the future) and text that is not a value yet (a date half typed) — is
 * kept aside in the window's storage, by draft, until it is corrected, the draft is signed or
 * deleted. A reload, a crash of the window or a restart shows it again with its message.
 *
 * Why the window's storage and not the logbook: the logbook stores only what keeps its rules
 * (that is what makes it the truth), and the window's storage is where the form already
 * remembers which draft was open; it outlives the window (Chromium keeps it in its own
 * process and writes it to disk within seconds), so what is held back survives what the draft
 * survives, short of a power cut in those seconds.
 */

/** Text typed into a field that is not a value yet, and what it still needs (its words where the field gave them). */
export interface FieldText extends Said {
  text: string;
}

export interface HeldBack {
  /** Values that break a rule, by field path, as they were in the draft. */
  values: { field: string; value: unknown }[];
  /** Text not yet a value, by field path. */
  texts: Record<string, FieldText>;
  /**
   * Why the logbook refused a value held back (a rule only it checks), by field path: said
   * again after a reload, in the reader's language (an earlier RootLog kept the English only).
   */
  refused: Record<string, Said>;
}

/** A value the logbook refused at its field, and why: held back while the field holds it. */
export interface Refusal extends Said {
  value: unknown;
}

const KEY_PREFIX = 'rootlog.heldBack.';
export type KeptStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What is held back of a draft just checked: the values its problems name, and the text typed. */
export function heldBackOf(
  draft: Draft,
  checked: DraftCheck,
  texts: Record<string, FieldText>,
  refusals: Record<string, Refusal> = {},
): HeldBack {
  const values = checked.problems.flatMap(({ field }) => {
    const value = valueAt(draft, field);
    // A number that is not one (NaN) has no stored form; what was typed is shown by its field.
    const keepable = value !== undefined && !(typeof value === 'number' && !Number.isFinite(value));
    return keepable ? [{ field, value }] : [];
  });
  const refused = Object.fromEntries(
    Object.entries(refusals).map(([field, { message, words }]): [string, Said] => [
      field,
      words ? { message, words } : { message },
    ]),
  );
  return { values, texts, refused };
}

/** The refusals a draft's fields still hold: a field typed anew is checked again by the logbook. */
export function stillRefused(draft: Draft, refusals: Record<string, Refusal>): Record<string, Refusal> {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return Object.fromEntries(
    Object.entries(refusals).filter(([field, { value }]) => same(valueAt(draft, field), value)),
  );
}

/** The refusals kept aside of a draft, with the values it was shown again with. */
export const refusalsOf = (draft: Draft, held: HeldBack): Record<string, Refusal> =>
  Object.fromEntries(
    Object.entries(held.refused).map(([field, said]) => [field, { value: valueAt(draft, field), ...said }]),
  );

/**
 * What is sent to the logbook: what can be saved, with each value held back replaced by the
 * one the logbook has (when it has one), so a slip never empties a field saved before. A list
 * item held back whole stays out: an item at that place in the logbook may be another one.
 */
export function withStoredValues(saveable: Draft, stored: Draft | null, fields: readonly string[]): Draft {
  if (!stored) return saveable;
  return fields.reduce((sent, field) => {
    const value = valueAt(stored, field);
    const listItem = /\]$/.test(field);
    return value === undefined || value === null || listItem || valueAt(sent, field) !== undefined
      ? sent
      : withValueAt(sent, field, value);
  }, saveable);
}

export const holdsBack = (held: HeldBack): boolean =>
  held.values.length > 0 || Object.keys(held.texts).length > 0 || Object.keys(held.refused).length > 0;

/** The draft as the logbook has it, with what was held back put back where it was. */
export function withHeldBack(draft: Draft, held: HeldBack): Draft {
  // Lowest indices first: each list item goes back in before the ones after it.
  const ordered = [...held.values].sort((a, b) => a.field.localeCompare(b.field, 'en', { numeric: true }));
  return ordered.reduce((current, { field, value }) => withValueAt(current, field, value), draft);
}

/** Keeps what is held back of a draft aside, or forgets it once nothing is. */
export function keepAside(storage: KeptStorage, draftId: string, held: HeldBack): void {
  if (holdsBack(held)) storage.setItem(KEY_PREFIX + draftId, JSON.stringify(held));
  else storage.removeItem(KEY_PREFIX + draftId);
}

/** What was kept aside of a draft; nothing when there is none or it cannot be read. */
export function keptAside(storage: KeptStorage, draftId: string): HeldBack {
  const none: HeldBack = { values: [], texts: {}, refused: {} };
  const kept = storage.getItem(KEY_PREFIX + draftId);
  if (!kept) return none;
  try {
    const parsed = JSON.parse(kept) as Partial<HeldBack>;
    const values = Array.isArray(parsed.values)
      ? parsed.values.filter((entry): entry is HeldBack['values'][number] => typeof entry?.field === 'string')
      : [];
    const texts = Object.fromEntries(
      Object.entries(parsed.texts ?? {}).filter(
        ([, entry]) => typeof entry?.text === 'string' && typeof entry?.message === 'string',
      ),
    );
    const refused = Object.fromEntries(
      Object.entries(parsed.refused ?? {}).flatMap(([field, kept]): [string, Said][] => {
        if (!values.some((v) => v.field === field)) return [];
        const said = keptSaid(kept);
        return said ? [[field, said]] : [];
      }),
    );
    return { values, texts, refused };
  } catch {
    return none;
  }
}

/** A refusal as kept: its words (checked to be a message and values), or an earlier RootLog's English. */
function keptSaid(kept: unknown): Said | null {
  if (typeof kept === 'string') return { message: kept };
  if (!kept || typeof kept !== 'object') return null;
  const { message, words } = kept as { message?: unknown; words?: unknown };
  if (typeof message !== 'string') return null;
  return keptWords(words) ? { message, words } : { message };
}

/** Words as JSON keeps them: a message with its id and English, and values if any. */
function keptWords(words: unknown): words is Words {
  if (!words || typeof words !== 'object') return false;
  const { message, values } = words as { message?: { id?: unknown; message?: unknown }; values?: unknown };
  return (
    typeof message?.id === 'string' &&
    typeof message.message === 'string' &&
    (values === undefined || (typeof values === 'object' && values !== null))
  );
}

export const forgetKeptAside = (storage: KeptStorage, draftId: string): void =>
  storage.removeItem(KEY_PREFIX + draftId);
