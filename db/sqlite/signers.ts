import type { SignatureMeaning } from '../model/index.js';

/*
 * A signer whose PIN was checked in this transaction: the only kind of signer the record-life
 * writer takes. Made only by the credential check (db/credentials.ts, inside the transaction
 * that writes the signature); a plain object with the same fields is refused at run time, so
 * no code path can sign in someone's name by building one.
 */

export interface VerifiedSigner {
  readonly operatorId: string;
  /** The operator's printed name at signing. */
  readonly name: string;
  readonly meaning: SignatureMeaning;
}

const verified = new WeakSet<VerifiedSigner>();

/** For the credential check alone. */
export function verifiedSigner(operatorId: string, name: string, meaning: SignatureMeaning): VerifiedSigner {
  const signer = Object.freeze({ operatorId, name, meaning });
  verified.add(signer);
  return signer;
}

/** Throws unless the signer came from the credential check. */
export function requireVerified(signer: VerifiedSigner, meaning: SignatureMeaning): VerifiedSigner {
  if (!verified.has(signer) || signer.meaning !== meaning)
    throw new Error('A signature is written only for an operator whose PIN was checked for it.');
  return signer;
}
