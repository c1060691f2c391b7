import { useEffect } from 'react';
import { useT } from '../../app/i18n.js';
import { useProcedureForm } from '../procedure-form/form-store.js';
import { WORKLIST_MESSAGES as M } from './worklist-messages.js';
import { useWorklist } from './worklist-store.js';

/**
 * A patient ID typed by hand that is on today's worklist: offered, with the entry's name and
 * time, to take the rest of the identity from it (one click or Enter on the button).
 */
export function WorklistMatch({ patientId }: { patientId: string | null | undefined }) {
  const rows = useWorklist((state) => state.status?.rows);
  const load = useWorklist((state) => state.load);
  const update = useProcedureForm((state) => state.update);
  const t = useT();
  useEffect(() => {
    if (!rows) void load();
  }, [rows, load]);
  const typed = patientId?.trim();
  const match = typed ? rows?.find((row) => row.patientId === typed) : undefined;
  if (!match) return null;
  return (
    <p className="worklist-match">
      {match.scheduledAt
        ? t(M.matchAt, { name: match.name, time: match.scheduledAt.slice(11, 16) })
        : t(M.match, { name: match.name })}
      {match.requestedProcedure ? `, ${match.requestedProcedure}` : ''}.{' '}
      <button
        type="button"
        className="secondary"
        onClick={() => update((current) => ({ ...current, ...match.identity }))}
      >
        {t(M.take)}
      </button>
    </p>
  );
}
