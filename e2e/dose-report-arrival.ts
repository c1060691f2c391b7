import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureFile } from '../db/dose-report/fixtures/fixture-files.js';
import { keepIncomingDoseReports } from '../db/dose-report/incoming.js';
import { startDoseReportReceiver } from '../db/dose-report/receiver.js';
import { openStore } from '../db/store.js';
import { storescu } from '../db/testing/dose-peers.js';
import { freePort } from '../db/testing/ports.js';
import { localDate } from '../db/worklist/dicom-dates.js';
import { E2E_STATION } from './fixtures.js';
import type { todaysWorklist } from './worklist-items.js';

/*
 * A scanner sending its dose report: dcmtk's storescu to the dose report receiver (db/dose-report,
 * the C-STORE SCP) keeping it in the logbook file the app has open. The app is not told: it
 * finds the report by the record's Study Instance UID, as it would one that came in the background.
 */

/** The patient and study of the CT dose report fixture "ct-standard" (DLP 46.59 mGy·cm, CTDIvol 4.35 mGy). */
export const CT_STANDARD_STUDY = {
  patientId: 'K-100301',
  accessionNumber: 'ACC-1001',
  studyInstanceUid: '2.25.310000000000000000000000000000000001',
  dlpMGyCm: 46.59,
  ctdiVolMGy: 4.35,
};

/** Today's worklist with the fixture's patient and study first. */
export function worklistWithDoseStudy(items: ReturnType<typeof todaysWorklist>) {
  return [
    {
      charset: 'ISO_IR 100' as const,
      patientId: CT_STANDARD_STUDY.patientId,
      patientName: 'Muster^Erika',
      birthDate: '19580312',
      sex: 'F',
      accessionNumber: CT_STANDARD_STUDY.accessionNumber,
      studyInstanceUid: CT_STANDARD_STUDY.studyInstanceUid,
      requestedProcedure: 'CT-gesteuerte PRT L5 rechts',
      stationAe: E2E_STATION.stationAe,
      modality: E2E_STATION.modality,
      date: localDate(new Date()).replaceAll('-', ''),
      time: '070000',
    },
    ...items.filter((item) => item.patientId !== CT_STANDARD_STUDY.patientId),
  ];
}

/**
 * A fixture's DICOM file changed as another scanner would write it (`change` edits its dcmtk
 * dump text), made with dcmtk's dump2dcm as the fixtures are.
 */
export function fixtureChanged(fixture: string, change: (dump: string) => string): string {
  const dump = readFileSync(
    join(import.meta.dirname, '..', 'db', 'dose-report', 'fixtures', `${fixture}.dump`),
    'utf8',
  );
  const folder = mkdtempSync(join(tmpdir(), 'rootlog-rdsr-changed-'));
  writeFileSync(join(folder, 'report.dump'), change(dump));
  execFileSync('dump2dcm', ['+te', join(folder, 'report.dump'), join(folder, 'report.dcm')], { stdio: 'pipe' });
  return join(folder, 'report.dcm');
}

/** The scanner sends the fixture (or a file made from one) to a receiver on the logbook; resolves once it was stored. */
export async function scannerSends(
  dbPath: string,
  fixture = 'ct-standard',
  file = fixtureFile(fixture),
): Promise<void> {
  const store = openStore(dbPath);
  const port = await freePort();
  const receiver = await startDoseReportReceiver(
    { enabled: true, port, aeTitle: 'ROOTLOG', acceptedCallingAeTitles: ['CT_SUED1'], host: '127.0.0.1' },
    keepIncomingDoseReports(store, { actor: 'dose report receiver' }),
  );
  try {
    const sent = await storescu({ port, calledAeTitle: 'ROOTLOG', callingAeTitle: 'CT_SUED1' }, file);
    if (sent.code !== 0) throw new Error(`storescu failed: ${sent.stderr}`);
  } finally {
    await receiver.close();
    store.close();
  }
}
