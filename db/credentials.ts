import { createHmac, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { inspect } from 'node:util';
import { appendAudit } from './audit.js';
import {
  ACT_MEANINGS,
  actRefusal,
  LOCKOUT,
  localDateTimeWithOffset,
  type Operator,
  problem,
  REFUSAL_MESSAGES as R,
  RootLogError,
  type SignedAct,
  type SignerProof,
  sentence,
} from './model/index.js';
import type { WriteConnection } from './sqlite/connection.js';
import {
  anyCredential,
  badgeKey,
  noteRightPin,
  noteWrongPin,
  operatorOfBadge,
  readBadgeKey,
  readCredential,
  type ScryptParameters,
  type StoredCredential,
  writeBadgeHash,
  writeCredential,
} from './sqlite/credential-rows.js';
import { readOperator, readOperators, writeOperator } from './sqlite/operator-rows.js';
import { readSetting } from './sqlite/settings-rows.js';
import { type VerifiedSigner, verifiedSigner } from './sqlite/signers.js';
import { newId, type ReadSource, readerOf, type ServiceContext, type Store, timestamp } from './store.js';

/*
 * Operators' credentials: a PIN (or password) is kept only as scrypt's slow salted hash, with
 * a salt of its own and the parameters it was made with; a typed PIN is hashed the same way
 * and compared in constant time (timingSafeEqual). The check runs in the main process, inside
 * the same immediate transaction as what it allows (a signature, an amendment, a follow-up, a
 * settings change), so nothing can change between the proof and the write; a wrong PIN is
 * counted in that transaction too, and five in a row lock the operator for some minutes —
 * stored, so a restart does not lift it, and audited.
 *
 * The slow hashing is done before the transaction, off the main thread (presentCredential):
 * the transaction only compares. The PIN itself goes nowhere: not into the logbook, an audit
 * row, an error message or a log. What carries its hash (PresentedCredential) prints as the
 * operator's id alone.
 */

/** scrypt's parameters for new PINs: 32 MiB and tens of milliseconds per try (OWASP's minimum is N = 2^17 with r = 8 at 128 MiB; a console keeps to 32). */
export const SCRYPT_PARAMETERS: Readonly<ScryptParameters> = Object.freeze({
  cost: 2 ** 15,
  blockSize: 8,
  parallelism: 1,
});
const KEY_BYTES = 32;
const SALT_BYTES = 16;

const scryptOptions = (parameters: ScryptParameters) => ({
  N: parameters.cost,
  r: parameters.blockSize,
  p: parameters.parallelism,
  maxmem: 256 * parameters.cost * parameters.blockSize * parameters.parallelism,
});

/** The same PIN typed on two keyboards (é composed or not) is the same PIN. */
const pinBytes = (pin: string) => Buffer.from(pin.normalize('NFC'), 'utf8');

const deriveNow = (pin: string, salt: string, parameters: ScryptParameters): Buffer =>
  scryptSync(pinBytes(pin), Buffer.from(salt, 'hex'), KEY_BYTES, scryptOptions(parameters));

const derive = (pin: string, salt: string, parameters: ScryptParameters): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(pinBytes(pin), Buffer.from(salt, 'hex'), KEY_BYTES, scryptOptions(parameters), (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );

/** Which stored credential a presented one was hashed against: another salt or parameters means the PIN changed meanwhile. */
const madeWith = (credential: Pick<StoredCredential, 'scheme' | 'cost' | 'blockSize' | 'parallelism' | 'salt'>) =>
  `${credential.scheme}:${credential.cost}:${credential.blockSize}:${credential.parallelism}:${credential.salt}`;

/**
 * A typed PIN, hashed as the operator's stored credential was made: what the check compares.
 * It never shows its hash (JSON, console.log and error reports see the operator's id only).
 */
export class PresentedCredential {
  readonly operatorId: string;
  readonly #key: Buffer | null;
  readonly #against: string | null;

  constructor(operatorId: string, key: Buffer | null, against: string | null) {
    this.operatorId = operatorId;
    this.#key = key;
    this.#against = against;
  }

  /** right, wrong, or stale (the credential is not the one it was hashed against). */
  compare(stored: StoredCredential): 'right' | 'wrong' | 'stale' {
    if (!this.#key || this.#against !== madeWith(stored)) return 'stale';
    return timingSafeEqual(this.#key, Buffer.from(stored.hash, 'hex')) ? 'right' : 'wrong';
  }

  toJSON() {
    return { operatorId: this.operatorId };
  }

  [inspect.custom]() {
    return `PresentedCredential { operatorId: ${JSON.stringify(this.operatorId)} }`;
  }
}

/** Hashes the typed PIN off the main thread, against the operator's credential as it is now. */
export async function presentCredential(source: ReadSource, proof: SignerProof): Promise<PresentedCredential> {
  const stored = readCredential(readerOf(source), proof.operatorId);
  if (!stored) return new PresentedCredential(proof.operatorId, null, null);
  return new PresentedCredential(proof.operatorId, await derive(proof.pin, stored.salt, stored), madeWith(stored));
}

/** presentCredential on this thread (the command line, tests). */
export function presentCredentialNow(source: ReadSource, proof: SignerProof): PresentedCredential {
  const stored = readCredential(readerOf(source), proof.operatorId);
  if (!stored) return new PresentedCredential(proof.operatorId, null, null);
  return new PresentedCredential(proof.operatorId, deriveNow(proof.pin, stored.salt, stored), madeWith(stored));
}

/** A new PIN's credential, before it is stored: salt, hash and the parameters. */
export interface MadeCredential extends ScryptParameters {
  scheme: 'scrypt';
  salt: string;
  hash: string;
}

/** Hashes a new PIN off the main thread, with a fresh salt. */
export async function makeCredential(pin: string, parameters: ScryptParameters = SCRYPT_PARAMETERS) {
  const salt = randomBytes(SALT_BYTES).toString('hex');
  const key = await derive(pin, salt, parameters);
  return { scheme: 'scrypt', ...parameters, salt, hash: key.toString('hex') } satisfies MadeCredential;
}

/** makeCredential on this thread (the command line, tests: these may pass cheaper parameters). */
export function makeCredentialNow(pin: string, parameters: ScryptParameters = SCRYPT_PARAMETERS): MadeCredential {
  const salt = randomBytes(SALT_BYTES).toString('hex');
  return { scheme: 'scrypt', ...parameters, salt, hash: deriveNow(pin, salt, parameters).toString('hex') };
}

/** What the credential proves the operator may do: an act with its role's rules, open the console, or administer. */
export type CredentialPurpose = { act: SignedAct } | { open: true } | { administer: true };

const timeOfDay = (iso: string) => localDateTimeWithOffset(new Date(iso)).slice(11, 16);

function refusedFor(operator: Operator, purpose: CredentialPurpose, write: WriteConnection): RootLogError | null {
  if (!operator.active)
    return new RootLogError('not_permitted', sentence(R.notActive, { name: operator.name }), {
      field: 'signer.operatorId',
    });
  if ('act' in purpose) {
    const policy = {
      technologistsRecordFollowUps: readSetting<boolean>(write, 'technologistsRecordFollowUps') ?? false,
    };
    const refusal = actRefusal(operator, purpose.act, policy);
    return refusal ? new RootLogError('not_permitted', refusal, { field: 'signer.operatorId' }) : null;
  }
  if ('administer' in purpose && !operator.administrator)
    return new RootLogError('administrator_required', sentence(R.notAdministrator, { name: operator.name }), {
      field: 'signer.operatorId',
    });
  return null;
}

/**
 * The check, inside the caller's immediate transaction: the operator, their role, their
 * credential, its lock, then the PIN. A wrong PIN is counted (and a fifth in a row locks the
 * operator, audited) by writes the caller commits even though it refuses.
 */
function check(
  write: WriteConnection,
  presented: PresentedCredential,
  purpose: CredentialPurpose,
  context: ServiceContext,
): Operator | RootLogError {
  const field = 'signer.pin';
  const operator = readOperator(write, presented.operatorId);
  if (!operator)
    return new RootLogError('not_found', sentence(R.chooseWhoYouAre), {
      field: 'signer.operatorId',
    });
  const refusal = refusedFor(operator, purpose, write);
  if (refusal) return refusal;
  const stored = readCredential(write, operator.id);
  if (!stored)
    return new RootLogError('no_credential', sentence(R.noPinYet, { name: operator.name }), {
      field: 'signer.operatorId',
    });
  const now = context.now?.() ?? new Date();
  if (stored.lockedUntil && Date.parse(stored.lockedUntil) > now.getTime())
    return new RootLogError(
      'operator_locked',
      sentence(R.lockedUntil, {
        name: operator.name,
        count: LOCKOUT.wrongInARow,
        time: timeOfDay(stored.lockedUntil),
      }),
      { field },
    );
  const verdict = presented.compare(stored);
  if (verdict === 'stale')
    return new RootLogError('wrong_pin', sentence(R.pinChangedMeanwhile, { name: operator.name }), {
      field,
    });
  if (verdict === 'right') {
    noteRightPin(write, operator.id);
    return operator;
  }
  // A lock that has run out starts the count again.
  const wrong = (stored.lockedUntil ? 0 : stored.wrongInARow) + 1;
  if (wrong < LOCKOUT.wrongInARow) {
    noteWrongPin(write, operator.id, wrong, null);
    const left = LOCKOUT.wrongInARow - wrong;
    return new RootLogError(
      'wrong_pin',
      sentence(R.wrongPin, { name: operator.name, left, minutes: LOCKOUT.minutes }),
      { field },
    );
  }
  const until = new Date(now.getTime() + LOCKOUT.minutes * 60_000).toISOString();
  noteWrongPin(write, operator.id, 0, until);
  appendAudit(write, {
    at: now.toISOString(),
    actor: context.actor,
    action: 'settings',
    entity: 'operator',
    entityId: operator.id,
    changes: { lockedUntil: { before: null, after: until } },
    reason: `${LOCKOUT.wrongInARow} wrong PINs in a row`,
  });
  return new RootLogError(
    'operator_locked',
    sentence(R.lockedNow, {
      name: operator.name,
      count: LOCKOUT.wrongInARow,
      time: timeOfDay(until),
      minutes: LOCKOUT.minutes,
    }),
    { field },
  );
}

/**
 * Runs `write` for the proven operator, in one immediate transaction with the check; a
 * refusal is thrown after the transaction commits what it counted (a wrong PIN, a lock).
 */
export function withProvenOperator<T>(
  store: Store,
  presented: PresentedCredential,
  purpose: CredentialPurpose,
  context: ServiceContext,
  then: (write: WriteConnection, operator: Operator) => T,
): T {
  const write = store.writer;
  const outcome = write.db
    .transaction((): { refused: RootLogError } | { value: T } => {
      const proven = check(write, presented, purpose, context);
      if (proven instanceof RootLogError) return { refused: proven };
      return { value: then(write, proven) };
    })
    .immediate();
  if ('refused' in outcome) throw outcome.refused;
  return outcome.value;
}

/** withProvenOperator for a signature: `then` gets the signer the record-life writer takes. */
export function withSigner<T>(
  store: Store,
  presented: PresentedCredential,
  act: SignedAct,
  context: ServiceContext,
  then: (write: WriteConnection, signer: VerifiedSigner, operator: Operator) => T,
): T {
  return withProvenOperator(store, presented, { act }, context, (write, operator) =>
    then(write, verifiedSigner(operator.id, operator.name, ACT_MEANINGS[act]), operator),
  );
}

/** The operator proven by the credential (a console opened, an administrator, the command line's --as). */
export const proveOperator = (
  store: Store,
  presented: PresentedCredential,
  purpose: CredentialPurpose,
  context: ServiceContext,
): Operator => withProvenOperator(store, presented, purpose, context, (_write, operator) => operator);

/** Whether the logbook still waits for its first administrator (no operator holds a credential). */
export const needsFirstAdministrator = (source: ReadSource): boolean => !anyCredential(readerOf(source));

function auditPin(
  write: WriteConnection,
  operatorId: string,
  had: boolean,
  after: string,
  actor: string,
  context: ServiceContext,
) {
  appendAudit(write, {
    at: timestamp(context),
    actor,
    action: 'settings',
    entity: 'operator',
    entityId: operatorId,
    // That a PIN was set, and by whom: never the PIN, never its hash.
    changes: { pin: { before: had ? 'set' : null, after } },
  });
}

/**
 * The logbook's first administrator: a new operator (a radiologist) or one already listed
 * (an upgraded logbook), with the PIN they chose. Only while no operator holds a credential —
 * once one does, only an administrator sets another's first PIN, so nobody can claim a
 * colleague's unset credential.
 */
export function setUpFirstAdministrator(
  store: Store,
  who: { name?: string; operatorId?: string },
  credential: MadeCredential,
  context: ServiceContext,
): Operator {
  const write = store.writer;
  return write.db
    .transaction((): Operator => {
      if (anyCredential(write)) throw new RootLogError('administrator_required', sentence(R.administratorExists));
      const existing = who.operatorId ? readOperator(write, who.operatorId) : undefined;
      if (who.operatorId && !existing)
        throw new RootLogError('not_found', sentence(R.notAnOperator), { field: 'operatorId' });
      const operator: Operator = existing
        ? { ...existing, active: true, administrator: true }
        : { id: newId(), name: who.name ?? '', active: true, role: 'radiologist', administrator: true };
      writeOperator(write, operator);
      appendAudit(write, {
        at: timestamp(context),
        actor: operator.name,
        action: 'settings',
        entity: 'operator',
        entityId: operator.id,
        changes: existing
          ? { administrator: { before: existing.administrator, after: true } }
          : {
              name: { before: null, after: operator.name },
              role: { before: null, after: operator.role },
              administrator: { before: null, after: true },
            },
        reason: 'the first administrator of this logbook',
      });
      writeCredential(write, { operatorId: operator.id, ...credential, setAt: timestamp(context), setBy: operator.id });
      auditPin(write, operator.id, false, 'set by its owner', operator.name, context);
      return operator;
    })
    .immediate();
}

/** An operator changes their own PIN: the old one proves it is them (counted like any PIN). */
export function changeOwnPin(
  store: Store,
  oldPin: PresentedCredential,
  credential: MadeCredential,
  context: ServiceContext,
): Operator {
  return withProvenOperator(store, oldPin, { open: true }, context, (write, operator) => {
    writeCredential(write, { operatorId: operator.id, ...credential, setAt: timestamp(context), setBy: operator.id });
    auditPin(write, operator.id, true, 'changed by its owner', operator.name, context);
    return operator;
  });
}

/** The administrator (already proven, see the API's administration) is still one, in this transaction. */
function requireAdministrator(write: WriteConnection, administratorId: string): Operator {
  const administrator = readOperator(write, administratorId);
  if (!administrator?.active || !administrator.administrator)
    throw new RootLogError('administrator_required', sentence(R.administratorRequired));
  return administrator;
}

/**
 * An administrator sets an operator's first PIN, or a new one when it was forgotten or the
 * operator is locked (the lock is lifted): audited under the administrator's name. The
 * operator types it themselves at the administrator's console, or changes it at their next
 * signature's leisure (Settings → My PIN).
 */
export function setPinFor(
  store: Store,
  administratorId: string,
  operatorId: string,
  credential: MadeCredential,
  context: ServiceContext,
): Operator {
  const write = store.writer;
  return write.db
    .transaction((): Operator => {
      const administrator = requireAdministrator(write, administratorId);
      const operator = readOperator(write, operatorId);
      if (!operator) throw new RootLogError('not_found', sentence(R.notAnOperator), { field: 'operatorId' });
      const had = readCredential(write, operatorId) !== undefined;
      writeCredential(write, { operatorId, ...credential, setAt: timestamp(context), setBy: administrator.id });
      auditPin(write, operatorId, had, `set by ${administrator.name} (administrator)`, administrator.name, context);
      return operator;
    })
    .immediate();
}

const badgeHash = (key: string, badge: string) =>
  createHmac('sha256', Buffer.from(key, 'hex')).update(badge).digest('hex');

/**
 * Binds a badge number to an operator, or unbinds it (null). Only its keyed hash is stored
 * (HMAC-SHA-256 with the logbook's own badge key): the number must be found again from what
 * the card reader types, so it cannot have a salt of its own like a PIN, and a plain hash of a
 * short number is reversed by trying them all; without the key, which stays in this logbook's
 * badge_key table and is never exported nor pushed, its rows give no badge number away. A
 * badge says who is at the keyboard; the PIN still proves it.
 */
export function setBadge(
  store: Store,
  administratorId: string,
  operatorId: string,
  badge: string | null,
  context: ServiceContext,
): Operator {
  const write = store.writer;
  return write.db
    .transaction((): Operator => {
      const administrator = requireAdministrator(write, administratorId);
      const operator = readOperator(write, operatorId);
      if (!operator) throw new RootLogError('not_found', sentence(R.notAnOperator), { field: 'operatorId' });
      const stored = readCredential(write, operatorId);
      if (!stored)
        throw new RootLogError('no_credential', sentence(R.noPinForBadge, { name: operator.name }), {
          field: 'badge',
        });
      const hash =
        badge === null
          ? null
          : badgeHash(
              badgeKey(write, () => randomBytes(32).toString('hex')),
              badge,
            );
      const holder = hash ? operatorOfBadge(write, hash) : undefined;
      if (holder && holder !== operatorId) throw RootLogError.invalid([problem('badge', R.badgeTaken)]);
      writeBadgeHash(write, operatorId, hash);
      appendAudit(write, {
        at: timestamp(context),
        actor: administrator.name,
        action: 'settings',
        entity: 'operator',
        entityId: operatorId,
        changes: { badge: { before: stored.badgeHash ? 'bound' : null, after: hash ? 'bound' : null } },
      });
      return operator;
    })
    .immediate();
}

/** Who the badge belongs to (an active operator), or null. */
export function operatorOfBadgeNumber(source: ReadSource, badge: string): string | null {
  const read = readerOf(source);
  const key = readBadgeKey(read);
  if (!key) return null;
  const operatorId = operatorOfBadge(read, badgeHash(key, badge));
  if (!operatorId) return null;
  return readOperator(read, operatorId)?.active ? operatorId : null;
}

/** Whether a change of operators would leave the logbook without an active administrator who can prove it. */
export function leavesNoAdministrator(write: WriteConnection, changed: Operator): boolean {
  if (!anyCredential(write)) return false;
  return !readOperators(write).some((operator) => {
    const now = operator.id === changed.id ? changed : operator;
    return now.active && now.administrator && readCredential(write, now.id) !== undefined;
  });
}
