import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inspect } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditHistory } from './audit.js';
import {
  changeOwnPin,
  makeCredentialNow,
  presentCredentialNow,
  proveOperator,
  setPinFor,
  setUpFirstAdministrator,
} from './credentials.js';
import { recordFollowUp } from './follow-ups.js';
import { checkDatabase } from './maintenance.js';
import { inEnglish, LOCKOUT, pinProblem } from './model/index.js';
import { amendProcedure, clinicalContent, getProcedure, saveDraft, signProcedure } from './procedures.js';
import { saveOperator, updateSettings } from './settings.js';
import { versionHash } from './sqlite/hash-chain.js';
import { openStore, type Store } from './store.js';
import { completeDraft, context, EVERY_CONFIRMABLE_WARNING, tempPath, tempStore } from './testing/fixtures.js';
import { QUICK_SCRYPT, signerOf } from './testing/signer.js';

const errorOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    return error as { code: string; field?: string; message: string };
  }
  throw new Error('expected an error');
};

const draftOf = (store: Store, operatorId: string) => saveDraft(store, completeDraft(operatorId), context).record.id;

afterEach(() => vi.restoreAllMocks());

describe('a PIN is never kept or told in clear', () => {
  it('is found neither in the logbook file, its journal, the logs nor an error', () => {
    const PIN = '739146';
    const NEW_PIN = '861735';
    const logged: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((arg) => inspect(arg)).join(' '));
      });
    const path = tempPath();
    const store = openStore(path);
    const admin = setUpFirstAdministrator(
      store,
      { name: 'Dr. A. Keller' },
      makeCredentialNow(PIN, QUICK_SCRYPT),
      context,
    );
    const proof = presentCredentialNow(store, { operatorId: admin.id, pin: PIN });
    signProcedure(store, draftOf(store, admin.id), {}, proof, context);
    const wrong = errorOf(() =>
      signProcedure(
        store,
        draftOf(store, admin.id),
        {},
        presentCredentialNow(store, { operatorId: admin.id, pin: `${PIN}0` }),
        context,
      ),
    );
    changeOwnPin(
      store,
      presentCredentialNow(store, { operatorId: admin.id, pin: PIN }),
      makeCredentialNow(NEW_PIN, QUICK_SCRYPT),
      context,
    );
    // What carries a typed PIN's hash prints as the operator alone.
    logged.push(inspect(proof), JSON.stringify(proof), JSON.stringify(wrong), wrong.message);
    store.close();
    const files = readdirSync(dirname(path)).map((name) => readFileSync(join(dirname(path), name)));
    expect(files.length).toBeGreaterThan(0);
    for (const pin of [PIN, `${PIN}0`, NEW_PIN]) {
      for (const file of files) {
        expect(file.includes(Buffer.from(pin, 'utf8'))).toBe(false);
        expect(file.includes(Buffer.from(pin, 'utf16le'))).toBe(false);
      }
      for (const line of logged) expect(line).not.toContain(pin);
    }
    expect(wrong.code).toBe('wrong_pin');
  });

  it('is stored as scrypt with its own salt: the same PIN twice gives two hashes', () => {
    const { store, operatorId } = tempStore();
    const other = saveOperator(store, { name: 'Dr. B. Amrein' }, context).id;
    signerOf(store, other);
    const rows = store.reader.prepare('SELECT operator_id, scheme, salt, hash FROM operator_credentials').all() as {
      scheme: string;
      salt: string;
      hash: string;
    }[];
    expect(rows.map((row) => row.scheme)).toEqual(['scrypt', 'scrypt']);
    expect(new Set(rows.map((row) => row.salt)).size).toBe(2);
    expect(new Set(rows.map((row) => row.hash)).size).toBe(2);
    expect(operatorId).not.toBe(other);
  });

  it('refuses a weak new PIN in words', () => {
    const rule = (pin: string) => {
      const words = pinProblem(pin);
      return words ? inEnglish(words) : null;
    };
    expect(rule('123')).toMatch(/at least 4/);
    expect(rule('0000')).toMatch(/repeated/);
    expect(rule('1234')).toMatch(/run of digits/);
    expect(pinProblem('7391')).toBeNull();
  });
});

describe('signing asks the signer’s PIN', () => {
  it('stores the proven operator, the printed name, the time and the meaning', () => {
    const { store, operatorId, signer } = tempStore();
    const id = draftOf(store, operatorId);
    const { record } = signProcedure(store, id, {}, signer, context);
    expect(record).toMatchObject({
      signedBy: 'Dr. A. Keller',
      signedById: operatorId,
      signedMeaning: 'performed_and_signed',
    });
    expect(getProcedure(store, id).versions[0]).toMatchObject({
      signedBy: 'Dr. A. Keller',
      signerId: operatorId,
      meaning: 'performed_and_signed',
    });
    const amended = amendProcedure(
      store,
      { ...clinicalContent(record), painPost: 1 },
      { reason: 'pain re-scored', confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
      signer,
      context,
    ).record;
    expect(amended).toMatchObject({
      amendedById: operatorId,
      amendedMeaning: 'amended',
      amendReason: 'pain re-scored',
    });
  });

  it('refuses a wrong PIN in words, writing nothing but the count', () => {
    const { store, operatorId } = tempStore();
    signerOf(store, operatorId);
    const id = draftOf(store, operatorId);
    const error = errorOf(() =>
      signProcedure(store, id, {}, presentCredentialNow(store, { operatorId, pin: '9999' }), context),
    );
    expect(error).toMatchObject({ code: 'wrong_pin', field: 'signer.pin' });
    expect(error.message).toMatch(/That is not Dr. A. Keller’s PIN\. 4 more wrong PINs lock/);
    expect(getProcedure(store, id).record.status).toBe('draft');
  });

  it('refuses a technologist’s signature, and a signature in another operator’s name', () => {
    const { store, operatorId } = tempStore();
    const technologist = saveOperator(store, { name: 'MTRA C. Weber', role: 'technologist' }, context).id;
    const id = draftOf(store, technologist);
    expect(errorOf(() => signProcedure(store, id, {}, signerOf(store, technologist), context))).toMatchObject({
      code: 'not_permitted',
      message: expect.stringMatching(/technologist prepares the case, a radiologist signs it/),
    });
    // The record names Dr. Keller: a colleague's PIN does not sign it as performed by them.
    const colleague = saveOperator(store, { name: 'Dr. B. Amrein' }, context).id;
    expect(
      errorOf(() => signProcedure(store, draftOf(store, operatorId), {}, signerOf(store, colleague), context)).code,
    ).toBe('not_permitted');
  });

  it('lets a technologist record a follow-up only where the department allows it', () => {
    const { store, operatorId, signer } = tempStore();
    const technologist = saveOperator(store, { name: 'MPA S. Frei', role: 'technologist' }, context).id;
    const { record } = signProcedure(store, draftOf(store, operatorId), {}, signer, context);
    const entry = { procedureId: record.id, contactDate: record.performedAt?.slice(0, 10), method: 'phone', legNrs: 2 };
    expect(errorOf(() => recordFollowUp(store, entry, signerOf(store, technologist), context)).code).toBe(
      'not_permitted',
    );
    updateSettings(store, { technologistsRecordFollowUps: true }, context);
    expect(recordFollowUp(store, entry, signerOf(store, technologist), context)).toMatchObject({
      recordedBy: 'MPA S. Frei',
      recordedById: technologist,
      meaning: 'follow_up_recorded',
    });
  });

  it('cannot be written around the check: the logbook refuses a version without a proven operator', () => {
    const { store, operatorId, signer } = tempStore();
    const { record } = signProcedure(store, draftOf(store, operatorId), {}, signer, context);
    const db = new Database(store.path);
    const insert = (signerId: string | null, signedBy: string) =>
      db
        .prepare(
          `INSERT INTO procedure_versions (procedure_id, version, content, signed_by, signed_at, reason, signer_id, meaning, hash)
           VALUES (?, 9, '{}', ?, '2026-01-01T00:00:00Z', 'x', ?, 'amended', 'x')`,
        )
        .run(record.id, signedBy, signerId);
    expect(() => insert(null, 'mallory@RootLog')).toThrow(/names its operator/);
    expect(() => insert(operatorId, 'Someone Else')).toThrow(/operator who proved it/);
    db.close();
  });
});

describe('five wrong PINs in a row lock the operator', () => {
  it('for some minutes, audited, through a restart; an administrator’s new PIN lifts it', () => {
    const { store, operatorId } = tempStore();
    const colleague = saveOperator(store, { name: 'Dr. B. Amrein' }, context).id;
    signerOf(store, colleague, '4826');
    const at = new Date('2026-03-02T09:00:00Z');
    const now = { ...context, now: () => at };
    const wrong = () => presentCredentialNow(store, { operatorId: colleague, pin: '0852' });
    const codes = Array.from(
      { length: LOCKOUT.wrongInARow },
      () => errorOf(() => proveOperator(store, wrong(), { open: true }, now)).code,
    );
    expect(codes).toEqual(['wrong_pin', 'wrong_pin', 'wrong_pin', 'wrong_pin', 'operator_locked']);
    const locked = auditHistory(store, 'operator', colleague).find((entry) => 'lockedUntil' in entry.changes);
    expect(locked?.reason).toBe(`${LOCKOUT.wrongInARow} wrong PINs in a row`);

    const path = store.path;
    store.close();
    const reopened = openStore(path);
    const right = () => presentCredentialNow(reopened, { operatorId: colleague, pin: '4826' });
    expect(errorOf(() => proveOperator(reopened, right(), { open: true }, now))).toMatchObject({
      code: 'operator_locked',
      message: expect.stringMatching(/Dr. B. Amrein is locked after 5 wrong PINs in a row/),
    });
    // Once the minutes have passed, the right PIN opens again.
    const later = { ...context, now: () => new Date(at.getTime() + (LOCKOUT.minutes * 60 + 1) * 1000) };
    expect(proveOperator(reopened, right(), { open: true }, later).id).toBe(colleague);

    // Locked again; an administrator sets a new PIN, which lifts it.
    for (let n = 0; n < LOCKOUT.wrongInARow; n++)
      errorOf(() =>
        proveOperator(
          reopened,
          presentCredentialNow(reopened, { operatorId: colleague, pin: '0852' }),
          { open: true },
          now,
        ),
      );
    setPinFor(reopened, operatorId, colleague, makeCredentialNow('5937', QUICK_SCRYPT), now);
    expect(
      proveOperator(
        reopened,
        presentCredentialNow(reopened, { operatorId: colleague, pin: '5937' }),
        { open: true },
        now,
      ).id,
    ).toBe(colleague);
    expect(auditHistory(reopened, 'operator', colleague).at(-1)?.changes.pin).toEqual({
      before: 'set',
      after: 'set by Dr. A. Keller (administrator)',
    });
  });

  it('a right PIN before the fifth starts the count again', () => {
    const { store } = tempStore();
    const operatorId = saveOperator(store, { name: 'Dr. B. Amrein' }, context).id;
    signerOf(store, operatorId, '4826');
    const attempt = (pin: string) => () =>
      proveOperator(store, presentCredentialNow(store, { operatorId, pin }), { open: true }, context);
    for (let n = 0; n < LOCKOUT.wrongInARow - 1; n++) errorOf(attempt('0852'));
    attempt('4826')();
    expect(errorOf(attempt('0852')).message).toMatch(/4 more wrong PINs/);
  });
});

describe('the signature is in the hash chain', () => {
  it('hashes the signer’s operator and meaning; a changed signer id is found by check', () => {
    const link = {
      procedureId: 'p',
      version: 1,
      content: '{}',
      signedBy: 'Dr. A. Keller',
      signedAt: '2026-01-01T00:00:00Z',
      reason: null,
    };
    const hashed = versionHash('0'.repeat(64), { ...link, signerId: 'op-1', meaning: 'performed_and_signed' });
    expect(versionHash('0'.repeat(64), { ...link, signerId: 'op-2', meaning: 'performed_and_signed' })).not.toBe(
      hashed,
    );
    expect(versionHash('0'.repeat(64), { ...link, signerId: 'op-1', meaning: 'amended' })).not.toBe(hashed);
    // A version from before schema 20 (no signer id) keeps the hash it was written with.
    expect(versionHash('0'.repeat(64), { ...link, signerId: null, meaning: null })).toBe(
      versionHash('0'.repeat(64), link),
    );

    const { store, operatorId, signer } = tempStore();
    const other = saveOperator(store, { name: 'Dr. B. Amrein' }, context).id;
    signProcedure(store, draftOf(store, operatorId), {}, signer, context);
    const path = store.path;
    store.close();
    expect(checkDatabase(path).ok).toBe(true);
    const db = new Database(path);
    // As someone with sqlite3 would: behind the append-only trigger, which is put back as it was.
    const trigger = db
      .prepare("SELECT sql FROM sqlite_schema WHERE name = 'procedure_versions_no_update'")
      .pluck()
      .get() as string;
    db.exec('DROP TRIGGER procedure_versions_no_update');
    db.prepare('UPDATE procedure_versions SET signer_id = ?').run(other);
    db.exec(trigger);
    db.close();
    const report = checkDatabase(path);
    expect(report.ok).toBe(false);
    expect(JSON.stringify(report)).toMatch(/does not match its hash|differs from signed version 1/);
  });
});

describe('the first administrator', () => {
  it('is set up only while nobody holds a PIN', () => {
    const store = openStore(tempPath());
    const first = setUpFirstAdministrator(
      store,
      { name: 'Dr. A. Keller' },
      makeCredentialNow('7391', QUICK_SCRYPT),
      context,
    );
    expect(first).toMatchObject({ administrator: true, role: 'radiologist' });
    expect(
      errorOf(() =>
        setUpFirstAdministrator(store, { name: 'Mallory' }, makeCredentialNow('7391', QUICK_SCRYPT), context),
      ).code,
    ).toBe('administrator_required');
  });
});
