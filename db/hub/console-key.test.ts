import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditHistory } from '../audit.js';
import { backupDatabase } from '../maintenance.js';
import { openStore } from '../store.js';
import { context, tempPath, tempStore } from '../testing/fixtures.js';
import { consoleKey, consolePublicKey, keyFileOf, keyFileVault, memoryVault, verifyEntry } from './console-key.js';
import { signed } from './entries.js';

/*
 * The console's own Ed25519 key pair: made at first use, the private key only in its vault
 * (never in the logbook, nor in a backup of it), the public key in the logbook; a key file
 * others can read is refused; a lost key is said, and a new one made on request.
 */

describe('the console key', () => {
  it('is made once, signs verifiably, and keeps its private half out of the logbook and its backups', async () => {
    const { store } = tempStore();
    const vault = keyFileVault(keyFileOf(store.path));
    const key = consoleKey(store, vault, context);
    expect(consoleKey(store, vault, context).publicKeyText).toBe(key.publicKeyText);
    expect(consolePublicKey(store)).toMatchObject({ publicKeyText: key.publicKeyText, fingerprint: key.fingerprint });
    expect(statSync(keyFileOf(store.path)).mode & 0o777).toBe(0o600);
    const entry = signed(
      {
        kind: 'resolution',
        format: 1,
        conflictId: 'c',
        recordId: 'r',
        console: 'CT 1',
        decision: 'kept',
        version: 1,
        by: 'x',
        at: 'y',
      },
      key.privateKey,
    );
    expect(verifyEntry(key.publicKey, entry.text, entry.signature)).toBe(true);
    expect(verifyEntry(key.publicKey, entry.text.replace('kept', 'took'), entry.signature)).toBe(false);
    const pem = readFileSync(keyFileOf(store.path), 'utf8');
    const body = pem
      .split('\n')
      .filter((line) => line && !line.startsWith('-----'))
      .join('');
    const backup = tempPath('backup.sqlite');
    await backupDatabase(store, backup, {});
    for (const file of [store.path, backup]) expect(readFileSync(file).includes(Buffer.from(body))).toBe(false);
    expect(auditHistory(store, 'settings', 'hubConsoleKey')).toHaveLength(1);
    store.close();
  });

  it('a key file others can read is refused; a missing key is said; a new one replaces it on request', () => {
    const { store } = tempStore();
    const path = keyFileOf(store.path);
    const vault = keyFileVault(path);
    const first = consoleKey(store, vault, context);
    chmodSync(path, 0o640);
    expect(() => consoleKey(store, vault, context)).toThrow(/can be read by other users of this computer \(mode 640\)/);
    chmodSync(path, 0o600);
    writeFileSync(path, 'not a key', { mode: 0o600 });
    expect(() => consoleKey(store, vault, context)).toThrow(/does not hold a private key/);
    expect(() => consoleKey(store, memoryVault(), context)).toThrow(/signing key is missing from memory.*fingerprint/);
    const other = memoryVault();
    consoleKey(openStore(tempPath()), other, context);
    expect(() => consoleKey(store, other, context)).toThrow(/is not this logbook's/);
    const replaced = consoleKey(store, vault, context, { replace: true });
    expect(replaced.fingerprint).not.toBe(first.fingerprint);
    expect(consoleKey(store, vault, context).fingerprint).toBe(replaced.fingerprint);
    expect(auditHistory(store, 'settings', 'hubConsoleKey')).toHaveLength(2);
    store.close();
  });
});
