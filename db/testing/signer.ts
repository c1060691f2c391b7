import { makeCredentialNow, type PresentedCredential, presentCredentialNow } from '../credentials.js';
import { readCredential, type ScryptParameters, writeCredential } from '../sqlite/credential-rows.js';
import type { Store } from '../store.js';

/*
 * Signers for tests: an operator given a PIN, and the proof the services take. Tests hash
 * with scrypt's smallest parameters the logbook accepts (a credential records its own), so
 * signing a thousand records stays quick; the app's PINs use SCRYPT_PARAMETERS.
 */

export const TEST_PIN = '2580';
export const QUICK_SCRYPT: ScryptParameters = { cost: 1024, blockSize: 8, parallelism: 1 };

/** Gives the operator a PIN (unless they have one), as an administrator would. */
export function givePin(store: Store, operatorId: string, pin = TEST_PIN): void {
  const write = store.writer;
  if (readCredential(write, operatorId)) return;
  write.db
    .transaction(() =>
      writeCredential(write, {
        operatorId,
        ...makeCredentialNow(pin, QUICK_SCRYPT),
        setAt: new Date().toISOString(),
        setBy: operatorId,
      }),
    )
    .immediate();
}

/** The operator's proof for a signature: they get the PIN first if they have none. */
export function signerOf(store: Store, operatorId: string, pin = TEST_PIN): PresentedCredential {
  givePin(store, operatorId, pin);
  return presentCredentialNow(store, { operatorId, pin });
}

/** The proof of the record's own operator: who signs it ("performed and signed"). */
export function recordSigner(store: Store, procedureId: string): PresentedCredential {
  const operatorId = store.reader.prepare('SELECT operator_id FROM procedures WHERE id = ?').pluck().get(procedureId) as
    | string
    | null
    | undefined;
  if (!operatorId) throw new Error(`procedure ${procedureId} names no operator to sign it`);
  return signerOf(store, operatorId);
}

/** The proof of the logbook's first active radiologist (by name): who amends or records a follow-up in a test. */
export function someSigner(store: Store): PresentedCredential {
  const operatorId = store.reader
    .prepare("SELECT id FROM operators WHERE active = 1 AND role = 'radiologist' ORDER BY name COLLATE NOCASE LIMIT 1")
    .pluck()
    .get() as string | undefined;
  if (!operatorId) throw new Error('no active radiologist to sign with');
  return signerOf(store, operatorId);
}
