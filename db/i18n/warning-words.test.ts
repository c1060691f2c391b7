import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DRUG_CATALOGUE,
  type Language,
  type ProcedureInput,
  procedureDraftSchema,
  type ReferenceLevel,
  type SameDayRecord,
  STARTING_REFERENCE_LEVELS,
  say,
  WARNING_CODES,
  WARNING_MESSAGES,
  warnings,
} from '../model/index.js';
import { completeDraft } from '../testing/fixtures.js';
import { translator } from './translator.js';

const settings = { referenceLevels: STARTING_REFERENCE_LEVELS, drugCatalogue: DEFAULT_DRUG_CATALOGUE };
const found = (overrides: Partial<ProcedureInput>) =>
  warnings(procedureDraftSchema.parse(completeDraft('op-1', overrides)), settings);
const inLanguage = (overrides: Partial<ProcedureInput>, language: Language) =>
  found(overrides).map((warning) => {
    if (!warning.words) throw new Error(`${warning.code} has no words`);
    return say(warning.words, translator(language), language);
  });

/** A case that makes most of the converted rules speak: the wrong side, pain worse, a particulate steroid after intravascular spread with no action, a dose above the maximum. */
const MANY: Partial<ProcedureInput> = {
  symptomSide: 'left',
  targets: [{ root: 'L5', side: 'right', foramen: 'L5/S1', spread: ['intravascular_venous', 'intrathecal'] }],
  drugs: [{ drug: 'triamcinolone', doseMg: 120, site: 0 }],
  painPre: 3,
  painPost: 6,
  timeOutLevelVerified: false,
  timeOutSideMarked: false,
  diabetes: 'yes',
};

describe('clinical warnings in the reader’s language', () => {
  it('English words are the warning’s message, as the command line and the hub keep them', () => {
    const english = inLanguage(MANY, 'en');
    expect(english).toEqual(found(MANY).map((warning) => warning.message));
    expect(english).toContain('Target 1 is on the right, but the symptoms are on the left: check the side.');
    expect(english.join(' ')).toMatch(
      /contrast spread was intravascular \(venous\) and intrathecal and no clean retest/,
    );
  });

  it('German, French and Italian: the sentence, its values and the words inside it are translated', () => {
    const de = inLanguage(MANY, 'de').join('\n');
    expect(de).toContain('Ziel 1 liegt rechts, die Symptome aber links: Seite prüfen.');
    expect(de).toContain('Schmerz nachher (6) ist höher als vorher (3)');
    expect(de).toMatch(/intravasal \(venös\) und intrathekal verteilte, und kein unauffälliger Kontrolltest/);
    expect(de).toContain('(Höhe nicht auf den Bildern verifiziert und Seite nicht markiert)');
    const fr = inLanguage(MANY, 'fr').join('\n');
    expect(fr).toContain('La cible 1 est à droite, mais les symptômes sont à gauche : vérifier le côté.');
    expect(fr).toContain('intravasculaire (veineuse) et intrathécale');
    const it_ = inLanguage(MANY, 'it').join('\n');
    expect(it_).toContain('Il bersaglio 1 è a destra, ma i sintomi sono a sinistra: verificare il lato.');
    expect(it_).toContain('intravascolare (venosa) e intratecale');
    for (const text of [de, fr, it_]) {
      expect(text).not.toMatch(/check the|is above|given|\{/);
    }
  });

  it('the table time: the next day in the language', () => {
    const late = { startedAt: '23:50', endedAt: '04:10', performedAt: '2026-03-14T23:55:00+01:00' };
    expect(inLanguage(late, 'en')).toEqual([
      'From 23:50–04:10 (next day) is 4 h 20 min on the table: check the start and end times.',
    ]);
    expect(inLanguage(late, 'de')).toEqual([
      '23:50–04:10 (am Folgetag) sind 4 h 20 min auf dem Tisch: Beginn und Ende prüfen.',
    ]);
    expect(inLanguage(late, 'it')[0]).toContain('(il giorno dopo)');
  });

  it('every warning sentence of the converted rules is translated in each language (no English left)', () => {
    for (const language of ['de', 'fr', 'it'] as const) {
      const t = translator(language);
      for (const message of Object.values(WARNING_MESSAGES)) {
        const words = t(message, {});
        if (/[a-z]{3} [a-z]/i.test(message.message.replace(/\{\w+\}/g, '')))
          expect(words, `${language} ${message.id}`).not.toBe(message.message);
      }
    }
  });

  it('every warning code of the model has words, said in each language without English or a placeholder left', () => {
    const earlier: SameDayRecord[] = [
      { id: 'other', performedAt: '2026-03-14T08:05:00+01:00', status: 'signed', rootSides: ['L5 right'] },
    ];
    const threeLevels = [0, 1, 2].map((site) => ({ drug: 'dexamethasone', doseMg: 8, site }));
    const cases: [Partial<ProcedureInput>, Record<string, number>, SameDayRecord[]][] = [
      [{ ...MANY, anticoagulation: 'continued', anticoagulantClass: 'doac' }, {}, []],
      [
        {
          targets: [
            { root: 'L4', side: 'left', foramen: 'L5/S1', spread: ['intrathecal'] },
            { root: 'L5', side: 'right', spread: [] },
            { root: 'S1', side: 'left', spread: ['perineural'] },
          ],
          drugs: [
            ...threeLevels,
            { drug: 'bupivacaine', concentrationMgPerMl: 5, volumeMl: 21, site: 0 },
            { drug: 'ropivacaine', concentrationMgPerMl: 0.2, volumeMl: 1, site: 2 },
          ],
          weightKg: 50,
          contrastAgent: 'gadolinium_based',
          sex: 'female',
          birthDate: '1990-01-01',
          pregnancyExcluded: 'not_excluded',
          steroidAllergy: 'yes',
          localAnaestheticAllergy: 'yes',
          anticoagulantClass: 'warfarin',
          anticoagulation: null,
          complications: [{ type: 'transient_motor_block' }],
          disposition: 'home_not_driving',
          modality: 'ct',
          dlpMGyCm: 4659,
          ctdiVolMGy: 212.7,
          startedAt: '23:50',
          endedAt: '04:10',
        },
        { dexamethasone: 8 },
        earlier,
      ],
      [
        {
          pregnancyExcluded: 'positive',
          sex: 'female',
          contrastAllergy: 'prior_reaction_not_premedicated',
          complications: [{ type: 'intravascular_injection', severity: 'minor' }],
          modality: 'fluoroscopy',
          dlpMGyCm: null,
          dapGyCm2: 320,
          fluoroTimeS: 1036,
          startedAt: '10:00',
          endedAt: '10:20',
          performedAt: '2026-03-14T07:30:00+01:00',
        },
        {},
        [],
      ],
    ];
    // CTDIvol and DAP have no starting level: the department's own, set and adopted.
    const withLevels = {
      ...settings,
      referenceLevels: {
        ...STARTING_REFERENCE_LEVELS,
        levels: [
          ...STARTING_REFERENCE_LEVELS.levels,
          { modality: 'ct', protocol: 'any', quantity: 'ctdiVolMGy', value: 10, origin: 'set' },
          {
            modality: 'fluoroscopy',
            protocol: 'single_level',
            quantity: 'dapGyCm2',
            value: 2,
            origin: 'adopted',
            basis: { cases: 40, from: '2026-01-01', to: '2026-03-31' },
          },
        ] satisfies ReferenceLevel[],
      },
    };
    const said = cases.flatMap(([overrides, sameDay, records]) =>
      warnings(procedureDraftSchema.parse(completeDraft('op-1', overrides)), withLevels, sameDay, records),
    );
    expect([...new Set(said.map((warning) => warning.code))].sort()).toEqual([...WARNING_CODES].sort());
    for (const warning of said) {
      expect(warning.words, `${warning.code} has words`).toBeDefined();
      expect(say(warning.words, translator('en'), 'en'), warning.code).toBe(warning.message);
      for (const language of ['de', 'fr', 'it'] as const) {
        const words = say(warning.words, translator(language), language, 'de-CH');
        expect(words, `${language} ${warning.code}`).not.toBe(warning.message);
        expect(words, `${language} ${warning.code}`).not.toMatch(/\{|check the|is above|is below|given/);
      }
    }
  });

  it('numbers in the reader’s locale: "2,5" in French, "2.5" in Swiss German, as JavaScript writes them in English', () => {
    const low = { drugs: [{ drug: 'ropivacaine', concentrationMgPerMl: 0.25, volumeMl: 1, site: 0 }] };
    const [warning] = found(low).filter((w) => w.code === 'concentration_implausible');
    if (!warning) throw new Error('no concentration warning');
    expect(warning.message).toContain('Ropivacaine 0.25 mg/mL is below the usual');
    const fr = say(warning.words, translator('fr'), 'fr', 'fr-CH');
    expect(fr).toContain('0,25 mg/ml');
    expect(fr).toContain('(= 2,5 mg/ml)');
    expect(fr).toContain('2–10 mg/ml (0,2–1 %)');
    expect(say(warning.words, translator('de'), 'de', 'de-CH')).toContain('0.25 mg/ml');
    expect(say(warning.words, translator('de'), 'de', 'de-DE')).toContain('(= 2,5 mg/ml)');
    // What the field reads as a percentage, whatever the locale.
    expect(say(warning.words, translator('de'), 'de', 'de-CH')).toContain('wie auf der Ampulle: 0,25 %.');
  });
});
