import { z } from 'zod';
import { aeTitleSchema, CONNECTION_LABEL_MESSAGES, listenAddressSchema } from '../model/connection-settings.js';
import { RootLogError } from '../model/errors.js';
import { DOSE_RECEIVER_SETTING_MESSAGES as M } from '../model/main-messages.js';
import type { Message } from '../model/messages.js';
import { type FieldProblem, saidOf } from '../model/problems.js';
import { RULE_MESSAGES as R } from '../model/rule-messages.js';
import { sentence } from '../model/words.js';
import { rule, zodIssueWords } from '../model/zod-words.js';

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
      .int()
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

/** The labels Settings → Dose reports shows (the connection's declared fields); "on" is the receiver's own. */
const SHOWN = CONNECTION_LABEL_MESSAGES.doseReceiver?.fields ?? {};
const LABELS: Record<string, Message | undefined> = {
  enabled: M.enabled,
  port: SHOWN.port,
  aeTitle: SHOWN.aeTitle,
  acceptedCallingAeTitles: SHOWN.acceptedCallingAeTitles,
  host: SHOWN.listenAddress,
};

/** The settings, checked; refused with every field's problem in words. */
export function checkDoseReceiverSettings(input: unknown): CheckedDoseReceiverSettings {
  const parsed = doseReceiverSettingsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems: FieldProblem[] = parsed.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || 'settings';
    const label = sentence(LABELS[String(issue.path[0])] ?? M.settings);
    const broke = zodIssueWords(issue) ?? issue.message;
    return {
      field,
      ...saidOf(
        issue.path.length > 1
          ? sentence(M.brokenEntry, { label, number: Number(issue.path[1]) + 1, rule: broke })
          : sentence(M.broken, { label, rule: broke }),
      ),
    };
  });
  throw RootLogError.invalid(problems);
}
