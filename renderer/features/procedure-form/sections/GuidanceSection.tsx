import { CONTRAST_AGENTS, doseAfterEdit, MODALITIES } from '../../../../db/model/index.js';
import { words } from '../../../app/labels.js';
import { ChoiceGroup } from '../../../components/ChoiceGroup.js';
import { FieldMessages } from '../../../components/FieldMessages.js';
import { NumberField } from '../../../components/NumberField.js';
import { DoseSource } from '../DoseSource.js';
import { useProcedureForm } from '../form-store.js';

/** Guidance, radiation dose and the contrast agent. Dose fields follow the modality. */
export function GuidanceSection({ locked }: { locked: boolean }) {
  const draft = useProcedureForm((state) => state.draft);
  const update = useProcedureForm((state) => state.update);
  const doseReport = useProcedureForm((state) => state.doseReport);
  const set = (patch: Partial<typeof draft>) => update((current) => ({ ...current, ...patch }));
  // A figure from the scanner's report changed by hand is marked so, and its reason asked for.
  const setDose = (patch: Partial<typeof draft>) =>
    update((current) => doseAfterEdit(current, { ...current, ...patch }, doseReport));
  const usesCt = draft.modality !== 'fluoroscopy';
  const usesFluoro = draft.modality != null && draft.modality !== 'ct';
  return (
    <section aria-labelledby="section-guidance" className="form-section">
      <h2 id="section-guidance">Guidance, dose and contrast</h2>
      <ChoiceGroup
        label="Guidance modality"
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
              label="DLP"
              unit="mGy·cm"
              field="dlpMGyCm"
              value={draft.dlpMGyCm}
              onChange={(dlpMGyCm) => setDose({ dlpMGyCm })}
              disabled={locked}
            />
            <NumberField
              label="CTDIvol"
              unit="mGy"
              field="ctdiVolMGy"
              value={draft.ctdiVolMGy}
              onChange={(ctdiVolMGy) => setDose({ ctdiVolMGy })}
              disabled={locked}
            />
            <NumberField
              label="CT acquisitions"
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
              label="Fluoroscopy time"
              unit="s"
              field="fluoroTimeS"
              value={draft.fluoroTimeS}
              onChange={(fluoroTimeS) => setDose({ fluoroTimeS })}
              disabled={locked}
            />
            <NumberField
              label="DAP"
              unit="Gy·cm²"
              field="dapGyCm2"
              value={draft.dapGyCm2}
              onChange={(dapGyCm2) => setDose({ dapGyCm2 })}
              disabled={locked}
            />
          </>
        )}
      </div>
      {!locked && <DoseSource />}
      <div className="row">
        <div className="text-field" data-field="contrastAgent">
          <label htmlFor="field-contrastAgent">Contrast agent</label>
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
                {words(agent)}
              </option>
            ))}
          </select>
          <FieldMessages field="contrastAgent" />
        </div>
        <NumberField
          label="Contrast volume"
          unit="mL"
          field="contrastVolumeMl"
          value={draft.contrastVolumeMl}
          onChange={(contrastVolumeMl) => set({ contrastVolumeMl })}
          disabled={locked}
        />
      </div>
    </section>
  );
}
