import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODALITIES, ROOTS, RootLogError, SIDES, SPREAD_PATTERNS } from './model/index.js';
import { amendProcedure, clinicalContent, deleteDraft, getProcedure, saveDraft, signProcedure } from './procedures.js';
import { listProcedures } from './search.js';
import { saveDrug, saveOperator, updateSettings } from './settings.js';
import { proceduresWithWrongFacts } from './sqlite/dashboard-facts.js';
import { completeDraft, context, tempStore } from './testing/fixtures.js';
import { recordSigner, someSigner } from './testing/signer.js';

/*
 * Random and hostile input to every service: each call either succeeds or fails with one
 * of the domain errors (never a raw SQLite or type error), and a failed call leaves every
 * stored record, version and audit row exactly as it was.
 */

const EXPECTED_CODES = new Set(['validation', 'not_found', 'not_a_draft', 'warnings_unconfirmed']);

const hostileText = fc.constantFrom(
  "'; DROP TABLE procedures; --",
  '=HYPERLINK("http://x")',
  '\u0000',
  'ü'.repeat(64),
  ' ',
  '%_\\',
);
const garbage = fc.oneof(
  fc.anything(),
  hostileText,
  fc.double(),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
);
const maybe = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 60, arbitrary: valid }, { weight: 1, arbitrary: garbage });

const target = fc.record(
  {
    root: maybe(fc.constantFrom(...ROOTS)),
    side: maybe(fc.constantFrom(...SIDES)),
    spread: maybe(fc.subarray([...SPREAD_PATTERNS])),
    needleGauge: maybe(fc.constantFrom(20, 22, 25, 27)),
  },
  { requiredKeys: [] },
);
const drug = fc.record(
  {
    drug: maybe(fc.constantFrom('dexamethasone', 'triamcinolone', 'lidocaine', 'sodium_chloride')),
    doseMg: maybe(fc.double({ min: 0, max: 200, noNaN: true })),
    site: maybe(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant('caudal'))),
  },
  { requiredKeys: ['drug'] },
);

const draftFields = (operatorId: string) =>
  fc
    .record(
      {
        id: fc.constant(undefined),
        patientId: maybe(fc.oneof(fc.string({ maxLength: 64 }), hostileText)),
        patientName: maybe(fc.string()),
        performedAt: maybe(fc.constantFrom('2026-03-14T09:30:00+01:00', '2026-03-14T23:59:00-05:00')),
        operatorId: maybe(
          fc.oneof({ weight: 5, arbitrary: fc.constant(operatorId) }, { weight: 1, arbitrary: fc.constant('ghost') }),
        ),
        modality: maybe(fc.constantFrom(...MODALITIES)),
        painPre: maybe(fc.integer({ min: 0, max: 10 })),
        painPost: maybe(fc.integer({ min: 0, max: 10 })),
        dlpMGyCm: maybe(fc.double({ min: 0, max: 1e5, noNaN: true })),
        consent: maybe(fc.constantFrom('obtained', 'not_obtained')),
        indications: maybe(fc.subarray(['disc_herniation', 'other'])),
        targets: maybe(fc.array(target, { maxLength: 3 })),
        drugs: maybe(fc.array(drug, { maxLength: 4 })),
        complications: maybe(
          fc.uniqueArray(
            fc.record({
              type: maybe(fc.constantFrom('none', 'hematoma', 'vasovagal')),
              severity: maybe(fc.constantFrom('minor', 'major')),
            }),
            {
              maxLength: 2,
              selector: (entry) => entry.type,
            },
          ),
        ),
        extraField: fc.constantFrom('not a field'),
      },
      { requiredKeys: [], noNullPrototype: true },
    )
    .map(({ extraField, ...fields }) => (fields.patientId === '' ? { ...fields, extraField } : fields));

describe('every service under random and hostile input', () => {
  it('succeeds or refuses cleanly, and never changes what was already stored', () => {
    const { store, operatorId } = tempStore();
    const signedId = saveDraft(store, completeDraft(operatorId), context).record.id;
    signProcedure(store, signedId, {}, recordSigner(store, signedId), context);
    const draftId = saveDraft(store, completeDraft(operatorId, { patientId: 'DRAFT-1' }), context).record.id;

    const snapshot = () => ({
      signed: getProcedure(store, signedId).record,
      versions: store.writer.db.prepare('SELECT * FROM procedure_versions ORDER BY rowid').all(),
      audit: store.writer.db.prepare('SELECT * FROM audit_log ORDER BY seq').all(),
      draft: store.writer.db.prepare('SELECT * FROM procedures WHERE id = ?').get(draftId),
      settings: store.writer.db.prepare("SELECT * FROM settings WHERE key <> 'consoleName' ORDER BY key").all(),
    });

    const id = fc.oneof(fc.constant(signedId), fc.constant(draftId), fc.uuid({ version: 7 }), garbage);
    const command = fc.oneof(
      fc.record({ kind: fc.constant('save' as const), input: draftFields(operatorId), id: fc.option(id) }),
      fc.record({
        kind: fc.constant('sign' as const),
        id,
        recent: fc.boolean(),
        confirmed: fc.option(fc.array(fc.string())),
      }),
      fc.record({
        kind: fc.constant('amend' as const),
        input: fc.oneof(
          {
            weight: 3,
            arbitrary: fc.record({ painPost: fc.integer({ min: 0, max: 10 }), notes: fc.string({ maxLength: 30 }) }),
          },
          { weight: 1, arbitrary: draftFields(operatorId) },
        ),
        reason: maybe(fc.string({ minLength: 3, maxLength: 40 })),
      }),
      fc.record({ kind: fc.constant('delete' as const), id, recent: fc.boolean() }),
      fc.record({ kind: fc.constant('settings' as const), input: garbage }),
      fc.record({ kind: fc.constant('operator' as const), input: garbage }),
      fc.record({ kind: fc.constant('drug' as const), input: garbage }),
      fc.record({ kind: fc.constant('list' as const), filter: garbage, page: garbage }),
    );

    const outcomes: Record<string, number> = {};
    const recentIds: string[] = [];
    fc.assert(
      fc.property(command, (cmd) => {
        const before = snapshot();
        let succeeded = true;
        try {
          switch (cmd.kind) {
            case 'save':
              recentIds.push(
                saveDraft(store, cmd.id === null ? cmd.input : { ...cmd.input, id: cmd.id }, context).record.id,
              );
              break;
            case 'sign':
              signProcedure(
                store,
                cmd.recent && recentIds.length > 0 ? recentIds.at(-1) : cmd.id,
                { confirmedWarnings: cmd.confirmed ?? [] },
                someSigner(store),
                context,
              );
              break;
            case 'amend':
              amendProcedure(
                store,
                { ...clinicalContent(before.signed), ...cmd.input, id: signedId },
                { reason: cmd.reason },
                someSigner(store),
                context,
              );
              break;
            case 'delete':
              deleteDraft(store, cmd.recent && recentIds.length > 0 ? recentIds.pop() : cmd.id, context);
              break;
            case 'settings':
              updateSettings(store, cmd.input, context);
              break;
            case 'operator':
              saveOperator(store, cmd.input, context);
              break;
            case 'drug':
              saveDrug(store, cmd.input, context);
              break;
            case 'list':
              listProcedures(store, cmd.filter, cmd.page);
              break;
          }
        } catch (error) {
          succeeded = false;
          if (!(error instanceof RootLogError) || !EXPECTED_CODES.has(error.code)) throw error;
          expect(error.message.length).toBeGreaterThan(0);
        }
        outcomes[`${cmd.kind}:${succeeded ? 'ok' : 'refused'}`] =
          (outcomes[`${cmd.kind}:${succeeded ? 'ok' : 'refused'}`] ?? 0) + 1;
        const after = snapshot();
        // History is append-only whatever happened.
        expect(after.versions.slice(0, before.versions.length)).toEqual(before.versions);
        expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
        if (!succeeded) expect(after).toEqual(before);
        if (cmd.kind !== 'amend' || !succeeded) expect(after.signed).toEqual(before.signed);
      }),
      { numRuns: 1200, seed: 20261124 },
    );
    // The generators must reach both outcomes of the writing services, or the property proves little.
    for (const kind of ['save', 'sign', 'amend', 'delete']) {
      expect(outcomes[`${kind}:ok`] ?? 0, `${kind} never succeeded: ${JSON.stringify(outcomes)}`).toBeGreaterThan(0);
      expect(outcomes[`${kind}:refused`] ?? 0, `${kind} was never refused`).toBeGreaterThan(0);
    }
    expect(store.writer.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.writer.db.pragma('foreign_key_check')).toEqual([]);
    // Whatever was saved, signed, amended or refused, every record's dashboard facts are its own.
    expect(proceduresWithWrongFacts(store.writer.db)).toEqual([]);
  });
});
