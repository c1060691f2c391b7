import { useProcedureForm } from './form-store.js';

/** "Drug 2 (Ropivacaine) removed. Undo (Ctrl+Z)" — beside what was removed. */
export function RemovalNotice() {
  const removal = useProcedureForm((state) => state.removal);
  if (!removal) return null;
  return (
    <p className="notice" role="status">
      {removal.label} removed.{' '}
      <button
        type="button"
        className="secondary"
        aria-keyshortcuts="Control+Z"
        onClick={() => useProcedureForm.getState().undoRemoval()}
      >
        Undo <kbd>Ctrl+Z</kbd>
      </button>
    </p>
  );
}
