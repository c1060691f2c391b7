import { useState } from 'react';
import { describePreset, presetSchema, sentence } from '../../../db/model/index.js';
import { useReader, useSay, useT } from '../../app/i18n.js';
import { NO_ITEMS } from '../../app/no-items.js';
import { PRESETS_PANEL_MESSAGES } from '../settings/settings-messages.js';
import { useSettings } from '../settings/settings-store.js';
import { QUICK_START_MESSAGES as M } from './form-messages.js';
import { useProcedureForm } from './form-store.js';

/*
 * The quick starts above the form: the department's presets (Alt+1 … Alt+9) and "same as this
 * patient's last procedure" (Alt+L). Out of the Tab order — their keys work from any field —
 * so they cost no key press on the way through the form.
 */
export function QuickStart() {
  const t = useT();
  const say = useSay();
  const reader = useReader();
  const presets = useSettings((state) => state.settings?.presets ?? NO_ITEMS);
  const catalogue = useSettings((state) => state.settings?.drugCatalogue ?? NO_ITEMS);
  const patientId = useProcedureForm((state) => state.draft.patientId);
  const planMessage = useProcedureForm((state) => state.planMessage);
  const [saved, setSaved] = useState<string | null>(null);
  const nameOf = (code: string) => catalogue.find((drug) => drug.code === code)?.name ?? code;
  return (
    <nav className="quick-start" aria-label={t(M.title)}>
      {presets.map((preset, index) => (
        <button
          key={preset.name}
          type="button"
          className="secondary"
          tabIndex={-1}
          aria-keyshortcuts={`Alt+${index + 1}`}
          title={describePreset(preset, nameOf, reader, reader.locale)}
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
        <kbd>Alt+L</kbd> {t(M.sameAsLast)}
      </button>
      {planMessage && (
        <p className="hint" role="status">
          {say(planMessage)}
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
            setSaved(t(M.cannotBePreset));
            return;
          }
          // Named in the reader's words: a preset's name is the department's own text, as typed.
          const name = describePreset(plan.data, nameOf, reader, reader.locale).slice(0, 60);
          void useSettings
            .getState()
            .savePresets(
              [...presets, { ...plan.data, name }],
              sentence(PRESETS_PANEL_MESSAGES.added, { key: presets.length + 1 }),
            )
            .then((done) => setSaved(done ? t(M.savedAsPreset, { key: presets.length + 1, name }) : t(M.notSaved)));
        }}
      >
        {t(M.savePlan)}
      </button>
      {saved && (
        <span className="notice" role="status">
          {saved}
        </span>
      )}
      <span className="hint">
        <kbd>Enter</kbd> {t(M.nextNeeded)} · <kbd>Alt+J</kbd> {t(M.jumpThere)} · <kbd>Alt+↓</kbd> {t(M.nextSection)} ·{' '}
        <kbd>Alt+D</kbd> {t(M.doseFromPacs)} · <kbd>Ctrl+Z</kbd> {t(M.undoRemoval)} · <kbd>Ctrl+Enter</kbd> {t(M.sign)}
      </span>
    </nav>
  );
}
