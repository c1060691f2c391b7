import type { Field } from './field.js';
import { PART_LISTS } from './parts.js';
import { PROCEDURE_FIELDS } from './procedure-fields.js';

/*
 * The plan of a procedure: what "same as last" (Alt+L) copies from the patient's last one —
 * the fields declared with a `plan` (fields/*-fields.ts), never what is observed or asked
 * (spread, consent, pain, complications).
 */

type Values = Record<string, unknown>;

function planValue(field: Field, current: unknown, last: unknown): { value: unknown } | null {
  const plan = field.plan;
  if (!plan) return null;
  if (plan === 'clear') return { value: Array.isArray(last) || Array.isArray(current) ? [] : undefined };
  if (plan === 'fill') return { value: current ?? last };
  if (plan === 'copy') return { value: last };
  return { value: plan.from(last) };
}

/** A part (a target, a drug) as the plan gives it: only its plan fields. */
function planOfPart(fields: readonly Field[], last: Values): Values {
  const part: Values = {};
  for (const field of fields) {
    const planned = planValue(field, undefined, last[field.key]);
    if (planned) part[field.key] = planned.value;
  }
  return part;
}

/** The draft with the plan of the last procedure; everything else stays as it is in the draft. */
export function planOf<T extends object>(draft: T, last: object): T {
  const next: Values = { ...(draft as Values) };
  const from = last as Values;
  for (const field of PROCEDURE_FIELDS) {
    const planned = planValue(field, (draft as Values)[field.key], from[field.key]);
    if (!planned) continue;
    const parts = PART_LISTS[field.key];
    next[field.key] =
      parts && Array.isArray(planned.value)
        ? planned.value.map((part) => planOfPart(parts, part as Values))
        : planned.value;
  }
  return next as T;
}
