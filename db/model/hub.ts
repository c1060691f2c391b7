import { z } from 'zod';
import { RULE_MESSAGES as R } from './rule-messages.js';
import { REASON_LENGTH } from './text-rule.js';
import type { Words } from './words.js';
import { rule, ZOD_MESSAGES } from './zod-words.js';

/*
 * The department server a console syncs with (db/hub/sync.ts), as the logbook's settings keep
 * it: where it is, the department's CA, and what an administrator allowed. Never its password
 * (kept by the operating system's keychain in the main process) and never the console's
 * private signing key (kept apart from the logbook: see docs/hub.md).
 */

/** What the catalogue that travels between consoles holds: operators and drugs. */
export const HUB_CATALOGUE_KINDS = ['operator', 'drug'] as const;
/** How the owner of a record resolves a conflict: it took the other console's amendment, or kept its record. */
export const CONFLICT_DECISIONS = ['took', 'kept'] as const;
export type ConflictDecision = (typeof CONFLICT_DECISIONS)[number];

/** An empty text's rule, given to the check: a type's own message ("must be a host name") would say it of every check without one. */
const required = rule(ZOD_MESSAGES.required);

const hostName = z
  .string(rule(R.hostName))
  .trim()
  .min(1, required)
  .max(253, rule(R.atMostCharacters, { count: 253 }))
  .regex(/^[A-Za-z0-9.-]+$/, rule(R.hostForm));

/** A PEM certificate (or several) as pasted or read from the department's CA file. */
export const HUB_CA_PEM_MAX = 64 * 1024;
export const caPemSchema = z
  .string(rule(R.pemText))
  .max(HUB_CA_PEM_MAX, rule(R.pemSize))
  .refine((text) => /^\s*-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----\s*$/.test(text), {
    ...rule(R.pemForm),
  });

export const hubServerSchema = z
  .object({
    host: hostName,
    port: z
      .number(rule(R.portNumber))
      .int(rule(R.portNumber))
      .min(1, rule(R.portNumber))
      .max(65535, rule(R.portNumber)),
    database: z
      .string(rule(R.databaseName))
      .trim()
      .min(1, required)
      .max(63, rule(R.atMostCharacters, { count: 63 }))
      .regex(/^[A-Za-z0-9_-]+$/, rule(R.databaseNameForm)),
    user: z
      .string(rule(R.userName))
      .trim()
      .min(1, required)
      .max(63, rule(R.atMostCharacters, { count: 63 }))
      .regex(/^[A-Za-z0-9_.-]+$/, rule(R.userNameForm)),
    /** The department's CA (PEM text): the server's certificate is verified against it; null: the system's CAs. */
    caPem: caPemSchema.nullable().default(null),
    /**
     * The one host an administrator allowed to be reached without TLS (password and records in
     * clear on the network); it counts only when it is this server's host. null: TLS always.
     */
    allowPlainFor: hostName.nullable().default(null),
    /**
     * Linux without a keyring: Electron's safeStorage then encrypts with a key written in the
     * program itself (`basic_text`), which protects nothing. The console's signing key and the
     * password are refused there unless the department opts in here (audited as any setting).
     */
    allowKeyWithoutKeyring: z.boolean(rule(R.trueOrFalse)).default(false),
    /** From before TLS was always verified (a switch, off by default); ignored. */
    tls: z.boolean().optional(),
  })
  .strict();
export type HubServer = z.output<typeof hubServerSchema>;
export type HubServerInput = z.input<typeof hubServerSchema>;

/** Is this server to be reached without TLS? Only when an administrator named its very host. */
export const plainAllowed = (server: Pick<HubServer, 'host' | 'allowPlainFor'>) =>
  server.allowPlainFor !== null && server.allowPlainFor.toLowerCase() === server.host.toLowerCase();

/** How a server is named in messages: host:port/database. */
export const hubLabel = (server: Pick<HubServer, 'host' | 'port' | 'database'>) =>
  `${server.host}:${server.port}/${server.database}`;

/**
 * The limits of what a console takes from the hub, whoever wrote it: a row's signed entry is
 * bounded before it is read whole (the server's size column), a pull's batch by rows and bytes.
 * The server refuses larger entries too (server-schema.ts: the same figure, frozen there).
 */
export const HUB_LIMITS = {
  /** Bytes of one signed entry (a record's version is a few KB; its longest text fields are bounded by the form). */
  entryBytes: 256 * 1024,
  /** Rows read per query when pulling. */
  pullRows: 2000,
  /** Bytes of entries read per query when pulling (a page is cut short before this). */
  pullBytes: 8 * 1024 * 1024,
  /** Records pushed per statement. */
  pushRecords: 500,
  /** Longest a write transaction of the pull holds the logbook (the console's saves wait at most this). */
  transactionMs: 150,
} as const;

/** What went wrong, and on which side: the console's own disk or a fault in RootLog, or the server. */
export type HubFailureSide = 'local' | 'remote';

export interface HubFailure {
  side: HubFailureSide;
  message: string;
}

/** A row of the hub this console did not take: why, from which console, kept for IT. */
export interface HubRefusal {
  stream: string;
  /** The record, follow-up, catalogue entry or conflict the row is about, as far as it could be told (words; an earlier RootLog's English: as it was written). */
  subject: Words;
  console: string | null;
  /** Why, as words (an earlier RootLog's English sentence: as it was written). */
  reason: Words;
  at: string;
  /** Still waiting for something it needs (its record, the version before it): tried again at each sync. */
  waiting: boolean;
}

/** A registered console as the hub lists it. */
export interface HubConsole {
  name: string;
  fingerprint: string;
  registeredAt: string;
  retiredAt: string | null;
}

/** Two consoles changed the same record: the owner's record and the other console's amendment, side by side. */
export interface HubConflictView {
  id: string;
  recordId: string;
  patientId: string | null;
  owner: string;
  proposer: string;
  proposedBy: string;
  proposedAt: string;
  reason: string | null;
  /** This console owns the record: it resolves the conflict (an amendment here). */
  resolvesHere: boolean;
  fields: { field: string; here: unknown; proposed: unknown }[];
  /** Warnings the proposed content raises, to be confirmed when it is taken. */
  warnings: { code: string; message: string }[];
  resolution: { decision: ConflictDecision; at: string; by: string } | null;
}

/** What the console shows of its sync: when it last worked, what waits, and any error in words. */
export interface HubStatus {
  configured: boolean;
  running: boolean;
  lastSyncAt: string | null;
  /** Why the last sync stopped, in words (`hub.sync.*`, db/hub/errors.ts). */
  lastError: Words | null;
  /** Whose side the last error was on (this console, or the server). */
  lastErrorSide: HubFailureSide | null;
  pending: number;
  /** This console's signing key: its fingerprint for IT to compare, where it is kept, or why there is none. */
  /** Where it is kept: as words, or the English the logbook recorded when another vault kept it (the command line's key file). */
  consoleKey: { fingerprint: string | null; keptIn: Words | string; problem: Words | null };
  /** The consoles the hub lists, as last read (null before the first sync). */
  consoles: HubConsole[] | null;
  openConflicts: number;
  refusals: number;
  /** Said once when the hub was found restored or replaced (and what the console did about it). */
  notice: Words | null;
  lastReport: {
    pushed: number;
    pulled: number;
    followUpsPulled: number;
    amendmentsPulled: number;
    /** Each with its English (for the logs) and its words. */
    conflicts: { id: string; reason: string; words: Words }[];
    refused: { id: string; reason: string; words: Words }[];
  } | null;
}

/** The conflict's reason, said the same whichever bound is broken (its label comes first: problemsFromZod). */
const reasonLength = rule(R.reasonLength, REASON_LENGTH);

/** The owner's answer to a conflict, as the window sends it. */
export const conflictResolutionSchema = z
  .object({
    decision: z.enum(CONFLICT_DECISIONS, rule(R.tookOrKept)),
    reason: z.string(required).trim().min(REASON_LENGTH.min, reasonLength).max(REASON_LENGTH.max, reasonLength),
    confirmedWarnings: z.array(z.string().max(64)).max(40).optional(),
  })
  .strict();
export type ConflictResolution = z.output<typeof conflictResolutionSchema>;
