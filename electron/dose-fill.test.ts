import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureFile } from '../db/dose-report/fixtures/fixture-files.js';
import { linkDoseReportByHand, receiveDoseReport } from '../db/dose-report/reports.js';
import { inEnglish, localDateTimeWithOffset } from '../db/model/index.js';
import { saveDraft } from '../db/procedures.js';
import { completeDraft, context, tempStore } from '../db/testing/fixtures.js';
import { doseReportFillFor } from './dose-fill.js';

/*
 * The time a dose report gives the record: the irradiation's by the device's clock. A DICOM
 * date-time without its UTC offset is the device's local time, shown as that time (and said
 * so), never replaced by the time the report was received; a report without one gives none.
 */

function filled(fixture: string) {
  const { store, operatorId } = tempStore();
  try {
    const { reportId } = receiveDoseReport(
      store,
      { bytes: new Uint8Array(readFileSync(fixtureFile(fixture))), form: 'file', receivedFrom: 'test' },
      context,
    );
    const { record } = saveDraft(store, completeDraft(operatorId, { patientId: 'FILL-1' }), context);
    linkDoseReportByHand(store, reportId, record.id, context);
    return doseReportFillFor(store, record.id, context);
  } finally {
    store.close();
  }
}

describe('the dose report’s time in the record', () => {
  it('a device time without UTC offset is the device’s local time, said so; not the time received', () => {
    // xa-single-plane: the fluoroscopy event started at DT 20260312093112, no offset.
    const fill = filled('xa-single-plane.latin1');
    expect(fill?.source.doseReportAt).toBe(localDateTimeWithOffset(new Date(2026, 2, 12, 9, 31, 12)));
    // Kept as words, said in the reader's language by the form (its English for the logs).
    expect(fill?.notes.map((note) => (typeof note === 'string' ? note : inEnglish(note)))).toContain(
      "The scanner wrote the irradiation's time (2026-03-12 09:31) without a time zone: it is taken as this console's local time.",
    );
    expect(fill?.notes).toContainEqual(
      expect.objectContaining({ message: expect.objectContaining({ id: 'main.doseFill.localTime' }) }),
    );
  });

  it('a scanner in another time zone: its Timezone Offset From UTC keeps the instant, without the note', () => {
    // xa-other-time-zone: the same DT 20260312093112 with (0008,0201) -0500, i.e. 14:31:12 UTC.
    const fill = filled('xa-other-time-zone.latin1');
    expect(fill?.source.doseReportAt).toBe('2026-03-12T09:31:12-05:00');
    expect(Date.parse(fill?.source.doseReportAt ?? '')).toBe(Date.UTC(2026, 2, 12, 14, 31, 12));
    expect(
      fill?.notes.some((note) => (typeof note === 'string' ? note : inEnglish(note)).includes('without a time zone')),
    ).toBe(false);
  });

  it('a report that gives no irradiation time gives the record none', () => {
    expect(filled('ct-standard')?.source.doseReportAt).toBeNull();
  });
});
