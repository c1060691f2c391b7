import type { FocusRequest } from './form-store.js';
import { moveToNextNeeded } from './keyboard.js';
import { focusTargetOf } from './next-field.js';

/*
 * Where each focus request of the form store lands on the page. Called by WindowEffects once
 * the screen shows the state that asked for it.
 */

/** The first field of these, in the order of the form, gets the focus (and is scrolled to). */
function focusFirstOf(form: HTMLElement, fields: readonly string[]): void {
  const elements = fields
    .map((field) => form.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`))
    .filter((element): element is HTMLElement => element !== null);
  elements.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const first = elements[0];
  if (!first) return;
  focusTargetOf(first)?.focus();
  first.scrollIntoView({ block: 'center' });
}

const FIRST_FIELD = 'input:not([disabled]), select:not([disabled])';
const MISSING_CONFIRMATION =
  '.confirmations input[type="checkbox"]:not(:checked), .reference-reason button[data-value]';

export function applyFocus(request: FocusRequest, form: HTMLElement): void {
  switch (request.kind) {
    case 'heading':
      form.querySelector<HTMLElement>('#procedure-heading')?.focus();
      return;
    case 'fields':
      focusFirstOf(form, request.fields);
      return;
    case 'confirmation':
      form.querySelector<HTMLElement>(MISSING_CONFIRMATION)?.focus();
      return;
    case 'first-field':
      form.querySelector<HTMLElement>(FIRST_FIELD)?.focus();
      return;
    case 'next-needed':
      moveToNextNeeded(form, request.after ? form.querySelector(`[data-field="${CSS.escape(request.after)}"]`) : null);
      return;
  }
}
