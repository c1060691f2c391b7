import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consoleKey } from '../db/hub/console-key.js';
import { inEnglish, type Words } from '../db/model/index.js';
import { context, tempPath, tempStore } from '../db/testing/fixtures.js';
import { HubSync, keychainPassword, keychainProblem, keychainVault, type SafeStorageLike } from './hub-sync.js';

const english = (said: Words | null) => (said ? inEnglish(said) : '');

/*
 * Where the app keeps the console's signing key and the hub password: Electron's safeStorage
 * (here a stand-in with the same behaviour), refused where it has only its `basic_text`
 * backend (Linux without a keyring) unless the department opted in, and never in clear.
 */

function fakeSafeStorage(backend: string, available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    // Reversible, but not the clear text: enough to see nothing is written in clear.
    encryptString: (text) => Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a)),
    decryptString: (encrypted) => Buffer.from(encrypted.map((byte) => byte ^ 0x5a)).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  };
}

describe('the keychain in the app', () => {
  it('refuses basic_text (Linux without a keyring) with a clear message, unless the department opted in', () => {
    expect(english(keychainProblem(fakeSafeStorage('basic_text'), 'linux', false))).toMatch(
      /has no keyring.*Settings → Department server/,
    );
    expect(keychainProblem(fakeSafeStorage('basic_text'), 'linux', true)).toBeNull();
    expect(keychainProblem(fakeSafeStorage('gnome_libsecret'), 'linux', false)).toBeNull();
    expect(keychainProblem(fakeSafeStorage('unknown'), 'darwin', false)).toBeNull();
    expect(english(keychainProblem(fakeSafeStorage('gnome_libsecret', false), 'linux', false))).toMatch(
      /keychain is not available/,
    );
  });

  it('keeps the key encrypted, makes it at first run, and shows why it cannot where the keychain is basic_text', async () => {
    const { store } = tempStore();
    const file = tempPath('key.bin');
    let optedIn = false;
    const vault = keychainVault(fakeSafeStorage('basic_text'), file, () => optedIn, 'linux');
    const hub = new HubSync(store, {
      vault,
      passwords: keychainPassword(fakeSafeStorage('basic_text'), tempPath('password.bin'), () => optedIn, 'linux'),
      actor: () => 'Dr. Test',
    });
    hub.prepareKey();
    expect(hub.status().consoleKey).toMatchObject({ fingerprint: null });
    expect(english(hub.status().consoleKey.problem)).toMatch(/has no keyring/);
    expect(existsSync(file)).toBe(false);
    expect(() => hub.setPassword('secret')).toThrow(/has no keyring/);
    optedIn = true;
    hub.prepareKey();
    const { consoleKey: shown } = hub.status();
    expect(shown).toMatchObject({
      fingerprint: expect.stringMatching(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/),
      problem: null,
    });
    const key = consoleKey(store, vault, context);
    expect(key.fingerprint).toBe(shown.fingerprint);
    const stored = readFileSync(file);
    const clear = key.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    expect(stored.includes(Buffer.from(clear))).toBe(false);
    store.close();
  });
});
