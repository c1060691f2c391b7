import type { StateCreator } from 'zustand';
import type {
  ClinicalWarning,
  DepartmentSettings,
  DoseReportFill,
  FieldProblem,
  Preset,
  ProcedureRecord,
  Said,
  Words,
} from '../../../../db/model/index.js';
import type { AuditEntry, ProcedureWithHistory } from '../../../../electron/shared/api-contract.js';
import type { Draft, DraftCheck, DrugsOfRemovedTarget } from '../draft-edits.js';
import type { FieldText, KeptStorage, Refusal } from '../held-back.js';

/*
 * The procedure form's state, in slices: the draft and its checks, the autosave, signing and
 * amending, undo, the plan (presets, "same as last"), printing, and where the focus should go.
 * Each slice is a file of its own with its own tests; this file only says what each holds.
 * No slice touches the DOM: what the window must do (move the focus, print a sheet) is state
 * that a component acts on once the screen shows it.
 */

/** 'partial': saved, but some values break a rule and are not (they stay in their fields until fixed). */
export type SaveState = 'new' | 'pending' | 'saving' | 'saved' | 'partial' | 'error';
export type Mode = 'edit' | 'readonly' | 'amend';

/** What the form store needs from outside it: given, so a test gives its own. */
export interface FormDeps {
  /** The department's settings as loaded (rules, catalogue, default operator). */
  settings: () => DepartmentSettings | null;
  /** The window's storage: which draft was open, and what was held back of it. */
  storage: () => KeptStorage;
  now: () => Date;
  /** The pause after an edit before the autosave. */
  autosaveMs: number;
}

export type Slice<T> = (deps: FormDeps) => StateCreator<FormState, [], [], T>;

export interface DraftSlice {
  id: string | null;
  draft: Draft;
  record: ProcedureRecord | null;
  mode: Mode;
  /** The draft as checked at its last edit (parsed once per edit): what is saved, what is held back, the content the rules read. */
  checked: DraftCheck;
  /** Text typed into a field that is not a value yet (a date being typed): it never replaces the stored value. */
  fieldText: Record<string, FieldText>;
  /** Values the logbook refused at their field (a rule only it checks), held back while their field holds them. */
  refused: Record<string, Refusal>;
  /** Each field's problem: a value held back, text not yet a value, or what the logbook refused. */
  problems: Record<string, Said>;
  warnings: ClinicalWarning[];
  history: AuditEntry[];
  versions: ProcedureWithHistory['versions'];
  /** Counts the records put on screen: an answer about an earlier one never lands on a later one. */
  shown: number;
  startNew: (defaults?: Partial<Draft>) => void;
  open: (id: string) => Promise<void>;
  /** Reopens the draft being typed when the window closed; false (and forgotten) when it is gone or signed. */
  reopenDraft: (id: string) => Promise<boolean>;
  /** Puts a record from the logbook on screen (a draft with what was held back of it). */
  show: (full: ProcedureWithHistory) => void;
  update: (edit: (draft: Draft) => Draft) => void;
  /**
   * The logbook refused these fields of the draft `sent`: hold each back (its value stays in
   * the form, its message at the field) so the rest can be saved; `heldThen`: the fields held
   * back when it was sent (list items held back whole were not sent, so the logbook's
   * positions are those of what was sent). False when none is new.
   */
  holdRefused: (sent: Draft, problems: readonly FieldProblem[], heldThen?: readonly string[]) => boolean;
  /** Text in a field that is not a value yet, with what it still needs; null once it is one (or cleared). */
  setFieldText: (field: string, text: FieldText | null) => void;
}

export interface AutosaveSlice {
  saveState: SaveState;
  /** A refusal (said in the reader's language) or the window's own words. */
  saveMessage: Said | string | null;
  /** After an edit: saves once typing pauses. */
  scheduleSave: () => void;
  cancelSave: () => void;
  /** Saves what is unsaved now and waits for every save on its way. */
  flush: () => Promise<void>;
}

/** A warning confirmed when the record was signed (or last amended), as it read then. */
export interface EarlierConfirmation {
  code: string;
  message: string;
}

export interface SigningSlice {
  confirmed: string[];
  /** Warnings confirmed at the signature: not asked again in an amendment while they read the same. */
  confirmedEarlier: EarlierConfirmation[];
  amendReason: string;
  /**
   * The PIN typed to sign or amend: sent with the signature and forgotten at once (never
   * saved, kept aside or remembered). A radiologist signs their own record; an amendment is
   * signed by the radiologist chosen (amendSignerId).
   */
  pin: string;
  amendSignerId: string | null;
  setPin: (pin: string) => void;
  setAmendSigner: (operatorId: string) => void;
  /** A signature or an amendment is on its way (a second one is refused). */
  signing: boolean;
  /** "Delete draft" was pressed: asked before anything is deleted. */
  deleteAsked: boolean;
  toggleConfirmed: (code: string) => void;
  sign: () => Promise<boolean>;
  startAmend: () => void;
  setAmendReason: (reason: string) => void;
  submitAmend: () => Promise<boolean>;
  cancelAmend: () => void;
  askDelete: () => void;
  cancelDelete: () => void;
  /** Deletes the draft (after "Delete draft" was asked) and starts a new one. */
  remove: () => Promise<void>;
}

export type RemovedSection = 'targets' | 'drugs' | 'complications';

export interface UndoSlice {
  /** The last target, drug or complication removed, to undo (Ctrl+Z): the whole draft as it was, and what to say. */
  removal: { before: Draft; label: string; section: RemovedSection } | null;
  removeTarget: (index: number, drugs: DrugsOfRemovedTarget) => void;
  removeDrug: (index: number) => void;
  removeComplication: (type: string) => void;
  /** Puts back what was last removed; false when there is nothing to undo. */
  undoRemoval: () => boolean;
}

export interface PlanSlice {
  /** A plan is being fetched (this patient's last procedure): keys typed meanwhile wait for it. */
  fetchingPlan: boolean;
  /** What the last Alt+L found when it copied nothing ("No earlier procedure of K-100301 …"); null otherwise. */
  planMessage: Words | null;
  /** Fills the plan of a preset (targets, modality, caudal, drugs), then the first field still needed. */
  applyPreset: (preset: Preset) => void;
  /** Copies the plan of this patient's last signed procedure; false when there is none. */
  sameAsLastProcedure: () => Promise<boolean>;
  /** The drugs of this console's last signed procedure, put in place of the form's. */
  sameDrugsAsLast: () => Promise<void>;
}

export type PrintSheet = 'record' | 'aftercare';

export interface PrintSlice {
  printing: boolean;
  /** The sheet being printed: the print stylesheet shows it alone. */
  printSheet: PrintSheet | null;
  /** What the last print did, kept as words (said in the reader's language): the file saved, or why not. */
  printed: { kind: 'ok'; words: Words } | { kind: 'problem'; said: Said } | null;
  printToPdf: (sheet: PrintSheet) => Promise<void>;
}

/** Where the focus goes once the screen shows the state that asked for it. */
export type FocusRequest =
  /** The record's heading, which says what it now is (after a signature or an amendment). */
  | { kind: 'heading' }
  /** The first of these fields, in the order of the form. */
  | { kind: 'fields'; fields: string[] }
  /** The first confirmation still to give before signing. */
  | { kind: 'confirmation' }
  /** The record's first field (an amendment begins there). */
  | { kind: 'first-field' }
  /** The next field on the Enter path after the field `after` (from the start when none): after a plan was filled in, a box ticked, a side added. */
  | { kind: 'next-needed'; after?: string };

export interface FocusSlice {
  focus: { request: FocusRequest; seq: number } | null;
  requestFocus: (request: FocusRequest) => void;
  /** The window moved the focus as asked. */
  focusDone: (seq: number) => void;
}

export interface DoseSlice {
  /** What the scanner's dose reports for this record say (null: none has come yet). */
  doseReport: DoseReportFill | null;
  /** Asks whether a dose report has come for the saved draft; fills the empty dose fields with it. */
  checkDoseReport: () => Promise<void>;
  /** Puts the report's figures in the dose fields (after its question, or over figures typed before it came). */
  takeDoseReport: () => void;
  /** The last "Fetch dose report from the PACS" of this record: under way, how many came, or why none did. */
  pacsFetch: PacsFetch | null;
  /** Asks the PACS (Settings → PACS) for the saved draft's dose report (Alt+D); fills the dose as a report that came by itself. */
  fetchDoseReportFromPacs: () => Promise<void>;
}

export type PacsFetch =
  | { state: 'asking'; procedureId: string }
  | { state: 'fetched'; procedureId: string; count: number }
  | { state: 'problem'; procedureId: string; refusal: Said };

export type FormState = DraftSlice &
  AutosaveSlice &
  SigningSlice &
  UndoSlice &
  PlanSlice &
  PrintSlice &
  FocusSlice &
  DoseSlice;
