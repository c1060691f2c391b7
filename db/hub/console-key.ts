import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { appendAudit } from '../audit.js';
import { HUB_SYNC_MESSAGES as H } from '../model/hub-messages.js';
import { KEPT_IN_MESSAGES } from '../model/main-messages.js';
import { inEnglish, sentence, type Words } from '../model/words.js';
import type { WriteConnection } from '../sqlite/connection.js';
import { readConsoleKeyRow, writeConsoleKeyRow } from '../sqlite/hub-local.js';
import type { ServiceContext, Store } from '../store.js';
import { HubError } from './errors.js';

/*
 * The console's own Ed25519 key pair: what it pushes to the hub is signed with it, and every
 * other console checks that signature against the public key the department registered. The
 * public key lives in the logbook (so `rootlog hub add-console --db LOGBOOK` can read it); the
 * private key never does, nor any backup or export of it: it is kept by a vault — the OS
 * keychain through Electron's safeStorage in the app (electron/hub-sync.ts), a file readable by
 * this user alone beside the logbook on the command line (keyFileVault). See docs/hub.md.
 */

export interface PrivateKeyVault {
  /** Where the private key is kept, as words for the window and IT (the logbook records its English). */
  readonly keptIn: Words;
  /** The private key (PKCS#8 DER), or null when none was made yet; throws a HubError when it cannot be read safely. */
  read(): Buffer | null;
  /** Keeps a new private key; never replaces one. */
  write(pkcs8: Buffer): void;
}

export interface ConsoleKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public key as the hub stores it: SPKI DER in base64. */
  publicKeyText: string;
  fingerprint: string;
}

/** What every signed entry's bytes start with: a signature over a RootLog hub entry is never one over anything else. */
const SIGNED_PREFIX = 'rootlog-hub-entry/1\n';

export const publicKeyText = (key: KeyObject) => key.export({ type: 'spki', format: 'der' }).toString('base64');

/** The key's SHA-256, its first 16 bytes in groups of four hex digits: what IT reads aloud to compare. */
export function fingerprintOf(publicKeyBase64: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 32);
  return digest.match(/.{4}/g)?.join(' ') ?? digest;
}

const ED25519_SPKI = /^[A-Za-z0-9+/]{59}=$/;

/** A registered public key read back as a key, or null when it is not an Ed25519 key. */
export function publicKeyFrom(text: string): KeyObject | null {
  if (!ED25519_SPKI.test(text)) return null;
  try {
    const key = createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

export const signEntry = (key: KeyObject, entryText: string): string =>
  sign(null, Buffer.from(SIGNED_PREFIX + entryText, 'utf8'), key).toString('base64');

export function verifyEntry(key: KeyObject, entryText: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(SIGNED_PREFIX + entryText, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

function fromPrivate(pkcs8: Buffer): ConsoleKey {
  const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new HubError('local', sentence(H.keyNotEd25519));
  const publicKey = createPublicKey(privateKey);
  const text = publicKeyText(publicKey);
  return { privateKey, publicKey, publicKeyText: text, fingerprint: fingerprintOf(text) };
}

/** Keeps the console's public key in the logbook, audited (the private key is never there). */
function keepPublicKey(write: WriteConnection, publicKey: string, keptIn: string, context: ServiceContext): void {
  write.db
    .transaction(() => {
      const before = readConsoleKeyRow(write);
      writeConsoleKeyRow(write, publicKey, keptIn);
      appendAudit(write, {
        at: new Date().toISOString(),
        actor: context.actor,
        action: 'settings',
        entity: 'settings',
        entityId: 'hubConsoleKey',
        changes: { hubConsolePublicKey: { before: before?.publicKey ?? null, after: publicKey } },
      });
    })
    .immediate();
}

/** The console's public key as the logbook holds it (for add-console and Settings), or null before the first run. */
export function consolePublicKey(store: Store): { publicKeyText: string; fingerprint: string; keptIn: string } | null {
  const row = readConsoleKeyRow(store.reader);
  return row ? { publicKeyText: row.publicKey, fingerprint: fingerprintOf(row.publicKey), keptIn: row.keptIn } : null;
}

/**
 * The console's key pair: made at its first use (the private key into the vault first, then
 * the public key into the logbook, audited), read from both afterwards and checked to belong
 * together. A lost private key is said in words: a new one is made with `replace` and the
 * department registers it again.
 */
export function consoleKey(
  store: Store,
  vault: PrivateKeyVault,
  context: ServiceContext,
  options: { replace?: boolean } = {},
): ConsoleKey {
  const row = readConsoleKeyRow(store.reader);
  const stored = options.replace ? null : vault.read();
  if (stored) {
    const key = fromPrivate(stored);
    if (row && row.publicKey !== key.publicKeyText)
      throw new HubError(
        'local',
        sentence(H.keyNotThisLogbooks, {
          keptIn: vault.keptIn,
          theirs: key.fingerprint,
          ours: fingerprintOf(row.publicKey),
        }),
      );
    if (!row) keepPublicKey(store.writer, key.publicKeyText, inEnglish(vault.keptIn), context);
    return key;
  }
  if (row && !options.replace)
    throw new HubError('local', sentence(H.keyMissing, { keptIn: vault.keptIn, ours: fingerprintOf(row.publicKey) }));
  const { privateKey } = generateKeyPairSync('ed25519');
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  vault.write(pkcs8);
  const key = fromPrivate(pkcs8);
  keepPublicKey(store.writer, key.publicKeyText, inEnglish(vault.keptIn), context);
  return key;
}

/** A key for this run only (tests, benchmarks): nothing is written anywhere. */
export function memoryVault(): PrivateKeyVault {
  let kept: Buffer | null = null;
  return {
    keptIn: sentence(KEPT_IN_MESSAGES.memory),
    read: () => kept,
    write: (pkcs8) => {
      kept = Buffer.from(pkcs8);
    },
  };
}

/** Where the command line keeps a logbook's console key: beside it, readable by this user alone. */
export const keyFileOf = (logbookPath: string) => `${logbookPath}.hub-key`;

/**
 * The private key in a PEM file that only this user may read (mode 0600), like an SSH key: a
 * file that others can read, or that another user owns, is refused rather than used.
 */
export function keyFileVault(path: string): PrivateKeyVault {
  return {
    keptIn: sentence(KEPT_IN_MESSAGES.keyFile, { path }),
    read: () => {
      if (!existsSync(path)) return null;
      const stat = statSync(path);
      if (process.platform !== 'win32') {
        if (typeof process.getuid === 'function' && stat.uid !== process.getuid())
          throw new HubError('local', sentence(H.keyFileOtherUser, { path }));
        if ((stat.mode & 0o077) !== 0)
          throw new HubError('local', sentence(H.keyFileOpen, { path, mode: (stat.mode & 0o777).toString(8) }));
      }
      try {
        return createPrivateKey({ key: readFileSync(path, 'utf8'), format: 'pem' }).export({
          type: 'pkcs8',
          format: 'der',
        });
      } catch {
        throw new HubError('local', sentence(H.keyFileUnreadable, { path }));
      }
    },
    write: (pkcs8) => {
      const pem = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }).export({
        type: 'pkcs8',
        format: 'pem',
      });
      // Made with its final mode beside the key file, then put in its place whole.
      const partial = `${path}.new`;
      rmSync(partial, { force: true });
      const fd = openSync(partial, 'wx', 0o600);
      try {
        writeSync(fd, String(pem));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(partial, path);
    },
  };
}
