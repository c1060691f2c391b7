import { useEffect } from 'react';
import { useProcedureForm } from '../procedure-form/form-store.js';
import { useSession } from './session-store.js';

/*
 * The console locks itself after the department's idle time (Settings; 5 minutes unless set)
 * and on Ctrl+L. The draft being typed is saved first, never lost: it is reopened when the
 * console opens again (App mounts the console anew, which reopens the remembered draft).
 */

/** Saves what is being typed, then locks. */
export async function lockConsole(): Promise<void> {
  await useProcedureForm.getState().flush();
  await useSession.getState().lock();
}

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/** The idle timer and Ctrl+L, while the console is open. */
export function useIdleLock(): void {
  const minutes = useSession((state) => state.session?.idleLockMinutes ?? 5);
  const canLock = useSession((state) => !(state.session?.needsFirstAdministrator ?? true));
  useEffect(() => {
    if (!canLock) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void lockConsole(), minutes * 60_000);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        void lockConsole();
      }
    };
    for (const name of ACTIVITY) window.addEventListener(name, restart, { passive: true });
    window.addEventListener('keydown', onKey);
    restart();
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, restart);
      window.removeEventListener('keydown', onKey);
    };
  }, [minutes, canLock]);
}
