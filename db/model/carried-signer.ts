import type { Operator, SignatureMeaning } from './index.js';

/** Who proved a version's signature with their PIN at the signing console, and its meaning. */
export interface CarriedSigner {
  operatorId: string;
  meaning: SignatureMeaning;
}

/**
 * Why a signer's operator id a version carries cannot be kept beside its name, in words; null
 * when it can. A kept id makes the version read as proven by that operator's PIN, so it is kept
 * only when this console knows the operator, under the same name as the version's signedBy, as
 * one who signs (a radiologist), and — for version 1, whose signature means "performed and
 * signed" — as the record's own operator (as procedures.ts requires when signing here). The
 * same rule judges what a pull stores (apply.ts) and what a push sends (push.ts).
 */
export function signerDoubt(
  operator: Pick<Operator, 'name' | 'role'> | undefined,
  signer: CarriedSigner,
  signedBy: string,
  recordOperatorId: unknown,
): string | null {
  const id = signer.operatorId;
  if (!operator) return `the operator ${id} it names as its signer is not among this console's operators`;
  if (operator.name !== signedBy)
    return `the operator ${id} it names as its signer is ${operator.name} here, not ${signedBy}`;
  if (operator.role !== 'radiologist')
    return `the operator ${id} it names as its signer, ${operator.name}, is a technologist here: a radiologist signs and amends`;
  if (signer.meaning === 'performed_and_signed' && recordOperatorId !== id)
    return `the operator ${id} it names as its signer, ${operator.name}, is not the record's operator: the signature means "performed and signed"`;
  return null;
}
