import { useSettings } from '../settings/settings-store.js';
import { useProcedureForm } from './form-store.js';
import { enterFrom, enterPath, focusTargetOf, nextEmptyRequiredElement } from './next-field.js';

/*
 * The form's keys, for one hand at the console: Enter in a field moves on to the next field
 * signing needs (in a choice group the group does it, see ChoiceGroup), Alt+J jumps there from
 * anywhere, Alt+↓ / Alt+↑ go to the next / previous section, Alt+1 … Alt+9 apply a preset,
 * Alt+L copies the plan of this patient's last procedure, Alt+D fetches the dose report from the
 * PACS, Ctrl+Z undoes the last removal.
 */

/** Focuses the next field on the Enter path after `from`; when none is left, the signer's PIN (then the Sign or Save amendment button). */
export function moveToNextNeeded(form: HTMLElement, from: Element | null): void {
  // Forward along the whole path; when nothing is left ahead, back to what signing still needs.
  const { needed, ahead } = enterPath(useProcedureForm.getState());
  const next = nextEmptyRequiredElement(form, from, ahead) ?? nextEmptyRequiredElement(form, null, needed);
  (
    next ??
    form.querySelector<HTMLElement>('.sign-panel input.pin') ??
    form.querySelector<HTMLElement>('.sign-panel button.primary')
  )?.focus();
}

function moveToSection(form: HTMLElement, from: Element | null, step: 1 | -1): void {
  const sections = [...form.querySelectorAll<HTMLElement>('.form-section')];
  const current = from ? sections.findIndex((section) => section.contains(from)) : -1;
  const next = sections[Math.min(sections.length - 1, Math.max(0, current + step))];
  if (next) (focusTargetOf(next) ?? next).focus();
}

const TYPED_INPUTS = new Set(['text', 'number', 'date', 'time', 'datetime-local', 'search', '']);

/** Handles a key in the form; true when it was the form's (the caller prevents the default). */
export function formKey(event: KeyboardEvent, form: HTMLElement | null): boolean {
  if (!form) return false;
  const target = event.target as HTMLElement;
  const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
  if (event.key === 'Enter' && plain) {
    const typed = target instanceof HTMLInputElement && TYPED_INPUTS.has(target.type);
    if (typed || target instanceof HTMLSelectElement) {
      moveToNextNeeded(form, enterFrom(form, target));
      return true;
    }
    if (target instanceof HTMLInputElement && target.type === 'checkbox') {
      // Enter on a tick box ticks it (never unticks) and moves on — once the screen shows what
      // the tick opened (the caudal injection's spread, a confirmation's effect on Sign).
      if (!target.checked) target.click();
      const after = target.closest('[data-field]')?.getAttribute('data-field') ?? undefined;
      useProcedureForm.getState().requestFocus({ kind: 'next-needed', after });
      return true;
    }
    return false;
  }
  if (!event.altKey || event.ctrlKey || event.metaKey) return false;
  if (event.key === 'j' || event.key === 'J') {
    moveToNextNeeded(form, target);
    return true;
  }
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    moveToSection(form, target, event.key === 'ArrowDown' ? 1 : -1);
    return true;
  }
  if (event.key === 'l' || event.key === 'L') {
    void useProcedureForm.getState().sameAsLastProcedure();
    return true;
  }
  if (event.key === 'd' || event.key === 'D') {
    void useProcedureForm.getState().fetchDoseReportFromPacs();
    return true;
  }
  // Alt+digit by the key's position, so it works whatever the keyboard layout types there.
  const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
  if (digit) {
    const preset = useSettings.getState().settings?.presets[Number(digit) - 1];
    if (!preset) return false;
    useProcedureForm.getState().applyPreset(preset);
    return true;
  }
  return false;
}

/**
 * Ctrl+Z anywhere in the window (the removed row's button took the focus with it) undoes the
 * last removal; in a text field it stays the field's own undo. True when it was handled.
 */
export function undoKey(event: KeyboardEvent): boolean {
  if (!event.ctrlKey || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'z') return false;
  const target = event.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return false;
  return useProcedureForm.getState().undoRemoval();
}
