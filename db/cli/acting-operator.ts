import { type CredentialPurpose, needsFirstAdministrator, presentCredential, proveOperator } from '../credentials.js';
import { CLI_MESSAGES as M, RootLogError, sentence } from '../model/index.js';
import { listOperators } from '../settings.js';
import type { ServiceContext, Store } from '../store.js';
import type { CliSay } from './cli-speech.js';
import { printable } from './printable.js';
import { UsageError } from './usage-error.js';

/*
 * The command line writes as a named operator, as the app does (issue 25): `--as OPERATOR`
 * (their name or id) and their PIN, typed when asked (not echoed) or, for a scheduled job
 * that runs unattended, from the environment variable ROOTLOG_PIN. The PIN is checked like
 * any other (wrong ones counted, five in a row lock the operator), and the audit rows of what
 * the command writes name that operator. A logbook where nobody holds a PIN yet (from before
 * PINs, or not set up) cannot prove anyone: it is written as before, under the account.
 */

export const PIN_VARIABLE = 'ROOTLOG_PIN';

/** The usage text's line for --as, in the output's language. */
export const asUsage = (say: CliSay) => `          ${say(M.helpAs, { variable: PIN_VARIABLE })}`;

interface SecretIo {
  err: (line: string) => void;
}

/** A secret typed at the terminal, not echoed. */
export function askSecret(io: SecretIo, question: string): Promise<string> {
  return new Promise((resolve) => {
    const input = process.stdin;
    let typed = '';
    io.err(question);
    input.setRawMode?.(true);
    input.resume();
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          input.setRawMode?.(false);
          input.pause();
          input.off('data', onData);
          resolve(typed);
          return;
        }
        if (char === '\u0003') process.exit(130);
        typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
      }
    };
    input.on('data', onData);
  });
}

/**
 * Who the command's writes are recorded under: the operator proven by `--as` and their PIN.
 * A command that changes settings asks an administrator (`{ administer: true }`), as the
 * app's Settings do; one that writes records asks any active operator.
 */
export async function actingOperator(
  store: Store,
  as: string | boolean | undefined,
  io: SecretIo,
  account: string,
  purpose: CredentialPurpose = { open: true },
): Promise<ServiceContext> {
  if (needsFirstAdministrator(store)) return { actor: account };
  if (typeof as !== 'string' || as.trim() === '')
    throw new UsageError(sentence(M.usageAsRequired, { variable: PIN_VARIABLE }));
  const wanted = as.trim().toLowerCase();
  const operator = listOperators(store).find(
    (candidate) => candidate.id === as.trim() || candidate.name.toLowerCase() === wanted,
  );
  if (!operator) throw new RootLogError('not_found', sentence(M.noSuchOperator, { name: printable(as) }));
  const pin =
    process.env[PIN_VARIABLE] ?? (process.stdin.isTTY ? await askSecret(io, `PIN of ${operator.name}: `) : undefined);
  if (!pin) throw new UsageError(sentence(M.usagePinRequired, { name: operator.name, variable: PIN_VARIABLE }));
  const proven = proveOperator(store, await presentCredential(store, { operatorId: operator.id, pin }), purpose, {
    actor: account,
  });
  return { actor: `${proven.name} (command line)` };
}
