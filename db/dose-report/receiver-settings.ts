import { z } from 'zod';
import { aeTitleSchema, listenAddressSchema } from '../model/connection-settings.js';
import { RootLogError } from '../model/errors.js';
import type { FieldProblem } from '../model/problems.js';

/*
 * Settings → Dose reports, as the department enters them: checked here once, for the settings
 * screen and for the receiver alike, with the field and the rule said in words.
 */

/** An AE title by the model's one rule (PS3.5 6.2), as Settings → Dose reports checks it. */
const aeTitle = aeTitleSchema;

export const doseReceiverSettingsSchema = z
  .object({
    enabled: z.boolean({ error: 'must be on or off' }),
    port: z
      .number({ error: 'must be a port number' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be from 1 to 65535' })
      .max(65535, { error: 'must be from 1 to 65535' }),
    aeTitle,
    acceptedCallingAeTitles: z
      .array(aeTitle, { error: 'must be a list of AE titles' })
      .max(32, { error: 'must have at most 32 AE titles' }),
    /** The address to listen on (Settings' listenAddress); every address when not given. */
    host: listenAddressSchema.optional(),
  })
  .strict()
  .refine((settings) => !settings.enabled || settings.acceptedCallingAeTitles.length > 0, {
    error: 'must name the scanners (and the PACS) that may send, before the receiver is turned on',
    path: ['acceptedCallingAeTitles'],
  });

export type CheckedDoseReceiverSettings = z.output<typeof doseReceiverSettingsSchema>;

const LABELS: Record<string, string> = {
  enabled: 'Receiving dose reports',
  port: 'The port',
  aeTitle: 'RootLog’s AE title',
  acceptedCallingAeTitles: 'The AE titles allowed to send',
  host: 'The address to listen on',
};

/** The settings, checked; refused with every field's problem in words. */
export function checkDoseReceiverSettings(input: unknown): CheckedDoseReceiverSettings {
  const parsed = doseReceiverSettingsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems: FieldProblem[] = parsed.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || 'settings';
    const label = LABELS[String(issue.path[0])] ?? 'The settings';
    return {
      field,
      message: `${label}${issue.path.length > 1 ? ` (entry ${Number(issue.path[1]) + 1})` : ''} ${issue.message}.`,
    };
  });
  throw RootLogError.invalid(problems);
}
