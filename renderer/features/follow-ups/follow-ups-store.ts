import { create } from 'zustand';
import { localDateTimeWithOffset, sentence, type Words } from '../../../db/model/index.js';
import type { DueFollowUp, FollowUpEntry } from '../../../electron/shared/api-contract.js';
import { ApiCallError, client } from '../../app/api-client.js';
import { useSession } from '../session/session-store.js';
import { emptyFollowUpForm, type FollowUpForm, type FormProblems, followUpFromForm } from './follow-up-entry.js';
import { FOLLOW_UP_STATUS_MESSAGES as M } from './follow-ups-messages.js';

const today = () => localDateTimeWithOffset(new Date()).slice(0, 10);

interface FollowUpsState {
  due: DueFollowUp[];
  loading: boolean;
  /** The patient being called: the first due one unless another was chosen. */
  current: string | null;
  form: FollowUpForm;
  problems: FormProblems;
  /** What the last save did, said in the reader's language. */
  message: Words | null;
  /** The record the message is about: a message belongs to its own patient's record only. */
  messageFor: string | null;
  /** Follow-ups of the record open in the procedure view. */
  entries: FollowUpEntry[];
  loadDue: () => Promise<void>;
  choose: (procedureId: string) => void;
  edit: (patch: Partial<FollowUpForm>) => void;
  /** Saves the current call and moves to the next due patient. */
  saveAndNext: () => Promise<boolean>;
  loadEntries: (procedureId: string) => Promise<void>;
  /** Records a follow-up for a given record (the procedure view), or a correction of one. */
  recordFor: (procedureId: string, correction?: { supersedes: string; reason: string }) => Promise<boolean>;
}

/** The signer's fields as the service names them, and where the form shows them. */
const SIGNER_FIELDS: Record<string, keyof FollowUpForm> = { 'signer.pin': 'pin', 'signer.operatorId': 'recordedById' };

const said = (error: unknown) => (error instanceof ApiCallError ? error.error : null);

/** The follow-up calls: who is due, the quick entry, and a record's own follow-ups. */
export const useFollowUps = create<FollowUpsState>((set, get) => {
  // One call is saved once: a second Enter while the first save is on its way (a double
  // press, a bouncing key) must not record the same call twice.
  let sending = false;
  const send = async (procedureId: string, extra: { supersedes?: string; reason?: string } = {}) => {
    if (sending) return false;
    const { entry, problems } = followUpFromForm(get().form, procedureId);
    if (Object.keys(problems).length > 0) {
      set({ problems, message: null });
      return false;
    }
    const { recordedById, pin } = get().form;
    const operatorId = recordedById || useSession.getState().session?.operatorId || '';
    if (!operatorId || !pin) {
      set({
        problems: operatorId ? { pin: sentence(M.typePin) } : { recordedById: sentence(M.chooseRecorder) },
        message: null,
      });
      return false;
    }
    sending = true;
    // The PIN goes with this one request and is forgotten here at once.
    set((state) => ({ form: { ...state.form, pin: '' } }));
    try {
      await client.followUps.record({ ...entry, ...extra }, { operatorId, pin });
      // The next call is recorded by the same person: only their PIN is asked again.
      set({ problems: {}, form: { ...emptyFollowUpForm(today()), recordedById } });
      return true;
    } catch (error) {
      // Shown at the field the service named (a problem of the record as a whole, at the first score).
      const apiError = said(error);
      const named = SIGNER_FIELDS[apiError?.field ?? ''] ?? apiError?.field ?? '';
      const field: keyof FollowUpForm = named in emptyFollowUpForm('') ? (named as keyof FollowUpForm) : 'legNrs';
      // Its words where the main process declares them (said in the reader's language), else its English.
      set({ problems: { [field]: apiError?.words ?? apiError?.message ?? String(error) }, message: null });
      return false;
    } finally {
      sending = false;
    }
  };
  return {
    due: [],
    loading: false,
    current: null,
    form: emptyFollowUpForm(today()),
    problems: {},
    message: null,
    messageFor: null,
    entries: [],
    loadDue: async () => {
      set({ loading: true });
      const due = await client.followUps.due({ date: today() });
      const current = due.some((row) => row.procedureId === get().current)
        ? get().current
        : (due[0]?.procedureId ?? null);
      set({ due, current, loading: false });
    },
    choose: (procedureId) =>
      set((state) => ({
        current: procedureId,
        form: { ...emptyFollowUpForm(today()), recordedById: state.form.recordedById },
        problems: {},
        message: null,
        messageFor: null,
      })),
    edit: (patch) => set((state) => ({ form: { ...state.form, ...patch } })),
    saveAndNext: async () => {
      const current = get().current;
      if (!current) return false;
      const due = get().due.find((row) => row.procedureId === current);
      const patient = due?.patientName ?? due?.patientId;
      if (!(await send(current))) return false;
      // Straight to the next patient due, without a moment with no form on screen (a key
      // typed then would go to whatever had the focus: the top bar).
      const next = get().due.find((row) => row.procedureId !== current)?.procedureId ?? null;
      set({
        current: next,
        message: patient ? sentence(M.savedOf, { patient }) : sentence(M.saved),
        messageFor: current,
      });
      await get().loadDue();
      return true;
    },
    loadEntries: async (procedureId) => set({ entries: await client.followUps.of(procedureId) }),
    recordFor: async (procedureId, correction) => {
      if (!(await send(procedureId, correction ?? {}))) return false;
      set({ message: sentence(correction ? M.corrected : M.saved), messageFor: procedureId });
      await get().loadEntries(procedureId);
      return true;
    },
  };
});

/** The last follow-up message if it is about this record, else none (never another patient's). */
export const messageAbout = (state: Pick<FollowUpsState, 'message' | 'messageFor'>, procedureId: string | null) =>
  procedureId !== null && state.messageFor === procedureId ? state.message : null;
