import {
  CONTRAST_AGENTS,
  codeMessage,
  DOSE_PLAUSIBILITY,
  DOSE_QUANTITY_WORDS,
  type DoseQuantity,
  doseAfterEdit,
  doseRecorded,
  fieldOf,
  MODALITIES,
  NO_DOSE_REASONS,
  needsNoDoseReason,
  PROCEDURE_FIELDS,
  SUMMARY_LABEL_MESSAGES,
  sentence,
  type Words,
} from '../../../../db/model/index.js';
import { useSay, useT } from '../../../app/i18n.js';
import { ChoiceGroup } from '../../../components/ChoiceGroup.js';
import { FieldMessages } from '../../../components/FieldMessages.js';
import { NumberField } from '../../../components/NumberField.js';
import { TextField } from '../../../components/TextField.js';
import { DoseSource } from '../DoseSource.js';
import { FORM_SECTION_MESSAGES, GUIDANCE_SECTION_MESSAGES as M } from '../form-messages.js';
import { useProcedureForm } from '../form-store.js';

/** What the scanner's or C-arm's screen shows, beside a dose field whose unit it may not be. */
const screenHint = (quantity: DoseQuantity, say: (said: Words) => string) => {
  const screen = DOSE_PLAUSIBILITY[quantity].screenUnit;
  return screen === DOSE_QUANTITY_WORDS[quantity].unit ? undefined : say(sentence(M.screen, { unit: screen }));
};

/** Guidance, radiation dose and the contrast agent. Dose fields follow the modality. */
export function GuidanceSection({ locked }: { locked: boolean }) {
  const t = useT();
  const say = useSay();
  // Labels as the fields' declarations word them (a dose's with its unit: "DLP (mGy·cm)").
  const label = (key: string) => t(fieldOf(PROCEDURE_FIELDS, key).label);
  const draft = useProcedureForm((state) => state.draft);
  const update = useProcedureForm((state) => state.update);
  const doseReport = useProcedureForm((state) => state.doseReport);
  const set = (patch: Partial<typeof draft>) => update((current) => ({ ...current, ...patch }));
  // A figure from the scanner's report changed by hand is marked so, and its reason asked for; a
  // dose typed makes the no-dose reason moot: the form drops it, as the logbook does.
  const setDose = (patch: Partial<typeof draft>) =>
    update((current) => {
      const next = doseAfterEdit(current, { ...current, ...patch }, doseReport);
      return doseRecorded(next) ? { ...next, noDoseReason: undefined, noDoseReasonText: undefined } : next;
    });
  const usesCt = draft.modality !== 'fluoroscopy';
  const usesFluoro = draft.modality != null && draft.modality !== 'ct';
  return (
    <section aria-labelledby="section-guidance" className="form-section">
      <h2 id="section-guidance">{t(FORM_SECTION_MESSAGES.guidance)}</h2>
      <ChoiceGroup
        label={label('modality')}
        field="modality"
        options={MODALITIES}
        selected={draft.modality ? [draft.modality] : []}
        onToggle={(modality) => set({ modality: draft.modality === modality ? undefined : modality })}
        keys={{ c: 'ct', f: 'fluoroscopy' }}
        disabled={locked}
        compact
      />
      <div className="row">
        {usesCt && (
          <>
            <NumberField
              label={label('dlpMGyCm')}
              field="dlpMGyCm"
              value={draft.dlpMGyCm}
              onChange={(dlpMGyCm) => setDose({ dlpMGyCm })}
              disabled={locked}
            />
            <NumberField
              label={label('ctdiVolMGy')}
              field="ctdiVolMGy"
              value={draft.ctdiVolMGy}
              onChange={(ctdiVolMGy) => setDose({ ctdiVolMGy })}
              disabled={locked}
            />
            <NumberField
              label={label('ctAcquisitions')}
              field="ctAcquisitions"
              value={draft.ctAcquisitions}
              onChange={(ctAcquisitions) => setDose({ ctAcquisitions })}
              disabled={locked}
            />
          </>
        )}
        {usesFluoro && (
          <>
            <NumberField
              label={label('fluoroTimeS')}
              hint={screenHint('fluoroTimeS', say)}
              field="fluoroTimeS"
              value={draft.fluoroTimeS}
              onChange={(fluoroTimeS) => setDose({ fluoroTimeS })}
              disabled={locked}
            />
            <NumberField
              label={label('dapGyCm2')}
              hint={screenHint('dapGyCm2', say)}
              field="dapGyCm2"
              value={draft.dapGyCm2}
              onChange={(dapGyCm2) => setDose({ dapGyCm2 })}
              disabled={locked}
            />
          </>
        )}
      </div>
      {!locked && <DoseSource />}
      {needsNoDoseReason(draft) && (
        // Radiation protection: an X-ray-guided case is signed with its dose, or with why there is none.
        <div className="row">
          <div className="text-field" data-field="noDoseReason">
            <label htmlFor="field-noDoseReason">{t(SUMMARY_LABEL_MESSAGES.noDoseReason)}</label>
            <select
              id="field-noDoseReason"
              value={draft.noDoseReason ?? ''}
              disabled={locked}
              onChange={(event) =>
                set({
                  noDoseReason: (event.target.value || undefined) as typeof draft.noDoseReason,
                  noDoseReasonText: event.target.value === 'other' ? draft.noDoseReasonText : undefined,
                })
              }
            >
              <option value="">{t(M.typeDose)}</option>
              {NO_DOSE_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {t(codeMessage(reason))}
                </option>
              ))}
            </select>
            <FieldMessages field="noDoseReason" />
          </div>
          {draft.noDoseReason === 'other' && (
            <TextField
              label={t(M.otherReason)}
              field="noDoseReasonText"
              value={draft.noDoseReasonText}
              onChange={(noDoseReasonText) => set({ noDoseReasonText: noDoseReasonText || undefined })}
              disabled={locked}
            />
          )}
        </div>
      )}
      <div className="row">
        <div className="text-field" data-field="contrastAgent">
          <label htmlFor="field-contrastAgent">{label('contrastAgent')}</label>
          <select
            id="field-contrastAgent"
            value={draft.contrastAgent ?? ''}
            disabled={locked}
            onChange={(event) =>
              set({ contrastAgent: (event.target.value || undefined) as typeof draft.contrastAgent })
            }
          >
            <option value="">—</option>
            {CONTRAST_AGENTS.map((agent) => (
              <option key={agent} value={agent}>
                {t(codeMessage(agent))}
              </option>
            ))}
          </select>
          <FieldMessages field="contrastAgent" />
        </div>
        <NumberField
          label={label('contrastVolumeMl')}
          field="contrastVolumeMl"
          value={draft.contrastVolumeMl}
          onChange={(contrastVolumeMl) => set({ contrastVolumeMl })}
          disabled={locked}
        />
      </div>
    </section>
  );
}
