import { z } from 'zod';

/*
 * The department server a console syncs with (db/hub/sync.ts). Kept in the logbook's settings
 * without its password: the password is kept by the operating system's keychain through
 * Electron's safeStorage in the main process, never in the logbook, a backup or an export.
 */
export const hubServerSchema = z
  .object({
    host: z
      .string({ error: 'must be a host name' })
      .trim()
      .min(1, { error: 'is required' })
      .max(253, { error: 'must be at most 253 characters' })
      .regex(/^[A-Za-z0-9.-]+$/, { error: 'must be a host name or address (letters, digits, dots, dashes)' }),
    port: z
      .number({ error: 'must be a port number from 1 to 65535' })
      .int({ error: 'must be a port number from 1 to 65535' })
      .min(1, { error: 'must be a port number from 1 to 65535' })
      .max(65535, { error: 'must be a port number from 1 to 65535' }),
    database: z
      .string({ error: 'must be a database name' })
      .trim()
      .min(1, { error: 'is required' })
      .max(63, { error: 'must be at most 63 characters' })
      .regex(/^[A-Za-z0-9_-]+$/, { error: 'must be letters, digits, "_" or "-"' }),
    user: z
      .string({ error: 'must be a user name' })
      .trim()
      .min(1, { error: 'is required' })
      .max(63, { error: 'must be at most 63 characters' })
      .regex(/^[A-Za-z0-9_.-]+$/, { error: 'must be letters, digits, "_", "." or "-"' }),
    /** TLS with certificate verification (the server must offer it). */
    tls: z.boolean({ error: 'must be true or false' }).default(false),
  })
  .strict();
export type HubServer = z.output<typeof hubServerSchema>;

/** postgres://user@host:port/database — never with a password in it. */
export const hubUrl = (server: HubServer) =>
  `postgres://${encodeURIComponent(server.user)}@${server.host}:${server.port}/${encodeURIComponent(server.database)}`;

/** What the console shows of its sync: when it last worked, what waits, and any error in words. */
export interface HubStatus {
  configured: boolean;
  running: boolean;
  lastSyncAt: string | null;
  lastError: string | null;
  pending: number;
  lastReport: {
    pushed: number;
    pulled: number;
    followUpsPulled: number;
    conflicts: { id: string; reason: string }[];
    refused: { id: string; reason: string }[];
  } | null;
}
