import { useState } from 'react';
import { codeMessage, DOSINGS, DRUG_CLASSES, type DrugInput, type Message } from '../../../db/model/index.js';
import { useDepartmentLocale } from '../../app/department-locale.js';
import { useT } from '../../app/i18n.js';
import { settingNumber } from './setting-numbers.js';
import { NEW_DRUG_MESSAGES as M } from './settings-messages.js';

const DOSING_WORDS: Record<(typeof DOSINGS)[number], Message> = {
  mg: M.dosingMg,
  concentration: M.dosingConcentration,
  volume: M.dosingVolume,
};

/** Adds a drug to the department's catalogue; the code is what records and exports store. */
export function NewDrugForm({
  existingCodes,
  onAdd,
}: {
  existingCodes: readonly string[];
  onAdd: (drug: DrugInput) => Promise<boolean>;
}) {
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [drugClass, setDrugClass] = useState<(typeof DRUG_CLASSES)[number]>('steroid');
  const [dosing, setDosing] = useState<(typeof DOSINGS)[number]>('mg');
  const [particulate, setParticulate] = useState(false);
  const [usual, setUsual] = useState('');
  const [max, setMax] = useState('');
  const locale = useDepartmentLocale();
  const t = useT();
  const suggestedCode = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const taken = existingCodes.includes(code || suggestedCode);
  return (
    <form
      className="row"
      aria-label={t(M.form)}
      onSubmit={async (event) => {
        event.preventDefault();
        if (taken) return;
        const added = await onAdd({
          code: code || suggestedCode,
          name,
          drugClass,
          dosing,
          particulate,
          usualDoseMg: settingNumber(usual, locale),
          maxDoseMg: settingNumber(max, locale),
        });
        if (added) for (const reset of [setName, setCode, setUsual, setMax]) reset('');
      }}
    >
      <div className="text-field">
        <label htmlFor="new-drug-name">{t(M.name)}</label>
        <input id="new-drug-name" value={name} onChange={(event) => setName(event.target.value)} />
      </div>
      <div className="text-field">
        <label htmlFor="new-drug-code">{t(M.code)}</label>
        <input
          id="new-drug-code"
          value={code}
          placeholder={suggestedCode}
          aria-invalid={taken || undefined}
          aria-describedby={taken ? 'new-drug-code-taken' : undefined}
          onChange={(event) => setCode(event.target.value)}
        />
        {taken && (
          <p id="new-drug-code-taken" className="problem" role="alert">
            {t(M.taken, { code: code || suggestedCode })}
          </p>
        )}
      </div>
      <div className="text-field">
        <label htmlFor="new-drug-class">{t(M.drugClass)}</label>
        <select
          id="new-drug-class"
          value={drugClass}
          onChange={(event) => setDrugClass(event.target.value as typeof drugClass)}
        >
          {DRUG_CLASSES.map((value) => (
            <option key={value} value={value}>
              {t(codeMessage(value))}
            </option>
          ))}
        </select>
      </div>
      <div className="text-field">
        <label htmlFor="new-drug-dosing">{t(M.dosing)}</label>
        <select
          id="new-drug-dosing"
          value={dosing}
          onChange={(event) => setDosing(event.target.value as typeof dosing)}
        >
          {DOSINGS.map((value) => (
            <option key={value} value={value}>
              {t(DOSING_WORDS[value])}
            </option>
          ))}
        </select>
      </div>
      <label className="switch">
        <input type="checkbox" checked={particulate} onChange={(event) => setParticulate(event.target.checked)} />
        {t(M.particulate)}
      </label>
      <div className="text-field">
        <label htmlFor="new-drug-usual">{t(M.usualDose)}</label>
        <input
          id="new-drug-usual"
          inputMode="decimal"
          value={usual}
          onChange={(event) => setUsual(event.target.value)}
        />
      </div>
      <div className="text-field">
        <label htmlFor="new-drug-max">{t(M.maxDose)}</label>
        <input id="new-drug-max" inputMode="decimal" value={max} onChange={(event) => setMax(event.target.value)} />
      </div>
      <button type="submit" className="primary">
        {t(M.add)}
      </button>
    </form>
  );
}
