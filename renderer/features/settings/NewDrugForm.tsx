import { useState } from 'react';
import { DOSINGS, DRUG_CLASSES, type DrugInput, numberOrNaN } from '../../../db/model/index.js';
import { words } from '../../app/labels.js';

const DOSING_WORDS: Record<(typeof DOSINGS)[number], string> = {
  mg: 'Dose in mg',
  concentration: 'Concentration × volume',
  volume: 'Volume only',
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
  const suggestedCode = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const taken = existingCodes.includes(code || suggestedCode);
  return (
    <form
      className="row"
      aria-label="New drug"
      onSubmit={async (event) => {
        event.preventDefault();
        if (taken) return;
        const added = await onAdd({
          code: code || suggestedCode,
          name,
          drugClass,
          dosing,
          particulate,
          usualDoseMg: numberOrNaN(usual),
          maxDoseMg: numberOrNaN(max),
        });
        if (added) for (const reset of [setName, setCode, setUsual, setMax]) reset('');
      }}
    >
      <div className="text-field">
        <label htmlFor="new-drug-name">New drug</label>
        <input id="new-drug-name" value={name} onChange={(event) => setName(event.target.value)} />
      </div>
      <div className="text-field">
        <label htmlFor="new-drug-code">Code</label>
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
            Code {code || suggestedCode} is already in the catalogue: edit that drug above.
          </p>
        )}
      </div>
      <div className="text-field">
        <label htmlFor="new-drug-class">Class</label>
        <select
          id="new-drug-class"
          value={drugClass}
          onChange={(event) => setDrugClass(event.target.value as typeof drugClass)}
        >
          {DRUG_CLASSES.map((value) => (
            <option key={value} value={value}>
              {words(value)}
            </option>
          ))}
        </select>
      </div>
      <div className="text-field">
        <label htmlFor="new-drug-dosing">Dosing</label>
        <select
          id="new-drug-dosing"
          value={dosing}
          onChange={(event) => setDosing(event.target.value as typeof dosing)}
        >
          {DOSINGS.map((value) => (
            <option key={value} value={value}>
              {DOSING_WORDS[value]}
            </option>
          ))}
        </select>
      </div>
      <label className="switch">
        <input type="checkbox" checked={particulate} onChange={(event) => setParticulate(event.target.checked)} />
        Particulate
      </label>
      <div className="text-field">
        <label htmlFor="new-drug-usual">Usual dose (mg)</label>
        <input
          id="new-drug-usual"
          inputMode="decimal"
          value={usual}
          onChange={(event) => setUsual(event.target.value)}
        />
      </div>
      <div className="text-field">
        <label htmlFor="new-drug-max">Maximum (mg)</label>
        <input id="new-drug-max" inputMode="decimal" value={max} onChange={(event) => setMax(event.target.value)} />
      </div>
      <button type="submit" className="primary">
        Add drug
      </button>
    </form>
  );
}
