import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateTimeWithOffset } from '../db/model/index.js';
import { inEnglish } from '../db/model/words.js';
import { saveDraft } from '../db/procedures.js';
import { updateConnectionSettings } from '../db/settings.js';
import { startWlmscpfs, type TestWorklistItem, type WorklistServerPeer } from '../db/testing/dicom-peers.js';
import { completeDraft, context, tempStore } from '../db/testing/fixtures.js';
import { freePort } from '../db/testing/ports.js';
import { TEST_PIN } from '../db/testing/signer.js';
import { localDate } from '../db/worklist/dicom-dates.js';
import { createApi } from './api.js';
import { WorklistService } from './worklist-service.js';

/*
 * Today's worklist in the main process, against dcmtk's wlmscpfs: the rows with the identity a
 * new case takes, patients already logged today marked, the last list kept with its age and
 * the reason when the server goes away, and the connection set up and tested through the API.
 */

const today = localDate(new Date()).replaceAll('-', '');
const item = (patientId: string, time: string, extra: Partial<TestWorklistItem> = {}): TestWorklistItem => ({
  charset: 'ISO_IR 100',
  patientId,
  patientName: 'Müller^Jürg',
  issuerOfPatientId: 'KSB',
  birthDate: '19580312',
  sex: 'M',
  accessionNumber: `A-${patientId}`,
  studyInstanceUid: `1.2.826.0.1.3680043.10.999.${Number(time)}`,
  requestedProcedure: 'CT-gesteuerte PRT L5 rechts',
  procedureCode: { value: 'PRT-L', scheme: '99KSB', meaning: 'Periradikuläre Therapie lumbal' },
  referringPhysician: 'Weiß^Käthe',
  stationAe: 'CT1',
  modality: 'CT',
  date: today,
  time,
  ...extra,
});

let server: WorklistServerPeer;
beforeAll(async () => {
  server = await startWlmscpfs({
    aeTitle: 'RISWL',
    items: [
      item('K-200', '103000'),
      item('K-100', '080000', { charset: 'ISO_IR 192' }),
      item('OTHER', '090000', { stationAe: 'CT9' }),
    ],
  });
});
afterAll(() => server.stop());

const settingsFor = (port: number) => ({
  worklistServer: {
    host: '127.0.0.1',
    port,
    calledAe: 'RISWL',
    callingAe: 'ROOTLOG',
    stationAe: 'CT1',
    modality: 'CT',
    daysAhead: 0,
  },
});

describe('the worklist service', () => {
  it('says in words that no server is set up, and asks nothing', async () => {
    const { store } = tempStore();
    const status = await new WorklistService(store).refresh();
    expect(status).toMatchObject({ configured: false, rows: [], receivedAt: null });
    expect(status.problem && inEnglish(status.problem)).toMatch(/No worklist server is set up: Settings → Worklist/);
    store.close();
  });

  it("lists this station's patients by time, each with the identity a case takes, logged ones marked", async () => {
    const { store, operatorId } = tempStore();
    updateConnectionSettings(store, settingsFor(server.port), context);
    saveDraft(
      store,
      completeDraft(operatorId, { patientId: 'K-200', performedAt: localDateTimeWithOffset() }),
      context,
    );
    const status = await new WorklistService(store).refresh();
    expect(status.problem).toBeNull();
    expect(status.receivedAt).not.toBeNull();
    expect(status.rows.map((row) => [row.patientId, row.name, row.loggedToday])).toEqual([
      ['K-100', 'Müller, Jürg', false],
      ['K-200', 'Müller, Jürg', true],
    ]);
    expect(status.rows[0]?.identity).toEqual({
      patientId: 'K-100',
      issuerOfPatientId: 'KSB',
      patientName: 'Müller, Jürg',
      birthDate: '1958-03-12',
      sex: 'male',
      accessionNumber: 'A-K-100',
      studyInstanceUid: '1.2.826.0.1.3680043.10.999.80000',
      requestedProcedureCode: 'PRT-L',
      requestedProcedureScheme: '99KSB',
      requestedProcedureText: 'CT-gesteuerte PRT L5 rechts',
      referringPhysician: 'Weiß, Käthe',
      identitySource: 'worklist',
    });
    store.close();
  });

  it('keeps the last list with its age when the server goes away, and says why in words', async () => {
    const { store } = tempStore();
    const down = await startWlmscpfs({ aeTitle: 'RISWL', items: [item('K-300', '110000')] });
    updateConnectionSettings(store, settingsFor(down.port), context);
    const service = new WorklistService(store);
    const first = await service.refresh();
    expect(first.rows.map((row) => row.patientId)).toEqual(['K-300']);
    await down.stop();
    const after = await service.refresh();
    expect(after.rows.map((row) => row.patientId)).toEqual(['K-300']);
    expect(after.receivedAt).toBe(first.receivedAt);
    const problem = after.problem && inEnglish(after.problem);
    expect(problem).toMatch(/cannot be reached.*keeps showing what it last received/);
    expect(problem).not.toMatch(/ECONNREFUSED|Error:/);
    store.close();
  });

  it('is set up, tested and read through the API; a wrong AE title is said at the test', async () => {
    const { store, operatorId } = tempStore();
    const api = createApi(store, {
      actor: () => 'Dr. Test',
      onUnexpectedError: (_m, e) => console.error('UNEXPECTED', e),
    });
    // tempStore's operator (the department's administrator) holds a PIN: it opens the console and its settings.
    await api.session.unlock({ operatorId, pin: TEST_PIN });
    await api.session.administer({ operatorId, pin: TEST_PIN });
    expect(
      await api.connections.update({ worklistServer: { ...settingsFor(server.port).worklistServer, port: 0 } }),
    ).toEqual({
      error: expect.objectContaining({
        problems: [
          expect.objectContaining({
            field: 'worklistServer.port',
            message: 'Worklist port must be a port number from 1 to 65535',
          }),
        ],
      }),
    });
    expect(
      await api.connections.update({
        worklistServer: { ...settingsFor(server.port).worklistServer, calledAe: 'NOT-IT' },
      }),
    ).not.toHaveProperty('error');
    expect(await api.worklist.test()).toMatchObject({
      ok: false,
      message: expect.stringMatching(/does not answer to the AE title NOT-IT/),
      words: { message: { id: 'main.worklist.calledAeUnknown' } },
    });
    await api.connections.update(settingsFor(server.port));
    const answered = await api.worklist.test();
    expect(answered).toMatchObject({ ok: true, message: expect.stringMatching(/answered in \d+ ms/) });
    // Kept as words too, said in the reader's language by Settings → Worklist.
    expect('words' in answered && answered.words).toMatchObject({
      message: { id: 'main.worklist.answered' },
      values: { address: `127.0.0.1:${server.port}`, aeTitle: expect.any(String), milliseconds: expect.any(Number) },
    });
    const listed = await api.worklist.refresh();
    expect('rows' in listed && listed.rows.map((row) => row.patientId)).toEqual(['K-100', 'K-200']);
    const port = await freePort();
    await api.connections.update(settingsFor(port));
    // Another server: the old one's list is not shown as this one's.
    const other = await api.worklist.refresh();
    expect(other).toMatchObject({ rows: [], receivedAt: null });
    expect('problem' in other && other.problem && inEnglish(other.problem)).toMatch(/cannot be reached/);
    store.close();
  });
});
