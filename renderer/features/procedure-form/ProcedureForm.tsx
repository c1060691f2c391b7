import { useCallback, useEffect, useRef } from 'react';
import { words } from '../../app/labels.js';
import { AdvanceContext } from '../../components/advance.js';
import { FollowUpsPanel } from './FollowUpsPanel.js';
import { useProcedureForm } from './form-store.js';
import { HistoryPanel } from './HistoryPanel.js';
import { formKey, moveToNextNeeded, undoKey } from './keyboard.js';
import { AftercarePrint, PrintActions, RecordPrint } from './PrintSheets.js';
import { QuickStart } from './QuickStart.js';
import { ReportPanel } from './ReportPanel.js';
import { SignedSummary } from './SignedSummary.js';
import { SignPanel } from './SignPanel.js';
import { ComplicationsSection } from './sections/ComplicationsSection.js';
import { DrugsSection } from './sections/DrugsSection.js';
import { GuidanceSection } from './sections/GuidanceSection.js';
import { IndicationSection } from './sections/IndicationSection.js';
import { PainSection } from './sections/PainSection.js';
import { PatientSection } from './sections/PatientSection.js';
import { TargetsSection } from './sections/TargetsSection.js';

/** The entry form, in the order the procedure happens; once signed, a summary with its history. */
export function ProcedureForm() {
  const mode = useProcedureForm((state) => state.mode);
  const record = useProcedureForm((state) => state.record);
  const startAmend = useProcedureForm((state) => state.startAmend);
  const locked = mode === 'readonly';

  const formRef = useRef<HTMLFormElement>(null);
  const advance = useCallback((from: HTMLElement | null) => {
    const form = formRef.current;
    if (form) moveToNextNeeded(form, from);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && useProcedureForm.getState().mode === 'edit') {
        event.preventDefault();
        void useProcedureForm.getState().sign();
      } else if (undoKey(event)) {
        event.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <form
        ref={formRef}
        className="procedure-form"
        aria-label="Procedure"
        onSubmit={(event) => event.preventDefault()}
        onKeyDown={(event) => {
          if (locked) return;
          const handled = formKey(event.nativeEvent, formRef.current);
          if (handled) event.preventDefault();
        }}
      >
        <header className="form-header">
          <h1 id="procedure-heading" tabIndex={-1}>
            {record
              ? `Procedure — ${words(record.status)}${record.version > 1 ? `, version ${record.version}` : ''}`
              : 'New procedure'}
          </h1>
          {record && record.status !== 'draft' && (
            <p className="signed-by">
              Signed by {record.signedBy} on {new Date(record.signedAt ?? '').toLocaleString()}
              {record.amendedBy ? `; amended by ${record.amendedBy}` : ''}
            </p>
          )}
          {locked && (
            <button type="button" className="primary" onClick={startAmend}>
              Amend
            </button>
          )}
        </header>
        {locked ? (
          <>
            <SignedSummary />
            <ReportPanel />
            <PrintActions />
            <RecordPrint />
            <AftercarePrint />
          </>
        ) : (
          <AdvanceContext.Provider value={advance}>
            <QuickStart />
            <PatientSection locked={false} />
            <IndicationSection locked={false} />
            <TargetsSection locked={false} />
            <GuidanceSection locked={false} />
            <DrugsSection locked={false} />
            <PainSection locked={false} />
            <ComplicationsSection locked={false} />
            <SignPanel />
            <ReportPanel />
          </AdvanceContext.Provider>
        )}
      </form>
      {/* Outside the record's form: a follow-up is its own entry, with its own form. */}
      {locked && <FollowUpsPanel />}
      <HistoryPanel />
    </>
  );
}
