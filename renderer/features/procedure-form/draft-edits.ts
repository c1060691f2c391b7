import {
  defaultForamen,
  type FieldProblem,
  impossibleDates,
  localDateTimeWithOffset,
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

/** Removes the value at a field path such as `targets[0].needleLengthMm`. */
function withoutField(draft: Draft, field: string): Draft {
  const parts = field.match(/[^.[\]]+/g) ?? [];
  const copy = structuredClone(draft) as Record<string, unknown>;
  let node: unknown = copy;
  for (const [index, part] of parts.entries()) {
    if (node === null || typeof node !== 'object') return draft;
    const key = /^\d+$/.test(part) ? Number(part) : part;
    if (index === parts.length - 1) {
      if (Array.isArray(node) && typeof key === 'number') node.splice(key, 1);
      else delete (node as Record<string | number, unknown>)[key];
    } else {
      node = (node as Record<string | number, unknown>)[key];
    }
  }
  return copy as Draft;
}

/** What the form can save now (invalid values left out) and the problems to show at their fields. */
export function splitForSaving(draft: Draft, now = new Date()): { saveable: Draft; problems: FieldProblem[] } {
  const parsed = procedureDraftSchema.safeParse(draft);
  // Each value may be fine on its own and still impossible with another: said at once, not saved.
  const dates = impossibleDates(draft, now);
  if (parsed.success && dates.length === 0) return { saveable: draft, problems: [] };
  const problems = [...(parsed.success ? [] : problemsFromZod(parsed.error)), ...dates];
  let saveable = draft;
  // Highest indices and deepest paths first, so removing a list item does not shift the
  // others' indices: numerically ("targets[10]" after "targets[2]"), not as text.
  for (const { field } of [...problems].sort((a, b) => b.field.localeCompare(a.field, 'en', { numeric: true })))
    saveable = withoutField(saveable, field);
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
