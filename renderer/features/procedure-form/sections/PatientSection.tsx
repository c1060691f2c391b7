import { useState } from 'react';
import {
  fieldOf,
  identityAfterEdit,
  LANGUAGES,
  PROCEDURE_FIELDS,
  SEXES,
  speakingLanguage,
  storedAsWords,
} from '../../../../db/model/index.js';
import { useSay, useT } from '../../../app/i18n.js';
import { NO_ITEMS } from '../../../app/no-items.js';
import { ChoiceGroup } from '../../../components/ChoiceGroup.js';
import { DateField } from '../../../components/DateField.js';
import { DateTimeField } from '../../../components/DateTimeField.js';
import { FieldMessages, useFieldAria } from '../../../components/FieldMessages.js';
import { TextField } from '../../../components/TextField.js';
import { TimeField } from '../../../components/TimeField.js';
import { useSettings } from '../../settings/settings-store.js';
import { WorklistMatch } from '../../worklist/WorklistMatch.js';
import { PATIENT_SECTION_MESSAGES as M } from '../form-messages.js';
import { useProcedureForm } from '../form-store.js';
import type { FieldText } from '../held-back.js';
import { fromLocalInput, toLocalInput } from '../performed-at.js';

export function PatientSection({ locked }: { locked: boolean }) {
  const draft = useProcedureForm((state) => state.draft);
  const t = useT();
  const update = useProcedureForm((state) => state.update);
  const fieldText = useProcedureForm((state) => state.fieldText);
  const setFieldText = useProcedureForm((state) => state.setFieldText);
  // A date or time typed but not complete is held back by the form (and said), never stored half.
  const typing = (field: string) => ({
    pending: fieldText[field],
    onPending: (pending: FieldText | null) => setFieldText(field, pending),
  });
  const operators = useSettings((state) => state.settings?.operators ?? NO_ITEMS);
  const patientIdRule = useSettings((state) => state.settings?.patientIdRule);
  const idRefused = useProcedureForm((state) => Boolean(state.problems.patientId));
  const operatorAria = useFieldAria('operatorId');
  // A change by hand to what the worklist filled marks the identity "from the worklist, then changed".
  const set = (patch: Partial<typeof draft>) =>
    update((current) => identityAfterEdit(current, { ...current, ...patch }));
  const text = (value: string) => (value === '' ? undefined : value);
  const spokenLanguage = speakingLanguage(draft.patientLanguage);
  // The times join the Tab order once wanted (or when one needs correcting).
  const [timesWanted, setTimesWanted] = useState(false);
  return (
    <section aria-labelledby="section-patient" className="form-section">
      <h2 id="section-patient">
        {t(M.title)}
        {draft.identitySource === 'worklist' && <span className="source-mark">{t(M.fromWorklist)}</span>}
        {draft.identitySource === 'worklist_then_changed' && (
          <span className="source-mark changed">{t(M.fromWorklistChanged)}</span>
        )}
      </h2>
      <div className="row">
        <TextField
          label={t(M.patientId)}
          field="patientId"
          value={draft.patientId}
          // "Stored as K-100301" only for an ID that will be: one held back is not stored at all.
          hint={idRefused ? undefined : (storedAsWords(draft.patientId, patientIdRule) ?? undefined)}
          onChange={(v) => set({ patientId: text(v) })}
          disabled={locked}
          autoFocus={!locked}
        />
        <TextField
          label={t(M.name)}
          field="patientName"
          value={draft.patientName}
          onChange={(v) => set({ patientName: text(v) })}
          disabled={locked}
        />
        <DateField
          label={t(M.birthDate)}
          field="birthDate"
          value={draft.birthDate}
          onChange={(birthDate) => set({ birthDate })}
          {...typing('birthDate')}
          disabled={locked}
        />
        <TextField
          label={t(M.accession)}
          field="accessionNumber"
          value={draft.accessionNumber}
          onChange={(v) => set({ accessionNumber: text(v) })}
          disabled={locked}
        />
      </div>
      {!locked && !draft.identitySource?.startsWith('worklist') && <WorklistMatch patientId={draft.patientId} />}
      {(draft.requestedProcedureText || draft.referringPhysician) && (
        <p className="ordered">
          {t(M.ordered, { procedure: draft.requestedProcedureText ?? '—' })}
          {draft.referringPhysician ? t(M.referredBy, { physician: draft.referringPhysician }) : ''}
          {draft.issuerOfPatientId ? t(M.issuedBy, { issuer: draft.issuerOfPatientId }) : ''}
        </p>
      )}
      <ChoiceGroup
        label={t(M.sex)}
        field="sex"
        options={SEXES}
        selected={draft.sex ? [draft.sex] : []}
        onToggle={(sex) => set({ sex: draft.sex === sex ? undefined : sex })}
        disabled={locked}
        compact
      />
      {/* The aftercare sheet's language (the worklist's "de-ch" is German); none chosen: the department's. */}
      <ChoiceGroup
        label={t(fieldOf(PROCEDURE_FIELDS, 'patientLanguage').label)}
        field="patientLanguage"
        options={LANGUAGES}
        selected={spokenLanguage ? [spokenLanguage] : []}
        onToggle={(language) => set({ patientLanguage: spokenLanguage === language ? undefined : language })}
        disabled={locked}
        compact
      />
      <div className="row">
        {/* Performed defaults to now, start and end are optional: out of the Tab order (their
            sub-fields cost 9 Tabs) until "Change times" or a click brings the cursor there. */}
        <DateTimeField
          label={t(M.performed)}
          field="performedAt"
          value={toLocalInput(draft.performedAt) || undefined}
          onChange={(local) => set({ performedAt: local ? fromLocalInput(local) : undefined })}
          {...typing('performedAt')}
          disabled={locked}
          tabIndex={timesWanted ? undefined : -1}
        />
        <TimeField
          label={t(M.start)}
          field="startedAt"
          value={draft.startedAt}
          onChange={(startedAt) => set({ startedAt })}
          {...typing('startedAt')}
          disabled={locked}
          tabIndex={timesWanted ? undefined : -1}
        />
        <TimeField
          label={t(M.end)}
          field="endedAt"
          value={draft.endedAt}
          onChange={(endedAt) => set({ endedAt })}
          {...typing('endedAt')}
          disabled={locked}
          tabIndex={timesWanted ? undefined : -1}
        />
        {!timesWanted && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setTimesWanted(true);
              requestAnimationFrame(() => document.getElementById('field-performedAt')?.focus());
            }}
          >
            {t(M.changeTimes)}
          </button>
        )}
        <div className="text-field" data-field="operatorId">
          <label htmlFor="field-operatorId">{t(M.operator)}</label>
          <select
            id="field-operatorId"
            value={draft.operatorId ?? ''}
            disabled={locked}
            onChange={(event) => set({ operatorId: text(event.target.value) })}
            {...operatorAria}
          >
            <option value="">{t(M.choose)}</option>
            {operators
              .filter((operator) => operator.active || operator.id === draft.operatorId)
              .map((operator) => (
                <option key={operator.id} value={operator.id}>
                  {operator.name}
                </option>
              ))}
          </select>
          <FieldMessages field="operatorId" />
          {!locked && !operators.some((operator) => operator.active) && <AddOperatorHere />}
        </div>
        <TextField
          label={t(M.assistant)}
          field="assistant"
          value={draft.assistant}
          onChange={(v) => set({ assistant: text(v) })}
          disabled={locked}
        />
      </div>
    </section>
  );
}

/** A console with no operators yet: add the one doing this case right here, not after a refusal. */
function AddOperatorHere() {
  const [name, setName] = useState('');
  const message = useSettings((state) => state.message);
  const t = useT();
  const say = useSay();
  return (
    <div className="add-operator">
      <p>{t(M.noOperators)}</p>
      <label htmlFor="field-new-operator">{t(M.operatorName)}</label>
      <input id="field-new-operator" value={name} onChange={(event) => setName(event.target.value)} />
      <button
        type="button"
        className="secondary"
        disabled={name.trim() === ''}
        onClick={() =>
          void useSettings
            .getState()
            .addOperator(name.trim())
            .then((added) => {
              if (!added) return;
              setName('');
              useProcedureForm.getState().update((draft) => ({ ...draft, operatorId: added.id }));
            })
        }
      >
        {t(M.addOperator)}
      </button>
      {message?.kind === 'problem' && (
        <p className="problem" role="alert">
          {say(message.said)}
        </p>
      )}
    </div>
  );
}
