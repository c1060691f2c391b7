import { describe, expect, it } from 'vitest';
import { procedureDraftSchema, signingProblems, withPreset } from '../model/index.js';
import { seedDatabase } from '../seed.js';
import { drugCatalogue } from '../settings.js';
import { context, tempStore } from '../testing/fixtures.js';
import { presetSuggestions } from './preset-suggestions.js';

describe("presets from the department's own records", () => {
  it('offers the most used plans of the last year, most used first, each one a valid preset', () => {
    const { store } = tempStore();
    const today = new Date('2026-06-30T12:00:00Z');
    seedDatabase(store, { count: 600, seed: 4, years: 0.5, until: today, followUps: false }, context);
    const suggestions = presetSuggestions(store, { today });
    expect(suggestions.length).toBe(5);
    for (let i = 1; i < suggestions.length; i++) {
      expect(suggestions[i - 1]?.procedures).toBeGreaterThanOrEqual(suggestions[i]?.procedures ?? 0);
    }
    // The most used plan is a single level with the department's usual drugs, counted exactly.
    const top = suggestions[0];
    expect(top?.preset.targets).toHaveLength(1);
    const [root, side] = [top?.preset.targets[0]?.root, top?.preset.targets[0]?.side];
    const counted = store.reader
      .prepare(
        `SELECT count(*) FROM procedures p WHERE status = 'signed' AND root_sides = ? AND modality = ? AND caudal_epidural = 0
           AND (SELECT group_concat(drugs_text, '|') FROM targets t WHERE t.procedure_id = p.id) = ?`,
      )
      .pluck()
      .get(
        `${root} ${side}`,
        top?.preset.modality,
        store.reader
          .prepare(
            `SELECT (SELECT group_concat(drugs_text, '|') FROM targets t WHERE t.procedure_id = p.id) FROM procedures p
              WHERE root_sides = ? AND modality = ? AND caudal_epidural = 0 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
          )
          .pluck()
          .get(`${root} ${side}`, top?.preset.modality),
      );
    expect(top?.procedures).toBe(counted);
    // Applied to an empty draft, a preset gives a plan that signing accepts once the observed facts are in.
    const catalogue = drugCatalogue(store);
    for (const suggestion of suggestions) {
      const planned = withPreset(procedureDraftSchema.parse({}), suggestion.preset);
      const complete = procedureDraftSchema.parse({
        ...planned,
        patientId: 'P1',
        performedAt: '2026-06-01T09:00:00+02:00',
        operatorId: 'op',
        indications: ['disc_herniation'],
        consent: 'obtained',
        targets: planned.targets.map((target) => ({ ...target, spread: ['perineural'] })),
        caudalSpread: planned.caudalEpidural ? ['epidural'] : [],
        painPre: 7,
        painPost: 2,
        complications: [{ type: 'none' }],
      });
      expect(signingProblems(complete, { operatorIds: new Set(['op']), drugCatalogue: catalogue })).toEqual([]);
    }
    store.close();
  });
});
