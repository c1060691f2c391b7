import type { ClinicalWarning } from '../../../db/model/index.js';
import type { Draft } from './draft-edits.js';
import type { FormState } from './store/form-state.js';
import { stillConfirmed, warningsToConfirm } from './store/signing-store.js';

/*
 * Moving through the form without Tab: Enter on a choice or a field, or Alt+J, goes to the next
 * field on the Enter path — what signing still needs, the CT dose once CT guidance is chosen,
 * the confirmations and the reason a warning asks for — in the order the form shows them.
 * What is on the path is decided here, purely, from the form's state; where it is on screen is
 * the DOM's order of `data-field`s.
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
  need('doseChangeReason', draft.doseSource !== 'dose_report_then_changed' || Boolean(draft.doseChangeReason?.trim()));
  return empty;
}

/** The `data-field` of a warning's confirmation box in the sign panel. */
export const confirmationField = (code: string) => `confirm:${code}`;

/** CT guidance (alone or with fluoroscopy): the scanner shows a DLP and a CTDIvol to type. */
const ctGuided = (modality: Draft['modality']) => modality != null && modality !== 'fluoroscopy';

/** The CT dose as the scanner's dose screen shows it, typed one after the other. */
export const CT_DOSE_FIELDS = ['dlpMGyCm', 'ctdiVolMGy'] as const;

/** Fluoroscopy guidance (alone or with CT): the C-arm shows a screening time and a DAP. */
const fluoroscopyGuided = (modality: Draft['modality']) =>
  modality === 'fluoroscopy' || modality === 'ct_and_fluoroscopy';

/** The C-arm's dose as its screen shows it, in the form's order. */
export const FLUOROSCOPY_DOSE_FIELDS = ['fluoroTimeS', 'dapGyCm2'] as const;

const DOSE_SCREENS: readonly (readonly string[])[] = [CT_DOSE_FIELDS, FLUOROSCOPY_DOSE_FIELDS];

/**
 * Where Enter moves on from: the field itself, except an empty dose field — no dose at hand
 * yet — which moves past the rest of that dose screen (it comes from one screen, later).
 */
export function enterFrom(form: ParentNode, target: HTMLElement): Element {
  const field = target.closest('[data-field]')?.getAttribute('data-field');
  const empty = target instanceof HTMLInputElement && target.value.trim() === '';
  const screen = DOSE_SCREENS.find((fields) => fields.some((dose) => dose === field));
  if (!empty || !screen) return target;
  const last = screen[screen.length - 1];
  return form.querySelector(`[data-field="${last}"]`) ?? target;
}

/**
 * The fields the Enter path still stops at. `needed`: what signing needs — the record's
 * required fields, each warning still to confirm and the reason above the reference level (so
 * Enter leads there and then to Sign). `ahead`: those and the CT dose, read off the scanner once
 * CT guidance is chosen; Enter on an empty one moves on, and the path does not come back to it.
 */
export function enterPath(
  state: Pick<FormState, 'draft' | 'warnings' | 'confirmed' | 'confirmedEarlier' | 'mode' | 'amendReason'>,
): { needed: Set<string>; ahead: Set<string> } {
  const { draft } = state;
  const needed = emptyRequiredFields(draft);
  const earlier = state.mode === 'amend' ? stillConfirmed(state.warnings, state.confirmedEarlier) : [];
  for (const warning of warningsToConfirm(state.warnings))
    if (!state.confirmed.includes(warning.code) && !earlier.includes(warning.code))
      needed.add(confirmationField(warning.code));
  if (state.warnings.some(isAboveReference) && !draft.doseExceedanceReason) needed.add('doseExceedanceReason');
  if (state.mode === 'amend' && state.amendReason.trim().length < 3) needed.add('reason');
  const ahead = new Set(needed);
  // A case under X-ray guidance is signed with its dose (or why there is none): the Enter path
  // stops at each dose the guidance shows, once.
  if (ctGuided(draft.modality)) for (const dose of CT_DOSE_FIELDS) if (draft[dose] == null) ahead.add(dose);
  if (fluoroscopyGuided(draft.modality))
    for (const dose of FLUOROSCOPY_DOSE_FIELDS) if (draft[dose] == null) ahead.add(dose);
  return { needed, ahead };
}

const isAboveReference = (warning: ClinicalWarning) => warning.level === 'reference';

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
