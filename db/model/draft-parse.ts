import { type ProcedureDraft, procedureDraftSchema } from './procedure.js';

/*
 * The autosave's parse of a draft, field by field against the draft parsed before (issue 22):
 * a form sends the whole draft at each keystroke, one field changed. The draft schema is a
 * strict object of independent fields (no rule reads two of them), so a field whose input is
 * the same as last time parses to the same value; only the changed fields are parsed again.
 * Whatever is not that simple case — a key the schema does not know, a field that does not
 * parse, one present that parses to nothing, a value that is not plain data — answers
 * undefined, and the caller parses the whole draft as before (with its words for what is wrong).
 */

type Shape = typeof procedureDraftSchema.shape;
const SHAPE: Shape = procedureDraftSchema.shape;

/** What was parsed last: its input, as a copy the caller cannot change, and its draft. */
export interface ParsedDraft {
  readonly input: Readonly<Record<string, unknown>>;
  readonly draft: ProcedureDraft;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** A copy of plain data (what JSON and IPC carry), or undefined for anything else. */
export function copyOfPlainData(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    for (const item of value) {
      const itemCopy = copyOfPlainData(item);
      if (itemCopy === undefined && item !== undefined) return undefined;
      copy.push(itemCopy);
    }
    return copy;
  }
  if (!isPlainObject(value)) return undefined;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const itemCopy = copyOfPlainData(item);
    if (itemCopy === undefined && item !== undefined) return undefined;
    copy[key] = itemCopy;
  }
  return copy;
}

/** The same plain data: same keys (in any order), same values by Object.is. */
export function samePlainData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!samePlainData(a[index], b[index])) return false;
    return true;
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.hasOwn(b, key) || !samePlainData(a[key], b[key])) return false;
  return true;
}

/**
 * The draft parsed from input, parsing only the fields whose input differs from the one
 * parsed before (a field added or left out included); undefined when that is not enough to be
 * sure (the caller parses it whole).
 */
export function parseChangedFields(input: unknown, before: ParsedDraft | undefined): ParsedDraft | undefined {
  if (!before || !isPlainObject(input)) return undefined;
  let draft: Record<string, unknown> | undefined;
  let added = false;
  const copy: Record<string, unknown> = {};
  const reparse = (key: string): boolean => {
    const field = Object.hasOwn(SHAPE, key) ? SHAPE[key as keyof Shape] : undefined;
    if (!field) return false;
    const present = Object.hasOwn(input, key);
    const valueCopy = present ? copyOfPlainData(input[key]) : undefined;
    if (present && valueCopy === undefined) return false;
    const parsed = field.safeParse(present ? input[key] : undefined);
    if (!parsed.success) return false;
    draft ??= { ...before.draft };
    if (parsed.data !== undefined && !Object.hasOwn(draft, key)) added = true;
    if (parsed.data !== undefined) draft[key] = parsed.data;
    // A field present but parsed to nothing: whether the whole parse keeps its key is its business.
    else if (present) return false;
    else delete draft[key];
    if (present) copy[key] = valueCopy;
    return true;
  };
  for (const key of Object.keys(input)) {
    if (Object.hasOwn(before.input, key) && samePlainData(input[key], before.input[key])) copy[key] = before.input[key];
    else if (!reparse(key)) return undefined;
  }
  for (const key of Object.keys(before.input)) if (!Object.hasOwn(input, key) && !reparse(key)) return undefined;
  return { input: copy, draft: (added && draft ? inShapeOrder(draft) : (draft ?? before.draft)) as ProcedureDraft };
}

/** The keys in the order the whole parse gives them (the schema's). */
function inShapeOrder(draft: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(SHAPE)) if (Object.hasOwn(draft, key)) ordered[key] = draft[key];
  return ordered;
}

/** A whole parse's answer, held for the next one. */
export function parsedDraftOf(input: unknown, draft: ProcedureDraft): ParsedDraft | undefined {
  const copy = copyOfPlainData(input);
  return isPlainObject(copy) ? { input: copy, draft } : undefined;
}
