import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translator.js';
import { describePreset, type Preset } from './presets.js';

/*
 * A preset's description (its quick-start button's title, its line in Settings → Presets) in
 * the reader's language, its numbers as the reader's locale writes them; English without one.
 */
const preset: Preset = {
  name: 'L5 bilateral',
  targets: [
    { root: 'L5', side: 'right' },
    { root: 'L5', side: 'left' },
  ],
  modality: 'ct',
  caudalEpidural: true,
  drugs: [
    { drug: 'dexamethasone', doseMg: 8, site: 0 },
    { drug: 'bupivacaine', concentrationMgPerMl: 2.5, volumeMl: 0.41, site: 'caudal' },
  ],
};
const name = (code: string) => ({ dexamethasone: 'Dexamethason', bupivacaine: 'Bupivacain' })[code] ?? code;

describe('a preset described', () => {
  it('in English by default, as the command line and the suggestions name it', () => {
    expect(describePreset(preset)).toBe('L5 right + L5 left, CT, caudal: dexamethasone 8 mg, bupivacaine 1.03 mg');
  });

  it('in the reader’s language, its doses in the reader’s locale', () => {
    expect(describePreset(preset, name, { t: translator('de'), language: 'de' }, 'de-CH')).toBe(
      'L5 rechts + L5 links, CT, kaudal: Dexamethason 8 mg, Bupivacain 1.03 mg',
    );
    expect(describePreset(preset, name, { t: translator('fr'), language: 'fr' }, 'fr-CH')).toBe(
      'L5 droite + L5 gauche, TDM, caudale : Dexamethason 8 mg, Bupivacain 1,03 mg',
    );
  });
});
