import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHistory } from '../audit.js';
import { followUpsOf, recordFollowUp } from '../follow-ups.js';
import { translator } from '../i18n/translator.js';
import { checkDatabase } from '../maintenance.js';
import { say, type Words } from '../model/index.js';
import { amendProcedure, clinicalContent, getProcedure, saveDraft, signProcedure } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import { listOperators, saveOperator } from '../settings.js';
import { pendingCount } from '../sqlite/hub-local.js';
import { computeDashboard } from '../stats/dashboard.js';
import type { Store } from '../store.js';
import { completeDraft, context, EVERY_CONFIRMABLE_WARNING, tempStore } from '../testing/fixtures.js';
import { startTestCluster, type TestCluster } from '../testing/postgres.js';
import { recordSigner, signerOf, someSigner } from '../testing/signer.js';
import { asAdmin, joinHub, type TestConsole, testHub } from '../testing/test-hub.js';
import { conflictViews, resolveConflict } from './conflicts.js';

/*
 * The department hub against a real PostgreSQL, started for this file (initdb in a temporary
 * folder, a free port, stopped afterwards), set up as IT would: hub init as the administrator,
 * each console registered with a login role of its own. No mock.
 */

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(() => cluster?.stop());

const UNTIL = new Date('2026-06-30T12:00:00Z');
/** Why, as `rootlog sync` says it to a German department. */
const german = (row: { words: Words } | undefined) => (row ? say(row.words, translator('de'), 'de') : '');
/** A console registered on the hub, then `count` records signed there. */
async function consoleWith(hub: Awaited<ReturnType<typeof testHub>>, name: string, count: number, seed: number) {
  const joined = await joinHub(hub, tempStore().store, name);
  if (count > 0) seedDatabase(joined.store, { count, seed, until: UNTIL, years: 1 }, context);
  return joined;
}

const signedIds = (store: Store) =>
  (
    store.reader.prepare("SELECT id FROM procedures WHERE status <> 'draft' ORDER BY id").pluck().all() as string[]
  ).join(',');

function amend(store: Store, id: string, changes: Record<string, unknown>, reason: string) {
  const { record } = getProcedure(store, id);
  return amendProcedure(
    store,
    { ...clinicalContent(record), doseExceedanceReason: 'patient_size', ...changes },
    { reason, confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
    recordSigner(store, id),
    context,
  );
}

describe('the department hub on PostgreSQL', () => {
  it('two consoles end with every signed record and follow-up; a repeated sync changes nothing; both logbooks check', async () => {
    const hub = await testHub(cluster);
    const a = await consoleWith(hub, 'CT 1', 30, 1);
    const b = await consoleWith(hub, 'CT 2', 20, 2);
    expect(pendingCount(a.store.reader)).toBe(30);
    expect(await a.sync()).toMatchObject({ pushed: 30, pulled: 0, conflicts: [], refused: [], pending: 0 });
    expect(await b.sync()).toMatchObject({ pushed: 20, pulled: 30, conflicts: [], refused: [], pending: 0 });
    expect(await a.sync()).toMatchObject({ pushed: 0, pulled: 20, refused: [] });
    expect(signedIds(a.store)).toBe(signedIds(b.store));
    expect(signedIds(a.store).split(',')).toHaveLength(50);
    for (const side of [a, b])
      expect(await side.sync()).toMatchObject({
        pushed: 0,
        pulled: 0,
        followUpsPulled: 0,
        pending: 0,
        refused: [],
        notice: null,
      });
    const [counts] = await asAdmin<{ versions: string; followUps: string }>(
      hub,
      'SELECT (SELECT count(*) FROM hub_versions) AS versions, (SELECT count(*) FROM hub_follow_ups) AS "followUps"',
    );
    const followUps = a.store.reader.prepare('SELECT count(*) FROM follow_up_entries').pluck().get() as number;
    expect(counts).toEqual({ versions: '50', followUps: String(followUps) });
    expect(b.store.reader.prepare('SELECT count(*) FROM follow_up_entries').pluck().get()).toBe(followUps);
    // Each console's dashboard covers the department; a switch shows this console only.
    expect(computeDashboard(a.store, {}).procedures).toBe(50);
    expect(computeDashboard(a.store, { consoleNames: ['CT 1'] }).procedures).toBe(30);
    // The records are the same records: content and versions equal on both consoles.
    const id = signedIds(b.store).split(',')[0] as string;
    expect(getProcedure(a.store, id).record).toEqual(getProcedure(b.store, id).record);
    // What came from the hub keeps the logbook's own evidence whole.
    for (const side of [a, b]) expect(checkDatabase(side.store.path).ok).toBe(true);
  });

  it('ten consoles syncing at once: every console ends with every record, each version held once', async () => {
    const hub = await testHub(cluster);
    const consoles: TestConsole[] = [];
    for (let index = 0; index < 10; index++)
      consoles.push(await consoleWith(hub, `Room ${index + 1}`, 12, 100 + index));
    await Promise.all(consoles.map((side) => side.sync()));
    const round = await Promise.all(consoles.map((side) => side.sync()));
    expect(round.flatMap((report) => [...report.conflicts, ...report.refused])).toEqual([]);
    const all = signedIds((consoles[0] as TestConsole).store);
    expect(all.split(',')).toHaveLength(120);
    for (const side of consoles) expect(signedIds(side.store)).toBe(all);
    const [counts] = await asAdmin<{ versions: string }>(hub, 'SELECT count(*) AS versions FROM hub_versions');
    expect(counts?.versions).toBe('120');
  });

  it('an amendment by the owner reaches every console, as an amendment audited there as received from the hub', async () => {
    const hub = await testHub(cluster);
    const a = await consoleWith(hub, 'CT 1', 4, 7);
    const b = await consoleWith(hub, 'CT 2', 0, 0);
    const c = await consoleWith(hub, 'CT 3', 0, 0);
    await a.sync();
    await b.sync();
    const id = signedIds(a.store).split(',')[0] as string;
    amend(a.store, id, { painPost: 1 }, 'pain after re-scored at 30 min');
    expect(await a.sync()).toMatchObject({ pushed: 1, conflicts: [], refused: [] });
    // B had version 1; C had nothing: both end with version 2.
    for (const side of [b, c]) {
      const report = await side.sync();
      expect(report.refused).toEqual([]);
      const here = getProcedure(side.store, id);
      expect(here.record).toMatchObject({
        painPost: 1,
        version: 2,
        status: 'amended',
        amendReason: 'pain after re-scored at 30 min',
      });
      expect(here.versions.map((version) => version.version)).toEqual([1, 2]);
      expect(clinicalContent(here.record)).toEqual(clinicalContent(getProcedure(a.store, id).record));
    }
    const received = auditHistory(b.store, 'procedure', id).find((entry) => entry.action === 'amend');
    expect(received?.changes.receivedFromHub?.after).toMatchObject({ console: 'CT 1', hubVersion: 2 });
    expect(received?.changes.painPost).toBeDefined();
    expect((await b.sync()).amendmentsPulled).toBe(0);
    expect(pendingCount(b.store.reader)).toBe(0);
    for (const side of [a, b, c]) expect(checkDatabase(side.store.path).ok).toBe(true);
  });

  it('a record whose operator has not come yet waits (not refused) and is taken once the catalogue entry arrives', async () => {
    const hub = await testHub(cluster);
    const a = await consoleWith(hub, 'CT 1', 5, 23);
    await a.sync();
    // As if CT 1's catalogue entries had committed after CT 2 read the catalogue (pushes take no lock).
    await asAdmin(
      hub,
      "CREATE TABLE public.held AS SELECT * FROM hub_catalogue WHERE console = 'CT 1' AND kind = 'operator'",
    );
    await asAdmin(hub, "DELETE FROM hub_catalogue WHERE console = 'CT 1' AND kind = 'operator'");
    const b = await consoleWith(hub, 'CT 2', 0, 0);
    const early = await b.sync();
    expect(early).toMatchObject({ pulled: 0, refused: [] });
    expect(early.waiting).toBeGreaterThan(0);
    await asAdmin(
      hub,
      'INSERT INTO hub_catalogue (kind, key, version, console, entry, signature) SELECT kind, key, version, console, entry, signature FROM public.held',
    );
    const later = await b.sync();
    expect(later).toMatchObject({ pulled: 5, refused: [], waiting: 0 });
    expect(signedIds(b.store)).toBe(signedIds(a.store));
  });

  it('a follow-up made on another console and an operator renamed there travel as signed entries, audited as received', async () => {
    const hub = await testHub(cluster);
    const a = await consoleWith(hub, 'CT 1', 3, 19);
    const b = await consoleWith(hub, 'CT 2', 0, 0);
    await a.sync();
    await b.sync();
    const id = signedIds(a.store).split(',')[0] as string;
    const performed = getProcedure(b.store, id).record.performedAt?.slice(0, 10) as string;
    const entry = recordFollowUp(
      b.store,
      { procedureId: id, contactDate: performed, method: 'phone', legNrs: 2 },
      someSigner(b.store),
      { actor: 'Nurse on CT 2', now: () => new Date(`${performed}T18:00:00Z`) },
    );
    const operator = getProcedure(a.store, id).record.operatorId as string;
    const renamed = listOperators(b.store).find((found) => found.id === operator) as { id: string; name: string };
    saveOperator(b.store, { ...renamed, name: `${renamed.name}-Muster` }, context);
    const pushed = await b.sync();
    expect(pushed).toMatchObject({ followUpsPushed: 1, refused: [], conflicts: [] });
    const onA = await a.sync();
    // CT 2's own operator (its first sync) and the rename.
    expect(onA).toMatchObject({ followUpsPulled: 1, catalogueChanges: 2, refused: [] });
    expect(followUpsOf(a.store, id).map((found) => found.id)).toContain(entry.id);
    expect(listOperators(a.store).find((found) => found.id === operator)?.name).toBe(`${renamed.name}-Muster`);
    const audited = auditHistory(a.store, 'operator', operator).at(-1);
    expect(audited?.reason).toBe('received from the hub (CT 2)');
    // Renamed back on CT 1: the next version of the same key, taken by CT 2.
    saveOperator(a.store, { ...renamed, name: renamed.name }, context);
    await a.sync();
    await b.sync();
    expect(listOperators(b.store).find((found) => found.id === operator)?.name).toBe(renamed.name);
    const versions = await asAdmin<{ version: number }>(
      hub,
      `SELECT version FROM hub_catalogue WHERE kind = 'operator' AND key = $1 ORDER BY version`,
      [operator],
    );
    expect(versions.map((row) => row.version)).toEqual([1, 2, 3]);
    for (const side of [a, b]) expect(checkDatabase(side.store.path).ok).toBe(true);
  });

  it('two consoles changing the same record: a conflict recorded on the hub, visible on both until the owner resolves it', async () => {
    const hub = await testHub(cluster);
    const a = await consoleWith(hub, 'CT 1', 3, 9);
    const b = await consoleWith(hub, 'CT 2', 0, 0);
    await a.sync();
    await b.sync();
    const id = signedIds(a.store).split(',')[0] as string;
    amend(a.store, id, { painPost: 3 }, 'pain after re-scored on CT 1');
    amend(b.store, id, { painPost: 4 }, 'pain after re-scored on CT 2');
    expect(await a.sync()).toMatchObject({ pushed: 1, conflicts: [] });
    const onB = await b.sync();
    expect(onB.conflicts.map((conflict) => conflict.id)).toContain(id);
    expect(onB.conflicts[0]?.reason).toMatch(/belongs to "CT 1".*conflict/);
    expect(german(onB.conflicts[0])).toBe(
      'hier ergänzt, aber der Eintrag gehört «CT 1»: Als Konflikt zur Entscheidung an sie gesendet',
    );
    // Recorded on the server, appended; B now shows the owner's version, its own kept in its history.
    const onServer = await asAdmin<{ console: string; record_id: string }>(
      hub,
      'SELECT console, record_id::text FROM hub_conflicts',
    );
    expect(onServer).toEqual([{ console: 'CT 2', record_id: id }]);
    expect(getProcedure(b.store, id).record.painPost).toBe(3);
    expect(getProcedure(b.store, id).versions).toHaveLength(3);
    // Visible on both consoles, side by side; only the owner resolves.
    const pulledByA = await a.sync();
    expect(pulledByA.conflicts.map(german)).toEqual([
      'die Konsole «CT 2» hat diesen Eintrag ergänzt, der einer anderen Konsole gehört: Der Konflikt bleibt offen, bis die Eigentümerin ihn löst',
    ]);
    const [onA] = conflictViews(a.store);
    expect(onA).toMatchObject({ recordId: id, owner: 'CT 1', proposer: 'CT 2', resolvesHere: true, resolution: null });
    expect(onA?.fields).toContainEqual({ field: 'painPost', here: 3, proposed: 4 });
    expect(conflictViews(b.store)[0]).toMatchObject({ recordId: id, resolvesHere: false });
    expect(() =>
      resolveConflict(
        b.store,
        onA?.id as string,
        { decision: 'took', reason: 'mine is right' },
        someSigner(b.store),
        context,
      ),
    ).toThrow(/Only the console that owns the record/);
    // Still open after more syncs.
    await b.sync();
    expect(conflictViews(b.store)).toHaveLength(1);
    // The owner takes CT 2's amendment: an amendment on CT 1, which travels and settles the conflict everywhere.
    resolveConflict(
      a.store,
      onA?.id as string,
      { decision: 'took', reason: 'CT 2 re-scored after 30 minutes', confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
      recordSigner(a.store, id),
      context,
    );
    expect(getProcedure(a.store, id).record).toMatchObject({ painPost: 4, version: 3 });
    expect(conflictViews(a.store)).toEqual([]);
    await a.sync();
    await b.sync();
    expect(conflictViews(b.store)).toEqual([]);
    expect(getProcedure(b.store, id).record.painPost).toBe(4);
    expect(await asAdmin(hub, 'SELECT 1 FROM hub_resolutions')).toHaveLength(1);
  });

  it('a version signed at one console keeps its operator id and meaning at another; an amendment by an operator unknown there keeps its name only; a follow-up keeps its id', async () => {
    const hub = await testHub(cluster);
    const made = tempStore();
    const a = await joinHub(hub, made.store, 'CT 1');
    const b = await consoleWith(hub, 'CT 2', 0, 0);
    const id = saveDraft(a.store, completeDraft(made.operatorId), context).record.id;
    signProcedure(a.store, id, {}, made.signer, context);
    expect(await a.sync()).toMatchObject({ pushed: 1, refused: [] });
    const [onHub] = await asAdmin<{ entry: string }>(
      hub,
      'SELECT entry::text AS entry FROM hub_versions WHERE record_id = $1',
      [id],
    );
    expect(JSON.parse(onHub?.entry as string)).toMatchObject({
      signerOperatorId: made.operatorId,
      signatureMeaning: 'performed_and_signed',
    });
    expect(await b.sync()).toMatchObject({ pulled: 1, refused: [] });
    const signedThere = getProcedure(b.store, id);
    expect(signedThere.record).toMatchObject({
      signedBy: 'Dr. A. Keller',
      signedById: made.operatorId,
      signedMeaning: 'performed_and_signed',
    });
    expect(signedThere.versions[0]).toMatchObject({ signerId: made.operatorId, meaning: 'performed_and_signed' });
    const signedAudit = auditHistory(b.store, 'procedure', id).find((entry) => entry.action === 'sign');
    expect(signedAudit?.changes.signature?.after).toEqual({
      operatorId: made.operatorId,
      name: 'Dr. A. Keller',
      meaning: 'performed_and_signed',
    });

    // Amended at A by another radiologist, whose catalogue entry has not reached B: B cannot
    // vouch for the id, so the amendment is stored under the name only, and the audit row says why.
    const { id: amender } = saveOperator(a.store, { name: 'Dr. B. Rossi' }, context);
    const { record } = getProcedure(a.store, id);
    amendProcedure(
      a.store,
      { ...clinicalContent(record), painPost: 1 },
      { reason: 'pain after re-scored at 30 min', confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
      signerOf(a.store, amender),
      context,
    );
    expect(await a.sync()).toMatchObject({ pushed: 1, refused: [] });
    await asAdmin(hub, "DELETE FROM hub_catalogue WHERE kind = 'operator' AND key = $1", [amender]);
    expect(await b.sync()).toMatchObject({ amendmentsPulled: 1, refused: [] });
    const amendedThere = getProcedure(b.store, id);
    expect(amendedThere.record).toMatchObject({
      version: 2,
      amendedBy: 'Dr. B. Rossi',
      amendedById: null,
      amendedMeaning: null,
    });
    expect(amendedThere.versions[1]).toMatchObject({ signedBy: 'Dr. B. Rossi', signerId: null, meaning: null });
    expect(listOperators(b.store).some((operator) => operator.id === amender)).toBe(false);
    const amendedAudit = auditHistory(b.store, 'procedure', id).find((entry) => entry.action === 'amend');
    expect(amendedAudit?.changes.signature).toBeUndefined();
    expect(amendedAudit?.changes.receivedFromHub?.after).toHaveProperty(
      'signer',
      `the operator ${amender} it names as its signer is not among this console's operators: stored as signed by Dr. B. Rossi at "CT 1", by name only`,
    );

    // A follow-up recorded at B: A stores who proved it and its meaning.
    const performed = amendedThere.record.performedAt?.slice(0, 10) as string;
    const recorder = listOperators(b.store).find((operator) => operator.id === made.operatorId) as { id: string };
    const followUp = recordFollowUp(
      b.store,
      { procedureId: id, contactDate: performed, method: 'phone', legNrs: 2 },
      signerOf(b.store, recorder.id),
      { actor: 'Nurse on CT 2', now: () => new Date(`${performed}T18:00:00Z`) },
    );
    expect(await b.sync()).toMatchObject({ followUpsPushed: 1, refused: [] });
    expect(await a.sync()).toMatchObject({ followUpsPulled: 1, refused: [] });
    expect(followUpsOf(a.store, id).find((found) => found.id === followUp.id)).toMatchObject({
      recordedBy: 'Dr. A. Keller',
      recordedById: made.operatorId,
      meaning: 'follow_up_recorded',
    });
    for (const side of [a, b]) expect(checkDatabase(side.store.path).ok).toBe(true);
  });

  it('an entry without a signer id or meaning (an older console, a version signed before PINs) is taken as a carried name', async () => {
    const hub = await testHub(cluster);
    const a = await consoleWith(hub, 'CT 1', 2, 31);
    const b = await consoleWith(hub, 'CT 2', 0, 0);
    await a.sync();
    const entries = await asAdmin<{ entry: string }>(hub, 'SELECT entry::text AS entry FROM hub_versions');
    expect(entries).toHaveLength(2);
    for (const row of entries) {
      expect(row.entry).not.toContain('signerOperatorId');
      expect(row.entry).not.toContain('signatureMeaning');
    }
    expect(await b.sync()).toMatchObject({ pulled: 2, refused: [] });
    for (const id of signedIds(b.store).split(',')) {
      const here = getProcedure(b.store, id);
      expect(here.record.signedBy).toBe(getProcedure(a.store, id).record.signedBy);
      expect(here.record).toMatchObject({ signedById: null, signedMeaning: null });
      expect(here.versions[0]).toMatchObject({ signerId: null, meaning: null });
    }
    expect(checkDatabase(b.store.path).ok).toBe(true);
  });

  it('a version changed in the logbook behind the app is refused, never signed for the hub', async () => {
    const hub = await testHub(cluster);
    const a = await consoleWith(hub, 'CT 1', 6, 9);
    const id = signedIds(a.store).split(',')[0] as string;
    a.store.writer.db.exec('DROP TRIGGER procedure_versions_no_update');
    a.store.writer.db
      .prepare(`UPDATE procedure_versions SET content = json_set(content, '$.painPost', 0) WHERE procedure_id = ?`)
      .run(id);
    const report = await a.sync();
    expect(report.pushed).toBe(5);
    expect(report.refused.map((refusal) => refusal.id)).toEqual([id]);
    expect(report.refused[0]?.reason).toMatch(/changed in this logbook after it was signed/);
    // In the reader's language, declared words (issue 29).
    expect(german(report.refused[0])).toBe(
      'Version 1 wurde in diesem Logbuch nach der Signatur verändert (ihr Glied der Hash-Kette stimmt nicht): Sie wird für den Hub nicht signiert; führen Sie rootlog check aus',
    );
    expect(await asAdmin(hub, `SELECT 1 FROM hub_versions WHERE record_id = '${id}'`)).toEqual([]);
    expect(report.pending).toBe(1);
  });

  it('a day without the network: the outbox keeps the work, the server is named as the side that failed, and it drains afterwards', async () => {
    const hub = await testHub(cluster);
    const a = await consoleWith(hub, 'CT 1', 25, 11);
    cluster.kill();
    try {
      const failure = await a.sync().then(
        () => null,
        (error: unknown) => error as { side: string; message: string },
      );
      expect(failure?.side).toBe('remote');
      expect(failure?.message).toMatch(/department server .* could not be reached.*Nothing was lost/);
      expect(pendingCount(a.store.reader)).toBe(25);
    } finally {
      cluster.start();
    }
    expect(await a.sync()).toMatchObject({ pushed: 25, pending: 0 });
  });

  it('the server killed in the middle of a push: no loss and no duplicate after the next sync', async () => {
    const hub = await testHub(cluster);
    const a = await consoleWith(hub, 'CT 1', 800, 13);
    const b = await consoleWith(hub, 'CT 2', 0, 0);
    let settled = false;
    const pushing = a.sync().finally(() => {
      settled = true;
    });
    // Part of the way through the records (the first ones have left the outbox), the server
    // goes: the kill runs at once, before the push can take another turn. Never a sleep.
    while (!settled && pendingCount(a.store.reader) === 800) await new Promise((resolve) => setImmediate(resolve));
    cluster.kill();
    const outcome = await pushing.then(
      () => 'finished before the kill',
      () => 'stopped',
    );
    cluster.start();
    const again = await a.sync();
    expect(again.pending).toBe(0);
    expect(again.refused).toEqual([]);
    await b.sync();
    expect(signedIds(b.store)).toBe(signedIds(a.store));
    const [counts] = await asAdmin<{ versions: string }>(hub, 'SELECT count(*) AS versions FROM hub_versions');
    expect(counts?.versions).toBe('800');
    expect(['stopped', 'finished before the kill']).toContain(outcome);
  });

  it('the server killed in the middle of a pull: the next sync brings the rest, nothing twice', async () => {
    const hub = await testHub(cluster);
    const a = await consoleWith(hub, 'CT 1', 800, 17);
    await a.sync();
    const b = await consoleWith(hub, 'CT 2', 0, 0);
    let settled = false;
    const pulling = b.sync().finally(() => {
      settled = true;
    });
    // Once the first records have arrived (never a sleep), the server goes.
    const arrived = () => b.store.reader.prepare('SELECT count(*) FROM procedure_versions').pluck().get() as number;
    while (!settled && arrived() === 0) await new Promise((resolve) => setImmediate(resolve));
    cluster.kill();
    const outcome = await pulling.then(
      () => 'finished before the kill',
      () => 'stopped',
    );
    cluster.start();
    await b.sync();
    expect(signedIds(b.store)).toBe(signedIds(a.store));
    expect(b.store.reader.prepare('SELECT count(*) FROM procedure_versions').pluck().get()).toBe(800);
    expect(['stopped', 'finished before the kill']).toContain(outcome);
    expect(checkDatabase(b.store.path).ok).toBe(true);
  });
});
