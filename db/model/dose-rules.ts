import type { Drug } from './catalogue.js';
import type { ClinicalWarning, SameDaySteroidMg } from './clinical-warning.js';
import { doseInMg, type ProcedureDraft } from './procedure.js';
import type { RuleSettings } from './settings.js';
import {
  dexamethasoneEquivalentMg,
  doseForLimitsMg,
  STARTING_STEROID_DAY_MAX_DEXAMETHASONE_MG,
} from './steroid-dose.js';

const formatMg = (mg: number) => `${Math.round(mg * 100) / 100} mg`;

/**
 * Maxima as the literature gives them. A steroid's catalogue maximum is per level (per
 * injection site: a bilateral case with 8 mg dexamethasone on each side is two doses of 8 mg,
 * not one of 16); the patient's steroid for the day is limited as a whole, summed across
 * steroids in dexamethasone equivalents with what signed records gave earlier that day
 * (drafts do not count: nothing was given until it is signed). A local anaesthetic's maximum
 * is for the whole procedure (systemic toxicity adds up wherever it was injected).
 */
export function doseMaximumWarnings(
  record: ProcedureDraft,
  catalogue: ReadonlyMap<string, Drug>,
  settings: RuleSettings,
  sameDaySteroidMg: SameDaySteroidMg,
): ClinicalWarning[] {
  const found: ClinicalWarning[] = [];
  const totals = new Map<string, { mg: number; firstIndex: number; drug: Drug; where: string }>();
  record.drugs.forEach((administration, index) => {
    const given = doseInMg(administration);
    const drug = catalogue.get(administration.drug);
    if (given == null || !drug) return;
    const mg = doseForLimitsMg(administration.drug, given, administration.doseSalt);
    const perSite = drug.drugClass === 'steroid';
    const key = perSite ? `${administration.drug}@${administration.site ?? '?'}` : administration.drug;
    const where =
      !perSite || administration.site == null
        ? 'in this procedure'
        : administration.site === 'caudal'
          ? 'at the caudal epidural'
          : `at target ${administration.site + 1}`;
    const total = totals.get(key);
    if (total) total.mg += mg;
    else totals.set(key, { mg, firstIndex: index, drug, where });
  });
  for (const { mg, firstIndex, drug, where } of totals.values()) {
    if (drug.maxDoseMg == null || mg <= drug.maxDoseMg) continue;
    const per = drug.drugClass === 'steroid' ? 'per level' : 'per procedure';
    found.push({
      code: 'dose_above_maximum',
      level: 'safety',
      field: `drugs[${firstIndex}].doseMg`,
      message: `${drug.name} ${formatMg(mg)} ${where} is above the department maximum of ${formatMg(drug.maxDoseMg)} ${per}.`,
    });
  }

  const limit = settings.steroidDayMaxDexamethasoneMg ?? STARTING_STEROID_DAY_MAX_DEXAMETHASONE_MG;
  let here = 0;
  let firstSteroid = -1;
  record.drugs.forEach((administration, index) => {
    const given = doseInMg(administration);
    if (given == null || catalogue.get(administration.drug)?.drugClass !== 'steroid') return;
    const mg = doseForLimitsMg(administration.drug, given, administration.doseSalt);
    here += dexamethasoneEquivalentMg(administration.drug, mg);
    if (firstSteroid < 0) firstSteroid = index;
  });
  const earlier = Object.entries(sameDaySteroidMg).reduce(
    (sum, [code, mg]) => sum + dexamethasoneEquivalentMg(code, mg),
    0,
  );
  if (firstSteroid >= 0 && here + earlier > limit) {
    found.push({
      code: 'day_steroid_above_maximum',
      level: 'safety',
      field: `drugs[${firstSteroid}].doseMg`,
      message: `Steroid for the day ${formatMg(here + earlier)} dexamethasone-equivalent (${formatMg(here)} here${earlier > 0 ? `, ${formatMg(earlier)} earlier today` : ''}) is above the department limit of ${formatMg(limit)}.`,
    });
  }
  return found;
}
