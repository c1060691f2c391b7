import type { KeyboardEvent } from 'react';
import {
  codeInSentence,
  DRUG_FIELDS,
  type Drug,
  doseInMg,
  fieldOf,
  formatNumber,
  PROCEDURE_FIELDS,
  percentWords,
  readConcentration,
  type Translate,
} from '../../../../db/model/index.js';
import { useDepartmentLocale } from '../../../app/department-locale.js';
import { useReader } from '../../../app/i18n.js';
import { NO_ITEMS } from '../../../app/no-items.js';
import { FieldMessages } from '../../../components/FieldMessages.js';
import { NumberField } from '../../../components/NumberField.js';
import { TextField } from '../../../components/TextField.js';
import { useSettings } from '../../settings/settings-store.js';
import type { Draft } from '../draft-edits.js';
import { FORM_SECTION_MESSAGES, DRUGS_SECTION_MESSAGES as M } from '../form-messages.js';
import { useProcedureForm } from '../form-store.js';
import { RemovalNotice } from '../RemovalNotice.js';

type Administration = NonNullable<Draft['drugs']>[number];

/** A new administration pre-filled from the catalogue's usual dose, at the first target. */
export function administrationOf(drug: Drug, site: Administration['site']): Administration {
  if (drug.dosing === 'concentration' && drug.defaultConcentrationMgPerMl && drug.usualDoseMg != null) {
    return {
      drug: drug.code,
      concentrationMgPerMl: drug.defaultConcentrationMgPerMl,
      volumeMl: drug.usualDoseMg / drug.defaultConcentrationMgPerMl,
      site,
    };
  }
  if (drug.dosing === 'volume') return { drug: drug.code, volumeMl: 1, site };
  return { drug: drug.code, doseMg: drug.usualDoseMg, site };
}

/** A concentration as the ampoule says it: "0,2 %" is read as 2 mg/mL. */
const concentrationOf = (text: string) => readConcentration(text)?.mgPerMl;

/** What a typed percentage was read as ("0.2 % = 2 mg/mL"), under the field. */
const concentrationHint =
  (t: Translate) =>
  (text: string): string => {
    const reading = readConcentration(text);
    return reading?.percent != null && Number.isFinite(reading.mgPerMl)
      ? percentWords(reading.percent, reading.mgPerMl)
      : t(M.concentrationHint);
  };

/** Roving focus in the quick-add row: ←/→ move, a letter goes to the next drug whose name starts with it. */
function quickAddKey(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-name]')];
  const current = buttons.indexOf(event.target as HTMLButtonElement);
  if (current < 0) return;
  let next = -1;
  if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
    next = (current + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
  } else if (/^[a-z]$/i.test(event.key)) {
    const letter = event.key.toLowerCase();
    for (let step = 1; step <= buttons.length; step++) {
      const candidate = (current + step) % buttons.length;
      if (buttons[candidate]?.dataset.name?.startsWith(letter)) {
        next = candidate;
        break;
      }
    }
  }
  if (next < 0) return;
  event.preventDefault();
  buttons.forEach((button, index) => {
    button.tabIndex = index === next ? 0 : -1;
  });
  buttons[next]?.focus();
}

export function DrugsSection({ locked }: { locked: boolean }) {
  const reader = useReader();
  const { t } = reader;
  // Labels as the fields' declarations word them (a dose's with its unit: "Dose (mg)").
  const label = (key: string) => t(fieldOf(DRUG_FIELDS, key).label);
  const locale = useDepartmentLocale();
  const drugs = useProcedureForm((state) => state.draft.drugs ?? NO_ITEMS);
  const targets = useProcedureForm((state) => state.draft.targets ?? NO_ITEMS);
  const caudal = useProcedureForm((state) => state.draft.caudalEpidural ?? false);
  const noDrugReason = useProcedureForm((state) => state.draft.noDrugReason);
  const update = useProcedureForm((state) => state.update);
  const removal = useProcedureForm((state) => state.removal);
  const catalogue = useSettings((state) => state.settings?.drugCatalogue ?? NO_ITEMS);
  const byCode = new Map(catalogue.map((drug) => [drug.code, drug]));
  const setDrug = (index: number, patch: Partial<Administration>) =>
    update((draft) => ({ ...draft, drugs: (draft.drugs ?? []).map((d, i) => (i === index ? { ...d, ...patch } : d)) }));
  const sites: { value: string; label: string }[] = [
    ...targets.map((target, index) => ({
      value: String(index),
      label: !target.root
        ? t(M.atTarget, { number: index + 1 })
        : target.side
          ? t(M.atTargetRootSide, { number: index + 1, root: target.root, side: codeInSentence(reader, target.side) })
          : t(M.atTargetRoot, { number: index + 1, root: target.root }),
    })),
    ...(caudal ? [{ value: 'caudal', label: t(fieldOf(PROCEDURE_FIELDS, 'caudalEpidural').label) }] : []),
  ];
  const sameAsLast = () => useProcedureForm.getState().sameDrugsAsLast();
  return (
    <section aria-labelledby="section-drugs" className="form-section" data-field="drugs">
      <h2 id="section-drugs">{t(FORM_SECTION_MESSAGES.drugs)}</h2>
      <FieldMessages field="drugs" />
      {removal?.section === 'drugs' && !locked && <RemovalNotice />}
      {drugs.map((administration, index) => {
        const drug = byCode.get(administration.drug ?? '');
        const mg = doseInMg(administration);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: administrations are identified by their position
          <div key={index} className="drug row" data-field={`drugs[${index}]`}>
            <div className="text-field" data-field={`drugs[${index}].drug`}>
              <label htmlFor={`field-drug-${index}`}>{t(M.drug, { number: index + 1 })}</label>
              <select
                id={`field-drug-${index}`}
                value={administration.drug ?? ''}
                disabled={locked}
                onChange={(event) => {
                  const chosen = byCode.get(event.target.value);
                  if (chosen)
                    // Another drug: the facts a signed record kept of the old one no longer apply.
                    setDrug(index, {
                      ...administrationOf(chosen, administration.site ?? 0),
                      lot: administration.lot,
                      asSigned: undefined,
                    });
                }}
              >
                {!drug && <option value="">—</option>}
                {catalogue
                  .filter((d) => d.active || d.code === administration.drug)
                  .map((d) => (
                    <option key={d.code} value={d.code}>
                      {d.particulate ? t(M.particulate, { name: d.name }) : d.name}
                    </option>
                  ))}
              </select>
              <FieldMessages field={`drugs[${index}].drug`} item={`drugs[${index}]`} />
            </div>
            {drug?.dosing === 'mg' && (
              <NumberField
                label={label('doseMg')}
                field={`drugs[${index}].doseMg`}
                value={administration.doseMg}
                onChange={(doseMg) => setDrug(index, { doseMg })}
                disabled={locked}
              />
            )}
            {drug?.dosing === 'concentration' && (
              <NumberField
                label={label('concentrationMgPerMl')}
                field={`drugs[${index}].concentrationMgPerMl`}
                value={administration.concentrationMgPerMl}
                parse={concentrationOf}
                hint={concentrationHint(t)}
                onChange={(concentrationMgPerMl) => setDrug(index, { concentrationMgPerMl })}
                disabled={locked}
              />
            )}
            {(drug?.dosing === 'concentration' || drug?.dosing === 'volume') && (
              <NumberField
                label={label('volumeMl')}
                field={`drugs[${index}].volumeMl`}
                value={administration.volumeMl}
                onChange={(volumeMl) => setDrug(index, { volumeMl })}
                disabled={locked}
              />
            )}
            {drug?.dosing === 'concentration' && (
              <output className="computed" aria-label={t(M.doseOf, { number: index + 1 })}>
                = {mg == null || !Number.isFinite(mg) ? '—' : `${formatNumber(mg, locale, { maximumDecimals: 2 })} mg`}
              </output>
            )}
            <div className="text-field" data-field={`drugs[${index}].site`}>
              <label htmlFor={`field-site-${index}`}>{t(M.where)}</label>
              <select
                id={`field-site-${index}`}
                value={administration.site == null ? '' : String(administration.site)}
                disabled={locked}
                onChange={(event) =>
                  setDrug(index, {
                    site:
                      event.target.value === 'caudal'
                        ? 'caudal'
                        : event.target.value === ''
                          ? undefined
                          : Number(event.target.value),
                  })
                }
              >
                <option value="">—</option>
                {sites.map((site) => (
                  <option key={site.value} value={site.value}>
                    {site.label}
                  </option>
                ))}
              </select>
              <FieldMessages field={`drugs[${index}].site`} />
            </div>
            {administration.drug === 'dexamethasone' && (
              <div className="text-field" data-field={`drugs[${index}].doseSalt`}>
                <label htmlFor={`field-salt-${index}`}>{label('doseSalt')}</label>
                <select
                  id={`field-salt-${index}`}
                  value={administration.doseSalt ?? ''}
                  disabled={locked}
                  onChange={(event) =>
                    setDrug(index, { doseSalt: (event.target.value || undefined) as 'phosphate' | 'base' | undefined })
                  }
                >
                  <option value="">{t(M.phosphate)}</option>
                  <option value="base">{t(M.base)}</option>
                </select>
                <FieldMessages field={`drugs[${index}].doseSalt`} />
              </div>
            )}
            <TextField
              label={label('lot')}
              field={`drugs[${index}].lot`}
              value={administration.lot}
              onChange={(lot) => setDrug(index, { lot: lot || undefined })}
              disabled={locked}
            />
            {!locked && (
              <button
                type="button"
                className="secondary"
                aria-label={t(M.removeDrug, { number: index + 1 })}
                onClick={() => useProcedureForm.getState().removeDrug(index)}
              >
                {t(M.remove)}
              </button>
            )}
          </div>
        );
      })}
      {!locked && (
        // One Tab stop for the whole row: arrows move, a letter jumps to the next drug it starts, Enter adds.
        <div className="row quick-add" role="toolbar" aria-label={t(M.addDrug)} onKeyDown={quickAddKey}>
          {catalogue
            .filter((drug) => drug.active)
            .map((drug, index) => (
              <button
                key={drug.code}
                type="button"
                className="secondary"
                data-name={drug.name.toLowerCase()}
                tabIndex={index === 0 ? 0 : -1}
                onClick={() =>
                  update((draft) => ({ ...draft, drugs: [...(draft.drugs ?? []), administrationOf(drug, 0)] }))
                }
              >
                + {drug.name}
              </button>
            ))}
          <button type="button" onClick={() => void sameAsLast()}>
            {t(M.sameAsLast)}
          </button>
        </div>
      )}
      {drugs.length === 0 && (
        <TextField
          label={t(fieldOf(PROCEDURE_FIELDS, 'noDrugReason').label)}
          field="noDrugReason"
          value={noDrugReason}
          onChange={(reason) => update((draft) => ({ ...draft, noDrugReason: reason || undefined }))}
          disabled={locked}
        />
      )}
    </section>
  );
}
