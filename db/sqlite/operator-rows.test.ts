import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCredentialNow, setUpFirstAdministrator } from '../credentials.js';
import { applyReceivedOperator } from '../hub/received.js';
import { JSON_FORMAT, JSON_FORMAT_VERSION } from '../interchange/format.js';
import { mergeRecords } from '../interchange/merge.js';
import { verifyLedger } from '../ledger/verify.js';
import { saveOperator } from '../settings.js';
import { openStore, type Store } from '../store.js';
import { context, tempPath, tempStore } from '../testing/fixtures.js';
import { QUICK_SCRYPT } from '../testing/signer.js';
import { readOperator } from './operator-rows.js';
import { chainedFingerprint, currentFingerprint } from './state-chain.js';

/*
 * One writer of the operators table (issue 22): operator-rows.ts. Settings, the first
 * administrator, the hub's pull and an imported file all write through it, and each write
 * leaves the state chain proving the row as stored.
 */

const root = join(import.meta.dirname, '..', '..');
const WRITER = 'db/sqlite/operator-rows.ts';
/** SQL that changes the operators table, in any letter case and spacing. */
const WRITES_OPERATORS =
  /\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+["`]?operators\b/i;

/** Source files of the app (not tests, not frozen migrations, not the undo of migrations for tests). */
function sources(): string[] {
  return ['db', 'electron', 'renderer', 'bench', 'build']
    .flatMap((folder) =>
      (readdirSync(join(root, folder), { recursive: true }) as string[]).map((file) => `${folder}/${file}`),
    )
    .map((file) => file.split('\\').join('/'))
    .filter(
      (file) =>
        /\.(?:ts|tsx|mts|mjs)$/.test(file) &&
        !/\.(?:test|spec)\.tsx?$/.test(file) &&
        !file.startsWith('db/sqlite/migrations/') &&
        file !== 'db/testing/back-in-time.ts',
    );
}

const stateIsSound = (store: Store, id: string) => {
  const ledger = verifyLedger(store.reader.db);
  expect(ledger.state).toBeNull();
  expect(ledger.stateProblems).toEqual({ problems: [], count: 0 });
  expect(ledger.ok).toBe(true);
  // The chain's latest link of the operator is the row as stored now.
  expect(chainedFingerprint(store.reader.db, 'operators', id)).toBe(
    currentFingerprint(store.reader.db, 'operators', id),
  );
};

describe('the operators table has one writer', () => {
  it('no other source file writes the operators table', () => {
    const files = sources();
    expect(files).toContain(WRITER);
    expect(files).toContain('db/settings.ts');
    const writers = files.filter((file) => WRITES_OPERATORS.test(readFileSync(join(root, file), 'utf8')));
    expect(writers, `write operators through ${WRITER} (writeOperator, writeCarriedOperator)`).toEqual([WRITER]);
  });

  it('the pattern finds the writes it is there for', () => {
    for (const sql of [
      'INSERT INTO operators (id) VALUES (?)',
      'insert or replace into operators',
      'REPLACE INTO "operators"',
      'UPDATE operators SET name = ?',
      'update  operators set',
      'DELETE FROM operators WHERE id = ?',
    ])
      expect(sql).toMatch(WRITES_OPERATORS);
    for (const sql of ['SELECT * FROM operators', 'LEFT JOIN operators o', 'UPDATE operator_credentials SET'])
      expect(sql).not.toMatch(WRITES_OPERATORS);
  });

  it('Settings, the first administrator, the hub and an import each go through it', () => {
    const expected: Record<string, RegExp> = {
      'db/settings.ts': /\bwriteOperator\(write, /,
      'db/credentials.ts': /\bwriteOperator\(write, /,
      'db/hub/received.ts': /\bwriteCarriedOperator\(write, /,
      'db/interchange/merge.ts': /\bwriteCarriedOperator\(write, /,
    };
    for (const [file, call] of Object.entries(expected)) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).toMatch(call);
      expect(text, file).toMatch(/from '[./]+(?:sqlite\/)?operator-rows\.js'/);
    }
  });
});

describe('each kind of operator write leaves the state chain sound', () => {
  it('Settings: an operator added, renamed, deactivated', () => {
    const { store } = tempStore();
    const added = saveOperator(store, { name: 'Dr. B. Braun' }, context);
    stateIsSound(store, added.id);
    saveOperator(store, { id: added.id, name: 'Dr. B. Braun-Roth' }, context);
    stateIsSound(store, added.id);
    saveOperator(store, { id: added.id, name: 'Dr. B. Braun-Roth', active: false }, context);
    stateIsSound(store, added.id);
    store.close();
  });

  it('the first administrator, new and from an operator already there', () => {
    const fresh = openStore(tempPath());
    const first = setUpFirstAdministrator(
      fresh,
      { name: 'Dr. C. Vogt' },
      makeCredentialNow('739146', QUICK_SCRYPT),
      context,
    );
    stateIsSound(fresh, first.id);
    fresh.close();

    const upgraded = openStore(tempPath());
    const existing = saveOperator(upgraded, { name: 'Dr. D. Lang' }, context);
    setUpFirstAdministrator(upgraded, { operatorId: existing.id }, makeCredentialNow('739146', QUICK_SCRYPT), context);
    expect(readOperator(upgraded.reader, existing.id)?.administrator).toBe(true);
    stateIsSound(upgraded, existing.id);
    upgraded.close();
  });

  it('the hub: an operator another console added, then renamed and deactivated; being an administrator stays', () => {
    const { store, operatorId } = tempStore();
    const id = '01890000-0000-7000-8000-0000000000aa';
    const write = store.writer;
    write.db.transaction(() =>
      applyReceivedOperator(write, { id, name: 'Dr. E. Roth', active: true }, 'CT-2', 'hub'),
    )();
    expect(readOperator(store.reader, id)).toEqual({
      id,
      name: 'Dr. E. Roth',
      active: true,
      role: 'radiologist',
      administrator: false,
    });
    stateIsSound(store, id);
    write.db.transaction(() =>
      applyReceivedOperator(write, { id, name: 'Dr. E. Roth', active: false, role: 'technologist' }, 'CT-2', 'hub'),
    )();
    expect(readOperator(store.reader, id)).toMatchObject({ active: false, role: 'technologist' });
    stateIsSound(store, id);
    // This logbook's administrator, renamed by another console, is still its administrator.
    write.db.transaction(() =>
      applyReceivedOperator(write, { id: operatorId, name: 'Dr. A. Keller-Roth', active: true }, 'CT-2', 'hub'),
    )();
    expect(readOperator(store.reader, operatorId)).toMatchObject({ name: 'Dr. A. Keller-Roth', administrator: true });
    stateIsSound(store, operatorId);
    store.close();
  });

  it('an import: an operator the file brings is added, never as an administrator', async () => {
    const { store } = tempStore();
    const id = '01890000-0000-7000-8000-0000000000bb';
    await mergeRecords(
      store,
      {
        header: {
          format: JSON_FORMAT,
          formatVersion: JSON_FORMAT_VERSION,
          schemaVersion: 24,
          pseudonymized: false,
          operators: [{ id, name: 'Dr. F. Ott', active: true, role: 'radiologist', administrator: true }],
          drugCatalogue: [],
        },
        records: [],
      },
      context,
    );
    expect(readOperator(store.reader, id)).toMatchObject({ name: 'Dr. F. Ott', administrator: false });
    stateIsSound(store, id);
    store.close();
  });
});
