import { z } from 'zod';
import type { Drug } from './catalogue.js';

/** Dose reference levels: the department's own, not national DRLs (see data-dictionary.md). */
export const referenceLevelsSchema = z.object({
  ctDlpMGyCm: z.number().positive({ error: 'must be a positive number' }).max(100000),
  fluoroTimeS: z.number().positive({ error: 'must be a positive number' }).max(36000),
});
export type ReferenceLevels = z.output<typeof referenceLevelsSchema>;

export const DEFAULT_REFERENCE_LEVELS: ReferenceLevels = { ctDlpMGyCm: 200, fluoroTimeS: 60 };

export const operatorSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, { error: 'is required' }).max(100, { error: 'must be at most 100 characters' }),
  active: z.boolean().default(true),
});
export type Operator = z.output<typeof operatorSchema>;

/** What the clinical rules need to know about the department. */
export interface RuleSettings {
  referenceLevels: ReferenceLevels;
  drugCatalogue: readonly Drug[];
}

/** Department settings as the renderer sees them (the pseudonymisation key is never included). */
export interface DepartmentSettings extends RuleSettings {
  consoleName: string;
  defaultOperatorId: string | null;
  operators: Operator[];
}

export const settingsPatchSchema = z
  .object({
    consoleName: z.string().trim().min(1, { error: 'is required' }).max(64, { error: 'must be at most 64 characters' }),
    defaultOperatorId: z.string().min(1).nullable(),
    referenceLevels: referenceLevelsSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;
