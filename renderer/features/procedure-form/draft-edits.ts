import {
  defaultForamen,
  type FieldProblem,
  impossibleDates,
  localDateTimeWithOffset,
  type ProcedureDraft,
  type ProcedureInput,
  type ProcedureRecord,
  planOf,
  problemsFromZod,
  procedureDraftSchema,
  type Root,
  type Side,
} from '../../../db/model/index.js';

/*
 * Pure helpers for the entry form: editing the draft in the clinic's actions (pick a root,
 * add the other side), and splitting what the user typed into what can be saved now and
 * what must be corrected first, so one bad field never stops the rest from being saved.
 */

export type Draft = ProcedureInput;
export type TargetInput = NonNullable<Draft['targets']>[number];

/** A new procedure: performed now, by this console's default operator, prone, NRS after at 10 min. */
export const emptyDraft = (operatorId: string | null, now: Date = new Date()): Draft => ({
  performedAt: localDateTimeWithOffset(now),
  operatorId,
  consent: undefined,
  position: 'prone',
  painPostMinutes: 10,
  targets: [{ approach: 'transforaminal', spread: [] }],
  indications: [],
  drugs: [],
  complications: [],
});

/** Setting a root fills the foramen it usually exits through (editable afterwards). */
export function withRoot(target: TargetInput, root: Root): TargetInput {
  return { ...target, root, foramen: defaultForamen(root) };
}

/** "Bilateral": the same root on the other side, in one action. */
/** The other side of a target's root is already a target: adding it again would log the same root twice. */
export function hasOtherSide(targets: readonly TargetInput[], index: number): boolean {
  const source = targets[index];
  if (!source?.side) return false;
  const side: Side = source.side === 'left' ? 'right' : 'left';
  return targets.some((target) => target.root === source.root && target.side === side);
}

export function withOtherSide(targets: readonly TargetInput[], index: number): TargetInput[] {
  const source = targets[index];
  if (!source?.side || hasOtherSide(targets, index)) return [...targets];
  const side: Side = source.side === 'left' ? 'right' : 'left';
  return [...targets, { root: source.root, side, foramen: source.foramen, approach: source.approach, spread: [] }];
}

/** What happens to the drugs given at a target that is removed. */
export type DrugsOfRemovedTarget = 'remove' | 'unassign';

/**
 * The draft without target `index`. Drugs refer to targets by position, so those of later
 * targets move down with their target and stay on the same root (they never silently land on
 * another root); the removed target's own drugs are removed or left without a site (which
 * signing then asks for), as chosen.
 */
export function withoutTarget(draft: Draft, index: number, drugs: DrugsOfRemovedTarget): Draft {
  const kept = (draft.drugs ?? []).flatMap((administration) => {
    const site = administration.site;
    if (typeof site !== 'number' || site < index) return [administration];
    if (site > index) return [{ ...administration, site: site - 1 }];
    return drugs === 'remove' ? [] : [{ ...administration, site: undefined }];
  });
  return { ...draft, targets: (draft.targets ?? []).filter((_, i) => i !== index), drugs: kept };
}

/** How many drugs were given at target `index`. */
export const drugsAtTarget = (draft: Draft, index: number): number =>
  (draft.drugs ?? []).filter((administration) => administration.site === index).length;

export const toggle = <T>(list: readonly T[] | undefined, value: T): T[] =>
  list?.includes(value) ? list.filter((item) => item !== value) : [...(list ?? []), value];

/** The parts of a field path such as `targets[0].needleLengthMm`: ["targets", 0, "needleLengthMm"]. */
const pathOf = (field: string): (string | number)[] =>
  (field.match(/[^.[\]]+/g) ?? []).map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** The value at a field path, or undefined when the path leads nowhere. */
export function valueAt(draft: Draft, field: string): unknown {
  let node: unknown = draft;
  for (const key of pathOf(field)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/**
 * The draft with `value` put at a field path: a list item goes back in at its position (it was
 * taken out there), a property is set; the path's missing parents are made.
 */
export function withValueAt(draft: Draft, field: string, value: unknown): Draft {
  const parts = pathOf(field);
  if (parts.length === 0) return draft;
  const copy = structuredClone(draft) as Record<string, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const [index, key] of parts.entries()) {
    if (index === parts.length - 1) {
      if (Array.isArray(node) && typeof key === 'number') node.splice(Math.min(key, node.length), 0, value);
      else node[key] = value;
    } else {
      const next = node[key];
      if (next === null || typeof next !== 'object') node[key] = typeof parts[index + 1] === 'number' ? [] : {};
      node = node[key] as Record<string | number, unknown>;
    }
  }
  return copy as Draft;
}

/** Removes the value at a field path such as `targets[0].needleLengthMm`. */
function withoutField<T>(draft: T, field: string): T {
  const parts = pathOf(field);
  const copy = structuredClone(draft) as Record<string, unknown>;
  let node: unknown = copy;
  for (const [index, key] of parts.entries()) {
    if (node === null || typeof node !== 'object') return draft;
    if (index === parts.length - 1) {
      if (Array.isArray(node) && typeof key === 'number') node.splice(key, 1);
      else delete (node as Record<string | number, unknown>)[key];
    } else {
      node = (node as Record<string | number, unknown>)[key];
    }
  }
  return copy as T;
}

/** Highest indices and deepest paths first, so removing a list item does not shift the others' indices: numerically ("targets[10]" after "targets[2]"), not as text. */
const deepestFirst = (fields: readonly string[]) =>
  [...fields].sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));

/** The draft as the form last checked it. */
export interface DraftCheck {
  /** What can be saved now: the draft without the values that break a rule. */
  saveable: Draft;
  /** The values held back, each with the rule it breaks (shown at its field). */
  problems: FieldProblem[];
  /** The saveable part as the model reads it (defaults filled), for the rules and the report. */
  content: ProcedureDraft | null;
}

/**
 * Splits what the user typed into what can be saved now and what must be corrected first, so
 * one bad field never stops the rest from being saved. The draft is parsed once; only when a
 * value is held back is the rest parsed again (the model's reading of it, without that value).
 */
export function checkDraft(draft: Draft, now = new Date()): DraftCheck {
  const parsed = procedureDraftSchema.safeParse(draft);
  // Each value may be fine on its own and still impossible with another: said at once, not saved.
  const dates = impossibleDates(draft, now);
  if (parsed.success && dates.length === 0) return { saveable: draft, problems: [], content: parsed.data };
  const problems = [...(parsed.success ? [] : problemsFromZod(parsed.error)), ...dates];
  const held = deepestFirst(problems.map((problem) => problem.field));
  const saveable = held.reduce(withoutField, draft);
  if (parsed.success) return { saveable, problems, content: held.reduce(withoutField, parsed.data) };
  const rest = procedureDraftSchema.safeParse(saveable);
  return { saveable, problems, content: rest.success ? rest.data : null };
}

/**
 * The check with more values held back: those a rule outside the draft's schema refuses (the
 * department's patient ID pattern, what the logbook refused at a field). Each is left out of
 * what is saved and named at its field, like the schema's own; the rest is saved.
 */
export function holdingBack(checked: DraftCheck, more: readonly FieldProblem[]): DraftCheck {
  const fresh = more.filter(({ field }) => !checked.problems.some((held) => held.field === field));
  if (fresh.length === 0) return checked;
  const saveable = deepestFirst(fresh.map(({ field }) => field)).reduce(withoutField, checked.saveable);
  const rest = procedureDraftSchema.safeParse(saveable);
  return { saveable, problems: [...checked.problems, ...fresh], content: rest.success ? rest.data : null };
}

/**
 * What to hold back for a value refused at `field`: the field, or the list item holding it
 * when the item cannot be without it (a drug row without its drug is refused too, so the
 * whole row waits while the rest is saved). Read from the draft's schema, not listed.
 */
export function heldPathOf(draft: Draft, field: string): string {
  const item = /^(.*\])\.[^.[\]]+$/.exec(field)?.[1];
  if (!item || valueAt(draft, item) === undefined) return field;
  const parsed = procedureDraftSchema.safeParse(withoutField(draft, field));
  return !parsed.success && problemsFromZod(parsed.error).some((found) => found.field === field) ? item : field;
}

/**
 * A field of what was sent, as a field of the draft: list items held back whole were left out
 * of what was sent, so the items after them were sent at a lower position.
 */
export function draftFieldOf(field: string, held: readonly string[]): string {
  const at = /^(\w+)\[(\d+)\](.*)$/.exec(field);
  if (!at) return field;
  const [, list, position, rest] = at;
  const left = held
    .flatMap((heldField) => {
      const item = /^(\w+)\[(\d+)\]$/.exec(heldField);
      return item && item[1] === list ? [Number(item[2])] : [];
    })
    .sort((a, b) => a - b);
  const index = left.reduce((index, heldIndex) => (heldIndex <= index ? index + 1 : index), Number(position));
  return `${list}[${index}]${rest}`;
}

/** What the form can save now (invalid values left out) and the problems to show at their fields. */
export function splitForSaving(draft: Draft, now = new Date()): { saveable: Draft; problems: FieldProblem[] } {
  const { saveable, problems } = checkDraft(draft, now);
  return { saveable, problems };
}

/**
 * "Same as this patient's last procedure": what was planned and what is known of the patient
 * — the fields declared as the plan (db/model/fields: indications, symptom side,
 * anticoagulation, allergies, weight, position, targets, modality, caudal injection, drugs and
 * doses) — never what is observed or asked anew each time (consent, spread, pain,
 * complications, dose, pregnancy, time-out).
 */
export function withPlanOf(draft: Draft, last: ProcedureRecord): Draft {
  return planOf(draft, last);
}
