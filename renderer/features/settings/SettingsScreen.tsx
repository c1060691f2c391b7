import { useState } from 'react';
import { codeMessage, type Drug, sentence } from '../../../db/model/index.js';
import { useDepartmentLocale } from '../../app/department-locale.js';
import { useSay, useT } from '../../app/i18n.js';
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
import { requiredSettingNumber, settingNumber, settingNumberText } from './setting-numbers.js';
import {
  DRUG_CATALOGUE_MESSAGES as D,
  SETTINGS_SCREEN_MESSAGES as M,
  SETTINGS_STATUS_MESSAGES as S,
} from './settings-messages.js';
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
  const t = useT();
  const say = useSay();
  const locale = useDepartmentLocale();
  if (!settings) return <p>{t(M.loading)}</p>;

  return (
    <section className="settings-screen" aria-labelledby="settings-title">
      <h1 id="settings-title">{t(M.title)}</h1>
      <AdministrationGate />
      {message && (
        <p className={message.kind === 'ok' ? 'notice' : 'problem'} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {say(message.said)}
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
            idleLockMinutes: requiredSettingNumber(String(form.get('idleLockMinutes') ?? ''), locale),
            technologistsRecordFollowUps: form.get('technologistsRecordFollowUps') === 'on',
            steroidDayMaxDexamethasoneMg: requiredSettingNumber(String(form.get('steroidDayMax') ?? ''), locale),
            followUpWindows: {
              early: { from: day(form, 'earlyFrom'), to: day(form, 'earlyTo') },
              late: { from: day(form, 'lateFrom'), to: day(form, 'lateTo') },
            },
          });
        }}
      >
        <h2 id="settings-console">{t(M.console)}</h2>
        <div className="row">
          <div className="text-field">
            <label htmlFor="setting-console">{t(M.consoleName)}</label>
            <input id="setting-console" name="consoleName" defaultValue={settings.consoleName} />
          </div>
          <div className="text-field">
            <label htmlFor="setting-default-operator">{t(M.defaultOperator)}</label>
            <select
              id="setting-default-operator"
              name="defaultOperatorId"
              defaultValue={settings.defaultOperatorId ?? ''}
            >
              <option value="">{t(M.none)}</option>
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
            <label htmlFor="setting-steroid-day-max">{t(M.steroidDayMax)}</label>
            <input
              id="setting-steroid-day-max"
              name="steroidDayMax"
              inputMode="decimal"
              defaultValue={settingNumberText(settings.steroidDayMaxDexamethasoneMg, locale)}
            />
          </div>
        </div>
        <div className="row">
          <div className="text-field">
            <label htmlFor="setting-idle-lock">{t(M.idleLock)}</label>
            <input
              id="setting-idle-lock"
              name="idleLockMinutes"
              inputMode="numeric"
              defaultValue={settingNumberText(settings.idleLockMinutes, locale)}
            />
          </div>
          <label className="confirm">
            <input
              type="checkbox"
              name="technologistsRecordFollowUps"
              defaultChecked={settings.technologistsRecordFollowUps}
            />
            {t(M.technologistsRecordFollowUps)}
          </label>
        </div>
        <fieldset className="row">
          <legend>{t(M.followUpWindows)}</legend>
          {(
            [
              ['earlyFrom', M.callFrom, settings.followUpWindows.early.from],
              ['earlyTo', M.callUntil, settings.followUpWindows.early.to],
              ['lateFrom', M.reviewFrom, settings.followUpWindows.late.from],
              ['lateTo', M.reviewUntil, settings.followUpWindows.late.to],
            ] as const
          ).map(([name, label, value]) => (
            <div key={name} className="text-field">
              <label htmlFor={`setting-${name}`}>{t(label)}</label>
              <input id={`setting-${name}`} name={name} inputMode="numeric" defaultValue={value} />
            </div>
          ))}
        </fieldset>
        <button type="submit" className="primary">
          {t(M.save)}
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
        <h2 id="settings-drugs">{t(D.title)}</h2>
        <table className="drug-table">
          <thead>
            <tr>
              <th scope="col">{t(D.drug)}</th>
              <th scope="col">{t(D.drugClass)}</th>
              <th scope="col">{t(D.particulate)}</th>
              <th scope="col">{t(D.usualDose)}</th>
              <th scope="col">{t(D.maxDose)}</th>
              <th scope="col">{t(D.concentration)}</th>
              <th scope="col">{t(D.save)}</th>
            </tr>
          </thead>
          <tbody>
            {settings.drugCatalogue.map((drug) => (
              <DrugRow
                key={drug.code}
                drug={drug}
                onSave={(changed) => void saveDrug(changed, sentence(S.drugSaved, { name: drug.name }))}
              />
            ))}
          </tbody>
        </table>
        <NewDrugForm
          existingCodes={settings.drugCatalogue.map((drug) => drug.code)}
          onAdd={(drug) => saveDrug(drug, sentence(S.drugAdded, { name: drug.name }))}
        />
      </section>
    </section>
  );
}

function DrugRow({ drug, onSave }: { drug: Drug; onSave: (drug: Drug) => void }) {
  const locale = useDepartmentLocale();
  const asText = (value: number | null | undefined) => settingNumberText(value, locale);
  const [usual, setUsual] = useState(asText(drug.usualDoseMg));
  const [max, setMax] = useState(asText(drug.maxDoseMg));
  const [particulate, setParticulate] = useState(drug.particulate);
  const [concentration, setConcentration] = useState(asText(drug.defaultConcentrationMgPerMl));
  const [lowest, setLowest] = useState(asText(drug.usualConcentrationMinMgPerMl));
  const [highest, setHighest] = useState(asText(drug.usualConcentrationMaxMgPerMl));
  const byConcentration = drug.dosing === 'concentration';
  const t = useT();
  const named = { drug: drug.name };
  // A local anaesthetic's strengths: what the form pre-fills and what it takes without a question.
  const concentrations = byConcentration
    ? {
        defaultConcentrationMgPerMl: settingNumber(concentration, locale),
        usualConcentrationMinMgPerMl: settingNumber(lowest, locale),
        usualConcentrationMaxMgPerMl: settingNumber(highest, locale),
      }
    : {};
  return (
    <tr>
      <th scope="row">{drug.name}</th>
      <td>{t(codeMessage(drug.drugClass))}</td>
      <td>
        <input
          type="checkbox"
          aria-label={t(D.isParticulate, named)}
          checked={particulate}
          onChange={(event) => setParticulate(event.target.checked)}
        />
      </td>
      <td>
        <input
          aria-label={t(D.usualDoseOf, named)}
          inputMode="decimal"
          value={usual}
          onChange={(event) => setUsual(event.target.value)}
        />
      </td>
      <td>
        <input
          aria-label={t(D.maxDoseOf, named)}
          inputMode="decimal"
          value={max}
          onChange={(event) => setMax(event.target.value)}
        />
      </td>
      <td>
        {byConcentration && (
          <span className="concentration-inputs">
            <input
              aria-label={t(D.defaultConcentrationOf, named)}
              inputMode="decimal"
              value={concentration}
              onChange={(event) => setConcentration(event.target.value)}
            />
            <input
              aria-label={t(D.lowestConcentrationOf, named)}
              inputMode="decimal"
              value={lowest}
              onChange={(event) => setLowest(event.target.value)}
            />
            –
            <input
              aria-label={t(D.highestConcentrationOf, named)}
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
          // Its row names the drug: the button says "Save" (the column stays narrow in every language), its name says which.
          aria-label={t(D.saveDrug, named)}
          onClick={() =>
            onSave({
              ...drug,
              particulate,
              usualDoseMg: settingNumber(usual, locale),
              maxDoseMg: settingNumber(max, locale),
              ...concentrations,
            })
          }
        >
          {t(D.save)}
        </button>
      </td>
    </tr>
  );
}
