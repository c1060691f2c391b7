import { useState } from 'react';
import { type Drug, numberOrNaN } from '../../../db/model/index.js';
import { words } from '../../app/labels.js';
import { BackupsPanel } from '../backups/BackupsPanel.js';
import { HubPanel } from '../hub/HubPanel.js';
import { AdministrationGate } from './AdministrationGate.js';
import { ConnectionsPanel } from './ConnectionsPanel.js';
import { DepartmentPanel } from './DepartmentPanel.js';
import { LanguagePanel } from './LanguagePanel.js';
import { LocalePanel } from './LocalePanel.js';
import { NewDrugForm } from './NewDrugForm.js';
import { OperatorsPanel } from './OperatorsPanel.js';
import { PatientIdPanel } from './PatientIdPanel.js';
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
  const { update, saveDrug } = useSettings.getState();
  if (!settings) return <p>Loading settings…</p>;

  return (
    <section className="settings-screen" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <AdministrationGate />
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
            idleLockMinutes: Number(String(form.get('idleLockMinutes') ?? '').trim() || Number.NaN),
            technologistsRecordFollowUps: form.get('technologistsRecordFollowUps') === 'on',
            steroidDayMaxDexamethasoneMg: numberOrNaN(String(form.get('steroidDayMax'))) ?? Number.NaN,
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
        <div className="row">
          <div className="text-field">
            <label htmlFor="setting-idle-lock">Lock the console after this many idle minutes (1–60)</label>
            <input
              id="setting-idle-lock"
              name="idleLockMinutes"
              inputMode="numeric"
              defaultValue={settings.idleLockMinutes}
            />
          </div>
          <label className="confirm">
            <input
              type="checkbox"
              name="technologistsRecordFollowUps"
              defaultChecked={settings.technologistsRecordFollowUps}
            />
            Technologists record follow-up calls (radiologists always may)
          </label>
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

      <LocalePanel />

      <PatientIdPanel />

      <BackupsPanel />

      <HubPanel />

      <ConnectionsPanel />

      <PresetsPanel />

      <ReportTemplatePanel />

      <ReferenceLevelsPanel />

      <OperatorsPanel />

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
              <th scope="col">Concentration (mg/mL): default, usual lowest–highest</th>
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
  const asText = (value: number | undefined) => (value == null ? '' : String(value));
  const [concentration, setConcentration] = useState(asText(drug.defaultConcentrationMgPerMl));
  const [lowest, setLowest] = useState(asText(drug.usualConcentrationMinMgPerMl));
  const [highest, setHighest] = useState(asText(drug.usualConcentrationMaxMgPerMl));
  const byConcentration = drug.dosing === 'concentration';
  // A local anaesthetic's strengths: what the form pre-fills and what it takes without a question.
  const concentrations = byConcentration
    ? {
        defaultConcentrationMgPerMl: numberOrNaN(concentration),
        usualConcentrationMinMgPerMl: numberOrNaN(lowest),
        usualConcentrationMaxMgPerMl: numberOrNaN(highest),
      }
    : {};
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
        {byConcentration && (
          <span className="concentration-inputs">
            <input
              aria-label={`${drug.name} default concentration (mg/mL)`}
              inputMode="decimal"
              value={concentration}
              onChange={(event) => setConcentration(event.target.value)}
            />
            <input
              aria-label={`${drug.name} lowest usual concentration (mg/mL)`}
              inputMode="decimal"
              value={lowest}
              onChange={(event) => setLowest(event.target.value)}
            />
            –
            <input
              aria-label={`${drug.name} highest usual concentration (mg/mL)`}
              inputMode="decimal"
              value={highest}
              onChange={(event) => setHighest(event.target.value)}
            />
          </span>
        )}
      </td>
      <td>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            onSave({
              ...drug,
              particulate,
              usualDoseMg: numberOrNaN(usual),
              maxDoseMg: numberOrNaN(max),
              ...concentrations,
            })
          }
        >
          Save {drug.name}
        </button>
      </td>
    </tr>
  );
}
