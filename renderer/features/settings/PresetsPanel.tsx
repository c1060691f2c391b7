import { useEffect } from 'react';
import { describePreset, sentence } from '../../../db/model/index.js';
import { useReader, useT } from '../../app/i18n.js';
import { PRESETS_PANEL_MESSAGES as M } from './settings-messages.js';
import { useSettings } from './settings-store.js';

/** The department's presets (Alt+1 … Alt+9 at the console), and its most used plans to add as one. */
export function PresetsPanel() {
  const settings = useSettings((state) => state.settings);
  const suggestions = useSettings((state) => state.suggestions);
  const { loadSuggestions, savePresets } = useSettings.getState();
  const t = useT();
  const reader = useReader();
  useEffect(() => {
    void loadSuggestions();
  }, [loadSuggestions]);
  if (!settings) return null;
  const { presets } = settings;
  const nameOf = (code: string) => settings.drugCatalogue.find((drug) => drug.code === code)?.name ?? code;
  return (
    <section className="form-section" aria-labelledby="settings-presets">
      <h2 id="settings-presets">{t(M.title)}</h2>
      <p className="hint">{t(M.hint)}</p>
      {presets.length === 0 ? (
        <p>{t(M.none)}</p>
      ) : (
        <ol className="presets">
          {presets.map((preset, index) => (
            <li key={preset.name}>
              <kbd>Alt+{index + 1}</kbd> <strong>{preset.name}</strong> —{' '}
              {describePreset(preset, nameOf, reader, reader.locale)}{' '}
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  void savePresets(
                    presets.filter((_, i) => i !== index),
                    sentence(M.removed, { name: preset.name }),
                  )
                }
              >
                {t(M.remove, { name: preset.name })}
              </button>
            </li>
          ))}
        </ol>
      )}
      <h3>{t(M.mostUsed)}</h3>
      {!suggestions || suggestions.length === 0 ? (
        <p>{t(M.nothingToLearn)}</p>
      ) : (
        <ul className="preset-suggestions">
          {suggestions.map((suggestion) => {
            const taken = presets.some((preset) => preset.name === suggestion.preset.name);
            return (
              <li key={suggestion.description}>
                {t(M.suggestion, {
                  description: describePreset(suggestion.preset, nameOf, reader, reader.locale),
                  count: suggestion.procedures,
                })}{' '}
                <button
                  type="button"
                  className="secondary"
                  disabled={taken || presets.length >= 9}
                  onClick={() =>
                    void savePresets([...presets, suggestion.preset], sentence(M.added, { key: presets.length + 1 }))
                  }
                >
                  {taken ? t(M.taken) : t(M.add)}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
