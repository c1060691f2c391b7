import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookAlikeKey } from '../model/index.js';
import { saveDraft, signProcedure } from '../procedures.js';
import { listOperators, saveOperator } from '../settings.js';
import { openStore } from '../store.js';
import { completeDraft, context, tempPath } from '../testing/fixtures.js';
import { startTestCluster, type TestCluster } from '../testing/postgres.js';
import { givePin, signerOf } from '../testing/signer.js';
import { asAdmin, asRole, joinHub, type TestConsole, type TestHub, testHub } from '../testing/test-hub.js';
import { consoleKey } from './console-key.js';
import { ENTRY_FORMAT, signed } from './entries.js';

/*
 * The hub server refuses an operator whose name looks like, without being, another operator's
 * (issue 23, item 9): the look-alike key is computed by PostgreSQL itself, from the one
 * declaration in db/model/text-rule.ts, never taken from the console.
 */

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(() => cluster?.stop());

const CYRILLIC_KELLER = 'Dr. A. K\u0435ller';

/** A console whose logbook starts with the operators named (the first its administrator), nothing else. */
async function consoleNaming(hub: TestHub, name: string, operators: string[]) {
  const store = openStore(tempPath());
  const ids = operators.map(
    (operator, at) => saveOperator(store, { name: operator, administrator: at === 0 }, context).id,
  );
  for (const id of ids) givePin(store, id);
  return { side: await joinHub(hub, store, name), ids };
}

function signOne(side: TestConsole, operatorId: string): string {
  const draft = saveDraft(side.store, completeDraft(operatorId), context);
  signProcedure(side.store, draft.record.id, {}, signerOf(side.store, operatorId), context);
  return draft.record.id;
}

describe('an operator name on the hub', () => {
  it('two consoles add "Dr. A. Keller" and "Dr. A. Kеller" (a Cyrillic е): the hub refuses the second in words, the rest of its push goes through', async () => {
    const hub = await testHub(cluster);
    const a = await consoleNaming(hub, 'CT-A', ['Dr. A. Keller']);
    expect((await a.side.sync()).refused).toEqual([]);
    const b = await consoleNaming(hub, 'CT-B', [CYRILLIC_KELLER, 'Dr. M. Huber']);
    const [cyrillic, huber] = b.ids as [string, string];
    const record = signOne(b.side, huber);
    const report = await b.side.sync({ pull: false });
    expect(report.refused).toEqual([
      {
        id: `operator ${cyrillic}`,
        reason: expect.stringMatching(
          /^the hub refused it \(the operator name “Dr\. A\. Kеller” looks like “Dr\. A\. Keller”, the name of another operator on the hub, ID [0-9a-f-]{36}: one person is one operator/,
        ),
        // Declared words, the server's own text a value in them.
        words: expect.objectContaining({ message: expect.objectContaining({ id: 'hubPush.hubRefused' }) }),
      },
    ]);
    expect(report.pushed).toBe(1);
    const onHub = await asAdmin<{ key: string; name: string }>(
      hub,
      `SELECT key, entry -> 'value' ->> 'name' AS name FROM hub_catalogue WHERE kind = 'operator' ORDER BY name`,
    );
    expect(onHub.map((row) => row.name)).toEqual(['Dr. A. Keller', 'Dr. M. Huber']);
    expect(
      await asAdmin(hub, 'SELECT 1 FROM hub_versions WHERE record_id = $1', [record]),
      'the record went to the hub',
    ).toHaveLength(1);
    // Nothing here is changed by the refusal; told apart, the operator goes to the hub at the next sync.
    expect(listOperators(b.side.store).map((operator) => operator.name)).toContain(CYRILLIC_KELLER);
    saveOperator(b.side.store, { id: cyrillic, name: 'Dr. A. Keller-Vogt' }, context);
    expect((await b.side.sync({ pull: false })).refused).toEqual([]);
  });

  it('a console that writes the row itself, with a look-alike key of its own choosing in the entry, is refused as well', async () => {
    const hub = await testHub(cluster);
    const a = await consoleNaming(hub, 'CT-A', ['Dr. A. Keller']);
    await a.side.sync();
    const b = await consoleNaming(hub, 'CT-B', []);
    const key = consoleKey(b.side.store, b.side.vault, context).privateKey;
    const id = '0b7a1e9c-4a43-4c55-9a55-6f1f0d6c0001';
    const insert = (name: string, version = 1) => {
      const entry = signed(
        {
          kind: 'operator',
          format: ENTRY_FORMAT,
          console: 'CT-B',
          key: id,
          version,
          value: { id, name, active: true, role: 'radiologist', lookAlikeKey: 'dr. a. kxller' },
          at: new Date().toISOString(),
        },
        key,
      );
      return asRole(
        hub,
        b.side.role,
        'INSERT INTO hub_catalogue (kind, key, version, entry, signature) VALUES ($1, $2, $3, $4, $5)',
        ['operator', id, version, entry.text, entry.signature],
      );
    };
    for (const name of [CYRILLIC_KELLER, 'DR. A. KELLER', 'Dr.\u00a0A.\u2003Keller', 'Dr. A. \uff2beller'])
      await expect(insert(name), name).rejects.toThrow(/looks like “Dr\. A\. Keller”/);
    // Under a name told apart it is taken; renamed into a look-alike afterwards, it is refused again.
    await insert('Dr. A. Kessler');
    await expect(insert(CYRILLIC_KELLER, 2)).rejects.toThrow(/looks like “Dr\. A\. Keller”/);
  });

  it('PostgreSQL computes the same look-alike key as db/model (every character of the basic plane, and names)', async () => {
    const hub = await testHub(cluster);
    const samples: string[] = [];
    for (let code = 1; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      samples.push(`A${String.fromCodePoint(code)}b`);
    }
    samples.push(
      CYRILLIC_KELLER,
      '  Dr.\u2003\u2003A.\u200bKeller\u2014Vogt  ',
      'ΟΔΟΣ',
      'Σ',
      'ΣΑΣ ΣΑ',
      'İstanbul',
      '\u{1d40a}eller',
      '\u{1d5aa}eller',
      'Dr. \u13a0\uab70',
    );
    const rows = await asAdmin<{ key: string }>(
      hub,
      'SELECT hub_look_alike_key(name) AS key FROM unnest($1::text[]) WITH ORDINALITY AS t(name, n) ORDER BY n',
      [samples],
    );
    // NFKC is each side's own: a character newer than the server's Unicode (U+A7F1 for
    // PostgreSQL 15) normalises differently; the rule's own tables must agree everywhere else.
    const nfkc = await asAdmin<{ form: string }>(
      hub,
      'SELECT normalize(name, NFKC) AS form FROM unnest($1::text[]) WITH ORDINALITY AS t(name, n) ORDER BY n',
      [samples],
    );
    const sameNfkc = samples.map((name, at) => nfkc[at]?.form === name.normalize('NFKC'));
    expect(sameNfkc.filter((same) => !same).length, 'characters whose NFKC differs').toBeLessThan(50);
    const differ = samples
      .map((name, at) => ({ name, sql: rows[at]?.key, ts: lookAlikeKey(name), compared: sameNfkc[at] }))
      .filter((row) => row.compared && row.sql !== row.ts);
    expect(differ.slice(0, 20)).toEqual([]);
  });
});
