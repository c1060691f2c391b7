import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveDraft } from '../procedures.js';
import type { Store } from '../store.js';
import { freePort, startOrthanc, storescu, type TestPacs } from '../testing/dose-peers.js';
import { completeDraft, context, tempStore } from '../testing/fixtures.js';
import { fixtureFile } from './fixtures/fixture-files.js';
import { keepIncomingDoseReports } from './incoming.js';
import { fetchDoseReportsFromPacs, findDoseReports } from './pacs-fetch.js';
import { type DoseReportReceiver, startDoseReportReceiver } from './receiver.js';
import { doseFromReportFor, doseReportInbox } from './reports.js';

/*
 * Orthanc as the department's PACS, holding a study's CT image and its dose report (sent to it
 * with storescu); RootLog finds the report by C-FIND and has it moved to its own receiver.
 */

const ROOTLOG = 'ROOTLOG';
let pacs: TestPacs;
let receiver: DoseReportReceiver;
let store: Store;
let operatorId: string;

beforeAll(async () => {
  ({ store, operatorId } = tempStore());
  const port = await freePort();
  receiver = await startDoseReportReceiver(
    { enabled: true, port, aeTitle: ROOTLOG, acceptedCallingAeTitles: ['TESTPACS'], host: '127.0.0.1' },
    keepIncomingDoseReports(store, context),
  );
  pacs = await startOrthanc({ modalities: { rootlog: { aeTitle: ROOTLOG, port } } });
  const into = { port: pacs.dicomPort, calledAeTitle: pacs.aeTitle, callingAeTitle: 'CT_SUED1' };
  for (const fixture of ['ct-standard', 'ct-image', 'xa-single-plane.latin1']) {
    const sent = await storescu(into, fixtureFile(fixture));
    expect(sent.code, `${sent.stderr}\n${pacs.log()}`).toBe(0);
  }
});

afterAll(async () => {
  await receiver?.close();
  await pacs?.stop();
  store?.close();
});

const from = (key: { studyInstanceUid?: string; accessionNumber?: string }) => ({
  pacs: { host: '127.0.0.1', port: pacs.dicomPort, aeTitle: pacs.aeTitle },
  rootlogAeTitle: ROOTLOG,
  ...key,
});

describe('fetching the dose report from the PACS', () => {
  it('finds only the study’s dose report, not its images', async () => {
    expect(await findDoseReports(from({ studyInstanceUid: '2.25.310000000000000000000000000000000001' }))).toEqual([
      {
        studyInstanceUid: '2.25.310000000000000000000000000000000001',
        seriesInstanceUid: '2.25.310000000000000000000000000000000011',
        sopInstanceUid: '2.25.310000000000000000000000000000000101',
      },
    ]);
  });

  it('brings it to the open record by Study Instance UID', async () => {
    const record = saveDraft(
      store,
      completeDraft(operatorId, { accessionNumber: 'ACC-1001', patientId: 'K-100301', dlpMGyCm: undefined }),
      context,
    ).record;
    const fetched = await fetchDoseReportsFromPacs(
      from({ studyInstanceUid: '2.25.310000000000000000000000000000000001' }),
    );
    expect(fetched).toMatchObject({ moved: 1, failed: 0 });
    const dose = doseFromReportFor(store, record.id, context);
    expect(dose?.fill).toMatchObject({ dlpMGyCm: 46.59, ctdiVolMGy: 4.35 });
    expect(dose?.reports[0]).toMatchObject({ sopInstanceUid: '2.25.310000000000000000000000000000000101' });
  });

  it('finds it by accession number when the record has no Study Instance UID', async () => {
    const fetched = await fetchDoseReportsFromPacs(from({ accessionNumber: 'ACC-8001' }));
    expect(fetched).toMatchObject({
      found: [expect.objectContaining({ sopInstanceUid: '2.25.410000000000000000000000000000000101' })],
      moved: 1,
    });
    expect(doseReportInbox(store).reports.map((report) => report.accessionNumber)).toEqual(['ACC-8001']);
  });

  it('says in words when the PACS cannot be reached', async () => {
    const closed = await freePort();
    await expect(
      fetchDoseReportsFromPacs({
        ...from({ studyInstanceUid: '1.2.3' }),
        pacs: { host: '127.0.0.1', port: closed, aeTitle: 'PACS' },
      }),
    ).rejects.toThrow(/The PACS PACS at 127\.0\.0\.1:\d+ could not be reached .*enter the dose by hand or try again/);
  });
});
