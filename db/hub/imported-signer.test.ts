import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../exports/run.js';
import { importFile } from '../imports/merge.js';
import { checkDatabase } from '../maintenance.js';
import { saveDraft, signProcedure } from '../procedures.js';
import { listOperators, saveOperator, updateSettings } from '../settings.js';
import type { Store } from '../store.js';
import { completeDraft, context, EVERY_CONFIRMABLE_WARNING, tempPath, tempStore } from '../testing/fixtures.js';
import { startTestCluster, type TestCluster } from '../testing/postgres.js';
import { signerOf } from '../testing/signer.js';
import { asAdmin, joinHub, testHub } from '../testing/test-hub.js';

/*
 * A record imported from another logbook names its signer by an operator id of that logbook
 * (review A2, A3). The import keeps the id only where this logbook can vouch for it, by the
 * rule the hub's pull applies (db/model/carried-signer.ts); otherwise the version is stored,
 * and pushed to the hub, as signed by its signer's name only. `rootlog check` then holds every
 * id beside a name to name an operator who bore that name.
 */

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(() => cluster?.stop());

interface StoredSigner {
  id: string;
  signedBy: string;
  signerId: string | null;
  meaning: string | null;
  signedById: string | null;
}
const storedSigners = (store: Store) =>
  store.reader
    .prepare(
      `SELECT v.procedure_id AS id, v.signed_by AS signedBy, v.signer_id AS signerId, v.meaning, p.signed_by_id AS signedById
         FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id WHERE v.version = 1 ORDER BY v.procedure_id`,
    )
    .all() as StoredSigner[];

/**
 * Records signed with their signers' operator ids in another logbook of this console (set up
 * again, or restored from elsewhere: the same console name), imported here.
 */
async function imported() {
  const { store: source, operatorId: keller } = tempStore();
  updateSettings(source, { consoleName: 'CT-Here' }, context);
  const lang = saveOperator(source, { name: 'Dr. B. Lang' }, context).id;
  [keller, lang, keller, lang].forEach((operatorId, at) => {
    const draft = saveDraft(source, completeDraft(operatorId, { patientId: `P765432${at}` }), context);
    signProcedure(
      source,
      draft.record.id,
      { confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
      signerOf(source, operatorId),
      context,
    );
  });
  const carried = storedSigners(source);
  const out = tempPath('elsewhere.json');
  await runExport(source, { format: 'json', out });
  source.close();
  // This logbook has its own "Dr. A. Keller" (another person, or the same set up twice): the
  // file's one is added under a name told apart, so its id cannot vouch for "Dr. A. Keller".
  const here = tempStore().store;
  updateSettings(here, { consoleName: 'CT-Here' }, context);
  const report = await importFile(here, out, context);
  return { here, carried, report };
}

describe('a signer id an import brings', () => {
  it('is kept where this logbook vouches for it, else stored by name only with the reason; check passes', async () => {
    const { here, carried, report } = await imported();
    expect(report).toMatchObject({ added: carried.length, rejected: [] });
    expect(carried.filter((row) => row.signerId === null)).toEqual([]);
    const renamed = listOperators(here).find((operator) => operator.name.startsWith('Dr. A. Keller ('));
    expect(renamed, 'the file’s Dr. A. Keller is added under a name told apart').toBeDefined();
    const stored = storedSigners(here);
    const byName = stored.filter((row) => row.signedBy === 'Dr. A. Keller');
    const vouched = stored.filter((row) => row.signedBy !== 'Dr. A. Keller');
    expect(byName.length).toBeGreaterThan(0);
    expect(vouched.length).toBeGreaterThan(0);
    for (const row of byName) expect(row).toMatchObject({ signerId: null, meaning: null, signedById: null });
    for (const row of vouched) {
      const from = carried.find((source) => source.id === row.id);
      expect(row).toMatchObject({
        signerId: from?.signerId,
        meaning: 'performed_and_signed',
        signedById: from?.signerId,
      });
    }
    // Why, in the import's audit row.
    const notes = (
      here.reader.prepare("SELECT changes FROM audit_log WHERE entity = 'import'").pluck().all() as string[]
    )
      .map((changes) => JSON.parse(changes) as { signersByNameOnly?: { after: Record<string, string[]> } })
      .flatMap((changes) => (changes.signersByNameOnly ? [changes.signersByNameOnly.after] : []));
    expect(Object.keys(Object.assign({}, ...notes)).sort()).toEqual(byName.map((row) => row.id).sort());
    expect(JSON.stringify(notes)).toMatch(
      /version 1: the operator [0-9a-f-]{36} it names as its signer is Dr\. A\. Keller \(.*\) here, not Dr\. A\. Keller: stored as signed by Dr\. A\. Keller, by name only/,
    );
    const check = checkDatabase(here.path);
    expect(check.ledger?.records.problems).toEqual([]);
    expect(check.ok).toBe(true);
    here.close();
  });

  it('goes to the hub by name only where this console cannot vouch for it', async () => {
    const { here, carried } = await imported();
    const hub = await testHub(cluster);
    const side = await joinHub(hub, here, 'CT-Here');
    expect((await side.sync({ pull: false })).refused).toEqual([]);
    const entries = await asAdmin<{ id: string; entry: { signedBy: string; signerOperatorId?: string } }>(
      hub,
      'SELECT record_id::text AS id, entry FROM hub_versions WHERE version = 1',
    );
    expect(entries).toHaveLength(carried.length);
    for (const { id, entry } of entries) {
      const source = carried.find((row) => row.id === id);
      if (entry.signedBy === 'Dr. A. Keller') expect(entry.signerOperatorId, id).toBeUndefined();
      else expect(entry.signerOperatorId, id).toBe(source?.signerId);
    }
    expect(entries.some(({ entry }) => entry.signedBy === 'Dr. A. Keller')).toBe(true);
  });
});
