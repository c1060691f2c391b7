import { useLayoutEffect, useRef } from 'react';
import { useProcedureForm } from './form-store.js';

/*
 * Alt+N and straight on with the patient ID is how a case begins at the console. While the
 * new form opens (the last draft is saved first, which can take a moment), there is no field
 * to type into: the characters typed then are kept and given to the Patient ID once the form
 * is there, never dropped (the first character used to be lost when typed quickly).
 */
export function useTypeAheadIntoPatientId(newCase: boolean, opening: boolean): void {
  const typed = useRef('');
  // Layout effects: the listener is attached and removed in the same task as the render that
  // shows or hides the form, so no key event falls between the two.
  useLayoutEffect(() => {
    if (!newCase || !opening) return;
    const keep = (event: KeyboardEvent) => {
      if (event.key.length !== 1 || event.ctrlKey || event.altKey || event.metaKey) return;
      event.preventDefault();
      typed.current += event.key;
    };
    window.addEventListener('keydown', keep, true);
    return () => window.removeEventListener('keydown', keep, true);
  }, [newCase, opening]);
  useLayoutEffect(() => {
    if (opening || typed.current === '') return;
    const early = typed.current;
    typed.current = '';
    useProcedureForm.getState().update((draft) => ({ ...draft, patientId: `${draft.patientId ?? ''}${early}` }));
  }, [opening]);
}
