import { useEffect, useLayoutEffect } from 'react';
import { useKeyHold } from './key-hold-store.js';

/*
 * Keys typed while the window is not ready for them (starting, opening a record, fetching a
 * plan) are kept and given, in order, to whatever has the focus once it is — as a terminal
 * keeps what is typed ahead. Each kept key is dispatched again as a keydown to the focused
 * element, and when nothing there takes it, what the browser would have done is done: a
 * character goes into the text field, Tab moves on, Enter or Space presses the button.
 */

interface KeptKey {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);
const TEXT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email', 'password', '']);

type TextEntry = HTMLInputElement | HTMLTextAreaElement;
const isTextEntry = (element: Element | null): element is TextEntry =>
  (element instanceof HTMLInputElement && TEXT_TYPES.has(element.type)) || element instanceof HTMLTextAreaElement;

/** Sets a field's text as typing does, so React's change handler sees it. */
function typeInto(field: TextEntry, edit: (text: string, start: number, end: number) => [string, number]): void {
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  const [text, caret] = edit(field.value, start, end);
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
  setter?.call(field, text);
  field.setSelectionRange(caret, caret);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The elements Tab goes through, in document order (the form uses no positive tabindex). */
function tabStops(document: Document): HTMLElement[] {
  return [
    ...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]'),
  ].filter(
    (element) =>
      element.tabIndex >= 0 &&
      !(element as HTMLButtonElement).disabled &&
      element.getClientRects().length > 0 &&
      !element.closest('[inert]'),
  );
}

/** What the browser does with a key nobody took. */
function defaultAction(kept: KeptKey, target: HTMLElement, document: Document): void {
  const plain = !kept.altKey && !kept.ctrlKey && !kept.metaKey;
  if (kept.key === 'Tab' && !kept.altKey && !kept.ctrlKey && !kept.metaKey) {
    const stops = tabStops(document);
    const at = stops.indexOf(target);
    const next = at < 0 ? stops[0] : stops[(at + (kept.shiftKey ? -1 : 1) + stops.length) % stops.length];
    next?.focus();
    return;
  }
  if (!plain) return;
  if (isTextEntry(target)) {
    if (kept.key.length === 1)
      typeInto(target, (text, start, end) => [text.slice(0, start) + kept.key + text.slice(end), start + 1]);
    else if (kept.key === 'Backspace')
      typeInto(target, (text, start, end) =>
        start === end
          ? [text.slice(0, Math.max(0, start - 1)) + text.slice(end), Math.max(0, start - 1)]
          : [text.slice(0, start) + text.slice(end), start],
      );
    else if (kept.key === 'Enter' && target instanceof HTMLInputElement) target.form?.requestSubmit();
    return;
  }
  const pressable =
    target instanceof HTMLButtonElement ||
    target.tagName === 'SUMMARY' ||
    (target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio'));
  if (pressable && (kept.key === ' ' || (kept.key === 'Enter' && !(target instanceof HTMLInputElement))))
    target.click();
}

/** Starts keeping the keys typed while the window holds them; once, before the app renders. */
export function keepKeysTypedAhead(window: Window): void {
  const { document } = window;
  const kept: KeptKey[] = [];
  const swallowUp = new Set<string>();
  let replaying = false;
  const held = () => useKeyHold.getState().reasons.length > 0;

  const giveBack = async () => {
    if (replaying) return;
    replaying = true;
    try {
      while (kept.length > 0) {
        // Each key after the screen has rendered what the one before did (which may hold the keys again: Alt+L).
        await new Promise((resolve) => window.setTimeout(resolve, 0));
        if (held()) break;
        const key = kept.shift() as KeptKey;
        const target = (document.activeElement as HTMLElement | null) ?? document.body;
        const event = new KeyboardEvent('keydown', { ...key, bubbles: true, cancelable: true });
        if (target.dispatchEvent(event)) defaultAction(key, target, document);
      }
    } finally {
      replaying = false;
    }
    if (kept.length > 0 && !held()) void giveBack();
  };

  window.addEventListener(
    'keydown',
    (event) => {
      // Only what a person typed: the keys given back are dispatched again, untrusted.
      // Function keys and the system's own (Meta) keys are the window's, never the form's.
      if (!event.isTrusted || MODIFIERS.has(event.key) || event.metaKey || /^F\d+$/.test(event.key)) return;
      if (!held() && kept.length === 0 && !replaying) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      swallowUp.add(event.code);
      const { key, code, altKey, ctrlKey, metaKey, shiftKey } = event;
      kept.push({ key, code, altKey, ctrlKey, metaKey, shiftKey });
    },
    true,
  );
  // The key's release belongs to the press that was kept (a Space released would press a button).
  window.addEventListener(
    'keyup',
    (event) => {
      if (!event.isTrusted || !swallowUp.delete(event.code)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    },
    true,
  );
  useKeyHold.subscribe((state) => {
    if (state.reasons.length === 0) void giveBack();
  });
}

/**
 * Holds the keys while `on` (a screen opening): released once the screen shows. Held from the
 * commit that shows the wait (a layout effect, before any key can come); given back from a
 * passive effect, which React runs after those of the screen that replaced the wait: a window
 * listener that screen adds in its own effect is there when the keys come (on a busy machine a
 * Ctrl+Enter given back from the layout effect came before the form listened, and was lost).
 */
export function useKeysHeldWhile(reason: string, on: boolean): void {
  useLayoutEffect(() => {
    if (on) useKeyHold.getState().hold(reason);
  }, [reason, on]);
  useEffect(() => {
    if (!on) useKeyHold.getState().release(reason);
  }, [reason, on]);
  useEffect(() => () => useKeyHold.getState().release(reason), [reason]);
}
