import { useT } from '../../app/i18n.js';
import { DELETE_DRAFT_MESSAGES as M } from './form-messages.js';
import { useProcedureForm } from './form-store.js';

/**
 * "Delete draft", asked first: the question names the draft and has the focus on keeping it,
 * so Enter or Escape keep it; only "Delete the draft" deletes.
 */
export function DeleteDraft() {
  const t = useT();
  const asked = useProcedureForm((state) => state.deleteAsked);
  const patientId = useProcedureForm((state) => state.draft.patientId);
  const { askDelete, cancelDelete, remove } = useProcedureForm.getState();
  if (!asked) {
    return (
      <button type="button" className="secondary" onClick={askDelete}>
        {t(M.delete)}
      </button>
    );
  }
  return (
    <div
      className="warning warning-safety delete-question"
      role="alertdialog"
      aria-labelledby="delete-draft-question"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        cancelDelete();
      }}
    >
      <p id="delete-draft-question">{patientId ? t(M.questionOf, { patientId }) : t(M.question)}</p>
      <div className="row">
        {/* biome-ignore lint/a11y/noAutofocus: the question needs an answer; the safe one has the focus */}
        <button type="button" className="primary" autoFocus onClick={cancelDelete}>
          {t(M.keep)}
        </button>
        <button type="button" className="danger" onClick={() => void remove()}>
          {t(M.confirm)}
        </button>
      </div>
    </div>
  );
}
