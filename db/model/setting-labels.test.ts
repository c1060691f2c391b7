import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { translator } from '../i18n/translator.js';
import { backupScheduleSchema } from './backups.js';
import { drugSchema } from './catalogue.js';
import {
  CONNECTION_SETTINGS_FIELDS,
  connectionFieldLabelWords,
  connectionSettingsSchema,
} from './connection-settings.js';
import { badgeSettingSchema, pinSettingSchema } from './credentials.js';
import { fieldLabelWords } from './labels.js';
import { problemsFromZod } from './problems.js';
import { proposalPeriodSchema } from './reference-levels.js';
import { operatorInputSchema, settingsPatchSchema } from './settings.js';
import { inEnglish, say, type Words } from './words.js';

/*
 * Every key of the settings' schemas is named by a declared label when a refusal names it
 * (problemsFromZod: fieldLabelWords), never by the key itself ("origin", "host"): a key added
 * to a settings schema without a label fails here.
 */

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** A key a table (z.record) holds, as a refusal names it: a language, an operator's id, a message id. */
const SAMPLE_KEY = 'de';

/** Every field a zod issue of the schema can name, as problemsFromZod writes it ("presets[0].targets[0].side"). */
function fieldsOf(schema: unknown, at = ''): string[] {
  const def = defOf(schema);
  const key = (name: string) => (at ? `${at}.${name}` : name);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([name, inner]) => [
        key(name),
        ...fieldsOf(inner, key(name)),
      ]);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return fieldsOf(def.innerType, at);
    case 'pipe':
      return [...fieldsOf(def.in, at), ...fieldsOf(def.out, at)];
    case 'array':
      return fieldsOf(def.element, `${at}[0]`);
    case 'union':
      return (def.options as unknown[]).flatMap((option) => fieldsOf(option, at));
    case 'record':
      return [key(SAMPLE_KEY), ...fieldsOf(def.valueType, key(SAMPLE_KEY))];
    default:
      return [];
  }
}

/** The settings' schemas as Settings and the command line send them (electron/shared/api-contract.ts). */
const SETTINGS_SCHEMAS: Record<string, z.ZodType> = {
  settingsPatchSchema,
  operatorInputSchema,
  pinSettingSchema,
  badgeSettingSchema,
  drugSchema,
  proposalPeriodSchema,
  backupScheduleSchema,
};

describe('the settings’ keys in a refusal', () => {
  it('walks every key, nested ones and a table’s included', () => {
    const fields = fieldsOf(settingsPatchSchema);
    for (const field of [
      'hubServer.host',
      'referenceLevels.levels[0].origin',
      'wordings.de',
      'followUpWindows.early.from',
    ])
      expect(fields).toContain(field);
  });

  it('names each one by a declared label, never by its key', () => {
    const unlabelled = Object.entries(SETTINGS_SCHEMAS).flatMap(([name, schema]) =>
      [...new Set(fieldsOf(schema))]
        .filter((field) => typeof fieldLabelWords(field) === 'string')
        .map((field) => `${name}: ${field}`),
    );
    expect(unlabelled).toEqual([]);
  });

  it('names a connection’s every field by its declared label', () => {
    const unlabelled = Object.entries(CONNECTION_SETTINGS_FIELDS).flatMap(([section, { fields }]) =>
      Object.keys(fields).filter((key) => {
        const words = connectionFieldLabelWords([section, key]);
        return !Object.values(CONNECTION_SETTINGS_FIELDS[section as keyof typeof CONNECTION_SETTINGS_FIELDS].fields)
          .map((field) => field.label)
          .includes(inEnglish(words));
      }),
    );
    expect(unlabelled).toEqual([]);
    expect(fieldsOf(connectionSettingsSchema).length).toBeGreaterThan(0);
  });

  it('says the department server’s port and a level’s origin by their labels, in the reader’s language', () => {
    const refused = settingsPatchSchema.safeParse({
      hubServer: { host: 'hub.example', port: 0, database: 'rootlog', user: 'console' },
      referenceLevels: {
        levels: [{ modality: 'ct', protocol: 'any', quantity: 'dlpMGyCm', value: 200, origin: 'guess' }],
      },
    });
    if (refused.success) throw new Error('accepted');
    const problems = problemsFromZod(refused.error);
    const port = problems.find((found) => found.field === 'hubServer.port');
    const origin = problems.find((found) => found.field === 'referenceLevels.levels[0].origin');
    expect(port?.message).toMatch(/^Department server port /);
    expect(origin?.message).toMatch(/^Where the reference level comes from /);
    expect(say(port?.words as Words, translator('de'), 'de')).toMatch(/^Port des Abteilungsservers: muss /);
  });

  it('names a table’s entry with its key, and a key that means one thing anywhere by its own label', () => {
    expect(inEnglish(fieldLabelWords('wordings.fr') as Words)).toBe('Corrected wordings (fr)');
    expect(inEnglish(fieldLabelWords('wordings.fr.form.print.recordSaved') as Words)).toBe(
      'Corrected wording form.print.recordSaved (fr)',
    );
    expect(inEnglish(fieldLabelWords('hubServer.host') as Words)).toBe('Department server');
    expect(inEnglish(fieldLabelWords('followUpWindows.late.to') as Words)).toBe('Late follow-up, last day');
    // A record's field keeps its own label: the settings' places do not reach it.
    expect(inEnglish(fieldLabelWords('targets[1].side') as Words)).toBe('Side (target 2)');
  });

  it('names a preset’s field by its place, as a record’s targets are', () => {
    const refused = settingsPatchSchema.safeParse({
      presets: [
        { name: 'L5 right', targets: [{ root: 'L5', side: 'right' }] },
        {
          name: 'x'.repeat(61),
          targets: [
            { root: 'L4', side: 'left' },
            { root: 'L4', side: 'middle' },
          ],
        },
        // Its drug's site is checked once the preset is otherwise as the schema wants it.
        { name: 'L4', targets: [{ root: 'L4', side: 'left' }], drugs: [{ drug: 'dexamethasone', doseMg: 4, site: 3 }] },
      ],
    });
    if (refused.success) throw new Error('accepted');
    const problems = problemsFromZod(refused.error);
    const named = (field: string) => problems.find((found) => found.field === field)?.message ?? `(no ${field})`;
    expect(named('presets[1].targets[1].side')).toMatch(/^Side \(preset 2, target 2\) /);
    expect(named('presets[1].name')).toMatch(/^Name \(preset 2\) /);
    expect(named('presets[2].drugs[0].site')).toMatch(/^Injection site \(preset 3, drug 1\) /);
    const german = problems.find((found) => found.field === 'presets[1].targets[1].side')?.words as Words;
    expect(say(german, translator('de'), 'de')).toMatch(/^Seite \(Vorlage 2, Ziel 2\)/);
  });
});
