import { JSON_FORMAT, JSON_FORMAT_VERSION } from '../interchange/format.js';
import { readExportedRecord } from '../interchange/record.js';
import { drugCatalogue, getSettings, operatorsOfLogbook } from '../settings.js';
import type { ReadConnection } from '../sqlite/connection.js';
import { SCHEMA_VERSION } from '../sqlite/migrations/index.js';
import { checkpoint, type WriterControl, writeAtomically, writeChunk } from './atomic-file.js';
import type { ExportOptions } from './options.js';
import { pseudonymise, recordIds } from './records.js';
import type { RowContext } from './tabular.js';

/*
 * JSON: lossless and versioned, with every signed version and the audit history of each
 * record: the interchange format (db/interchange), written record by record.
 */

export { JSON_FORMAT, JSON_FORMAT_VERSION };

export async function exportJson(
  read: ReadConnection,
  options: ExportOptions,
  context: RowContext,
  total: number,
  control: WriterControl,
) {
  let count = 0;
  const bytes = await writeAtomically(options.out, control, async (file) => {
    const header = {
      format: JSON_FORMAT,
      formatVersion: JSON_FORMAT_VERSION,
      schemaVersion: SCHEMA_VERSION,
      exportedAt: new Date().toISOString(),
      console: getSettings(read).consoleName,
      pseudonymized: options.pseudonymize,
      filter: {
        from: options.from ?? null,
        to: options.to ?? null,
        operatorIds: options.operatorIds ?? null,
        includeDrafts: options.includeDrafts,
      },
      // Who the records name, never anything of their credentials; a pseudonymised file lists no staff.
      operators: options.pseudonymize ? [] : operatorsOfLogbook(read),
      drugCatalogue: drugCatalogue(read),
    };
    const opening = JSON.stringify(header, null, 1);
    await writeChunk(file.stream, `${opening.slice(0, -2)},\n "procedures": [`);
    for (const id of recordIds(read, options)) {
      const record = readExportedRecord(read, id);
      const shown = context.pseudonymize ? pseudonymise(record, context.key ?? '', context.datePrecision) : record;
      await writeChunk(file.stream, `${count === 0 ? '\n' : ',\n'}  ${JSON.stringify(shown)}`);
      count++;
      if (count % 500 === 0) {
        control.onProgress?.(count, total);
        await checkpoint(control.signal);
      }
    }
    await writeChunk(file.stream, '\n ]\n}\n');
  });
  control.onProgress?.(total, total);
  return { files: [options.out], rows: count, bytes };
}
