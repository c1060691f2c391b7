import { checkOutputPath, writingTo } from '../files/output-guard.js';
import { translator } from '../i18n/translator.js';
import { type Language, problemsFromZod, RootLogError, type Speaking } from '../model/index.js';
import { getSettings, pseudonymKey } from '../settings.js';
import type { Store } from '../store.js';
import { writingFiles } from './atomic-file.js';
import { csvFiles, exportCsv } from './csv.js';
import { exportFhir } from './fhir.js';
import { exportJson } from './json.js';
import { type ExportControl, type ExportOptions, type ExportResult, exportOptionsSchema } from './options.js';
import { countRecords } from './records.js';
import { exportXlsx } from './xlsx.js';

const WRITERS = { csv: exportCsv, xlsx: exportXlsx, json: exportJson, fhir: exportFhir } as const;

/**
 * Runs one export: options checked first, then the file(s) written under temporary names
 * and renamed when complete. It reads in a snapshot on its own read-only connection: the
 * file is the logbook as of the export's start, and saves made meanwhile go on unhindered.
 */
export async function runExport(store: Store, request: unknown, control: ExportControl = {}): Promise<ExportResult> {
  const parsed = exportOptionsSchema.safeParse(request);
  if (!parsed.success) throw RootLogError.invalid(problemsFromZod(parsed.error));
  return runCheckedExport(store, parsed.data, control);
}

/** runExport for options already parsed at the boundary (the API contract, with the file the main process chose). */
export function runCheckedExport(
  store: Store,
  options: ExportOptions,
  control: ExportControl = {},
): Promise<ExportResult> {
  return writingTo(exportFiles(options), outputRules(store, options), () => exportSnapshot(store, options, control));
}

/** Every file the export will write. */
export const exportFiles = (options: ExportOptions): string[] =>
  options.format === 'csv' ? csvFiles(options) : [options.out];

const outputRules = (store: Store, options: ExportOptions) => ({
  database: store.path,
  force: options.force,
  field: 'out',
});

/** Refuses at once (with the field) an export whose files may not be written: the logbook, a file in use, an existing file without force. */
export function checkExportFiles(store: Store, options: ExportOptions): void {
  for (const file of exportFiles(options)) checkOutputPath(file, outputRules(store, options));
}

/** The export's language: the one asked for, else the department's, with its corrected wordings. */
function exportSpeaking(read: Parameters<typeof getSettings>[0], asked: Language | undefined): Speaking {
  const settings = getSettings(read);
  const language = asked ?? settings.language;
  return { t: translator(language, settings.wordings), language };
}

function exportSnapshot(store: Store, options: ExportOptions, control: ExportControl): Promise<ExportResult> {
  return store.snapshot(async (read) => {
    const total = countRecords(read, options);
    control.onProgress?.(0, total);
    const context = {
      key: options.pseudonymize ? pseudonymKey(read) : null,
      pseudonymize: options.pseudonymize,
      datePrecision: options.datePrecision,
      speaking: exportSpeaking(read, options.language),
    };
    const { files, rows, bytes } = await writingFiles(control, (writer) =>
      WRITERS[options.format](read, options, context, total, writer),
    );
    return { format: options.format, files, procedures: total, rows, bytes, pseudonymized: options.pseudonymize };
  });
}
