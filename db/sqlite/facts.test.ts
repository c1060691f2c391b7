import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withReads } from '../model/reads.js';
import {
  decodeFacts,
  encodeFacts,
  encodeFactsText,
  FACT_SOURCE_COLUMNS,
  type FactSource,
  factDrugsOf,
  factsKept,
  monthIndex,
  monthOfIndex,
  STEROID_KINDS,
  steroidKindOf,
  TERM_KINDS,
  TERM_READS,
  type TermKind,
  tableMinutes,
  termsOf,
} from './facts.js';

const source: FactSource = {
  performed_date: '2026-03-14',
  operator_id: 'op-1',
  modality: 'ct',
  caudal_epidural: 1,
  root_sides: 'L5 left,L5 right',
  target_spread_text: 'perineural|intravascular_venous',
  target_drugs_text: 'dexamethasone|triamcinolone;lidocaine',
  indications_text: 'disc_herniation',
  complications_text: 'none',
  pain_pre: 10,
  pain_post: null,
  started_at: '23:50',
  ended_at: '00:05',
  dlp_mgy_cm: 187.25,
  ctdi_vol_mgy: null,
  fluoro_time_s: 0,
  dap_gy_cm2: null,
};
const ids = { operator: 7, modality: 2, targets: 70_000, indications: 0, complications: 3, intravascular_drugs: 9 };

describe('dashboard facts', () => {
  it('decode what was encoded, with missing values kept missing', () => {
    const facts = decodeFacts(
      Buffer.concat([
        encodeFacts(source, ids, 2),
        encodeFacts({ ...source, pain_pre: 0, performed_date: '2026-03-01' }, ids, 0),
      ]),
    );
    expect(facts.count).toBe(2);
    expect([
      facts.operator[0],
      facts.modality[0],
      facts.targets[0],
      facts.indications[0],
      facts.complications[0],
      facts.intravascularDrugs[0],
    ]).toEqual([7, 2, 70_000, 0, 3, 9]);
    expect(facts.caudal[0]).toBe(1);
    expect(monthOfIndex(facts.month[0] as number)).toBe('2026-03');
    expect([...facts.day]).toEqual([14, 1]);
    expect([...facts.steroid]).toEqual([2, 0]);
    expect(facts.painCell[0]).toBe(10 * 12 + 11);
    expect(facts.painCell[1]).toBe(11);
    expect(facts.minutes[0]).toBe(15);
    // Only recorded doses, each with its row; zero is a recorded value.
    expect([...facts.dlp.rows]).toEqual([0, 1]);
    expect([...facts.dlp.values]).toEqual([187.25, 187.25]);
    expect([...facts.fluoroTime.values]).toEqual([0, 0]);
    expect(facts.ctdiVol.values.length).toBe(0);
  });

  it('refuse a layout this version does not know, and a truncated blob', () => {
    const facts = encodeFacts(source, ids, 0);
    facts.writeUInt8(1, 0);
    expect(() => decodeFacts(facts)).toThrow(/layout 1/);
    expect(() => decodeFacts(facts.subarray(0, 71))).toThrow(/not a multiple/);
  });

  it('name each list as a term, and nothing for what a procedure lacks', () => {
    expect(termsOf(source)).toEqual({
      operator: 'op-1',
      modality: 'ct',
      targets: JSON.stringify(['L5 left,L5 right', 'perineural|intravascular_venous']),
      indications: 'disc_herniation',
      complications: 'none',
      // Only the second target's spread was intravascular: its drugs, not the first one's.
      intravascular_drugs: JSON.stringify(['triamcinolone;lidocaine']),
    });
    expect(termsOf({ ...source, target_drugs_text: '|' }).intravascular_drugs).toBe(JSON.stringify(['']));
    expect(termsOf({ ...source, target_spread_text: 'perineural|epidural' }).intravascular_drugs).toBeUndefined();
    expect(termsOf({ ...source, operator_id: null, root_sides: '', complications_text: '' })).toMatchObject({
      operator: undefined,
      targets: undefined,
      complications: undefined,
    });
  });

  it('name the steroid as signed, or as the catalogue was at schema 6 for a record signed before it', () => {
    const frozen = new Map([
      ['triamcinolone', { drugClass: 'steroid', particulate: true }],
      ['dexamethasone', { drugClass: 'steroid', particulate: false }],
      ['ropivacaine', { drugClass: 'local_anaesthetic', particulate: false }],
    ]);
    const signed = (code: string, drugClass: 'steroid' | 'local_anaesthetic', particulate: boolean) => ({
      drug: code,
      site: 0,
      asSigned: { name: code, drugClass, particulate, maxDoseMg: null },
    });
    const kind = (drugs: Parameters<typeof factDrugsOf>[0]) => STEROID_KINDS[steroidKindOf(factDrugsOf(drugs), frozen)];
    expect(kind([])).toBe('none');
    expect(kind([signed('ropivacaine', 'local_anaesthetic', false)])).toBe('none');
    expect(kind([signed('dexamethasone', 'steroid', false), signed('ropivacaine', 'local_anaesthetic', false)])).toBe(
      'non_particulate',
    );
    // The most telling drug counts; what was signed wins over the catalogue of schema 6.
    expect(kind([signed('dexamethasone', 'steroid', false), signed('triamcinolone', 'steroid', true)])).toBe(
      'particulate',
    );
    expect(kind([signed('triamcinolone', 'steroid', false)])).toBe('non_particulate');
    // No facts of its own (signed before schema 6): the frozen catalogue; a code it lacks is no steroid.
    expect(kind([{ drug: 'triamcinolone', site: 0 }])).toBe('particulate');
    expect(kind([{ drug: 'dexamethasone', site: 0 }])).toBe('non_particulate');
    expect(kind([{ drug: 'unknown', site: 0 }])).toBe('none');
  });

  it('count table time across midnight and months from the date', () => {
    expect(tableMinutes('09:30', '09:45')).toBe(15);
    expect(tableMinutes('23:50', '00:05')).toBe(15);
    expect(tableMinutes('09:30', null)).toBeNull();
    expect(monthOfIndex(monthIndex('2025-12-31'))).toBe('2025-12');
    expect(monthIndex('2026-01-01') - monthIndex('2025-12-31')).toBe(1);
  });
});

describe('dashboard facts over every value a record may hold', () => {
  it('encode without error and decode to the same values', () => {
    const twoDigits = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const time = fc.option(
      fc.tuple(twoDigits(23), twoDigits(59)).map(([h, m]) => `${h}:${m}`),
      { nil: null },
    );
    const dose = (max: number) => fc.option(fc.double({ min: 0, max, noNaN: true }), { nil: null });
    const pain = fc.option(fc.integer({ min: 0, max: 10 }), { nil: null });
    const id = fc.integer({ min: 0, max: 2 ** 32 - 1 });
    const arbitrary = fc.record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      pre: pain,
      post: pain,
      started: time,
      ended: time,
      dlp: dose(100_000),
      ctdi: dose(1000),
      fluoro: dose(36_000),
      dap: dose(10_000),
      caudal: fc.constantFrom(0, 1),
      day: fc.integer({ min: 1, max: 28 }),
      steroid: fc.integer({ min: 0, max: STEROID_KINDS.length - 1 }),
      ids: fc.tuple(id, id, id, id, id, id),
    });
    fc.assert(
      fc.property(arbitrary, (value) => {
        const date = `${String(value.year).padStart(4, '0')}-${String(value.month).padStart(2, '0')}-${String(value.day).padStart(2, '0')}`;
        const [operator, modality, targets, indications, complications, intravascular] = value.ids;
        const encoded = encodeFacts(
          {
            ...source,
            performed_date: date,
            caudal_epidural: value.caudal,
            pain_pre: value.pre,
            pain_post: value.post,
            started_at: value.started,
            ended_at: value.ended,
            dlp_mgy_cm: value.dlp,
            ctdi_vol_mgy: value.ctdi,
            fluoro_time_s: value.fluoro,
            dap_gy_cm2: value.dap,
          },
          { operator, modality, targets, indications, complications, intravascular_drugs: intravascular },
          value.steroid,
        );
        const facts = decodeFacts(encoded);
        expect(monthOfIndex(facts.month[0] as number)).toBe(date.slice(0, 7));
        expect([...facts.operator, ...facts.modality, ...facts.targets]).toEqual([operator, modality, targets]);
        expect([...facts.indications, ...facts.complications, ...facts.intravascularDrugs]).toEqual([
          indications,
          complications,
          intravascular,
        ]);
        expect(facts.painCell[0]).toBe((value.pre ?? 11) * 12 + (value.post ?? 11));
        const minutes = tableMinutes(value.started, value.ended);
        expect(facts.minutes[0]).toBe(minutes ?? 65535);
        if (minutes !== null) expect(minutes).toBeGreaterThanOrEqual(0);
        expect([...facts.dlp.values]).toEqual(value.dlp === null ? [] : [value.dlp]);
        expect([...facts.ctdiVol.values]).toEqual(value.ctdi === null ? [] : [value.ctdi]);
        expect([...facts.fluoroTime.values]).toEqual(value.fluoro === null ? [] : [value.fluoro]);
        expect([...facts.dap.values]).toEqual(value.dap === null ? [] : [value.dap]);
        expect(facts.caudal[0]).toBe(value.caudal);
        expect([facts.day[0], facts.steroid[0]]).toEqual([value.day, value.steroid]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('what the dashboard facts read of a row', () => {
  const nullable = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null });
  const spread = fc.subarray(['perineural', 'epidural', 'intravascular_venous', 'intrathecal'], { maxLength: 2 });
  const targets = fc.array(fc.tuple(fc.constantFrom('L5 left', 'S1 right', '? ?'), spread), { maxLength: 2 });
  const randomSource: fc.Arbitrary<FactSource> = fc.record({
    performed_date: fc.constantFrom('2026-03-14', '2025-12-31'),
    operator_id: nullable(fc.constantFrom('op-1', 'op-2')),
    modality: nullable(fc.constantFrom('ct', 'fluoroscopy')),
    caudal_epidural: fc.constantFrom(0, 1),
    root_sides: targets.map((all) => all.map(([rootSide]) => rootSide).join(',')),
    target_spread_text: targets.map((all) => all.map(([, patterns]) => patterns.join(';')).join('|')),
    target_drugs_text: fc.constantFrom('', 'dexamethasone', 'dexamethasone|lidocaine;triamcinolone', '|'),
    indications_text: fc.constantFrom('', 'disc_herniation', 'disc_herniation;other'),
    complications_text: fc.constantFrom('', 'none', 'vasovagal:mild'),
    pain_pre: nullable(fc.integer({ min: 0, max: 10 })),
    pain_post: nullable(fc.integer({ min: 0, max: 10 })),
    started_at: nullable(fc.constantFrom('09:30', '23:50')),
    ended_at: nullable(fc.constantFrom('09:45', '00:05')),
    dlp_mgy_cm: nullable(fc.constantFrom(0, 150, 187.25)),
    ctdi_vol_mgy: nullable(fc.constantFrom(0, 5)),
    fluoro_time_s: nullable(fc.constantFrom(0, 30)),
    dap_gy_cm2: nullable(fc.constantFrom(0, 2)),
  });

  it('is never a column outside the ones noted, whatever the row holds', () => {
    fc.assert(
      fc.property(randomSource, (row) => {
        for (const key of withReads(row, termsOf).reads.keys) expect(TERM_READS.keys).toContain(key);
        for (const key of withReads(row, (view) => encodeFacts(view, ids, 0)).reads.keys)
          expect(FACT_SOURCE_COLUMNS).toContain(key);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the facts, or their terms, only when what they give is what making them again gives', () => {
    // Term ids as dashboard_terms hands them out: each distinct term of a kind once.
    const known = new Map<string, number>();
    const termIds = (row: FactSource) => {
      const terms = termsOf(row);
      return Object.fromEntries(
        TERM_KINDS.map((kind) => {
          const term = terms[kind];
          if (term === undefined) return [kind, 0];
          const key = JSON.stringify([kind, term]);
          if (!known.has(key)) known.set(key, known.size + 1);
          return [kind, known.get(key)];
        }),
      ) as Record<TermKind, number>;
    };
    const made = (row: FactSource, steroid: number) => encodeFactsText(row, termIds(row), steroid);
    fc.assert(
      fc.property(
        randomSource,
        fc.array(fc.tuple(fc.constantFrom(...(Object.keys(source) as (keyof FactSource)[])), randomSource)),
        fc.constantFrom(0, 1, 2),
        (before, edits, steroid) => {
          const row: Record<string, unknown> = { ...before };
          for (const [column, from] of edits) row[column] = from[column];
          const now = row as unknown as FactSource;
          const kept = factsKept(now, { source: before, facts: made(before, steroid) });
          if (kept !== undefined) expect(kept).toBe(made(now, steroid));
        },
      ),
      { numRuns: 500 },
    );
    expect(factsKept({ ...source, pain_post: 3 }, { source, facts: made(source, 1) })).toBe(
      made({ ...source, pain_post: 3 }, 1),
    );
    expect(factsKept({ ...source, modality: 'fluoroscopy' }, { source, facts: made(source, 1) })).toBeUndefined();
  });
});
