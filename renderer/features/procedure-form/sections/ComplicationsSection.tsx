import {
  COMPLICATION_FIELDS,
  COMPLICATIONS,
  codeInSentence,
  DISPOSITIONS,
  fieldOf,
  PROCEDURE_FIELDS,
  SEVERITIES,
  SIR_GRADES,
  severityOfSirGrade,
} from '../../../../db/model/index.js';
import { useReader } from '../../../app/i18n.js';
import { NO_ITEMS } from '../../../app/no-items.js';
import { ChoiceGroup } from '../../../components/ChoiceGroup.js';
import { FieldMessages } from '../../../components/FieldMessages.js';
import { FORM_SECTION_MESSAGES, COMPLICATIONS_SECTION_MESSAGES as M } from '../form-messages.js';
import { useProcedureForm } from '../form-store.js';
import { RemovalNotice } from '../RemovalNotice.js';

/** SIR adverse-event grades, shortened. */
const SIR_GRADE_WORDS = { A: M.sirA, B: M.sirB, C: M.sirC, D: M.sirD, E: M.sirE, F: M.sirF } as const;

export function ComplicationsSection({ locked }: { locked: boolean }) {
  const reader = useReader();
  const { t } = reader;
  const label = (key: string) => t(fieldOf(PROCEDURE_FIELDS, key).label);
  // A field of one complication: "SIR grade: vasovagal reaction".
  const ofComplication = (key: string, type: string) =>
    t(M.ofComplication, {
      label: t(fieldOf(COMPLICATION_FIELDS, key).label),
      complication: codeInSentence(reader, type),
    });
  const complications = useProcedureForm((state) => state.draft.complications ?? NO_ITEMS);
  const disposition = useProcedureForm((state) => state.draft.disposition);
  const notes = useProcedureForm((state) => state.draft.notes);
  const update = useProcedureForm((state) => state.update);
  const removal = useProcedureForm((state) => state.removal);
  const types = complications.map((entry) => entry.type);
  const toggleType = (type: (typeof COMPLICATIONS)[number]) => {
    // Removing a recorded complication (with its grade) can be undone.
    if (type !== 'none' && types.includes(type)) {
      useProcedureForm.getState().removeComplication(type);
      return;
    }
    update((draft) => {
      const current = draft.complications ?? [];
      if (current.some((entry) => entry.type === type))
        return { ...draft, complications: current.filter((entry) => entry.type !== type) };
      // "None" and a complication exclude each other: picking one clears the other.
      const kept = type === 'none' ? [] : current.filter((entry) => entry.type !== 'none');
      return { ...draft, complications: [...kept, type === 'none' ? { type } : { type, severity: 'minor' as const }] };
    });
  };
  return (
    <section aria-labelledby="section-complications" className="form-section">
      <h2 id="section-complications">{t(FORM_SECTION_MESSAGES.complications)}</h2>
      {removal?.section === 'complications' && !locked && <RemovalNotice />}
      <ChoiceGroup
        label={label('complications')}
        field="complications"
        options={COMPLICATIONS}
        selected={types}
        onToggle={toggleType}
        keys={{ n: 'none' }}
        multiple
        disabled={locked}
      />
      {complications.map((entry, index) =>
        entry.type === 'none' ? null : (
          <div key={entry.type} className="row">
            <ChoiceGroup
              label={ofComplication('sirGrade', entry.type)}
              field={`complications[${index}].sirGrade`}
              options={SIR_GRADES}
              selected={entry.sirGrade ? [entry.sirGrade] : []}
              optionLabel={(grade) => `${grade} – ${t(SIR_GRADE_WORDS[grade])}`}
              onToggle={(sirGrade) =>
                update((draft) => ({
                  ...draft,
                  // The grade decides the severity (A–B minor, C–F major).
                  complications: (draft.complications ?? []).map((c, i) =>
                    i === index
                      ? c.sirGrade === sirGrade
                        ? { ...c, sirGrade: undefined }
                        : { ...c, sirGrade, severity: severityOfSirGrade(sirGrade) }
                      : c,
                  ),
                }))
              }
              disabled={locked}
              compact
            />
            <ChoiceGroup
              label={ofComplication('severity', entry.type)}
              field={`complications[${index}].severity`}
              options={SEVERITIES}
              selected={entry.severity ? [entry.severity] : []}
              onToggle={(severity) =>
                update((draft) => ({
                  ...draft,
                  complications: (draft.complications ?? []).map((c, i) =>
                    i === index ? { ...c, severity, sirGrade: undefined } : c,
                  ),
                }))
              }
              disabled={locked}
              compact
            />
          </div>
        ),
      )}
      <ChoiceGroup
        label={label('disposition')}
        field="disposition"
        options={DISPOSITIONS}
        selected={disposition ? [disposition] : []}
        onToggle={(value) =>
          update((draft) => ({ ...draft, disposition: draft.disposition === value ? undefined : value }))
        }
        disabled={locked}
        compact
      />
      <div className="text-field wide" data-field="notes">
        <label htmlFor="field-notes">{label('notes')}</label>
        <textarea
          id="field-notes"
          rows={3}
          value={notes ?? ''}
          disabled={locked}
          onChange={(event) => update((draft) => ({ ...draft, notes: event.target.value || undefined }))}
        />
        <FieldMessages field="notes" />
      </div>
    </section>
  );
}
