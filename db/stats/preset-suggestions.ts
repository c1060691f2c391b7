import type { PresetSuggestion } from '../model/answers.js';
import {
  type Drug,
  describePreset,
  localDateTimeWithOffset,
  MODALITIES,
  type Modality,
  type Preset,
  presetSchema,
  ROOTS,
  SIDES,
} from '../model/index.js';
import { drugCatalogue } from '../settings.js';
import { plansSignedSince } from '../sqlite/stats-rows.js';
import { type ReadSource, readerOf } from '../store.js';

export type { PresetSuggestion } from '../model/answers.js';

/*
 * The department's most used plans, offered as presets: the signed procedures of the last year
 * grouped by targets (root and side, in order), modality, caudal injection and the drugs and
 * doses at each site, most frequent first. Read from the columns the list and exports already
 * keep ("L5 right", "dexamethasone 8 mg;ropivacaine 4 mg"), no record decoded.
 */

/** "dexamethasone 8 mg;ropivacaine 4 mg" at `site` → preset drugs, dosed as the catalogue doses them. */
function drugsOf(text: string, site: number | 'caudal', catalogue: Map<string, Drug>): Preset['drugs'] | null {
  if (text === '') return [];
  const drugs: Preset['drugs'] = [];
  for (const entry of text.split(';')) {
    const match = /^(\S+) ([0-9.]+) mg$/.exec(entry);
    const drug = match ? catalogue.get(match[1] as string) : undefined;
    if (!match || !drug) return null;
    const mg = Number(match[2]);
    if (drug.dosing === 'concentration' && drug.defaultConcentrationMgPerMl) {
      const volumeMl = Math.round((mg / drug.defaultConcentrationMgPerMl) * 100) / 100;
      drugs.push({ drug: drug.code, concentrationMgPerMl: drug.defaultConcentrationMgPerMl, volumeMl, site });
    } else if (drug.dosing === 'mg') {
      drugs.push({ drug: drug.code, doseMg: mg, site });
    } else {
      return null;
    }
  }
  return drugs;
}

export function presetSuggestions(
  source: ReadSource,
  options: { today?: Date; limit?: number } = {},
): PresetSuggestion[] {
  const read = readerOf(source);
  const today = options.today ?? new Date();
  const from = localDateTimeWithOffset(new Date(today.getTime() - 365 * 86_400_000)).slice(0, 10);
  const catalogue = new Map(drugCatalogue(read).map((drug) => [drug.code, drug]));
  const rows = plansSignedSince(read, from);
  const suggestions: PresetSuggestion[] = [];
  for (const row of rows) {
    const targets = row.root_sides.split(',').map((pair) => {
      const [root, side] = pair.split(' ');
      return { root, side };
    });
    if (!targets.every((t) => ROOTS.includes(t.root as never) && SIDES.includes(t.side as never))) continue;
    if (!MODALITIES.includes(row.modality as Modality) || targets.length > 4) continue;
    const perTarget = (row.target_drugs ?? '').split('|');
    const drugs: Preset['drugs'] = [];
    let readable = true;
    perTarget.forEach((text, site) => {
      const found = drugsOf(text, site, catalogue);
      if (found) drugs.push(...found);
      else readable = false;
    });
    const caudal = drugsOf(row.caudal_drugs_text ?? '', 'caudal', catalogue);
    if (!readable || !caudal) continue;
    const draft = {
      name: '',
      targets,
      modality: row.modality,
      caudalEpidural: row.caudal_epidural === 1,
      drugs: [...drugs, ...caudal],
    };
    const parsed = presetSchema.safeParse({ ...draft, name: 'plan' });
    if (!parsed.success) continue;
    const description = describePreset(parsed.data, (code) => catalogue.get(code)?.name ?? code);
    const preset = { ...parsed.data, name: description.slice(0, 60) };
    suggestions.push({ preset, procedures: row.procedures, description });
    if (suggestions.length >= (options.limit ?? 5)) break;
  }
  return suggestions;
}
