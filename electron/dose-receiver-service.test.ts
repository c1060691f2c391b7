import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureFile } from '../db/dose-report/fixtures/fixture-files.js';
import { inEnglish } from '../db/model/words.js';
import { saveDraft } from '../db/procedures.js';
import { updateConnectionSettings } from '../db/settings.js';
import type { Store } from '../db/store.js';
import { echoscu, startOrthanc, storescu, type TestPacs } from '../db/testing/dose-peers.js';
import { completeDraft, context, tempStore } from '../db/testing/fixtures.js';
import { freePort } from '../db/testing/ports.js';
import { TEST_PIN } from '../db/testing/signer.js';
import { createApi } from './api.js';
import { DoseReceiverService } from './dose-receiver-service.js';

/*
 * The dose report receiver in the main process, against dcmtk's echoscu and storescu: started
 * from the stored settings, moved when they change, stopped when they are removed; a taken port
 * said in words; a report that matches no procedure waits in the inbox until a person attaches it.
 */

let store: Store;
let operatorId: string;
let service: DoseReceiverService;

beforeEach(() => {
  ({ store, operatorId } = tempStore());
  // Listening where Settings say: 127.0.0.1 here (the tests never listen on another address).
  service = new DoseReceiverService(store);
});
afterEach(async () => {
  await service.stop();
  store.close();
});

const turnOn = (port: number, senders = ['CT_SUED1'], listenAddress = '127.0.0.1') =>
  updateConnectionSettings(store, { doseReceiver: { port, acceptedCallingAeTitles: senders, listenAddress } }, context);

describe('the dose report receiver in the main process', () => {
  it('is off until Settings names who may send; then answers C-ECHO on its port; moves and stops with the settings', async () => {
    expect(await service.apply()).toMatchObject({ state: 'off' });
    const first = await freePort();
    turnOn(first);
    const listening = await service.apply();
    expect(listening.state).toBe('listening');
    expect(inEnglish(listening.message)).toBe(
      `Receiving dose reports at 127.0.0.1, port ${first}, as ROOTLOG, from CT_SUED1.`,
    );
    expect((await echoscu({ port: first, calledAeTitle: 'ROOTLOG', callingAeTitle: 'CT_SUED1' })).code).toBe(0);
    // An AE title not named is refused.
    expect((await echoscu({ port: first, calledAeTitle: 'ROOTLOG', callingAeTitle: 'STRANGER' })).code).not.toBe(0);

    const second = await freePort();
    turnOn(second);
    expect(await service.apply()).toMatchObject({ state: 'listening' });
    expect((await echoscu({ port: first, calledAeTitle: 'ROOTLOG', callingAeTitle: 'CT_SUED1' })).code).not.toBe(0);
    expect((await echoscu({ port: second, calledAeTitle: 'ROOTLOG', callingAeTitle: 'CT_SUED1' })).code).toBe(0);

    updateConnectionSettings(store, { doseReceiver: null }, context);
    expect(await service.apply()).toMatchObject({ state: 'off' });
    expect((await echoscu({ port: second, calledAeTitle: 'ROOTLOG', callingAeTitle: 'CT_SUED1' })).code).not.toBe(0);
  });

  it('listens on the address Settings give, and says so in words when it is not one of this computer’s', async () => {
    const port = await freePort();
    // 192.0.2.1 (TEST-NET-1, RFC 5737) is no computer's own address.
    turnOn(port, ['CT_SUED1'], '192.0.2.1');
    const failed = await service.apply();
    expect(failed.state).toBe('failed');
    expect(inEnglish(failed.message)).toBe(
      "The address 192.0.2.1 is not one of this computer's: dose reports cannot be received. In Settings → Dose reports, give one of its addresses, or 0.0.0.0 for every one.",
    );
    turnOn(port);
    const listening = await service.apply();
    expect(listening.state).toBe('listening');
    expect(inEnglish(listening.message)).toContain('at 127.0.0.1,');
    expect((await echoscu({ port, calledAeTitle: 'ROOTLOG', callingAeTitle: 'CT_SUED1' })).code).toBe(0);
    expect(() =>
      updateConnectionSettings(
        store,
        { doseReceiver: { acceptedCallingAeTitles: 'CT_SUED1', listenAddress: 'ct1.local' } },
        context,
      ),
    ).toThrow(/Address to listen on must be an IP address of this console/);
  });

  it('says so in words when the port is taken, and listens once it is saved again with a free one', async () => {
    const taken = await freePort();
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(taken, '127.0.0.1', resolve));
    try {
      turnOn(taken);
      const refused = await service.apply();
      expect(refused.state).toBe('port-taken');
      expect(inEnglish(refused.message)).toContain(`Port ${taken} is already in use by another program`);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
    turnOn(await freePort());
    expect(await service.apply()).toMatchObject({ state: 'listening' });
  });

  it('keeps a report that matches no procedure in the inbox; attached by hand, it leaves the inbox', async () => {
    const port = await freePort();
    turnOn(port);
    await service.apply();
    const sent = await storescu(
      { port, calledAeTitle: 'ROOTLOG', callingAeTitle: 'CT_SUED1' },
      fixtureFile('ct-standard'),
    );
    expect(sent.code, sent.stderr).toBe(0);
    const inbox = service.inbox();
    expect(inbox).toMatchObject({ count: 1, words: '1 dose report without a procedure' });
    expect(inbox.reports[0]).toMatchObject({ patientId: 'K-100301', device: 'SIEMENS SOMATOM go.Up (CTSUED1)' });

    const { record } = saveDraft(store, completeDraft(operatorId, { patientId: 'K-100301' }), context);
    const after = service.attach(inbox.reports[0]?.id ?? '', record.id, context);
    expect(after).toMatchObject({ count: 0, words: 'No dose reports without a procedure' });
  });
});

/*
 * "Fetch dose report from the PACS" through the API, with Orthanc as the department's PACS
 * (holding a study's CT image and its dose report) moving the report to this receiver.
 */
describe('fetching the open record’s dose report from the PACS', () => {
  const STUDY = '2.25.310000000000000000000000000000000001';
  let pacs: TestPacs;
  let receiverPort: number;

  beforeAll(async () => {
    receiverPort = await freePort();
    pacs = await startOrthanc({ modalities: { rootlog: { aeTitle: 'ROOTLOG', port: receiverPort } } });
    const into = { port: pacs.dicomPort, calledAeTitle: pacs.aeTitle, callingAeTitle: 'CT_SUED1' };
    for (const fixture of ['ct-standard', 'ct-image']) {
      const sent = await storescu(into, fixtureFile(fixture));
      expect(sent.code, `${sent.stderr}\n${pacs.log()}`).toBe(0);
    }
    // The standard report of another study (accession ACC-1002) whose patient ID is empty.
    const noPatientId = join(mkdtempSync(join(tmpdir(), 'rootlog-pacs-')), 'no-patient-id.dcm');
    copyFileSync(fixtureFile('ct-standard'), noPatientId);
    execFileSync('dcmodify', [
      '-nb',
      '-m',
      '(0010,0020)=',
      '-m',
      '(0008,0018)=2.25.310000000000000000000000000000000102',
      '-m',
      '(0020,000d)=2.25.310000000000000000000000000000000002',
      '-m',
      '(0020,000e)=2.25.310000000000000000000000000000000012',
      '-m',
      '(0008,0050)=ACC-1002',
      noPatientId,
    ]);
    const sent = await storescu(into, noPatientId);
    expect(sent.code, `${sent.stderr}\n${pacs.log()}`).toBe(0);
  });
  afterAll(async () => {
    await pacs?.stop();
  });

  const setUp = (pacsPort = pacs.dicomPort) =>
    updateConnectionSettings(
      store,
      {
        doseReceiver: {
          port: receiverPort,
          acceptedCallingAeTitles: ['CT_SUED1', pacs.aeTitle],
          listenAddress: '127.0.0.1',
        },
        pacsServer: { host: '127.0.0.1', port: pacsPort, aeTitle: pacs.aeTitle },
      },
      context,
    );
  async function openApi() {
    const api = createApi(store, { actor: () => 'pacs-test', doseReceiver: service });
    await api.session.unlock({ operatorId, pin: TEST_PIN });
    return api;
  }
  const draft = (fields: Parameters<typeof completeDraft>[1]) =>
    saveDraft(store, completeDraft(operatorId, { dlpMGyCm: undefined, ctdiVolMGy: undefined, ...fields }), context)
      .record.id;
  const refusal = (answer: unknown) => (answer as { error?: { message: string } }).error?.message;

  it('brings the dose report of the record’s study from the PACS, and the dose to fill', async () => {
    setUp();
    await service.apply();
    const api = await openApi();
    const id = draft({ patientId: 'K-100301', studyInstanceUid: STUDY });
    const answer = await api.dose.fetchFromPacs(id);
    expect(refusal(answer)).toBeUndefined();
    expect(answer).toMatchObject({ fetched: 1, report: { fill: { dlpMGyCm: 46.59, ctdiVolMGy: 4.35 } } });
    expect(service.inbox().count).toBe(0);
  });

  it('attaches a report its accession number links to no single record to the record that asked', async () => {
    setUp();
    await service.apply();
    const api = await openApi();
    // Two records share the accession number: the keys alone would leave the report waiting.
    draft({ patientId: 'K-100301', accessionNumber: 'ACC-1001' });
    const id = draft({ patientId: 'k-100301 ', accessionNumber: 'ACC-1001' });
    const answer = await api.dose.fetchFromPacs(id);
    expect(refusal(answer)).toBeUndefined();
    expect(answer).toMatchObject({ fetched: 1, report: { fill: { dlpMGyCm: 46.59 } } });
    expect(service.inbox().count).toBe(0);
  });

  it('leaves a fetched report of another patient waiting, and says why', async () => {
    setUp();
    await service.apply();
    const api = await openApi();
    draft({ patientId: 'K-100301', accessionNumber: 'ACC-1001' });
    const id = draft({ patientId: 'K-100399', accessionNumber: 'ACC-1001' });
    expect(refusal(await api.dose.fetchFromPacs(id))).toBe(
      "The PACS TESTPACS sent a dose report of this study (accession number ACC-1001), but it is of patient K-100301, not this record's K-100399: it waits among the dose reports without a procedure. Check the record's patient and accession number, or attach the report by hand if it is this patient's.",
    );
    expect(service.inbox()).toMatchObject({
      count: 1,
      reports: [{ patientId: 'K-100301' }],
    });
    const waiting = service.inbox().reports[0];
    expect(waiting && inEnglish(waiting.why)).toBe('2 records match its accession number: choose one.');
  });

  it('leaves a fetched report without a patient ID waiting, and says why', async () => {
    setUp();
    await service.apply();
    const api = await openApi();
    draft({ patientId: 'K-100301', accessionNumber: 'ACC-1002' });
    const id = draft({ patientId: 'K-100301', accessionNumber: 'ACC-1002' });
    expect(refusal(await api.dose.fetchFromPacs(id))).toBe(
      "The PACS TESTPACS sent a dose report of this study (accession number ACC-1002), but the report carries no patient ID: it waits among the dose reports without a procedure. Check the record's patient and accession number, or attach the report by hand if it is this patient's.",
    );
    expect(service.inbox()).toMatchObject({ count: 1, reports: [{ accessionNumber: 'ACC-1002' }] });
  });

  it('leaves a fetched report waiting when the record asking has no patient ID yet', async () => {
    setUp();
    await service.apply();
    const api = await openApi();
    draft({ patientId: 'K-100301', accessionNumber: 'ACC-1001' });
    const id = draft({ patientId: undefined, accessionNumber: 'ACC-1001' });
    expect(refusal(await api.dose.fetchFromPacs(id))).toBe(
      "The PACS TESTPACS sent a dose report of this study (accession number ACC-1001), but this record has no patient ID yet: it waits among the dose reports without a procedure. Check the record's patient and accession number, or attach the report by hand if it is this patient's.",
    );
    expect(service.inbox()).toMatchObject({ count: 1, reports: [{ patientId: 'K-100301' }] });
  });

  it('says in words when the PACS has no dose report for the study', async () => {
    setUp();
    await service.apply();
    const api = await openApi();
    const id = draft({ patientId: 'K-100302', accessionNumber: 'ACC-NONE' });
    expect(refusal(await api.dose.fetchFromPacs(id))).toMatch(
      /^The PACS TESTPACS has no dose report for this study \(accession number ACC-NONE\): .*enter the dose by hand\.$/,
    );
  });

  it('says in words when the PACS cannot be reached', async () => {
    setUp(await freePort());
    await service.apply();
    const api = await openApi();
    const id = draft({ patientId: 'K-100301', studyInstanceUid: STUDY });
    expect(refusal(await api.dose.fetchFromPacs(id))).toMatch(
      /^The PACS TESTPACS at 127\.0\.0\.1:\d+ could not be reached .*enter the dose by hand or try again\.$/,
    );
  });

  it('says what to set up first: a PACS, the receiver on, the PACS among the senders', async () => {
    const api = await openApi();
    const id = draft({ patientId: 'K-100301', studyInstanceUid: STUDY });
    expect(refusal(await api.dose.fetchFromPacs(id))).toMatch(/^No PACS is set up \(Settings → PACS\)/);
    updateConnectionSettings(
      store,
      { pacsServer: { host: '127.0.0.1', port: pacs.dicomPort, aeTitle: 'TESTPACS' } },
      context,
    );
    expect(refusal(await api.dose.fetchFromPacs(id))).toMatch(
      /receiver, which is not receiving: turn it on in Settings → Dose reports/,
    );
    updateConnectionSettings(
      store,
      { doseReceiver: { port: receiverPort, acceptedCallingAeTitles: ['CT_SUED1'], listenAddress: '127.0.0.1' } },
      context,
    );
    await service.apply();
    expect(refusal(await api.dose.fetchFromPacs(id))).toMatch(
      /AE title TESTPACS is not among the AE titles allowed to send/,
    );
  });
});
