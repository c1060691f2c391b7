import { useEffect } from 'react';
import { useProcedureForm } from '../procedure-form/form-store.js';
import { useWorklist } from './worklist-store.js';

/**
 * A patient ID typed by hand that is on today's worklist: offered, with the entry's name and
 * time, to take the rest of the identity from it (one click or Enter on the button).
 */
export function WorklistMatch({ patientId }: { patientId: string | null | undefined }) {
  const rows = useWorklist((state) => state.status?.rows);
  const load = useWorklist((state) => state.load);
  const update = useProcedureForm((state) => state.update);
  useEffect(() => {
    if (!rows) void load();
  }, [rows, load]);
  const typed = patientId?.trim();
  const match = typed ? rows?.find((row) => row.patientId === typed) : undefined;
  if (!match) return null;
  return (
    <p className="worklist-match">
      On today's worklist: {match.name}
      {match.scheduledAt ? ` at ${match.scheduledAt.slice(11, 16)}` : ''}
      {match.requestedProcedure ? `, ${match.requestedProcedure}` : ''}.{' '}
      <button
        type="button"
        className="secondary"
        onClick={() => update((current) => ({ ...current, ...match.identity }))}
      >
        Take the patient's details from the worklist
      </button>
    </p>
  );
}
