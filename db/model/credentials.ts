import { z } from 'zod';
import { REFUSAL_MESSAGES } from './refusal-messages.js';
import { RULE_MESSAGES as RULE } from './rule-messages.js';
import { sentence, type Words } from './words.js';
import { rule, ruleIssue, ZOD_MESSAGES, zodIssueWords } from './zod-words.js';

/*
 * Who may sign, and how they prove it: the operators' roles, the rules a PIN keeps, how many
 * wrong PINs lock an operator and for how long, and what each kind of signature means. Declared
 * once here; the main process checks them (db/credentials.ts) and the window reads the same
 * rules to say at once what a new PIN still needs. Pure: zod only.
 */

/** An operator's clinical role: a radiologist signs and amends; a technologist prepares the case. */
export const OPERATOR_ROLES = ['radiologist', 'technologist'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const ROLE_WORDS: Record<OperatorRole, string> = {
  radiologist: 'Radiologist',
  technologist: 'Technologist',
};

/** The rules every new PIN or password keeps (an old one keeps working after a rule changes). */
export const PIN_RULES = {
  minLength: 4,
  maxLength: 64,
} as const;

/** Wrong PINs in a row that lock the operator, and for how long. */
export const LOCKOUT = { wrongInARow: 5, minutes: 5 } as const;

const DIGITS = '0123456789';

/**
 * What a new PIN still needs, in words, or null when it keeps every rule. Never repeats the
 * PIN itself: a message may be shown, logged or kept in an error.
 */
export function pinProblem(pin: string): Words | null {
  if (pin.length < PIN_RULES.minLength) return sentence(RULE.atLeastCharacters, { count: PIN_RULES.minLength });
  if (pin.length > PIN_RULES.maxLength) return sentence(RULE.atMostCharacters, { count: PIN_RULES.maxLength });
  if (pin.trim() !== pin) return sentence(RULE.noSpaceAtEnds);
  if (/^(.)\1*$/su.test(pin)) return sentence(RULE.pinRepeatedCharacter);
  if (/^\d+$/.test(pin) && (DIGITS.includes(pin) || [...DIGITS].reverse().join('').includes(pin)))
    return sentence(RULE.pinRunOfDigits);
  return null;
}

/** A new PIN or password, as its owner (or an administrator for them) sets it. */
export const newPinSchema = z.string(rule(RULE.mustBeTyped)).superRefine((pin, ctx) => {
  const found = pinProblem(pin);
  if (found) ctx.addIssue({ code: 'custom', ...ruleIssue(found) });
});

/** A PIN as typed to prove who is acting: checked against the stored credential, never against the rules. */
export const typedPinSchema = z
  .string(rule(RULE.mustBeTyped))
  .min(1, rule(ZOD_MESSAGES.required))
  .max(PIN_RULES.maxLength, rule(RULE.atMostCharacters, { count: PIN_RULES.maxLength }));

/** Who is acting and their proof: the operator chosen and the PIN they typed. */
export const signerProofSchema = z
  .object({
    operatorId: z.string(rule(RULE.mustBeChosen)).min(1, rule(RULE.mustBeChosen)).max(64),
    pin: typedPinSchema,
  })
  .strict();
export type SignerProof = z.output<typeof signerProofSchema>;

/** What an operator changes of their own PIN: the old one as proof, and the new one. */
export const pinChangeSchema = z
  .object({ operatorId: signerProofSchema.shape.operatorId, oldPin: typedPinSchema, newPin: newPinSchema })
  .strict();

/** A PIN an administrator sets for an operator (their first, or a reset). */
export const pinSettingSchema = z
  .object({ operatorId: signerProofSchema.shape.operatorId, newPin: newPinSchema })
  .strict();

/** The badge number a card reader types; stored only as a keyed hash. */
export const badgeSchema = z
  .string(rule(RULE.badgeTyped))
  .trim()
  .regex(/^[0-9A-Za-z-]{4,32}$/, rule(RULE.badgeForm));

/** What a badge number typed still needs, in words (the schema's own rule), or null when the card reader could have typed it. */
export function badgeProblem(badge: string): Words | null {
  const parsed = badgeSchema.safeParse(badge);
  const issue = parsed.error?.issues[0];
  return parsed.success ? null : ((issue && zodIssueWords(issue)) ?? sentence(RULE.badgeForm));
}

export const badgeSettingSchema = z
  .object({ operatorId: signerProofSchema.shape.operatorId, badge: badgeSchema.nullable() })
  .strict();

/** The first operator of a logbook, who becomes its administrator: a new name, or one already listed. */
export const firstAdministratorSchema = z
  .object({
    name: z.string().trim().min(1, rule(ZOD_MESSAGES.required)).max(100).optional(),
    operatorId: z.string().min(1).max(64).optional(),
    pin: newPinSchema,
  })
  .strict()
  .refine((input) => (input.name === undefined) !== (input.operatorId === undefined), rule(RULE.eitherNameOrOperator));

/**
 * What a signature means (21 CFR 11.50: the printed name, the time, and the meaning), stored
 * with the signed version, the follow-up entry and their audit rows.
 */
export const SIGNATURE_MEANINGS = ['performed_and_signed', 'amended', 'follow_up_recorded'] as const;
export type SignatureMeaning = (typeof SIGNATURE_MEANINGS)[number];
/** The meaning of a record's first signature, of its amendments, and of a follow-up entry (stored apart). */
export const SIGNING_MEANINGS = ['performed_and_signed'] as const satisfies readonly SignatureMeaning[];
export const AMENDING_MEANINGS = ['amended'] as const satisfies readonly SignatureMeaning[];
export const RECORDING_MEANINGS = ['follow_up_recorded'] as const satisfies readonly SignatureMeaning[];

/** "performed and signed", "amended: wrong level corrected", "follow-up recorded". */
export function meaningWords(meaning: SignatureMeaning, reason?: string | null): string {
  if (meaning === 'amended') return reason ? `amended: ${reason}` : 'amended';
  return meaning === 'performed_and_signed' ? 'performed and signed' : 'follow-up recorded';
}

/** What an operator does that needs their PIN. */
export type SignedAct = 'sign' | 'amend' | 'follow_up';

export const ACT_MEANINGS: Record<SignedAct, SignatureMeaning> = {
  sign: 'performed_and_signed',
  amend: 'amended',
  follow_up: 'follow_up_recorded',
};

export interface Actor {
  name: string;
  role: OperatorRole;
  administrator: boolean;
  active: boolean;
}

/** The department's rules for who does what (Settings). */
export interface RolePolicy {
  /** Whether technologists record follow-up calls; radiologists always may. */
  technologistsRecordFollowUps: boolean;
}

/** Why this operator may not do this, in words; null when they may. */
export function actRefusal(actor: Actor, act: SignedAct, policy: RolePolicy): Words | null {
  const R = REFUSAL_MESSAGES;
  const name = { name: actor.name };
  if (!actor.active) return sentence(R.notActive, name);
  if (actor.role === 'radiologist') return null;
  if (act === 'follow_up' && policy.technologistsRecordFollowUps) return null;
  if (act === 'follow_up') return sentence(R.technologistFollowUps, name);
  return sentence(act === 'sign' ? R.technologistSigns : R.technologistAmends, name);
}

/** Whether this operator may do this (the window lists only those who may). */
export const mayAct = (actor: Actor, act: SignedAct, policy: RolePolicy): boolean =>
  actRefusal(actor, act, policy) === null;

/** How long an idle console stays open, in minutes, unless the department sets another time. */
export const DEFAULT_IDLE_LOCK_MINUTES = 5;
export const idleLockMinutesSchema = z
  .number(rule(RULE.idleMinutes))
  .int(rule(RULE.idleMinutes))
  .min(1, rule(RULE.idleMinutes))
  .max(60, rule(RULE.idleMinutes));
