import { useShallow } from 'zustand/react/shallow';
import { WARNING_LEVEL_MESSAGES } from '../../db/model/index.js';
import { useRefusalWords, useT, useWarningWords } from '../app/i18n.js';
import { useProcedureForm } from '../features/procedure-form/form-store.js';

export const messageId = (field: string) => `msg-${field.replace(/[^a-zA-Z0-9]/g, '-')}`;

/**
 * The problem and the clinical warnings of one field, right beside it. `quietProblem`: the
 * field says itself what it still needs while it is being typed into (a date not complete yet).
 * `item`: the list item the field names (a drug row), whose own problem is said here too (a
 * row held back whole).
 */
export function FieldMessages({
  field,
  quietProblem = false,
  item,
}: {
  field: string;
  quietProblem?: boolean;
  item?: string;
}) {
  const problem = useProcedureForm((state) => {
    const own = state.problems[field] ?? (item ? state.problems[item] : undefined);
    if (own) return own;
    const nested = Object.entries(state.problems).find(
      ([key]) => key.startsWith(`${field}[`) || key.startsWith(`${field}.`),
    );
    return nested?.[1];
  });
  const warnings = useProcedureForm(useShallow((state) => state.warnings.filter((warning) => warning.field === field)));
  const t = useT();
  const said = useWarningWords();
  const refusal = useRefusalWords();
  const shown = quietProblem ? undefined : problem;
  if (!shown && warnings.length === 0) return null;
  return (
    <div id={messageId(field)} className="field-messages">
      {shown && (
        <p className="problem" role="alert">
          {refusal(shown)}
        </p>
      )}
      {warnings.map((warning) => (
        <p key={warning.code} className={`warning warning-${warning.level}`}>
          <span className="warning-tag">{t(WARNING_LEVEL_MESSAGES[warning.level])}</span> {said(warning)}
        </p>
      ))}
    </div>
  );
}

/** aria attributes tying an input to its messages. */
export function useFieldAria(field: string) {
  const invalid = useProcedureForm((state) => Boolean(state.problems[field]));
  const hasMessages = useProcedureForm(
    (state) => Boolean(state.problems[field]) || state.warnings.some((warning) => warning.field === field),
  );
  return { 'aria-invalid': invalid || undefined, 'aria-describedby': hasMessages ? messageId(field) : undefined };
}
