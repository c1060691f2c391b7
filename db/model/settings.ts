import { z } from 'zod';
import type { Drug } from './catalogue.js';
import { idleLockMinutesSchema, OPERATOR_ROLES } from './credentials.js';
import type { FollowUpWindows } from './follow-up.js';
import { type HubServer, hubServerSchema } from './hub.js';
import { type DepartmentLocale, departmentLocaleSchema } from './locales.js';
import type { Language } from './messages.js';
import { type PatientIdRule, patientIdRuleSchema } from './patient-id.js';
import { type Preset, presetsSchema } from './presets.js';
import { type ReferenceLevels, referenceLevelsSchema } from './reference-levels.js';
import { DEFAULT_REPORT_TEMPLATES, REPORT_PLACEHOLDERS, unknownPlaceholders } from './report.js';
import { RULE_MESSAGES as R } from './rule-messages.js';
import { followingTextRule } from './text-rule.js';
import { LANGUAGES } from './vocabularies.js';
import { sentence, type Words } from './words.js';
import { rule, ruleIssue, ZOD_MESSAGES } from './zod-words.js';

/** An operator's role, one of two codes, said the same whatever was sent. */
const roleRule = rule(R.eitherCode, { first: OPERATOR_ROLES[0], second: OPERATOR_ROLES[1] });

export const operatorSchema = z.object({
  id: followingTextRule(z.string().min(1).max(64), 'line'),
  name: followingTextRule(
    z
      .string()
      .trim()
      .min(1)
      .max(100, rule(R.atMostCharacters, { count: 100 })),
    'line',
  ),
  active: z.boolean().default(true),
  /** A radiologist signs and amends; a technologist prepares cases (and records follow-ups where allowed). */
  role: z.enum(OPERATOR_ROLES, roleRule).default('radiologist'),
  /** Changes the settings: operators, catalogue, reference levels, report template, hub and worklist. */
  administrator: z.boolean(rule(R.yesNo)).default(false),
});
export type Operator = z.output<typeof operatorSchema>;

/**
 * An operator to add (no id) or to change (by id): what is not given keeps its value (a new
 * operator: active, a radiologist, not an administrator).
 */
export const operatorInputSchema = z.object({
  id: operatorSchema.shape.id.optional(),
  name: operatorSchema.shape.name,
  active: z.boolean(rule(R.yesNo)).optional(),
  role: z.enum(OPERATOR_ROLES, roleRule).optional(),
  administrator: z.boolean(rule(R.yesNo)).optional(),
});
export type OperatorInput = z.input<typeof operatorInputSchema>;

/** An operator as Settings and the lock screen list them: with the state of their credential, never the credential. */
export interface OperatorListing extends Operator {
  /** Whether they have a PIN: without one they cannot sign until an administrator sets their first. */
  pinSet: boolean;
  /** Locked after too many wrong PINs until this time (ISO), else null. */
  lockedUntil: string | null;
  /** Whether a badge number is bound to them. */
  badge: boolean;
}

/** The department as the printed record and the patient's aftercare sheet name it, in their header. */
export const departmentSchema = z
  .object({
    name: followingTextRule(
      z
        .string()
        .trim()
        .max(120, rule(R.atMostCharacters, { count: 120 })),
      'line',
    ),
    /** Lines as they are printed (street, postcode and town, …). */
    address: followingTextRule(
      z
        .string()
        .trim()
        .max(300, rule(R.atMostCharacters, { count: 300 })),
      'lines',
    ),
    phone: z
      .string()
      .trim()
      .max(40, rule(R.atMostCharacters, { count: 40 }))
      .regex(/^[0-9+()./ -]*$/, rule(R.phoneNumber)),
  })
  .strict();
export type Department = z.output<typeof departmentSchema>;
/** Until the department fills it in, the sheets print no department header. */
export const NO_DEPARTMENT: Department = { name: '', address: '', phone: '' };

/** What the clinical rules need to know about the department. */
export interface RuleSettings {
  referenceLevels: ReferenceLevels;
  drugCatalogue: readonly Drug[];
  /** A patient's steroid per day, in mg of dexamethasone (steroid-dose.ts); the starting value when absent. */
  steroidDayMaxDexamethasoneMg?: number;
}

/** Department settings as the renderer sees them (the pseudonymisation key is never included). */
export interface DepartmentSettings extends RuleSettings {
  consoleName: string;
  /** Name, address and phone, printed on the sheets (Settings → Department). */
  department: Department;
  /** How the department writes dates and numbers (locales.ts): the fields, lists, report and sheets follow it. */
  locale: DepartmentLocale;
  defaultOperatorId: string | null;
  operators: OperatorListing[];
  /** Minutes without a key or a touch before the console locks itself. */
  idleLockMinutes: number;
  /** Whether technologists record follow-up calls (radiologists always may). */
  technologistsRecordFollowUps: boolean;
  /** When follow-ups are due, in days after the procedure. */
  followUpWindows: FollowUpWindows;
  steroidDayMaxDexamethasoneMg: number;
  /** The department's usual cases, picked at the console with Alt+1 … Alt+9. */
  presets: Preset[];
  /** The procedure report's template (report.ts); the shipped default until the department edits it. */
  reportTemplate: string;
  /** Why the stored template is not used (it is not text: readReportTemplate), as words; absent when it is. */
  reportTemplateProblem?: Words;
  /** The department server this console syncs with, without its password; null: none. */
  hubServer: HubServer | null;
  /** The department's language: the screens' unless an operator chose another, a patient's unless the record says. */
  language: Language;
  /** The language of the procedure report (to the RIS, on the record); the department's unless set. */
  reportLanguage: Language;
  /** The report's template in each language; `reportTemplate` is the one of the report language. */
  reportTemplates: Record<Language, string>;
  /** The language each operator reads the screens in, by operator id; absent: the department's. */
  operatorLanguages: Record<string, Language>;
  /** The department's corrected wordings: language → message id → words (docs/languages.md). */
  wordings: Wordings;
  /** How the department writes its patient IDs (Settings → Patient ID); any ID until set. */
  patientIdRule: PatientIdRule;
}

/** A department's corrections of the catalogue's wordings: language → message id → its words (ICU). */
export type Wordings = Partial<Record<Language, Record<string, string>>>;

/** A new logbook's languages: English until the department chooses, the shipped report templates. */
export const STARTING_LANGUAGE_SETTINGS: Pick<
  DepartmentSettings,
  'language' | 'reportLanguage' | 'reportTemplates' | 'operatorLanguages' | 'wordings'
> = {
  language: 'en',
  reportLanguage: 'en',
  reportTemplates: DEFAULT_REPORT_TEMPLATES,
  operatorLanguages: {},
  wordings: {},
};

const languageSchema = z.enum(LANGUAGES);

const dayWindow = z
  .object({
    from: z
      .number()
      .int()
      .min(0, rule(R.atLeastDays, { min: 0 }))
      .max(365),
    to: z.number().int().min(0).max(365),
  })
  .strict()
  .refine((window) => window.to >= window.from, rule(R.endsOnOrAfterStart));

export const followUpWindowsSchema = z
  .object({ early: dayWindow, late: dayWindow })
  .strict()
  .refine((windows) => windows.late.from > windows.early.to, rule(R.followUpWindowsOrder));

/** A report template: its sections and placeholders (report.ts), in any language. */
const reportTemplateSchema = () =>
  z
    .string()
    .max(8000, rule(R.atMostCharacters, { count: 8000 }))
    .refine((template) => template.trim().length > 0, rule(ZOD_MESSAGES.required))
    .superRefine((template, ctx) => {
      const unknown = unknownPlaceholders(template);
      if (unknown.length > 0) {
        ctx.addIssue({
          code: 'custom',
          ...ruleIssue(
            sentence(R.unknownPlaceholders, {
              unknown: unknown.map((name) => `{${name}}`).join(', '),
              known: REPORT_PLACEHOLDERS.map((name) => `{${name}}`).join(', '),
            }),
          ),
        });
      }
    });

/** The most dexamethasone a day, said the same whichever bound is broken. */
const dexamethasoneMg = rule(R.mgRange, { min: 1, max: 200 });

export const settingsPatchSchema = z
  .object({
    consoleName: followingTextRule(
      z
        .string()
        .trim()
        .min(1)
        .max(64, rule(R.atMostCharacters, { count: 64 })),
      'line',
    ),
    department: departmentSchema,
    locale: departmentLocaleSchema,
    defaultOperatorId: z.string().min(1).nullable(),
    referenceLevels: referenceLevelsSchema,
    followUpWindows: followUpWindowsSchema,
    presets: presetsSchema,
    hubServer: hubServerSchema.nullable(),
    language: languageSchema,
    reportLanguage: languageSchema,
    reportTemplates: z.partialRecord(languageSchema, reportTemplateSchema()),
    operatorLanguages: z.record(z.string().min(1).max(64), languageSchema),
    wordings: z.partialRecord(
      languageSchema,
      z
        .record(
          z.string().regex(/^[\w./-]{1,120}$/, rule(R.messageId)),
          z
            .string()
            .trim()
            .min(1)
            .max(2000, rule(R.atMostCharacters, { count: 2000 })),
        )
        .refine((table) => Object.keys(table).length <= 2000, rule(R.atMostWordings, { count: 2000 })),
    ),
    reportTemplate: reportTemplateSchema(),
    patientIdRule: patientIdRuleSchema,
    idleLockMinutes: idleLockMinutesSchema,
    technologistsRecordFollowUps: z.boolean(rule(R.yesNo)),
    steroidDayMaxDexamethasoneMg: z.number(dexamethasoneMg).min(1, dexamethasoneMg).max(200, dexamethasoneMg),
  })
  .partial()
  .strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;
