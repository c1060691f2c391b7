import { type ClinicalWarning, fieldProblemOf, saidOf, sentence } from '../../../../db/model/index.js';
import { ApiCallError, client } from '../../../app/api-client.js';
import { SIGN_PANEL_MESSAGES as M } from '../form-messages.js';
import { forgetKeptAside } from '../held-back.js';
import { OPEN_DRAFT_KEY, problemMap, problemsOf } from './draft-store.js';
import type { EarlierConfirmation, SigningSlice, Slice } from './form-state.js';

/*
 * Signing a draft and amending a signed record: one at a time (a second Ctrl+Enter while a
 * signature is on its way would be refused as already signed, and that refusal shown over the
 * signed record). A refusal says why and sends the focus to what is missing.
 */

/** The warnings that need a tick (a dose above the reference level needs a reason instead, reminders nothing). */
export const warningsToConfirm = (warnings: readonly ClinicalWarning[]) =>
  warnings.filter((warning) => warning.level !== 'reminder' && warning.level !== 'reference');

/**
 * The warnings confirmed at the signature that still read the same: an amendment does not ask
 * for them again. One that changed (another dose, another drug) is asked anew.
 */
export const stillConfirmed = (
  warnings: readonly ClinicalWarning[],
  earlier: readonly EarlierConfirmation[],
): string[] =>
  warnings
    .filter((warning) => earlier.some((before) => before.code === warning.code && before.message === warning.message))
    .map((warning) => warning.code);

export const signingSlice: Slice<SigningSlice> = (deps) => (set, get) => {
  /** A refusal from the logbook: its words, its fields, and the focus where the answer is missing. */
  const refused = (error: ApiCallError, keepOwnProblems: boolean) => {
    const named = problemMap(
      error.error.problems ?? (error.error.field ? [fieldProblemOf(error.error.field, error.error)] : []),
    );
    const validation = error.error.code === 'validation' || !keepOwnProblems;
    set({ problems: validation ? named : get().problems, saveMessage: error.error });
    if (error.error.code === 'warnings_unconfirmed') get().requestFocus({ kind: 'confirmation' });
    else get().requestFocus({ kind: 'fields', fields: Object.keys(named) });
  };

  /** No PIN typed yet (or no operator chosen): asked where it is typed, nothing sent. */
  const askPin = (act: 'sign' | 'amend' | 'operator'): false => {
    const field = act === 'operator' ? (get().mode === 'amend' ? 'signer.operatorId' : 'operatorId') : 'signer.pin';
    const words = saidOf(sentence(act === 'operator' ? M.chooseSigner : act === 'sign' ? M.pinToSign : M.pinToAmend));
    // Said where "Saved" is, not as a field problem: a PIN is never part of the record.
    set({ saveMessage: words });
    get().requestFocus({ kind: 'fields', fields: [field] });
    return false;
  };

  return {
    confirmed: [],
    confirmedEarlier: [],
    amendReason: '',
    pin: '',
    amendSignerId: null,
    setPin: (pin) =>
      set(({ problems }) => ({
        pin,
        problems: Object.fromEntries(Object.entries(problems).filter(([field]) => !field.startsWith('signer.'))),
      })),
    setAmendSigner: (amendSignerId) => set({ amendSignerId }),
    signing: false,
    deleteAsked: false,

    toggleConfirmed: (code) =>
      set(({ confirmed }) => ({
        confirmed: confirmed.includes(code) ? confirmed.filter((c) => c !== code) : [...confirmed, code],
      })),

    sign: async () => {
      if (get().signing) return false;
      set({ signing: true });
      try {
        await get().flush();
        const { id, confirmed, problems, pin, draft } = get();
        if (!id) return false;
        // The record's own problems stop it here; the signer's (a PIN missing or wrong) are answered by typing it.
        const own = Object.keys(problems).filter((field) => !field.startsWith('signer.'));
        if (own.length > 0) {
          get().requestFocus({ kind: 'fields', fields: own });
          return false;
        }
        // Without a PIN yet the logbook still says first what the record itself needs (then the PIN).
        if (!draft.operatorId) return askPin('operator');
        // The PIN goes with this one request and is forgotten here at once.
        set({ pin: '' });
        try {
          const signed = await client.procedures.sign(
            id,
            { confirmedWarnings: confirmed },
            { operatorId: draft.operatorId, pin },
          );
          const storage = deps.storage();
          storage.removeItem(OPEN_DRAFT_KEY);
          forgetKeptAside(storage, id);
          get().show(await client.procedures.get(signed.record.id));
          get().requestFocus({ kind: 'heading' });
          return true;
        } catch (error) {
          if (!(error instanceof ApiCallError)) throw error;
          refused(error, true);
          return false;
        }
      } finally {
        set({ signing: false });
      }
    },

    startAmend: () => {
      set({
        mode: 'amend',
        amendReason: '',
        confirmed: [],
        saveMessage: null,
        deleteAsked: false,
        pin: '',
        amendSignerId: get().record?.operatorId ?? null,
      });
      get().requestFocus({ kind: 'first-field' });
    },
    setAmendReason: (amendReason) => set({ amendReason }),
    // The record as signed, back from the logbook, without the amendment's edits.
    cancelAmend: () => {
      const { id, mode } = get();
      if (id && mode === 'amend') void get().open(id);
    },

    submitAmend: async () => {
      const { id, amendReason, confirmed, warnings, confirmedEarlier, checked, fieldText, pin, amendSignerId } = get();
      // As for signing: one amendment at a time (a second would be refused as changing nothing).
      if (!id || get().signing) return false;
      const own = problemsOf(checked, fieldText);
      if (Object.keys(own).length > 0) {
        set({ problems: own });
        get().requestFocus({ kind: 'fields', fields: Object.keys(own) });
        return false;
      }
      if (!amendReason.trim()) {
        set({ saveMessage: saidOf(sentence(M.amendReasonFirst)) });
        get().requestFocus({ kind: 'fields', fields: ['reason'] });
        return false;
      }
      if (!amendSignerId || !pin) return askPin(amendSignerId ? 'amend' : 'operator');
      set({ signing: true, pin: '' });
      try {
        const confirmedWarnings = [...new Set([...confirmed, ...stillConfirmed(warnings, confirmedEarlier)])];
        await client.procedures.amend(
          { ...checked.saveable, id },
          { reason: amendReason, confirmedWarnings },
          { operatorId: amendSignerId, pin },
        );
        get().show(await client.procedures.get(id));
        get().requestFocus({ kind: 'heading' });
        return true;
      } catch (error) {
        if (!(error instanceof ApiCallError)) throw error;
        refused(error, false);
        return false;
      } finally {
        set({ signing: false });
      }
    },

    askDelete: () => set({ deleteAsked: true }),
    cancelDelete: () => set({ deleteAsked: false }),

    remove: async () => {
      const { id, deleteAsked } = get();
      // Only ever as the answer to the question: nothing is deleted by one stray key.
      if (!deleteAsked) return;
      get().cancelSave();
      if (id) {
        await client.procedures.deleteDraft(id);
        forgetKeptAside(deps.storage(), id);
      }
      deps.storage().removeItem(OPEN_DRAFT_KEY);
      get().startNew();
    },
  };
};
