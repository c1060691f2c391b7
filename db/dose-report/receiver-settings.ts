import { z } from 'zod';
import { aeTitleSchema, listenAddressSchema } from '../model/connection-settings.js';
import { RootLogError } from '../model/errors.js';
import type { FieldProblem } from '../model/problems.js';
import { RULE_MESSAGES as R } from '../model/rule-messages.js';
import { rule } from '../model/zod-words.js';

/*
 * Settings → Dose reports, as the department enters them: checked here once, for the settings
 * screen and for the receiver alike, with the field and the rule said in words.
 */

/** An AE title by the model's one rule (PS3.5 6.2), as Settings → Dose reports checks it. */
const aeTitle = aeTitleSchema;

export const doseReceiverSettingsSchema = z
  .object({
    enabled: z.boolean(rule(R.onOrOff)),
    port: z
      .number(rule(R.portNumber))
      .int(rule(R.wholeNumber))
      .min(1, rule(R.fromTo, { min: 1, max: 65535 }))
      .max(65535, rule(R.fromTo, { min: 1, max: 65535 })),
    aeTitle,
    acceptedCallingAeTitles: z.array(aeTitle, rule(R.aeTitles)).max(32, rule(R.atMostAeTitles, { count: 32 })),
    /** The address to listen on (Settings' listenAddress); every address when not given. */
    host: listenAddressSchema.optional(),
  })
  .strict()
  .refine((settings) => !settings.enabled || settings.acceptedCallingAeTitles.length > 0, {
    ...rule(R.sendersBeforeOn),
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
