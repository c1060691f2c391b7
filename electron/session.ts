import {
  type CredentialPurpose,
  needsFirstAdministrator,
  presentCredential,
  proveOperator,
} from '../db/credentials.js';
import type { SessionState } from '../db/model/answers.js';
import { REFUSAL_MESSAGES as R, RootLogError, type SignerProof, sentence } from '../db/model/index.js';
import { getSettings } from '../db/settings.js';
import type { ServiceContext, Store } from '../db/store.js';

/*
 * The console's session, held by the main process (one per API, never in module state): the
 * window cannot open itself by saying so. Locked, the API answers only the lock screen's
 * methods (the contract's whileLocked) and a draft saved as it locks; an operator's PIN opens
 * it. An administrator's PIN opens Settings' changes until the console locks or they end it;
 * the administrator is checked again in each change's transaction where it writes operators.
 *
 * The console starts locked once any operator holds a PIN: after a restart it shows nobody's
 * patient until someone proves who they are. A logbook without PINs (the first run, or one
 * upgraded from before schema 20) starts open so its first administrator can be set up.
 */
export class ConsoleSession {
  #locked: boolean;
  #operatorId: string | null = null;
  #administratorId: string | null = null;

  constructor(private readonly store: Store) {
    this.#locked = !needsFirstAdministrator(store);
  }

  get locked(): boolean {
    return this.#locked;
  }

  /**
   * The administrator whose PIN opened administration, or a refusal in words. Until the
   * logbook has its first administrator (nobody holds a PIN), settings stay open as before
   * PINs existed (null): whoever could change them could as well make themselves that first
   * administrator, which the first run asks at once.
   */
  administrator(): string | null {
    if (this.#locked) throw consoleLocked();
    if (needsFirstAdministrator(this.store)) return null;
    if (!this.#administratorId) throw new RootLogError('administrator_required', sentence(R.administratorPinRequired));
    return this.#administratorId;
  }

  state(): SessionState {
    const settings = getSettings(this.store);
    return {
      locked: this.#locked,
      needsFirstAdministrator: needsFirstAdministrator(this.store),
      operatorId: this.#operatorId,
      administratorId: this.#locked ? null : this.#administratorId,
      idleLockMinutes: settings.idleLockMinutes,
      language: settings.language,
      operators: settings.operators
        .filter((operator) => operator.active)
        .map(({ id, name, role, administrator, pinSet, lockedUntil, badge }) => ({
          id,
          name,
          role,
          administrator,
          pinSet,
          lockedUntil,
          badge,
        })),
    };
  }

  lock(): SessionState {
    // Nothing to hide until someone can open it again.
    if (!needsFirstAdministrator(this.store)) this.#locked = true;
    this.#administratorId = null;
    return this.state();
  }

  async unlock(proof: SignerProof, context: ServiceContext): Promise<SessionState> {
    const operator = await this.#prove(proof, { open: true }, context);
    this.#locked = false;
    this.#operatorId = operator.id;
    return this.state();
  }

  async administer(proof: SignerProof, context: ServiceContext): Promise<SessionState> {
    const operator = await this.#prove(proof, { administer: true }, context);
    this.#locked = false;
    this.#administratorId = operator.id;
    return this.state();
  }

  endAdministration(): SessionState {
    this.#administratorId = null;
    return this.state();
  }

  /** After the first administrator was set up: they are at the keyboard, administering. */
  opened(operatorId: string, administrator: boolean): SessionState {
    this.#locked = false;
    this.#operatorId = operatorId;
    if (administrator) this.#administratorId = operatorId;
    return this.state();
  }

  /** A signature was proven: the signer is offered first next time. */
  signedBy(operatorId: string): void {
    this.#operatorId = operatorId;
  }

  async #prove(proof: SignerProof, purpose: CredentialPurpose, context: ServiceContext) {
    return proveOperator(this.store, await presentCredential(this.store, proof), purpose, context);
  }
}

export const consoleLocked = () => new RootLogError('console_locked', sentence(R.consoleLocked));
