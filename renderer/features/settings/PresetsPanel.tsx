import { useEffect } from 'react';
import { counted, describePreset } from '../../../db/model/index.js';
import { useSettings } from './settings-store.js';

/** The department's presets (Alt+1 … Alt+9 at the console), and its most used plans to add as one. */
export function PresetsPanel() {
  const settings = useSettings((state) => state.settings);
  const suggestions = useSettings((state) => state.suggestions);
  const { loadSuggestions, savePresets } = useSettings.getState();
  useEffect(() => {
    void loadSuggestions();
  }, [loadSuggestions]);
  if (!settings) return null;
  const { presets } = settings;
  const nameOf = (code: string) => settings.drugCatalogue.find((drug) => drug.code === code)?.name ?? code;
  return (
    <section className="form-section" aria-labelledby="settings-presets">
      <h2 id="settings-presets">Presets</h2>
      <p className="hint">
        A preset fills the plan of a usual case — targets, modality, caudal injection, drugs and doses — with one key at
        the console (Alt+1 … Alt+9); what is seen and asked (spread, consent, pain) is always entered.
      </p>
      {presets.length === 0 ? (
        <p>No presets yet.</p>
      ) : (
        <ol className="presets">
          {presets.map((preset, index) => (
            <li key={preset.name}>
              <kbd>Alt+{index + 1}</kbd> <strong>{preset.name}</strong> — {describePreset(preset, nameOf)}{' '}
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  void savePresets(
                    presets.filter((_, i) => i !== index),
                    `Preset ${preset.name} removed.`,
                  )
                }
              >
                Remove {preset.name}
              </button>
            </li>
          ))}
        </ol>
      )}
      <h3>The department’s most used plans (last 12 months)</h3>
      {!suggestions || suggestions.length === 0 ? (
        <p>No signed procedures in the last twelve months to learn from.</p>
      ) : (
        <ul className="preset-suggestions">
          {suggestions.map((suggestion) => {
            const taken = presets.some((preset) => preset.name === suggestion.preset.name);
            return (
              <li key={suggestion.description}>
                {suggestion.description} ({counted(suggestion.procedures, 'procedure')}){' '}
                <button
                  type="button"
                  className="secondary"
                  disabled={taken || presets.length >= 9}
                  onClick={() =>
                    void savePresets([...presets, suggestion.preset], `Preset added: Alt+${presets.length + 1}.`)
                  }
                >
                  {taken ? 'Added' : 'Add as preset'}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
