import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import type { Department } from '../../../db/model/index.js';
import { useRefusalWords, useSay, useT } from '../../app/i18n.js';
import { useFollowUps } from '../follow-ups/follow-ups-store.js';
import { useSettings } from '../settings/settings-store.js';
import { PRINT_ACTION_MESSAGES } from './form-messages.js';
import { useProcedureForm } from './form-store.js';
import { aftercarePrintout, type PageFrame, recordSheet } from './print-sheet-lines.js';
import './print.css';

/**
 * Print and save as PDF: the record for the chart, and the patient's aftercare sheet. Chromium
 * prints the window itself (webContents.printToPDF in Electron); the print stylesheet
 * (print.css) prints only the sheet asked for (`data-print` on the body) — never the screen
 * with its buttons and messages — on A4 with margins, a running header and "page / pages".
 */
export function PrintActions() {
  const printing = useProcedureForm((state) => state.printing);
  const printed = useProcedureForm((state) => state.printed);
  const print = useProcedureForm((state) => state.printToPdf);
  const t = useT();
  const say = useSay();
  const refusal = useRefusalWords();
  return (
    <div className="row print-actions">
      <button type="button" className="secondary" disabled={printing} onClick={() => void print('record')}>
        {t(PRINT_ACTION_MESSAGES.record)}
      </button>
      <button type="button" className="secondary" disabled={printing} onClick={() => void print('aftercare')}>
        {t(PRINT_ACTION_MESSAGES.aftercare)}
      </button>
      {printed && (
        <p className={printed.kind === 'ok' ? 'notice' : 'problem'} role={printed.kind === 'ok' ? 'status' : 'alert'}>
          {printed.kind === 'ok' ? say(printed.words) : refusal(printed.said)}
        </p>
      )}
    </div>
  );
}

/** A CSS string literal of plain text (the page frame is printed by CSS margin boxes). */
const cssString = (text: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is taken out
  `"${text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/["\\]/g, '\\$&')}"`;

/** Puts the sheet's running header and footer where its named @page reads them (custom properties on the root). */
function usePageFrame(page: 'record' | 'aftercare', frame: PageFrame | null) {
  const headerLeft = frame?.headerLeft ?? null;
  const headerRight = frame?.headerRight ?? null;
  const footerLeft = frame?.footerLeft ?? null;
  useEffect(() => {
    if (headerLeft === null) return;
    const values: Record<string, string> = {
      [`--${page}-header-left`]: headerLeft,
      [`--${page}-header-right`]: headerRight ?? '',
      [`--${page}-footer-left`]: footerLeft ?? '',
    };
    const { style } = document.documentElement;
    for (const [name, value] of Object.entries(values)) style.setProperty(name, cssString(value));
    return () => {
      for (const name of Object.keys(values)) style.removeProperty(name);
    };
  }, [page, headerLeft, headerRight, footerLeft]);
}

function DepartmentHeader({ department }: { department: Department }) {
  if (!department.name && !department.address && !department.phone) return null;
  return (
    <header className="sheet-department">
      {department.name && <p className="sheet-department-name">{department.name}</p>}
      <p className="sheet-department-contact">
        {[...department.address.split('\n'), department.phone]
          .map((part) => part.trim())
          .filter(Boolean)
          .join(' · ')}
      </p>
    </header>
  );
}

/** The record as printed for the chart: outside the app's root, so the print shows it alone. */
export function RecordPrint() {
  const record = useProcedureForm((state) => state.record);
  const versions = useProcedureForm((state) => state.versions);
  // Read again when a print starts, so "Printed …" is the time of the print.
  useProcedureForm((state) => state.printing);
  const settings = useSettings((state) => state.settings);
  const followUps = useFollowUps((state) => state.entries);
  const sheet =
    record && settings ? recordSheet(record, { settings, followUps, versions, printedAt: new Date() }) : null;
  usePageFrame('record', sheet?.frame ?? null);
  if (!sheet) return null;
  return createPortal(
    <article className="record-sheet print-sheet" aria-hidden="true" lang={sheet.language}>
      <DepartmentHeader department={sheet.department} />
      <header className="sheet-title">
        <h1>{sheet.title}</h1>
        <p className="sheet-status">{sheet.status}</p>
      </header>
      <dl className="sheet-patient">
        {sheet.patient.map((line) => (
          <div key={line.label}>
            <dt>{line.label}</dt>
            <dd className={line.id ? 'print-id' : undefined}>{line.value}</dd>
          </div>
        ))}
      </dl>
      {sheet.sections.map((section) => (
        <section key={section.title} className="sheet-section">
          <h2>{section.title}</h2>
          <dl>
            {section.lines.map((line) => (
              <div key={line.label}>
                <dt>{line.label}</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <section className="sheet-section sheet-report">
        <h2>{sheet.words.reportTitle}</h2>
        <p className="sheet-report-text">{sheet.report}</p>
      </section>
      <section className="sheet-section">
        <h2>{sheet.words.signaturesTitle}</h2>
        {sheet.signatures.map((signature) => (
          <p key={signature.line}>
            {signature.line}
            {signature.reason && (
              <>
                <br />
                {signature.reason}
              </>
            )}
          </p>
        ))}
      </section>
      <section className="sheet-section">
        <h2>{sheet.words.followUpsTitle}</h2>
        {sheet.followUps.length === 0 ? (
          <p>{sheet.words.noFollowUps}</p>
        ) : (
          <ul>
            {sheet.followUps.map((entry) => (
              <li key={entry.line} className={entry.superseded ? 'superseded' : undefined}>
                {entry.line}
              </li>
            ))}
          </ul>
        )}
      </section>
      <footer className="sheet-footer">
        <p>
          {sheet.words.recordId} <span className="print-id">{sheet.recordId}</span>
        </p>
        <p>{sheet.printed}</p>
      </footer>
    </article>,
    document.body,
  );
}

/** The aftercare sheet, only ever printed: outside the app's root, so the print shows it alone. */
export function AftercarePrint() {
  const record = useProcedureForm((state) => state.record);
  const settings = useSettings((state) => state.settings);
  const sheet = record && settings ? aftercarePrintout(record, { settings, printedAt: new Date() }) : null;
  usePageFrame('aftercare', sheet?.frame ?? null);
  if (!sheet) return null;
  return createPortal(
    <article className="aftercare-sheet print-sheet" aria-hidden="true" lang={sheet.language}>
      <DepartmentHeader department={sheet.department} />
      <h1>{sheet.title}</h1>
      <p className="sheet-for">{sheet.patient}</p>
      {sheet.performed && <p className="sheet-performed">{sheet.performed}</p>}
      {sheet.sections.map((section) => (
        <section key={section.title} className="sheet-section">
          <h2>{section.title}</h2>
          <ul>
            {section.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ))}
      {sheet.callUs && (
        <p className="sheet-call-us">
          <strong>{sheet.callUsTitle}:</strong> {sheet.callUs}
        </p>
      )}
    </article>,
    document.body,
  );
}
