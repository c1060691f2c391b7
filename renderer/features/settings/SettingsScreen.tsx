import { useState } from 'react';
import type { Drug } from '../../../db/model/index.js';
import { words } from '../../app/labels.js';
import { parseNumber } from '../../components/TextField.js';
import { BackupsPanel } from '../backups/BackupsPanel.js';
import { HubPanel } from '../hub/HubPanel.js';
import { DepartmentPanel } from './DepartmentPanel.js';
import { LanguagePanel } from './LanguagePanel.js';
import { NewDrugForm } from './NewDrugForm.js';
import { PresetsPanel } from './PresetsPanel.js';
import { ReferenceLevelsPanel } from './ReferenceLevelsPanel.js';
import { ReportTemplatePanel } from './ReportTemplatePanel.js';
import { useSettings } from './settings-store.js';

/** Department settings: console, operators, reference levels, drug catalogue. Each save is audited. */
/** A whole number of days as typed; anything else is sent as NaN, which the service names at its field. */
const day = (form: FormData, name: string) => {
  const text = String(form.get(name) ?? '').trim();
  return /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
};

export function SettingsScreen() {
  const settings = useSettings((state) => state.settings);
  const message = useSettings((state) => state.message);
  const { update, saveOperator, saveDrug } = useSettings.getState();
  const [newOperator, setNewOperator] = useState('');
  if (!settings) return <p>Loading settings…</p>;

  return (
    <section className="settings-screen" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {message && (
        <p className={message.kind === 'ok' ? 'notice' : 'problem'} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <form
        className="form-section"
        aria-labelledby="settings-console"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          void update({
            consoleName: String(form.get('consoleName') ?? ''),
            defaultOperatorId: String(form.get('defaultOperatorId') ?? '') || null,
            steroidDayMaxDexamethasoneMg: parseNumber(String(form.get('steroidDayMax'))) ?? Number.NaN,
            followUpWindows: {
              early: { from: day(form, 'earlyFrom'), to: day(form, 'earlyTo') },
              late: { from: day(form, 'lateFrom'), to: day(form, 'lateTo') },
            },
          });
        }}
      >
        <h2 id="settings-console">This console and the department's limits</h2>
        <div className="row">
          <div className="text-field">
            <label htmlFor="setting-console">Console name</label>
            <input id="setting-console" name="consoleName" defaultValue={settings.consoleName} />
          </div>
          <div className="text-field">
            <label htmlFor="setting-default-operator">Default operator at this console</label>
            <select
              id="setting-default-operator"
              name="defaultOperatorId"
              defaultValue={settings.defaultOperatorId ?? ''}
            >
              <option value="">None</option>
              {settings.operators
                .filter((operator) => operator.active)
                .map((operator) => (
                  <option key={operator.id} value={operator.id}>
                    {operator.name}
                  </option>
                ))}
            </select>
          </div>
          <div className="text-field">
            <label htmlFor="setting-steroid-day-max">Steroid per patient and day (mg dexamethasone-equivalent)</label>
            <input
              id="setting-steroid-day-max"
              name="steroidDayMax"
              inputMode="decimal"
              defaultValue={settings.steroidDayMaxDexamethasoneMg}
            />
          </div>
        </div>
        <fieldset className="row">
          <legend>Follow-ups are due (days after the procedure)</legend>
          {(
            [
              ['earlyFrom', 'Call from day', settings.followUpWindows.early.from],
              ['earlyTo', 'Call until day', settings.followUpWindows.early.to],
              ['lateFrom', 'Review from day', settings.followUpWindows.late.from],
              ['lateTo', 'Review until day', settings.followUpWindows.late.to],
            ] as const
          ).map(([name, label, value]) => (
            <div key={name} className="text-field">
              <label htmlFor={`setting-${name}`}>{label}</label>
              <input id={`setting-${name}`} name={name} inputMode="numeric" defaultValue={value} />
            </div>
          ))}
        </fieldset>
        <button type="submit" className="primary">
          Save settings
        </button>
      </form>

      <DepartmentPanel />
      <LanguagePanel />

      <BackupsPanel />

      <HubPanel />

      <PresetsPanel />

      <ReportTemplatePanel />

      <ReferenceLevelsPanel />

      <section className="form-section" aria-labelledby="settings-operators">
        <h2 id="settings-operators">Operators</h2>
        <ul className="operators">
          {settings.operators.map((operator) => (
            <li key={operator.id}>
              <span className={operator.active ? '' : 'inactive'}>{operator.name}</span>
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  void saveOperator(
                    { ...operator, active: !operator.active },
                    `${operator.name} ${operator.active ? 'deactivated' : 'activated'}.`,
                  )
                }
              >
                {operator.active ? 'Deactivate' : 'Activate'}
              </button>
            </li>
          ))}
        </ul>
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            void saveOperator({ name: newOperator }, `${newOperator} added.`).then((saved) => {
              if (saved) setNewOperator('');
            });
          }}
        >
          <div className="text-field">
            <label htmlFor="new-operator">New operator</label>
            <input id="new-operator" value={newOperator} onChange={(event) => setNewOperator(event.target.value)} />
          </div>
          <button type="submit" className="primary">
            Add operator
          </button>
        </form>
      </section>

      <section className="form-section" aria-labelledby="settings-drugs">
        <h2 id="settings-drugs">Drug catalogue</h2>
        <table className="drug-table">
          <thead>
            <tr>
              <th scope="col">Drug</th>
              <th scope="col">Class</th>
              <th scope="col">Particulate</th>
              <th scope="col">Usual dose (mg)</th>
              <th scope="col">Maximum (mg)</th>
              <th scope="col">Save</th>
            </tr>
          </thead>
          <tbody>
            {settings.drugCatalogue.map((drug) => (
              <DrugRow
                key={drug.code}
                drug={drug}
                onSave={(changed) => void saveDrug(changed, `${drug.name} saved.`)}
              />
            ))}
          </tbody>
        </table>
        <NewDrugForm
          existingCodes={settings.drugCatalogue.map((drug) => drug.code)}
          onAdd={(drug) => saveDrug(drug, `${drug.name} added to the catalogue.`)}
        />
      </section>
    </section>
  );
}

function DrugRow({ drug, onSave }: { drug: Drug; onSave: (drug: Drug) => void }) {
  const [usual, setUsual] = useState(drug.usualDoseMg == null ? '' : String(drug.usualDoseMg));
  const [max, setMax] = useState(drug.maxDoseMg == null ? '' : String(drug.maxDoseMg));
  const [particulate, setParticulate] = useState(drug.particulate);
  return (
    <tr>
      <th scope="row">{drug.name}</th>
      <td>{words(drug.drugClass)}</td>
      <td>
        <input
          type="checkbox"
          aria-label={`${drug.name} is particulate`}
          checked={particulate}
          onChange={(event) => setParticulate(event.target.checked)}
        />
      </td>
      <td>
        <input
          aria-label={`${drug.name} usual dose (mg)`}
          inputMode="decimal"
          value={usual}
          onChange={(event) => setUsual(event.target.value)}
        />
      </td>
      <td>
        <input
          aria-label={`${drug.name} maximum dose (mg)`}
          inputMode="decimal"
          value={max}
          onChange={(event) => setMax(event.target.value)}
        />
      </td>
      <td>
        <button
          type="button"
          className="secondary"
          onClick={() => onSave({ ...drug, particulate, usualDoseMg: parseNumber(usual), maxDoseMg: parseNumber(max) })}
        >
          Save {drug.name}
        </button>
      </td>
    </tr>
  );
}
