import type { Draft } from './draft-edits.js';

/*
 * Moving through the form without Tab: Enter on a choice or a field, or Alt+J, goes to the next
 * field that signing still needs, in the order the form shows them. What is needed is decided
 * here, purely, from the draft; where it is on screen is the DOM's order of `data-field`s.
 */

/** The fields (their `data-field` names) a signature still needs, in no particular order. */
export function emptyRequiredFields(draft: Draft): Set<string> {
  const empty = new Set<string>();
  const need = (field: string, present: boolean) => {
    if (!present) empty.add(field);
  };
  need('patientId', Boolean(draft.patientId));
  need('performedAt', Boolean(draft.performedAt));
  need('operatorId', Boolean(draft.operatorId));
  need('indications', (draft.indications ?? []).length > 0);
  need('consent', draft.consent === 'obtained');
  const targets = draft.targets ?? [];
  need('targets', targets.length > 0);
  targets.forEach((target, index) => {
    need(`targets[${index}].root`, Boolean(target.root));
    need(`targets[${index}].side`, Boolean(target.side));
    need(`targets[${index}].spread`, (target.spread ?? []).length > 0);
  });
  if (draft.caudalEpidural) need('caudalSpread', (draft.caudalSpread ?? []).length > 0);
  need('modality', Boolean(draft.modality));
  need('drugs', (draft.drugs ?? []).length > 0 || Boolean(draft.noDrugReason));
  need('painPre', draft.painPre != null);
  need('painPost', draft.painPost != null);
  need('complications', (draft.complications ?? []).length > 0);
  return empty;
}

const FOCUSABLE =
  'button[tabindex="0"]:not([disabled]), button:not([tabindex]):not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** The first thing to type into or choose in a field's element. */
export function focusTargetOf(element: Element): HTMLElement | null {
  if (element.matches('input, select, textarea')) return element as HTMLElement;
  return element.querySelector<HTMLElement>(FOCUSABLE);
}

/**
 * The element of the next empty required field after `from` (the focused element) in the form,
 * or null when there is none (then signing is next). Fields nested in another field (a
 * target's root inside the target) count by their own name.
 */
export function nextEmptyRequiredElement(
  root: ParentNode,
  from: Element | null,
  empty: Set<string>,
): HTMLElement | null {
  const fields = [...root.querySelectorAll<HTMLElement>('[data-field]')];
  const current = from?.closest('[data-field]');
  let start = 0;
  if (current) {
    // Everything that precedes the current field in document order, or is it, is behind us.
    start = fields.findIndex(
      (element) =>
        element !== current &&
        !current.contains(element) &&
        (current.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    );
    if (start < 0) return null;
  }
  for (const element of fields.slice(start)) {
    const name = element.dataset.field ?? '';
    if (!empty.has(name)) continue;
    const target = focusTargetOf(element);
    if (target) return target;
  }
  return null;
}
