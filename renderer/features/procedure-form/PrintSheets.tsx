import { createPortal } from 'react-dom';
import { aftercareSheet, catalogueForRecord, clinicalContent } from '../../../db/model/index.js';
import { NO_ITEMS } from '../../app/no-items.js';
import { useSettings } from '../settings/settings-store.js';
import { useProcedureForm } from './form-store.js';

/**
 * Print and save as PDF: the record for the chart, and the patient's aftercare sheet. Chromium
 * prints the window itself (webContents.printToPDF in Electron); the print stylesheet shows
 * the record, or only the sheet, by `data-print` on the body.
 */
export function PrintActions() {
  const printing = useProcedureForm((state) => state.printing);
  const printed = useProcedureForm((state) => state.printed);
  const print = useProcedureForm((state) => state.printToPdf);
  return (
    <div className="row print-actions">
      <button type="button" className="secondary" disabled={printing} onClick={() => void print('record')}>
        Record as PDF
      </button>
      <button type="button" className="secondary" disabled={printing} onClick={() => void print('aftercare')}>
        Aftercare sheet as PDF
      </button>
      {printed && (
        <p className={printed.kind === 'ok' ? 'notice' : 'problem'} role={printed.kind === 'ok' ? 'status' : 'alert'}>
          {printed.text}
        </p>
      )}
    </div>
  );
}

/** The aftercare sheet, only ever printed: outside the app's root, so the print shows it alone. */
export function AftercarePrint() {
  const record = useProcedureForm((state) => state.record);
  const catalogue = useSettings((state) => state.settings?.drugCatalogue ?? NO_ITEMS);
  if (!record) return null;
  const content = clinicalContent(record);
  const drugs = new Map(catalogueForRecord(content, catalogue).map((drug) => [drug.code, drug]));
  const sheet = aftercareSheet(content, (code) => drugs.get(code));
  return createPortal(
    <article className="aftercare-sheet" aria-hidden="true">
      <h1>{sheet.title}</h1>
      <p>
        {record.patientName ?? ''} {record.patientId ? `(${record.patientId})` : ''} — {sheet.date}
      </p>
      <SheetSection title="What you were given" lines={sheet.injected} />
      <SheetSection title="What to expect" lines={sheet.expect} />
      <SheetSection title="Today" lines={sheet.todo} />
      <SheetSection title="When to call" lines={sheet.call} />
    </article>,
    document.body,
  );
}

/** One heading of the aftercare sheet and its lines. */
function SheetSection({ title, lines }: { title: string; lines: readonly string[] }) {
  return (
    <>
      <h2>{title}</h2>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}
