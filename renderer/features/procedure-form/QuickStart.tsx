import { useState } from 'react';
import { describePreset, presetSchema, sentence } from '../../../db/model/index.js';
import { NO_ITEMS } from '../../app/no-items.js';
import { PRESETS_PANEL_MESSAGES } from '../settings/settings-messages.js';
import { useSettings } from '../settings/settings-store.js';
import { useProcedureForm } from './form-store.js';

/*
 * The quick starts above the form: the department's presets (Alt+1 … Alt+9) and "same as this
 * patient's last procedure" (Alt+L). Out of the Tab order — their keys work from any field —
 * so they cost no key press on the way through the form.
 */
export function QuickStart() {
  const presets = useSettings((state) => state.settings?.presets ?? NO_ITEMS);
  const catalogue = useSettings((state) => state.settings?.drugCatalogue ?? NO_ITEMS);
  const patientId = useProcedureForm((state) => state.draft.patientId);
  const planMessage = useProcedureForm((state) => state.planMessage);
  const [saved, setSaved] = useState<string | null>(null);
  const nameOf = (code: string) => catalogue.find((drug) => drug.code === code)?.name ?? code;
  return (
    <nav className="quick-start" aria-label="Quick start">
      {presets.map((preset, index) => (
        <button
          key={preset.name}
          type="button"
          className="secondary"
          tabIndex={-1}
          aria-keyshortcuts={`Alt+${index + 1}`}
          title={describePreset(preset, nameOf)}
          onClick={() => useProcedureForm.getState().applyPreset(preset)}
        >
          <kbd>Alt+{index + 1}</kbd> {preset.name}
        </button>
      ))}
      <button
        type="button"
        className="secondary"
        tabIndex={-1}
        aria-keyshortcuts="Alt+L"
        disabled={!patientId}
        onClick={() => void useProcedureForm.getState().sameAsLastProcedure()}
      >
        <kbd>Alt+L</kbd> Same as this patient’s last procedure
      </button>
      {planMessage && (
        <p className="hint" role="status">
          {planMessage}
        </p>
      )}
      <button
        type="button"
        className="secondary"
        tabIndex={-1}
        disabled={presets.length >= 9}
        onClick={() => {
          const draft = useProcedureForm.getState().draft;
          const plan = presetSchema.safeParse({
            name: 'plan',
            targets: (draft.targets ?? []).map((target) => ({
              root: target.root,
              side: target.side,
              approach: target.approach ?? undefined,
            })),
            modality: draft.modality ?? undefined,
            caudalEpidural: draft.caudalEpidural ?? false,
            drugs: (draft.drugs ?? []).map((drug) => ({
              drug: drug.drug,
              doseMg: drug.doseMg ?? undefined,
              concentrationMgPerMl: drug.concentrationMgPerMl ?? undefined,
              volumeMl: drug.volumeMl ?? undefined,
              site: drug.site,
            })),
          });
          if (!plan.success) {
            setSaved('This plan cannot be a preset yet: every target needs its root and side, every drug its site.');
            return;
          }
          const name = describePreset(plan.data, nameOf).slice(0, 60);
          void useSettings
            .getState()
            .savePresets(
              [...presets, { ...plan.data, name }],
              sentence(PRESETS_PANEL_MESSAGES.added, { key: presets.length + 1 }),
            )
            .then((done) => setSaved(done ? `Saved as preset Alt+${presets.length + 1}: ${name}` : 'Not saved.'));
        }}
      >
        Save this plan as a preset
      </button>
      {saved && (
        <span className="notice" role="status">
          {saved}
        </span>
      )}
      <span className="hint">
        <kbd>Enter</kbd> next needed field · <kbd>Alt+J</kbd> jump there · <kbd>Alt+↓</kbd> next section ·{' '}
        <kbd>Alt+D</kbd> dose report from the PACS · <kbd>Ctrl+Z</kbd> undo a removal · <kbd>Ctrl+Enter</kbd> sign
      </span>
    </nav>
  );
}
