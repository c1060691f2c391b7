import { z } from 'zod';
import { appendAudit, diff } from './audit.js';
import { leavesNoAdministrator } from './credentials.js';
import { wordingRefusal } from './i18n/translator.js';
import {
  type ConnectionSettings,
  connectionSettingsPatchSchema,
  connectionSettingsProblems,
  doseReceiverSchema,
  pacsServerSchema,
  risServerSchema,
  worklistServerSchema,
} from './model/connection-settings.js';
import {
  ANY_PATIENT_ID,
  consoleNameClash,
  DEFAULT_DEPARTMENT_LOCALE,
  DEFAULT_FOLLOW_UP_WINDOWS,
  DEFAULT_IDLE_LOCK_MINUTES,
  DEFAULT_REPORT_TEMPLATES,
  type DepartmentSettings,
  type Drug,
  departmentLocaleSchema,
  departmentSchema,
  drugSchema,
  type FollowUpWindows,
  hubServerSchema,
  LANGUAGES,
  type Language,
  NO_DEPARTMENT,
  type Operator,
  type OperatorListing,
  operatorInputSchema,
  operatorNameClash,
  type PatientIdRule,
  PROBLEM_MESSAGES,
  patientIdRuleSchema,
  presetsSchema,
  problem,
  problemsFromZod,
  REFUSAL_MESSAGES as R,
  type ReferenceLevels,
  RootLogError,
  readReportTemplate,
  referenceLevelsFromStored,
  STARTING_STEROID_DAY_MAX_DEXAMETHASONE_MG,
  saidOf,
  sentence,
  settingsPatchSchema,
  usualConcentrationProblem,
} from './model/index.js';
import { credentialStates } from './sqlite/credential-rows.js';
import { drugsAtSchema6, readDrugs, writeDrug } from './sqlite/drug-rows.js';
import { heldWhileStateUnchanged } from './sqlite/held.js';
import { readOperator, readOperators, writeOperator } from './sqlite/operator-rows.js';
import { consoleNamesOfRecords, hubPeerConsoleNames } from './sqlite/procedure-rows.js';
import { consoleNameOf, readSetting as readStoredSetting, writeSetting } from './sqlite/settings-rows.js';
import { newId, type ReadSource, readerOf, type ServiceContext, type Store, timestamp } from './store.js';

export const readSetting = <T>(source: ReadSource, key: string): T | undefined =>
  readStoredSetting<T>(readerOf(source), key);

export { writeSetting };

/** The operators as records name them and exports carry them: never anything of their credentials. */
export const operatorsOfLogbook = (source: ReadSource): Operator[] => readOperators(readerOf(source));

/** The operators, each with the state of their credential (whether they have a PIN, a lock, a badge): never the credential. */
export function listOperators(source: ReadSource): OperatorListing[] {
  const read = readerOf(source);
  const credentials = credentialStates(read);
  return readOperators(read).map((operator) => {
    const credential = credentials.get(operator.id);
    return {
      ...operator,
      pinSet: credential !== undefined,
      lockedUntil:
        credential?.lockedUntil && Date.parse(credential.lockedUntil) > Date.now() ? credential.lockedUntil : null,
      badge: credential?.badge ?? false,
    };
  });
}

export const drugCatalogue = (source: ReadSource): Drug[] => readDrugs(readerOf(source));

/**
 * The catalogue a signed record without signed drug facts is read with: it was signed before
 * schema 6, so the catalogue as it stood at that upgrade (kept unchangeable) over today's.
 */
export function catalogueForOldSignedRecords(source: ReadSource): Drug[] {
  const frozen = new Map(drugsAtSchema6(readerOf(source)).map((row) => [row.code, row]));
  return drugCatalogue(source).map((drug) => {
    const then = frozen.get(drug.code);
    if (!then) return drug;
    return {
      ...drug,
      name: then.name,
      drugClass: then.drug_class,
      particulate: then.particulate === 1,
      maxDoseMg: then.max_dose_mg ?? undefined,
    };
  });
}

/** The department's reference levels (a logbook from before schema 9 keeps its two figures: see referenceLevelsFromStored). */
export function referenceLevels(source: ReadSource): ReferenceLevels {
  return referenceLevelsFromStored(readSetting<unknown>(source, 'referenceLevels'));
}

/** The department's settings as the UI may see them: never the pseudonymisation key. */
export function getSettings(source: ReadSource): DepartmentSettings {
  return {
    consoleName: consoleNameOf(readerOf(source)),
    department: departmentSchema
      .catch(NO_DEPARTMENT)
      .parse(readSetting<unknown>(source, 'department') ?? NO_DEPARTMENT),
    locale: departmentLocaleSchema
      .catch(DEFAULT_DEPARTMENT_LOCALE)
      .parse(readSetting<unknown>(source, 'locale') ?? DEFAULT_DEPARTMENT_LOCALE),
    defaultOperatorId: readSetting<string | null>(source, 'defaultOperatorId') ?? null,
    referenceLevels: referenceLevels(source),
    operators: listOperators(source),
    idleLockMinutes: readSetting<number>(source, 'idleLockMinutes') ?? DEFAULT_IDLE_LOCK_MINUTES,
    technologistsRecordFollowUps: readSetting<boolean>(source, 'technologistsRecordFollowUps') ?? false,
    drugCatalogue: drugCatalogue(source),
    followUpWindows: followUpWindows(source),
    steroidDayMaxDexamethasoneMg: steroidDayMaxDexamethasoneMg(source),
    presets: presetsSchema.catch([]).parse(readSetting<unknown>(source, 'presets') ?? []),
    hubServer: hubServerSchema
      .nullable()
      .catch(null)
      .parse(readSetting<unknown>(source, 'hubServer') ?? null),
    patientIdRule: patientIdRule(source),
    ...languageSettings(source),
  };
}

/** The department's languages, the report's templates in each, the operators' choices and the corrected wordings. */
function languageSettings(
  source: ReadSource,
): Pick<
  DepartmentSettings,
  | 'language'
  | 'reportLanguage'
  | 'reportTemplate'
  | 'reportTemplateProblem'
  | 'reportTemplates'
  | 'operatorLanguages'
  | 'wordings'
> {
  const read = <T>(key: string, schema: z.ZodType<T>, fallback: T): T =>
    schema.catch(fallback).parse(readSetting<unknown>(source, key) ?? fallback);
  const language = read<Language>('language', z.enum(LANGUAGES), 'en');
  const reportLanguage = read<Language>('reportLanguage', z.enum(LANGUAGES), language);
  const edited = read<Partial<Record<Language, string>>>(
    'reportTemplates',
    z.partialRecord(z.enum(LANGUAGES), z.string()),
    {},
  );
  // A logbook from before the languages kept one template, in English (repaired when it is not text).
  const stored = readSetting<unknown>(source, 'reportTemplate');
  const english = stored === undefined || stored === null ? undefined : readReportTemplate(stored);
  const reportTemplates = Object.fromEntries(
    LANGUAGES.map((each) => [
      each,
      edited[each] ?? (each === 'en' ? english?.template : undefined) ?? DEFAULT_REPORT_TEMPLATES[each],
    ]),
  ) as Record<Language, string>;
  return {
    language,
    reportLanguage,
    reportTemplates,
    reportTemplate: reportTemplates[reportLanguage],
    ...(reportLanguage === 'en' && !edited.en && english?.problem ? { reportTemplateProblem: english.problem } : {}),
    operatorLanguages: read('operatorLanguages', z.record(z.string(), z.enum(LANGUAGES)), {}),
    wordings: read('wordings', z.partialRecord(z.enum(LANGUAGES), z.record(z.string(), z.string())), {}),
  };
}

/** How the department writes its patient IDs; any ID (as typed, trimmed) until it sets a rule. */
export function patientIdRule(source: ReadSource): PatientIdRule {
  return patientIdRuleSchema
    .catch(ANY_PATIENT_ID)
    .parse(readSetting<unknown>(source, 'patientIdRule') ?? ANY_PATIENT_ID);
}

/** The department's limit on a patient's steroid per day, in mg of dexamethasone (model/steroid-dose.ts). */
export function steroidDayMaxDexamethasoneMg(source: ReadSource): number {
  return readSetting<number>(source, 'steroidDayMaxDexamethasoneMg') ?? STARTING_STEROID_DAY_MAX_DEXAMETHASONE_MG;
}

/** What a save, a signature or an amendment checks a record against: the department's rules, operators and drugs. */
export interface RecordRules {
  patientIdRule: PatientIdRule;
  referenceLevels: ReferenceLevels;
  steroidDayMaxDexamethasoneMg: number;
  /** Today's catalogue (a draft's drugs). */
  drugCatalogue: Drug[];
  /** The catalogue for records signed before schema 6 kept their facts. */
  catalogueForOldSignedRecords: Drug[];
  operatorIds: ReadonlySet<string>;
  /** Every drug code of the catalogue, active or not. */
  drugCodes: ReadonlySet<string>;
}

const heldRules = heldWhileStateUnchanged<RecordRules>();

/**
 * The record rules, read once and kept while the state chain shows no setting, operator or
 * drug changed since (db/sqlite/held.ts): each of their one writers chains every write in its
 * transaction, so a change, from this process or another, is seen by the next save.
 * Read-only: callers never change what they are given.
 */
export function recordRules(source: ReadSource): RecordRules {
  const read = readerOf(source);
  return heldRules(read, () => {
    const catalogue = drugCatalogue(read);
    return {
      patientIdRule: patientIdRule(read),
      referenceLevels: referenceLevels(read),
      steroidDayMaxDexamethasoneMg: steroidDayMaxDexamethasoneMg(read),
      drugCatalogue: catalogue,
      catalogueForOldSignedRecords: catalogueForOldSignedRecords(read),
      operatorIds: new Set(readOperators(read).map((operator) => operator.id)),
      drugCodes: new Set(catalogue.map((drug) => drug.code)),
    };
  });
}

export function followUpWindows(source: ReadSource): FollowUpWindows {
  return readSetting<FollowUpWindows>(source, 'followUpWindows') ?? DEFAULT_FOLLOW_UP_WINDOWS;
}

/**
 * The department key for keyed hashes in pseudonymised exports (settings row 'pseudonymKey',
 * made once when the logbook was created, never exported). Only export code and the
 * `rootlog key` command read it.
 */
export function pseudonymKey(source: ReadSource): string {
  const key = readSetting<string>(source, 'pseudonymKey');
  if (!key) {
    throw new RootLogError('validation', sentence(R.pseudonymKeyMissing), { field: 'pseudonymize' });
  }
  return key;
}

/** Puts the department key back into a logbook restored from a backup without it; audited, the key itself never logged. */
export function restorePseudonymKey(store: Store, key: string, context: ServiceContext): void {
  if (!/^[0-9a-f]{64}$/.test(key)) {
    throw RootLogError.invalid([problem('pseudonymKey', R.pseudonymKeyForm)]);
  }
  const write = store.writer;
  write.db
    .transaction(() => {
      const present = readSetting<string>(write, 'pseudonymKey');
      if (present === key) return;
      if (present) {
        throw RootLogError.invalid([problem('pseudonymKey', R.pseudonymKeySet)]);
      }
      writeSetting(write, 'pseudonymKey', key);
      appendAudit(write, {
        at: timestamp(context),
        actor: context.actor,
        action: 'settings',
        entity: 'settings',
        entityId: 'department',
        changes: { pseudonymKey: { before: null, after: '(restored)' } },
      });
    })
    .immediate();
}

export function updateSettings(store: Store, patch: unknown, context: ServiceContext): DepartmentSettings {
  const parsed = settingsPatchSchema.safeParse(patch);
  if (!parsed.success) throw RootLogError.invalid(problemsFromZod(parsed.error));
  return updateCheckedSettings(store, parsed.data, context);
}

/**
 * What a settings change's audit row compares: every setting but the lists with audit rows of
 * their own, and the report language's template, which is one of `reportTemplates`.
 */
const auditedSettings = ({ operators: _o, drugCatalogue: _d, reportTemplate: _r, ...audited }: DepartmentSettings) =>
  audited;

/** updateSettings for a patch already parsed at the boundary (the API contract). */
export function updateCheckedSettings(
  store: Store,
  patch: z.output<typeof settingsPatchSchema>,
  context: ServiceContext,
): DepartmentSettings {
  const parsed = { data: patch };
  const write = store.writer;
  return write.db
    .transaction(() => {
      const before = getSettings(write);
      const { defaultOperatorId } = parsed.data;
      if (defaultOperatorId && !before.operators.some((operator) => operator.id === defaultOperatorId)) {
        throw RootLogError.invalid([problem('defaultOperatorId', R.notDepartmentOperator)]);
      }
      const { reportTemplate, ...rest } = parsed.data;
      if (rest.consoleName !== undefined && rest.consoleName !== before.consoleName) {
        const clash = consoleNameClash(rest.consoleName, {
          ownRecords: consoleNamesOfRecords(write.db),
          hubPeers: hubPeerConsoleNames(write.db),
        });
        if (clash) throw RootLogError.invalid([problem('consoleName', clash)]);
      }
      const wordingProblems = Object.entries(rest.wordings ?? {}).flatMap(([language, table]) =>
        Object.entries(table ?? {}).flatMap(([id, words]) => {
          const why = wordingRefusal(id, words);
          return why ? [problem(`wordings.${language}`, PROBLEM_MESSAGES.fieldRule, { rule: why })] : [];
        }),
      );
      if (wordingProblems.length > 0) throw RootLogError.invalid(wordingProblems);
      for (const [key, value] of Object.entries(rest)) if (value !== undefined) writeSetting(write, key, value);
      // The one template the settings screen edits is the report language's (after this patch).
      if (reportTemplate !== undefined) {
        const language = getSettings(write).reportLanguage;
        writeSetting(write, 'reportTemplates', {
          ...before.reportTemplates,
          ...rest.reportTemplates,
          [language]: reportTemplate,
        });
      }
      const after = getSettings(write);
      const changes = diff(auditedSettings(before), auditedSettings(after));
      if (Object.keys(changes).length > 0) {
        appendAudit(write, {
          at: timestamp(context),
          actor: context.actor,
          action: 'settings',
          entity: 'settings',
          entityId: 'department',
          changes,
        });
      }
      return after;
    })
    .immediate();
}

/**
 * Adds an operator (no id) or changes one (name, active, role, administrator; what is not given
 * keeps its value); operators are never deleted, records point at them. The last active
 * administrator who can prove it keeps that role. Their PIN is set apart (credentials.ts).
 */
export function saveOperator(store: Store, input: unknown, context: ServiceContext): Operator {
  const parsed = operatorInputSchema.safeParse(input);
  if (!parsed.success) throw RootLogError.invalid(problemsFromZod(parsed.error));
  return saveCheckedOperator(store, parsed.data, context);
}

/** saveOperator for an operator already parsed at the boundary (the API contract). */
export function saveCheckedOperator(
  store: Store,
  input: z.output<typeof operatorInputSchema>,
  context: ServiceContext,
): Operator {
  const write = store.writer;
  return write.db
    .transaction(() => {
      const before = input.id ? readOperator(write, input.id) : undefined;
      if (input.id && !before)
        throw new RootLogError('not_found', sentence(R.noOperatorWithId, { id: input.id }), { field: 'id' });
      const operator: Operator = {
        id: before?.id ?? newId(),
        name: input.name,
        active: input.active ?? before?.active ?? true,
        role: input.role ?? before?.role ?? 'radiologist',
        administrator: input.administrator ?? before?.administrator ?? false,
      };
      const clash = operatorNameClash(operator.name, operator.id, listOperators(write));
      if (clash) throw RootLogError.invalid([problem('name', clash)]);
      if (before && leavesNoAdministrator(write, operator))
        throw RootLogError.invalid([
          {
            field: operator.active ? 'administrator' : 'active',
            ...saidOf(sentence(R.lastAdministrator, { name: operator.name })),
          },
        ]);
      writeOperator(write, operator);
      const changes = diff(before ?? {}, operator);
      if (Object.keys(changes).length > 0) {
        appendAudit(write, {
          at: timestamp(context),
          actor: context.actor,
          action: 'settings',
          entity: 'operator',
          entityId: operator.id,
          changes,
        });
      }
      return operator;
    })
    .immediate();
}

/** Adds a drug to the catalogue or edits one (by code); drugs are deactivated, never deleted. */
export function saveDrug(store: Store, input: unknown, context: ServiceContext): Drug {
  const parsed = drugSchema.safeParse(input);
  if (!parsed.success) throw RootLogError.invalid(problemsFromZod(parsed.error));
  return saveCheckedDrug(store, parsed.data, context);
}

/** saveDrug for a drug already parsed at the boundary (the API contract). */
export function saveCheckedDrug(store: Store, drug: Drug, context: ServiceContext): Drug {
  if (drug.usualDoseMg != null && drug.maxDoseMg != null && drug.usualDoseMg > drug.maxDoseMg) {
    throw RootLogError.invalid([problem('usualDoseMg', R.usualAboveMaximum)]);
  }
  const concentrationProblem = usualConcentrationProblem(drug);
  if (concentrationProblem) throw RootLogError.invalid([concentrationProblem]);
  const write = store.writer;
  return write.db
    .transaction(() => {
      const before = drugCatalogue(write).find((existing) => existing.code === drug.code);
      writeDrug(write, drug);
      const changes = diff(before ?? {}, drug);
      if (Object.keys(changes).length > 0) {
        appendAudit(write, {
          at: timestamp(context),
          actor: context.actor,
          action: 'settings',
          entity: 'drug',
          entityId: drug.code,
          changes,
        });
      }
      return drug;
    })
    .immediate();
}

/** The worklist, RIS and dose report connections (null: not set up), as declared in model/connection-settings.ts. */
export function connectionSettings(source: ReadSource): ConnectionSettings {
  return {
    worklistServer: worklistServerSchema
      .nullable()
      .catch(null)
      .parse(readSetting<unknown>(source, 'worklistServer') ?? null),
    risServer: risServerSchema
      .nullable()
      .catch(null)
      .parse(readSetting<unknown>(source, 'risServer') ?? null),
    doseReceiver: doseReceiverSchema
      .nullable()
      .catch(null)
      .parse(readSetting<unknown>(source, 'doseReceiver') ?? null),
    pacsServer: pacsServerSchema
      .nullable()
      .catch(null)
      .parse(readSetting<unknown>(source, 'pacsServer') ?? null),
  };
}

/** Sets up, changes or removes (null) either connection; audited. From then on signed reports are queued for the RIS. */
export function updateConnectionSettings(store: Store, patch: unknown, context: ServiceContext): ConnectionSettings {
  const parsed = connectionSettingsPatchSchema.safeParse(patch);
  if (!parsed.success) throw RootLogError.invalid(connectionSettingsProblems(parsed.error));
  const write = store.writer;
  return write.db
    .transaction(() => {
      const before = connectionSettings(write);
      for (const [key, value] of Object.entries(parsed.data)) if (value !== undefined) writeSetting(write, key, value);
      const after = connectionSettings(write);
      const changes = diff(before, after);
      if (Object.keys(changes).length > 0)
        appendAudit(write, {
          at: timestamp(context),
          actor: context.actor,
          action: 'settings',
          entity: 'settings',
          entityId: 'connections',
          changes,
        });
      return after;
    })
    .immediate();
}
