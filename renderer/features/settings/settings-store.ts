import { create } from 'zustand';
import type { PresetSuggestion, ReferenceLevelProposal } from '../../../db/model/answers.js';
import {
  badgeProblem,
  type DepartmentSettings,
  type Operator,
  type Preset,
  type ProposalPeriod,
  pinProblem,
  sentence,
  type Words,
} from '../../../db/model/index.js';
import type { MethodInput } from '../../../electron/shared/api-contract.js';
import { client, refusalOf } from '../../app/api-client.js';
import { SETTINGS_STATUS_MESSAGES as M } from './settings-messages.js';

/**
 * What the last settings action did: a sentence the screen says in the reader's language, a
 * refusal's words among them; a string is words that came without a message (English).
 */
export type SettingsMessage = { kind: 'ok' | 'problem'; said: Words | string } | null;

/** The main process's words for a failed call: its message and values where it declares them. */
const refusal = (error: unknown): Words | string => {
  const said = refusalOf(error);
  return said.words ?? said.message;
};

interface SettingsState {
  settings: DepartmentSettings | null;
  message: SettingsMessage;
  load: () => Promise<DepartmentSettings>;
  replace: (settings: DepartmentSettings) => void;
  /** Each action saves (audited in the main process), reloads the settings and says what happened; true when saved. */
  update: (patch: MethodInput<'settings.update'>[0]) => Promise<boolean>;
  saveOperator: (operator: MethodInput<'settings.saveOperator'>[0], done: Words) => Promise<boolean>;
  saveDrug: (drug: MethodInput<'settings.saveDrug'>[0], done: Words) => Promise<boolean>;
  /**
   * Adds an operator where the form needs one (a fresh console has none) and makes them this
   * console's default when there is none yet; the new operator, or null (the message says why).
   */
  addOperator: (name: string) => Promise<Operator | null>;
  /** An administrator sets an operator's first PIN or a new one (lifting a lock); true when set. */
  setPin: (operatorId: string, newPin: string, done: Words) => Promise<boolean>;
  /**
   * An administrator enrols an operator's badge (the number the card reader typed), replaces it,
   * or removes it (null); true when saved. A number the card reader could not have typed is
   * refused here, in the main process's own words, before it is sent.
   */
  setBadge: (operatorId: string, badge: string | null, done: Words) => Promise<boolean>;
  /** An operator changes their own PIN, proving it with the old one; true when changed. */
  changeOwnPin: (operatorId: string, oldPin: string, newPin: string) => Promise<boolean>;
  /** Proposed local reference levels for a period (computed from the signed records in the main process). */
  proposal: ReferenceLevelProposal | null;
  propose: (period: ProposalPeriod) => Promise<void>;
  /** Adopts the proposal for that period (computed again in the main process); true when adopted. */
  adopt: (period: ProposalPeriod) => Promise<boolean>;
  /** The department's most used plans, offered as presets. */
  suggestions: PresetSuggestion[] | null;
  loadSuggestions: () => Promise<void>;
  /** Saves the presets (their order gives Alt+1 … Alt+9); true when saved. */
  savePresets: (presets: Preset[], done: Words) => Promise<boolean>;
}

/** The department's settings (operators, catalogue, reference levels), loaded once and refreshed on edit. */
export const useSettings = create<SettingsState>((set, get) => {
  const run = async (action: () => Promise<unknown>, done: Words): Promise<boolean> => {
    try {
      await action();
      await get().load();
      set({ message: { kind: 'ok', said: done } });
      return true;
    } catch (error) {
      set({ message: { kind: 'problem', said: refusal(error) } });
      return false;
    }
  };
  /** A new PIN the main process would refuse, refused here first in its words (the rule is the model's: pinProblem). */
  const refusedPin = (pin: string, named: typeof M.pinRefused): Promise<false> | null => {
    const problem = pinProblem(pin);
    if (!problem) return null;
    set({ message: { kind: 'problem', said: sentence(named, { problem }) } });
    return Promise.resolve(false);
  };
  return {
    settings: null,
    message: null,
    proposal: null,
    suggestions: null,
    loadSuggestions: async () => {
      try {
        set({ suggestions: await client.settings.presetSuggestions() });
      } catch (error) {
        set({ message: { kind: 'problem', said: refusal(error) } });
      }
    },
    savePresets: (presets, done) => run(() => client.settings.update({ presets }), done),
    propose: async (period) => {
      try {
        set({ proposal: await client.settings.proposeReferenceLevels(period), message: null });
      } catch (error) {
        set({
          proposal: null,
          message: { kind: 'problem', said: refusal(error) },
        });
      }
    },
    adopt: async (period) => {
      const adopted = await run(
        () => client.settings.adoptReferenceLevels(period),
        sentence(M.levelsAdopted, { from: period.from, to: period.to }),
      );
      if (adopted) set({ proposal: await client.settings.proposeReferenceLevels(period) });
      return adopted;
    },
    load: async () => {
      const settings = await client.settings.get();
      set({ settings });
      return settings;
    },
    replace: (settings) => set({ settings }),
    update: (patch) => run(() => client.settings.update(patch), sentence(M.saved)),
    saveOperator: (operator, done) => run(() => client.settings.saveOperator(operator), done),
    saveDrug: (drug, done) => run(() => client.settings.saveDrug(drug), done),
    setPin: (operatorId, newPin, done) =>
      refusedPin(newPin, M.pinRefused) ?? run(() => client.settings.setPin({ operatorId, newPin }), done),
    setBadge: (operatorId, badge, done) => {
      const problem = badge === null ? null : badgeProblem(badge);
      if (problem) {
        set({ message: { kind: 'problem', said: sentence(M.badgeRefused, { problem }) } });
        return Promise.resolve(false);
      }
      return run(() => client.settings.setBadge({ operatorId, badge }), done);
    },
    changeOwnPin: (operatorId, oldPin, newPin) =>
      refusedPin(newPin, M.newPinRefused) ??
      run(() => client.session.changePin({ operatorId, oldPin, newPin }), sentence(M.pinChanged)),
    addOperator: async (name) => {
      let added: Operator | null = null;
      await run(
        async () => {
          added = await client.settings.saveOperator({ name });
          if (!get().settings?.defaultOperatorId) await client.settings.update({ defaultOperatorId: added.id });
        },
        sentence(M.operatorAdded, { name }),
      );
      return added;
    },
  };
});
