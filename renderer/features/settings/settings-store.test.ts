import { describe, expect, it } from 'vitest';
import { translator } from '../../../db/i18n/translator.js';
import {
  ANY_PATIENT_ID,
  DEFAULT_FOLLOW_UP_WINDOWS,
  type DepartmentSettings,
  inEnglish,
  type Language,
  NO_DEPARTMENT,
  pinProblem,
  STARTING_LANGUAGE_SETTINGS,
  STARTING_REFERENCE_LEVELS,
  say,
  sentence,
} from '../../../db/model/index.js';
import { fakeWindow } from '../../testing/fake-window.js';
import { SETTINGS_STATUS_MESSAGES as M } from './settings-messages.js';
import { useSettings } from './settings-store.js';

/** The store's last message as a reader of that language reads it. */
const said = (language: Language = 'en') => {
  const message = useSettings.getState().message;
  if (!message) return null;
  return `${message.kind}: ${typeof message.said === 'string' ? message.said : say(message.said, translator(language), language)}`;
};

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
    expect(said()).toBe('ok: Settings saved.');
    expect(said('de')).toBe('ok: Einstellungen gespeichert.');
    expect(said('fr')).toBe('ok: Paramètres enregistrés.');
    expect(calls.map(([method]) => method)).toEqual(['settings.update', 'settings.get']);
  });

  it('shows the main process’s words when a save is refused, and keeps the settings shown', async () => {
    useSettings.setState({ settings: settings('CT 1') });
    fakeWindow({
      'settings.saveOperator': () => ({ error: { code: 'validation', message: 'Name is required', field: 'name' } }),
    });
    expect(await useSettings.getState().saveOperator({ name: '' }, sentence(M.operatorAdded, { name: '' }))).toBe(
      false,
    );
    expect(useSettings.getState().message).toEqual({ kind: 'problem', said: 'Name is required' });
    expect(useSettings.getState().settings?.consoleName).toBe('CT 1');
  });

  it('enrols, replaces and removes a badge through the main process, and says so', async () => {
    useSettings.setState({ settings: settings('CT 1') });
    const { calls } = fakeWindow({
      'settings.setBadge': () => ({ id: 'op-1', name: 'Dr. A. Keller' }),
      'settings.get': () => settings('CT 1'),
    });
    expect(
      await useSettings.getState().setBadge('op-1', '0042-7781', sentence(M.badgeEnrolled, { name: 'Dr. A. Keller' })),
    ).toBe(true);
    expect(
      await useSettings.getState().setBadge('op-1', null, sentence(M.badgeRemoved, { name: 'Dr. A. Keller' })),
    ).toBe(true);
    expect(said()).toBe('ok: Dr. A. Keller’s badge was removed.');
    expect(said('it')).toBe('ok: Badge di Dr. A. Keller rimosso.');
    expect(calls.filter(([method]) => method === 'settings.setBadge')).toEqual([
      ['settings.setBadge', [{ operatorId: 'op-1', badge: '0042-7781' }]],
      ['settings.setBadge', [{ operatorId: 'op-1', badge: null }]],
    ]);
  });

  it('refuses a badge number the card reader could not have typed before sending it', async () => {
    useSettings.setState({ settings: settings('CT 1'), message: null });
    const { calls } = fakeWindow({});
    expect(
      await useSettings.getState().setBadge('op-1', '12', sentence(M.badgeEnrolled, { name: 'Dr. A. Keller' })),
    ).toBe(false);
    expect(said()).toBe('problem: Badge must be 4 to 32 letters, digits or dashes, as the card reader types it.');
    expect(calls).toEqual([]);
  });

  it('refuses a weak PIN by the main process’s own rule before sending it, for an operator or one’s own', async () => {
    useSettings.setState({ settings: settings('CT 1'), message: null });
    const { calls } = fakeWindow({});
    expect(await useSettings.getState().setPin('op-1', '1234', sentence(M.pinSet, { name: 'Dr. A. Keller' }))).toBe(
      false,
    );
    const rule = pinProblem('1234');
    expect(said()).toBe(`problem: The PIN ${rule ? inEnglish(rule) : ''}.`);
    expect(said()).toBe('problem: The PIN must not be a run of digits (such as 1234 or 4321).');
    expect(await useSettings.getState().changeOwnPin('op-1', '2580', '7777')).toBe(false);
    expect(said()).toBe('problem: The new PIN must not be one character repeated (such as 0000).');
    expect(calls).toEqual([]);
  });
});
