import {
  ANY_PATIENT_ID,
  DEFAULT_DRUG_CATALOGUE,
  DEFAULT_FOLLOW_UP_WINDOWS,
  DEFAULT_REPORT_TEMPLATE,
  type DepartmentSettings,
  STARTING_LANGUAGE_SETTINGS,
  STARTING_REFERENCE_LEVELS,
} from '../../db/model/index.js';
import type { ApiMethodName } from '../../electron/shared/api-contract.js';
import { AUTOSAVE_MS, createProcedureForm } from '../features/procedure-form/form-store.js';
import { fakeStorage, fakeWindow } from './fake-window.js';

/** A department as set up: one operator, the shipped catalogue and reference levels. */
export const testDepartment: DepartmentSettings = {
  consoleName: 'CT 1',
  department: { name: '', address: '', phone: '' },
  locale: 'de-CH',
  defaultOperatorId: 'op-1',
  operators: [
    {
      id: 'op-1',
      name: 'Dr. A. Keller',
      active: true,
      role: 'radiologist',
      administrator: true,
      pinSet: true,
      lockedUntil: null,
      badge: false,
    },
  ],
  idleLockMinutes: 5,
  technologistsRecordFollowUps: false,
  drugCatalogue: [...DEFAULT_DRUG_CATALOGUE],
  referenceLevels: STARTING_REFERENCE_LEVELS,
  followUpWindows: DEFAULT_FOLLOW_UP_WINDOWS,
  steroidDayMaxDexamethasoneMg: 40,
  presets: [],
  reportTemplate: DEFAULT_REPORT_TEMPLATE,
  hubServer: null,
  ...STARTING_LANGUAGE_SETTINGS,
  patientIdRule: ANY_PATIENT_ID,
};

/** The time the tests' clock shows: a Saturday morning in March, in Zurich. */
export const TEST_NOW = new Date('2026-03-14T10:00:00+01:00');

/**
 * A procedure form store of its own against a fake main process (`answers`, as fakeWindow),
 * with its own storage and the test department; for the form's slice tests.
 */
export function formUnderTest(
  answers: Parameters<typeof fakeWindow>[0] = {},
  { settings = testDepartment as DepartmentSettings | null } = {},
) {
  const { calls } = fakeWindow(answers);
  const storage = fakeStorage();
  const form = createProcedureForm({
    settings: () => settings,
    storage: () => storage,
    now: () => TEST_NOW,
    autosaveMs: AUTOSAVE_MS,
  });
  const callsOf = (method: ApiMethodName) => calls.filter(([name]) => name === method).map(([, args]) => args);
  return { form, storage, calls, callsOf };
}

/** What procedures.saveDraft answers for a draft: stored as it came, with this id. */
export const savedAs = (id: string, draft: Record<string, unknown> = {}) => ({
  record: { ...draft, id, status: 'draft' },
  warnings: [],
});
