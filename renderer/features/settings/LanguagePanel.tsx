import { useState } from 'react';
import { LANGUAGE_NAMES } from '../../../db/model/index.js';
import { operatorAtConsole, useT } from '../../app/i18n.js';
import { useSession } from '../session/session-store.js';
import { LanguageSelect } from './LanguageSelect.js';
import { LANGUAGE_PANEL_MESSAGES as M } from './settings-messages.js';
import { useSettings } from './settings-store.js';

/** Settings → Language: the language each operator reads the screens in, remembered per operator (audited like every setting). */
export function LanguagePanel() {
  const settings = useSettings((state) => state.settings);
  const t = useT();
  const [operatorId, setOperatorId] = useState<string | null>(null);
  // First the operator at this console: the one whose PIN opened it, whose screens these are.
  const atConsole = useSession((state) => state.session?.operatorId ?? null);
  if (!settings) return null;
  const active = settings.operators.filter((operator) => operator.active);
  const who = operatorId ?? operatorAtConsole(settings, atConsole) ?? active[0]?.id ?? null;
  if (!who) return null;
  const chosen = settings.operatorLanguages[who] ?? '';
  return (
    <section className="form-section" aria-labelledby="settings-language">
      <h2 id="settings-language">{t(M.title)}</h2>
      <p className="hint">{t(M.hint, { language: LANGUAGE_NAMES[settings.language] })}</p>
      <div className="row">
        <div className="text-field" data-field="operatorLanguages.operator">
          <label htmlFor="language-operator">{t(M.operator)}</label>
          <select id="language-operator" value={who} onChange={(event) => setOperatorId(event.target.value)}>
            {active.map((operator) => (
              <option key={operator.id} value={operator.id}>
                {operator.name}
              </option>
            ))}
          </select>
        </div>
        <div className="text-field" data-field="operatorLanguages">
          <label htmlFor="language-choice">{t(M.language)}</label>
          <LanguageSelect
            id="language-choice"
            value={chosen}
            onChange={(value) => {
              const { [who]: _, ...others } = settings.operatorLanguages;
              void useSettings.getState().update({ operatorLanguages: value ? { ...others, [who]: value } : others });
            }}
            none={t(M.departments, { language: LANGUAGE_NAMES[settings.language] })}
          />
        </div>
      </div>
    </section>
  );
}
