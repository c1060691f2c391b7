import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHistory } from '../audit.js';
import { translator } from '../i18n/translator.js';
import { say, type Words } from '../model/index.js';
import { getProcedure } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import { drugCatalogue, listOperators, saveOperator } from '../settings.js';
import { listRefusals, readPosition } from '../sqlite/hub-local.js';
import { newId, type Store } from '../store.js';
import { context, tempStore } from '../testing/fixtures.js';
import { startTestCluster, type TestCluster } from '../testing/postgres.js';
import { adminClient, asAdmin, asRole, joinHub, type TestConsole, type TestHub, testHub } from '../testing/test-hub.js';
import { consoleKey } from './console-key.js';
import { type AnyEntry, ENTRY_FORMAT, signed } from './entries.js';
import { hubRefusals } from './local-state.js';
import { retireConsole } from './server-schema.js';

/*
 * The hub attacked with a console's own database credentials — what a stolen laptop gives —
 * and, where the server itself refuses, with its own checks taken away by an administrator (an
 * old or tampered hub), so that every console's own checks are shown too. Each attack ends
 * refused and reported, nothing already there is lost, and no console's sync stalls.
 */

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(() => cluster?.stop());

const UNTIL = new Date('2026-06-30T12:00:00Z');

interface Scene {
  hub: TestHub;
  a: TestConsole;
  b: TestConsole;
  /** One of A's records, on every console. */
  record: string;
}

async function scene(count = 4): Promise<Scene> {
  const hub = await testHub(cluster);
  const a = await joinHub(hub, tempStore().store, 'CT-A');
  seedDatabase(a.store, { count, seed: 3, until: UNTIL, years: 1 }, context);
  const b = await joinHub(hub, tempStore().store, 'CT-B');
  await a.sync();
  await b.sync();
  const record = a.store.reader.prepare('SELECT id FROM procedures ORDER BY id LIMIT 1').pluck().get() as string;
  return { hub, a, b, record };
}

/** An entry signed with a console's own key (as a compromised console, or a fault in one, would). */
function signedBy(side: TestConsole, entry: AnyEntry) {
  return signed(entry, consoleKey(side.store, side.vault, context).privateKey);
}

/** The text of a version as the hub holds it, and a signature that is not the console's. */
async function versionRow(hub: TestHub, record: string, version = 1) {
  const [row] = await asAdmin<{ entry: string; signature: string }>(
    hub,
    'SELECT entry::text AS entry, signature FROM hub_versions WHERE record_id = $1 AND version = $2',
    [record, version],
  );
  return row as { entry: string; signature: string };
}
const FORGED_SIGNATURE = `${'A'.repeat(86)}==`;

/** A later, legitimate record of A's: it must still arrive after whatever was tried. */
async function stillFlows(scene: Scene, side: TestConsole) {
  seedDatabase(scene.a.store, { count: 1, seed: 77, until: UNTIL, years: 1 }, context);
  const newest = scene.a.store.reader
    .prepare('SELECT id FROM procedures ORDER BY rowid DESC LIMIT 1')
    .pluck()
    .get() as string;
  expect((await scene.a.sync({ pull: false })).refused).toEqual([]);
  await side.sync();
  expect(getProcedure(side.store, newest).record.id).toBe(newest);
}

const has = (store: Store, id: string) =>
  store.reader.prepare('SELECT 1 FROM procedures WHERE id = ?').get(id) !== undefined;

describe('the hub attacked with a console’s own credentials', () => {
  it('a forged record (a copied entry, recomputed, attributed to CT-A and its signer) is refused by every console, and the pull goes on', async () => {
    const s = await scene();
    const forgedId = newId();
    const { entry } = await versionRow(s.hub, s.record);
    const forged = entry.replace(s.record, forgedId).replace('"painPost":', '"painPost":0,"x":');
    // The server takes it: it is CT-A's own role adding a first version. Only the signature tells.
    await asRole(
      s.hub,
      s.a.role,
      'INSERT INTO hub_versions (record_id, version, entry, signature) VALUES ($1, 1, $2, $3)',
      [forgedId, forged, FORGED_SIGNATURE],
    );
    const c = await joinHub(s.hub, tempStore().store, 'CT-C');
    const onC = await c.sync();
    expect(onC.refused.map((refusal) => refusal.id)).toEqual([forgedId]);
    expect(onC.refused[0]?.reason).toMatch(/signature does not verify with the registered key of "CT-A"/);
    // Its words, for `rootlog sync` and the list of refusals in the reader's language.
    const words = onC.refused[0]?.words;
    if (!words) throw new Error('a refusal pulled carries its words');
    // What the row is about said in German too (issue 29), its id as it is.
    expect(say(words, translator('de'), 'de')).toBe(
      `Eintrag ${forgedId} Version 1 von «CT-A»: ihre Signatur lässt sich mit dem registrierten Schlüssel von «CT-A» nicht bestätigen: Die Konsole hat sie nicht geschrieben (gefälscht oder auf dem Server verändert)`,
    );
    const [kept] = hubRefusals(c.store, 10);
    expect(kept?.reason.message.id).toBe('hubRefusal.forged');
    expect(say(kept?.subject as Words, translator('de'), 'de')).toBe(`Eintrag ${forgedId} Version 1`);
    // Kept as words, their English beside for IT reading the file.
    expect(JSON.parse(c.store.reader.prepare('SELECT subject FROM hub_refusals').pluck().get() as string)).toEqual({
      id: 'hubRefusal.subjectVersion',
      values: { record: forgedId, version: '1' },
      text: `record ${forgedId} version 1`,
    });
    expect(onC.pulled).toBe(4);
    expect(has(c.store, forgedId)).toBe(false);
    const onB = await s.b.sync();
    expect(onB.refused.map((refusal) => refusal.id)).toEqual([forgedId]);
    // Kept for IT on the console, with the row itself; reported once, not at every sync.
    expect(listRefusals(c.store.reader, 10)[0]).toMatchObject({ console: 'CT-A', waiting: false });
    expect((await c.sync()).refused).toEqual([]);
    await stillFlows(s, c);
  });

  it('a signer’s operator id without its meaning, or a meaning that is not the version’s, is refused even with the console’s key', async () => {
    const s = await scene();
    const { entry } = await versionRow(s.hub, s.record);
    const operator = listOperators(s.a.store)[0]?.id as string;
    const halfId = newId();
    const wrongId = newId();
    const variants: [string, Record<string, unknown>][] = [
      [halfId, { signerOperatorId: operator }],
      [wrongId, { signerOperatorId: operator, signatureMeaning: 'amended' }],
    ];
    for (const [id, fields] of variants) {
      const text = signedBy(s.a, { ...(JSON.parse(entry) as AnyEntry), recordId: id, ...fields } as AnyEntry);
      await asRole(
        s.hub,
        s.a.role,
        'INSERT INTO hub_versions (record_id, version, entry, signature) VALUES ($1, 1, $2, $3)',
        [id, text.text, text.signature],
      );
    }
    const onB = await s.b.sync();
    expect(Object.fromEntries(onB.refused.map((refusal) => [refusal.id, refusal.reason]))).toEqual({
      [halfId]: expect.stringMatching(/its signer’s operator id and the signature’s meaning do not come together/),
      [wrongId]: expect.stringMatching(/its signature means "amended", but version 1 is performed and signed/),
    });
    expect(has(s.b.store, halfId) || has(s.b.store, wrongId)).toBe(false);
    await stillFlows(s, s.b);
  });

  it('a signer’s operator id the pulling console cannot vouch for — another name, a technologist, not the record’s operator — is stored by name only, with a note', async () => {
    const s = await scene();
    const { entry } = await versionRow(s.hub, s.record);
    const copied = JSON.parse(entry) as AnyEntry & { signedBy: string; content: { operatorId: string } };
    const performer = copied.content.operatorId;
    // Operators of the pulling console itself: what a forger most wants a signature to name.
    const technologist = saveOperator(s.b.store, { name: 'MTRA S. Huber', role: 'technologist' }, context);
    const colleague = saveOperator(s.b.store, { name: 'Dr. C. Meier' }, context);
    const attacks: { id: string; signedBy: string; operatorId: string; signer: string; doubt: string }[] = [
      {
        id: newId(),
        signedBy: 'Dr. Scapegoat',
        operatorId: performer,
        signer: performer,
        doubt: `the operator ${performer} it names as its signer is ${copied.signedBy} here, not Dr. Scapegoat`,
      },
      {
        id: newId(),
        signedBy: technologist.name,
        operatorId: technologist.id,
        signer: technologist.id,
        doubt: `the operator ${technologist.id} it names as its signer, MTRA S. Huber, is a technologist here: a radiologist signs and amends`,
      },
      {
        id: newId(),
        signedBy: colleague.name,
        operatorId: performer,
        signer: colleague.id,
        doubt: `the operator ${colleague.id} it names as its signer, Dr. C. Meier, is not the record's operator: the signature means "performed and signed"`,
      },
    ];
    for (const attack of attacks) {
      const forged = {
        ...copied,
        recordId: attack.id,
        signedBy: attack.signedBy,
        content: { ...copied.content, id: attack.id, operatorId: attack.operatorId },
        signerOperatorId: attack.signer,
        signatureMeaning: 'performed_and_signed',
      } as AnyEntry;
      const text = signedBy(s.a, forged);
      await asRole(
        s.hub,
        s.a.role,
        'INSERT INTO hub_versions (record_id, version, entry, signature) VALUES ($1, 1, $2, $3)',
        [attack.id, text.text, text.signature],
      );
    }
    expect((await s.b.sync()).refused).toEqual([]);
    for (const attack of attacks) {
      const here = getProcedure(s.b.store, attack.id);
      // Shown as it was signed, by name, and nowhere as proven by an operator of this console.
      expect(here.record).toMatchObject({ signedBy: attack.signedBy, signedById: null, signedMeaning: null });
      expect(here.versions[0]).toMatchObject({ signedBy: attack.signedBy, signerId: null, meaning: null });
      const audited = auditHistory(s.b.store, 'procedure', attack.id).find((row) => row.action === 'sign');
      expect(audited?.changes.signature).toBeUndefined();
      expect(audited?.changes.receivedFromHub?.after).toHaveProperty(
        'signer',
        `${attack.doubt}: stored as signed by ${attack.signedBy} at "CT-A", by name only`,
      );
    }
    await stillFlows(s, s.b);
  });

  it('a record cannot be rewritten: no UPDATE; a new version under CT-A (dexamethasone 15 mg) without its key is refused; CT-B cannot add one at all', async () => {
    const s = await scene();
    await expect(
      asRole(s.hub, s.a.role, `UPDATE hub_versions SET entry = '{}' WHERE record_id = $1`, [s.record]),
    ).rejects.toThrow(/permission denied/);
    const { entry } = await versionRow(s.hub, s.record);
    const rewritten = JSON.parse(entry) as Record<string, unknown> & { content: { drugs: { doseMg?: number }[] } };
    rewritten.version = 2;
    rewritten.reason = 'rewritten';
    for (const drug of rewritten.content.drugs) if (drug.doseMg !== undefined) drug.doseMg = 15;
    await asRole(
      s.hub,
      s.a.role,
      'INSERT INTO hub_versions (record_id, version, entry, signature) VALUES ($1, 2, $2, $3)',
      [s.record, JSON.stringify(rewritten), FORGED_SIGNATURE],
    );
    await expect(
      asRole(
        s.hub,
        s.b.role,
        'INSERT INTO hub_versions (record_id, version, entry, signature) VALUES ($1, 3, $2, $3)',
        [s.record, JSON.stringify(rewritten), FORGED_SIGNATURE],
      ),
    ).rejects.toThrow(/row-level security/);
    const before = getProcedure(s.b.store, s.record).record;
    const onB = await s.b.sync();
    expect(onB.refused.map((refusal) => refusal.id)).toEqual([s.record]);
    expect(onB.amendmentsPulled).toBe(0);
    expect(getProcedure(s.b.store, s.record).record).toEqual(before);
    // A console that joins later is not given the rewritten version either.
    const c = await joinHub(s.hub, tempStore().store, 'CT-C');
    await c.sync();
    expect(getProcedure(c.store, s.record).record).toMatchObject({ version: 1 });
    expect(getProcedure(c.store, s.record).record.drugs).toEqual(before.drugs);
  });

  it('a row naming the pulling console as its origin: the server writes who added it, and the console refuses it', async () => {
    const s = await scene();
    const forgedId = newId();
    const { entry } = await versionRow(s.hub, s.record);
    const asB = entry.replace(s.record, forgedId).replace('"console":"CT-A"', '"console":"CT-B"');
    await expect(
      asRole(
        s.hub,
        s.a.role,
        `INSERT INTO hub_versions (record_id, version, console, entry, signature) VALUES ($1, 1, 'CT-B', $2, $3)`,
        [forgedId, asB, FORGED_SIGNATURE],
      ),
    ).rejects.toThrow(/permission denied/);
    await asRole(
      s.hub,
      s.a.role,
      'INSERT INTO hub_versions (record_id, version, entry, signature) VALUES ($1, 1, $2, $3)',
      [forgedId, asB, FORGED_SIGNATURE],
    );
    const [added] = await asAdmin<{ console: string }>(s.hub, 'SELECT console FROM hub_versions WHERE record_id = $1', [
      forgedId,
    ]);
    expect(added?.console).toBe('CT-A');
    const onB = await s.b.sync();
    expect(onB.refused.map((refusal) => refusal.id)).toEqual([forgedId]);
    expect(has(s.b.store, forgedId)).toBe(false);
    // Signed with CT-A's own key, the claim to be CT-B is still refused.
    const claim = signedBy(s.a, { ...(JSON.parse(asB) as AnyEntry), recordId: newId() } as AnyEntry);
    const claimed = JSON.parse(claim.text) as { recordId: string };
    await asRole(
      s.hub,
      s.a.role,
      'INSERT INTO hub_versions (record_id, version, entry, signature) VALUES ($1, 1, $2, $3)',
      [claimed.recordId, claim.text, claim.signature],
    );
    const again = await s.b.sync();
    expect(again.refused[0]?.reason).toMatch(/signed as the console "CT-B" but added by "CT-A"/);
  });

  it('nothing can be deleted, truncated, dropped, created or altered, and sync needs no such right', async () => {
    const s = await scene();
    const attempts: [string, RegExp][] = [
      [`DELETE FROM hub_versions WHERE console = 'CT-A'`, /permission denied/],
      ['TRUNCATE hub_versions', /permission denied/],
      ['DROP TABLE hub_conflicts', /must be owner/],
      ['ALTER TABLE hub_versions DISABLE ROW LEVEL SECURITY', /must be owner/],
      ['CREATE TABLE hub_evil (x int)', /permission denied/],
      ['CREATE TABLE public.hub_evil (x int)', /permission denied/],
      ['CREATE TEMP TABLE hub_evil (x int)', /permission denied/],
      [`UPDATE hub_catalogue SET entry = '{}'`, /permission denied/],
      [`UPDATE hub_consoles SET retired_at = now()`, /permission denied/],
      [
        `INSERT INTO hub_console_keys (public_key, console, fingerprint) VALUES ('${'A'.repeat(59)}=', 'CT-A', 'x')`,
        /permission denied/,
      ],
      [`SELECT setval('hub_seq', 1)`, /permission denied/],
      ['SET ROLE postgres', /permission denied/],
    ];
    for (const [sql, refused] of attempts) await expect(asRole(s.hub, s.a.role, sql), sql).rejects.toThrow(refused);
    const [rights] = await asAdmin<Record<string, boolean>>(
      s.hub,
      `SELECT has_schema_privilege($1, 'rootlog', 'CREATE') AS "create",
              has_table_privilege($1, 'rootlog.hub_versions', 'UPDATE') AS "update",
              has_table_privilege($1, 'rootlog.hub_versions', 'DELETE') AS "delete",
              has_table_privilege($1, 'rootlog.hub_versions', 'TRUNCATE') AS "truncate",
              has_database_privilege($1, current_database(), 'CREATE') AS "createSchema",
              has_database_privilege($1, current_database(), 'TEMPORARY') AS "temporary"`,
      [s.a.role],
    );
    expect(rights).toEqual({
      create: false,
      update: false,
      delete: false,
      truncate: false,
      createSchema: false,
      temporary: false,
    });
    const [counts] = await asAdmin<{ versions: string }>(s.hub, 'SELECT count(*) AS versions FROM hub_versions');
    expect(counts?.versions).toBe('4');
    await stillFlows(s, s.b);
  });

  it('a poisoned catalogue: "Dr. Scapegoat" without CT-A’s key, and a drug named with escape sequences signed with it, are refused', async () => {
    const s = await scene();
    const operator = listOperators(s.a.store)[0] as { id: string; name: string; active: boolean };
    await expect(
      asRole(s.hub, s.a.role, `UPDATE hub_catalogue SET entry = json_build_object('name', 'Dr. Scapegoat')`),
    ).rejects.toThrow(/permission denied/);
    const [latest] = await asAdmin<{ version: number }>(
      s.hub,
      `SELECT max(version) AS version FROM hub_catalogue WHERE kind = 'operator' AND key = $1`,
      [operator.id],
    );
    const scapegoat: AnyEntry = {
      kind: 'operator',
      format: ENTRY_FORMAT,
      console: 'CT-A',
      key: operator.id,
      version: (latest?.version ?? 0) + 1,
      value: { ...operator, name: 'Dr. Scapegoat' },
      at: new Date().toISOString(),
    };
    await asRole(
      s.hub,
      s.a.role,
      'INSERT INTO hub_catalogue (kind, key, version, entry, signature) VALUES ($1, $2, $3, $4, $5)',
      ['operator', operator.id, (latest?.version ?? 0) + 1, JSON.stringify(scapegoat), FORGED_SIGNATURE],
    );
    const dexamethasone = drugCatalogue(s.a.store).find((drug) => drug.code === 'dexamethasone');
    const [drugLatest] = await asAdmin<{ version: number }>(
      s.hub,
      `SELECT max(version) AS version FROM hub_catalogue WHERE kind = 'drug' AND key = 'dexamethasone'`,
    );
    const escaped = signedBy(s.a, {
      kind: 'drug',
      format: ENTRY_FORMAT,
      console: 'CT-A',
      key: 'dexamethasone',
      version: (drugLatest?.version ?? 0) + 1,
      value: { ...dexamethasone, name: 'Dexa\u001b[2J\u001b[31mmethasone\u202e' },
      at: new Date().toISOString(),
    });
    await asRole(
      s.hub,
      s.a.role,
      'INSERT INTO hub_catalogue (kind, key, version, entry, signature) VALUES ($1, $2, $3, $4, $5)',
      ['drug', 'dexamethasone', (drugLatest?.version ?? 0) + 1, escaped.text, escaped.signature],
    );
    const onB = await s.b.sync();
    expect(onB.refused.map((refusal) => refusal.id).sort()).toEqual(['drug dexamethasone', `operator ${operator.id}`]);
    expect(onB.refused.find((refusal) => refusal.id.startsWith('drug'))?.reason).toMatch(
      /drug name is not as RootLog writes it/,
    );
    expect(listOperators(s.b.store).find((found) => found.id === operator.id)?.name).toBe(operator.name);
    expect(drugCatalogue(s.b.store).find((drug) => drug.code === 'dexamethasone')?.name).toBe('Dexamethasone');
    await stillFlows(s, s.b);
  });

  it('malformed rows — a null entry, an entry without its content, a follow-up without its entry, a follow-up of another record — are each refused alone', async () => {
    const s = await scene();
    const aKey = consoleKey(s.a.store, s.a.vault, context);
    // The server refuses what is not an entry at all, from the console's role…
    await expect(
      asRole(
        s.hub,
        s.a.role,
        `INSERT INTO hub_versions (record_id, version, entry, signature) VALUES ($1, 1, 'null', $2)`,
        [newId(), FORGED_SIGNATURE],
      ),
    ).rejects.toThrow(/hub_versions_b_entry_object/);
    // …and with its own checks taken away (an old or tampered hub), every console still does.
    await asAdmin(s.hub, 'ALTER TABLE hub_versions DROP CONSTRAINT hub_versions_b_entry_object');
    const nullRecord = newId();
    await asAdmin(
      s.hub,
      `INSERT INTO hub_versions (record_id, version, console, entry, signature) VALUES ($1, 1, 'CT-A', 'null', $2)`,
      [nullRecord, FORGED_SIGNATURE],
    );
    const noContent = signedBy(s.a, {
      kind: 'version',
      format: ENTRY_FORMAT,
      recordId: newId(),
      version: 1,
      console: 'CT-A',
    } as unknown as AnyEntry);
    const noContentId = (JSON.parse(noContent.text) as { recordId: string }).recordId;
    await asRole(
      s.hub,
      s.a.role,
      'INSERT INTO hub_versions (record_id, version, entry, signature) VALUES ($1, 1, $2, $3)',
      [noContentId, noContent.text, noContent.signature],
    );
    const bare = signedBy(s.a, { kind: 'follow_up', format: ENTRY_FORMAT, console: 'CT-A' } as unknown as AnyEntry);
    const bareId = newId();
    await asRole(
      s.hub,
      s.a.role,
      'INSERT INTO hub_follow_ups (id, record_id, entry, signature) VALUES ($1, $2, $3, $4)',
      [bareId, s.record, bare.text, bare.signature],
    );
    // A follow-up whose row names one record and whose entry another.
    const [other] = s.a.store.reader
      .prepare('SELECT id FROM procedures WHERE id <> ? ORDER BY id LIMIT 1')
      .pluck()
      .all(s.record) as string[];
    const followUpId = newId();
    const crossed = signed(
      {
        kind: 'follow_up',
        format: ENTRY_FORMAT,
        console: 'CT-A',
        followUp: {
          id: followUpId,
          procedureId: other as string,
          contactDate: '2026-06-30',
          daysAfter: 1,
          method: 'phone',
          legNrs: 2,
          backNrs: null,
          globalImpression: null,
          reliefPercent: null,
          newComplications: '',
          furtherTreatment: null,
          notes: null,
          supersedes: null,
          reason: null,
          recordedBy: 'Dr. A',
          recordedAt: '2026-06-30T10:00:00Z',
        },
      },
      aKey.privateKey,
    );
    await asRole(
      s.hub,
      s.a.role,
      'INSERT INTO hub_follow_ups (id, record_id, entry, signature) VALUES ($1, $2, $3, $4)',
      [followUpId, s.record, crossed.text, crossed.signature],
    );
    const onB = await s.b.sync();
    const reasons = Object.fromEntries(onB.refused.map((refusal) => [refusal.id, refusal.reason]));
    expect(Object.keys(reasons).sort()).toEqual([bareId, followUpId, noContentId, nullRecord].sort());
    expect(reasons[nullRecord]).toMatch(/not an object|signature/);
    expect(reasons[noContentId]).toMatch(/content is not as RootLog writes it|createdAt/);
    expect(reasons[bareId]).toMatch(/follow-up id is .* but undefined in the signed entry/);
    expect(reasons[followUpId]).toMatch(
      new RegExp(`record id is ${s.record} on the server but ${other} in the signed entry`),
    );
    await stillFlows(s, s.b);
  });

  it('an oversized row (280 MB): the server refuses it from a console; on a hub without that check, consoles bound it before reading it', async () => {
    const s = await scene(2);
    const huge = `'{"kind":"version","pad":"' || repeat('x', 280 * 1024 * 1024) || '"}'`;
    await expect(
      asRole(
        s.hub,
        s.a.role,
        `INSERT INTO hub_versions (record_id, version, entry, signature) VALUES ($1, 1, (${huge})::json, $2)`,
        [newId(), FORGED_SIGNATURE],
      ),
    ).rejects.toThrow(/hub_versions_a_entry_bytes/);
    await asAdmin(s.hub, 'ALTER TABLE hub_versions DROP CONSTRAINT hub_versions_a_entry_bytes');
    const hugeId = newId();
    await asAdmin(
      s.hub,
      `INSERT INTO hub_versions (record_id, version, console, entry, signature) VALUES ($1, 1, 'CT-A', (${huge})::json, $2)`,
      [hugeId, FORGED_SIGNATURE],
    );
    const c = await joinHub(s.hub, tempStore().store, 'CT-C');
    const before = process.memoryUsage().rss;
    const onC = await c.sync();
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect(onC.refused.map((refusal) => refusal.id)).toEqual([hugeId]);
    expect(onC.refused[0]?.reason).toMatch(
      /entry is 29360\d+ bytes, more than the 262144 bytes an entry may hold: it was not read/,
    );
    expect(onC.pulled).toBe(2);
    await stillFlows(s, c);
  });

  it('sequence numbers above 2⁵³ and near 2⁶³ are kept exactly: nothing is skipped, nothing read twice', async () => {
    const s = await scene(2);
    await asAdmin(s.hub, 'ALTER SEQUENCE hub_seq RESTART WITH 9007199254740993');
    seedDatabase(s.a.store, { count: 3, seed: 31, until: UNTIL, years: 1 }, context);
    await s.a.sync();
    expect((await s.b.sync()).pulled).toBe(3);
    const [above53] = await asAdmin<{ seq: string }>(s.hub, 'SELECT max(seq)::text AS seq FROM hub_versions');
    expect(BigInt(above53?.seq ?? '0') > 2n ** 53n).toBe(true);
    expect(readPosition(s.b.store.reader, s.hub.hubId, 'versions').seq).toBe(above53?.seq);
    await asAdmin(s.hub, 'ALTER SEQUENCE hub_seq RESTART WITH 9223372036854775000');
    seedDatabase(s.a.store, { count: 3, seed: 32, until: UNTIL, years: 1 }, context);
    await s.a.sync();
    expect((await s.b.sync()).pulled).toBe(3);
    const position = readPosition(s.b.store.reader, s.hub.hubId, 'versions').seq;
    expect(BigInt(position) > 9223372036854775000n).toBe(true);
    const [last] = await asAdmin<{ seq: string }>(s.hub, 'SELECT max(seq)::text AS seq FROM hub_versions');
    expect(position).toBe(last?.seq);
    expect(await s.b.sync()).toMatchObject({ pulled: 0, refused: [] });
    expect(s.b.store.reader.prepare('SELECT count(*) FROM procedures').pluck().get()).toBe(8);
  });

  it('a retired console adds nothing more; what it added before stays valid; a row put in its name afterwards is refused', async () => {
    const s = await scene(2);
    const client = await adminClient(s.hub);
    await retireConsole(client, s.hub.schema, 'CT-A');
    await client.end();
    seedDatabase(s.a.store, { count: 1, seed: 41, until: UNTIL, years: 1 }, context);
    await expect(s.a.sync()).rejects.toThrow(/retired|not a registered console|refused this console/);
    const { entry, signature } = await versionRow(s.hub, s.record);
    const lateId = newId();
    await asAdmin(
      s.hub,
      `INSERT INTO hub_versions (record_id, version, console, entry, signature) VALUES ($1, 1, 'CT-A', $2, $3)`,
      [lateId, entry.replace(s.record, lateId), signature],
    );
    const c = await joinHub(s.hub, tempStore().store, 'CT-C');
    const onC = await c.sync();
    expect(onC.pulled).toBe(2);
    expect(onC.refused.map((refusal) => refusal.id)).toEqual([lateId]);
    expect(onC.refused[0]?.reason).toMatch(/after the console "CT-A" was retired/);
  });
});
