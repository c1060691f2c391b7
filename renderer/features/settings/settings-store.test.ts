import { describe, expect, it } from 'vitest';
import {
  ANY_PATIENT_ID,
  DEFAULT_FOLLOW_UP_WINDOWS,
  type DepartmentSettings,
  NO_DEPARTMENT,
  STARTING_LANGUAGE_SETTINGS,
  STARTING_REFERENCE_LEVELS,
} from '../../../db/model/index.js';
import { fakeWindow } from '../../testing/fake-window.js';
import { useSettings } from './settings-store.js';

const settings = (consoleName: string): DepartmentSettings => ({
  consoleName,
  department: NO_DEPARTMENT,
  locale: 'de-CH',
  defaultOperatorId: null,
  referenceLevels: STARTING_REFERENCE_LEVELS,
  steroidDayMaxDexamethasoneMg: 30,
  presets: [],
  reportTemplate: '## Procedure\n{procedure}',
  hubServer: null,
  ...STARTING_LANGUAGE_SETTINGS,
  patientIdRule: ANY_PATIENT_ID,
  operators: [],
  idleLockMinutes: 5,
  technologistsRecordFollowUps: false,
  drugCatalogue: [],
  followUpWindows: DEFAULT_FOLLOW_UP_WINDOWS,
});

describe('the settings store', () => {
  it('saves, reloads what the main process now holds, and says so', async () => {
    let stored = settings('CT 1');
    const { calls } = fakeWindow({
      'settings.update': ([patch]) => {
        stored = { ...stored, ...(patch as Partial<DepartmentSettings>) };
        return stored;
      },
      'settings.get': () => stored,
    });
    expect(await useSettings.getState().update({ consoleName: 'CT 2' })).toBe(true);
    expect(useSettings.getState().settings?.consoleName).toBe('CT 2');
    expect(useSettings.getState().message).toEqual({ kind: 'ok', text: 'Settings saved.' });
    expect(calls.map(([method]) => method)).toEqual(['settings.update', 'settings.get']);
  });

  it('shows the main process’s words when a save is refused, and keeps the settings shown', async () => {
    useSettings.setState({ settings: settings('CT 1') });
    fakeWindow({
      'settings.saveOperator': () => ({ error: { code: 'validation', message: 'Name is required', field: 'name' } }),
    });
    expect(await useSettings.getState().saveOperator({ name: '' }, 'added')).toBe(false);
    expect(useSettings.getState().message).toEqual({ kind: 'problem', text: 'Name is required' });
    expect(useSettings.getState().settings?.consoleName).toBe('CT 1');
  });
});
