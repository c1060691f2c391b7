import { type RefObject, useLayoutEffect } from 'react';
import { useKeysHeldWhile } from '../../components/held-keys.js';
import { applyFocus } from './focus-targets.js';
import { useProcedureForm } from './form-store.js';

/*
 * What the form store asks of the window, done here once the screen shows it: the focus goes
 * where the store asked (after a signature, to the heading the signed record now has), and
 * the page is marked for the print stylesheet while a sheet is printed, and keys typed while
 * a plan is fetched or a signature sent wait for it. Layout effects, in this order: done in the same task as the
 * render, the focus moved before the keys held meanwhile are given to it.
 */
export function WindowEffects({ form }: { form: RefObject<HTMLFormElement | null> }) {
  const focus = useProcedureForm((state) => state.focus);
  const printSheet = useProcedureForm((state) => state.printSheet);
  const fetchingPlan = useProcedureForm((state) => state.fetchingPlan);
  const signing = useProcedureForm((state) => state.signing);

  useLayoutEffect(() => {
    if (!focus || !form.current) return;
    applyFocus(focus.request, form.current);
    useProcedureForm.getState().focusDone(focus.seq);
  }, [focus, form]);

  // Keys typed while a plan is on its way (Alt+L, then straight on) go where the plan sends the focus.
  useKeysHeldWhile('plan', fetchingPlan);
  // Keys typed while a signature is on its way (Ctrl+Enter, then the PIN typed quickly) go where
  // its answer sends the focus (the PIN field when it asks for the PIN), never into the field
  // that had it, where the PIN would be saved with the draft.
  useKeysHeldWhile('signing', signing);

  useLayoutEffect(() => {
    if (!printSheet) return;
    document.body.dataset.print = printSheet;
    return () => {
      delete document.body.dataset.print;
    };
  }, [printSheet]);

  return null;
}
