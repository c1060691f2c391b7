import type { Drug } from './catalogue.js';
import type { ClinicalWarning, SameDaySteroidMg } from './clinical-warning.js';
import { doseInMg, type ProcedureDraft } from './procedure.js';
import type { RuleSettings } from './settings.js';
import {
  dexamethasoneEquivalentMg,
  doseForLimitsMg,
  STARTING_STEROID_DAY_MAX_DEXAMETHASONE_MG,
} from './steroid-dose.js';
import { clinicalWarning, WARNING_MESSAGES as W } from './warning-messages.js';
import { sentence, type Words } from './words.js';

const roundMg = (mg: number) => Math.round(mg * 100) / 100;

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
  const totals = new Map<string, { mg: number; firstIndex: number; drug: Drug; where: Words }>();
  record.drugs.forEach((administration, index) => {
    const given = doseInMg(administration);
    const drug = catalogue.get(administration.drug);
    if (given == null || !drug) return;
    const mg = doseForLimitsMg(administration.drug, given, administration.doseSalt);
    const perSite = drug.drugClass === 'steroid';
    const key = perSite ? `${administration.drug}@${administration.site ?? '?'}` : administration.drug;
    const where =
      !perSite || administration.site == null
        ? sentence(W.inThisProcedure)
        : administration.site === 'caudal'
          ? sentence(W.atCaudalDose)
          : sentence(W.atTargetDose, { number: administration.site + 1 });
    const total = totals.get(key);
    if (total) total.mg += mg;
    else totals.set(key, { mg, firstIndex: index, drug, where });
  });
  for (const { mg, firstIndex, drug, where } of totals.values()) {
    if (drug.maxDoseMg == null || mg <= drug.maxDoseMg) continue;
    const per = sentence(drug.drugClass === 'steroid' ? W.perLevel : W.perProcedure);
    found.push(
      clinicalWarning(
        'dose_above_maximum',
        'safety',
        `drugs[${firstIndex}].doseMg`,
        sentence(W.doseAboveMaximum, { drug: drug.name, mg: roundMg(mg), where, max: roundMg(drug.maxDoseMg), per }),
      ),
    );
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
    const amounts = { total: roundMg(here + earlier), here: roundMg(here), limit: roundMg(limit) };
    found.push(
      clinicalWarning(
        'day_steroid_above_maximum',
        'safety',
        `drugs[${firstSteroid}].doseMg`,
        earlier > 0
          ? sentence(W.daySteroidAboveMaximumEarlier, { ...amounts, earlier: roundMg(earlier) })
          : sentence(W.daySteroidAboveMaximum, amounts),
      ),
    );
  }
  return found;
}
