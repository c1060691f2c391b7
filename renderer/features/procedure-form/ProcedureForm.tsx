import { useCallback, useLayoutEffect, useRef } from 'react';
import { formatDateTime } from '../../../db/model/index.js';
import { useReader } from '../../app/i18n.js';
import { AdvanceContext } from '../../components/advance.js';
import { DeleteDraft } from './DeleteDraft.js';
import { FollowUpsPanel } from './FollowUpsPanel.js';
import { formHeading } from './form-heading.js';
import { FORM_HEADER_MESSAGES as M } from './form-messages.js';
import { useProcedureForm } from './form-store.js';
import { HistoryPanel } from './HistoryPanel.js';
import { formKey, undoKey } from './keyboard.js';
import { AftercarePrint, PrintActions, RecordPrint } from './PrintSheets.js';
import { printWords } from './print-words.js';
import { QuickStart } from './QuickStart.js';
import { ReportPanel } from './ReportPanel.js';
import { RisDeliveryPanel } from './RisDeliveryPanel.js';
import { SignedSummary } from './SignedSummary.js';
import { SignPanel } from './SignPanel.js';
import { ComplicationsSection } from './sections/ComplicationsSection.js';
import { DrugsSection } from './sections/DrugsSection.js';
import { GuidanceSection } from './sections/GuidanceSection.js';
import { IndicationSection } from './sections/IndicationSection.js';
import { PainSection } from './sections/PainSection.js';
import { PatientSection } from './sections/PatientSection.js';
import { TargetsSection } from './sections/TargetsSection.js';
import { WindowEffects } from './WindowEffects.js';

/** The entry form, in the order the procedure happens; once signed, a summary with its history. */
export function ProcedureForm() {
  const mode = useProcedureForm((state) => state.mode);
  const record = useProcedureForm((state) => state.record);
  // The heading and who signed, in the operator's language, dates in its locale at this department.
  const { t, locale } = useReader();
  const W = printWords(t);
  const dateTime = (iso: string | null | undefined) => formatDateTime(iso ?? '', locale);
  const startAmend = useProcedureForm((state) => state.startAmend);
  const locked = mode === 'readonly';

  const formRef = useRef<HTMLFormElement>(null);
  // Enter on a choice moves on once the screen shows the choice (Sign enabled by the last
  // answer, a field it opened): asked of the store, done after the render.
  const advance = useCallback((from: HTMLElement | null) => {
    const after = from?.closest<HTMLElement>('[data-field]')?.dataset.field;
    useProcedureForm.getState().requestFocus({ kind: 'next-needed', after });
  }, []);

  // A layout effect: listening from the commit that shows the form, in the same task as the
  // keys held while it opened are released. A passive effect may come after they are given
  // back on a busy machine, and a Ctrl+Enter pressed at once was lost (CI, lock.spec).
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const { mode, sign, submitAmend } = useProcedureForm.getState();
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && mode !== 'readonly') {
        event.preventDefault();
        void (mode === 'amend' ? submitAmend() : sign());
      } else if (undoKey(event)) {
        event.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const heading = record ? formHeading(t, record, mode === 'amend') : '';
  return (
    <>
      <form
        ref={formRef}
        className="procedure-form"
        aria-label={t(M.form)}
        onSubmit={(event) => event.preventDefault()}
        onKeyDown={(event) => {
          if (locked || event.defaultPrevented) return;
          const handled = formKey(event.nativeEvent, formRef.current);
          if (handled) event.preventDefault();
        }}
      >
        <header className="form-header">
          <h1 id="procedure-heading" tabIndex={-1}>
            {record ? heading : t(M.newProcedure)}
          </h1>
          {record && record.status !== 'draft' && (
            <p className="signed-by">
              {W.signedBy(record.signedBy ?? '', dateTime(record.signedAt), record.signedMeaning)}
              {record.amendedBy
                ? ` ${W.amendedBy(record.version, record.amendedBy, dateTime(record.amendedAt), record.amendedMeaning)}`
                : ''}
            </p>
          )}
          {locked && (
            <button type="button" className="primary" onClick={startAmend}>
              {t(M.amend)}
            </button>
          )}
          {/* Up here, away from Sign: a Tab too many after signing never reaches it, and it asks first. */}
          {mode === 'edit' && record?.status === 'draft' && <DeleteDraft />}
        </header>
        {locked ? (
          <>
            <SignedSummary />
            <ReportPanel />
            <RisDeliveryPanel />
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
      <WindowEffects form={formRef} />
    </>
  );
}
