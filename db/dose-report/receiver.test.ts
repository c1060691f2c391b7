import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { inEnglish } from '../model/words.js';
import { saveDraft } from '../procedures.js';
import type { Store } from '../store.js';
import { echoscu, freePort, type Sender, storescu } from '../testing/dose-peers.js';
import { completeDraft, context, tempStore } from '../testing/fixtures.js';
import { fixtureFile } from './fixtures/fixture-files.js';
import { keepIncomingDoseReports } from './incoming.js';
import {
  type DoseReceiverSettings,
  type DoseReportReceiver,
  type IncomingDataset,
  type IncomingVerdict,
  startDoseReportReceiver,
} from './receiver.js';
import { doseFromReportFor, doseReportEvidence } from './reports.js';

/* A scanner (dcmtk storescu, echoscu) sends to RootLog's receiver on 127.0.0.1. */

const EXPLICIT_LITTLE = '1.2.840.10008.1.2.1';
const IMPLICIT_LITTLE = '1.2.840.10008.1.2';

let receiver: DoseReportReceiver | undefined;
let store: Store | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  store?.close();
  store = undefined;
});

async function settings(overrides: Partial<DoseReceiverSettings> = {}): Promise<DoseReceiverSettings> {
  return {
    enabled: true,
    port: await freePort(),
    aeTitle: 'ROOTLOG',
    acceptedCallingAeTitles: ['CT_SUED1'],
    host: '127.0.0.1',
    ...overrides,
  };
}
const scanner = (at: DoseReceiverSettings): Sender => ({
  port: at.port,
  calledAeTitle: 'ROOTLOG',
  callingAeTitle: 'CT_SUED1',
});

/** The data set of a Part 10 file: what follows its file meta group (whose length its first element gives). */
function datasetOf(file: Buffer): Buffer {
  expect(file.toString('latin1', 128, 132)).toBe('DICM');
  return file.subarray(132 + 12 + file.readUInt32LE(140));
}

/** A receiver that keeps what arrives in a list (and says it was stored). */
async function collecting(overrides: Partial<DoseReceiverSettings> = {}) {
  const at = await settings(overrides);
  const arrived: IncomingDataset[] = [];
  receiver = await startDoseReportReceiver(at, (incoming): IncomingVerdict => {
    arrived.push(incoming);
    return { status: 'stored' };
  });
  expect(receiver.state).toEqual({ state: 'listening', port: at.port, aeTitle: 'ROOTLOG' });
  return { at, arrived };
}

describe('the dose report receiver (C-STORE SCP)', () => {
  it('is off unless turned on', async () => {
    receiver = await startDoseReportReceiver(await settings({ enabled: false }), () => ({ status: 'stored' }));
    expect(receiver.state).toEqual({ state: 'off' });
  });

  it('refuses settings that break a rule, naming the field', async () => {
    await expect(
      startDoseReportReceiver(await settings({ aeTitle: 'RÖNTGEN\\LOG', acceptedCallingAeTitles: [] }), () => ({
        status: 'stored',
      })),
    ).rejects.toMatchObject({
      code: 'validation',
      problems: [
        {
          field: 'aeTitle',
          message: `RootLog's AE title must be plain letters, digits and punctuation without "\\" (a DICOM AE title).`,
        },
        {
          field: 'acceptedCallingAeTitles',
          message:
            'AE titles allowed to send must name the scanners (and the PACS) that may send, before the receiver is turned on.',
        },
      ],
    });
  });

  it('answers C-ECHO', async () => {
    const { at } = await collecting();
    const echo = await echoscu(scanner(at));
    expect(echo.code, echo.stderr).toBe(0);
    expect(echo.stderr).toMatch(/Received Echo Response \(Success\)/);
  });

  it('keeps the data set byte for byte as storescu sent it', async () => {
    const { at, arrived } = await collecting();
    const file = fixtureFile('ct-standard');
    const sent = await storescu(scanner(at), file);
    expect(sent.code, sent.stderr).toBe(0);
    expect(arrived).toHaveLength(1);
    const [incoming] = arrived;
    expect(incoming).toMatchObject({
      transferSyntaxUid: EXPLICIT_LITTLE,
      sopClassUid: '1.2.840.10008.5.1.4.1.1.88.67',
      sopInstanceUid: '2.25.310000000000000000000000000000000101',
      callingAeTitle: 'CT_SUED1',
      remoteAddress: '127.0.0.1',
    });
    expect(Buffer.from(incoming?.dataset ?? []).equals(datasetOf(readFileSync(file)))).toBe(true);
  });

  it('keeps what crossed the network when the sender chose another transfer syntax', async () => {
    const { at, arrived } = await collecting();
    const sent = await storescu(scanner(at), fixtureFile('ct-standard'), ['-xi']);
    expect(sent.code, sent.stderr).toBe(0);
    expect(arrived[0]?.transferSyntaxUid).toBe(IMPLICIT_LITTLE);
    // Implicit VR: the same elements without their VR; not the file's bytes, and kept as such.
    expect(Buffer.from(arrived[0]?.dataset ?? []).equals(datasetOf(readFileSync(fixtureFile('ct-standard'))))).toBe(
      false,
    );
  });

  it('refuses other SOP classes at association: nothing arrives', async () => {
    const { at, arrived } = await collecting();
    const sent = await storescu(scanner(at), fixtureFile('ct-image'));
    expect(sent.code).not.toBe(0);
    expect(sent.stderr).toMatch(/No presentation context|Abstract Syntax Not Supported/i);
    expect(arrived).toEqual([]);
  });

  it('refuses a calling AE title it does not know, and a called AE title that is not its own', async () => {
    const { at, arrived } = await collecting();
    const stranger = await storescu({ ...scanner(at), callingAeTitle: 'LAPTOP' }, fixtureFile('ct-standard'));
    expect(stranger.code).not.toBe(0);
    expect(stranger.stderr).toMatch(/Association Rejected/);
    expect(stranger.stderr).toMatch(/Calling AE Title Not Recognized/i);
    const wrongCalled = await storescu({ ...scanner(at), calledAeTitle: 'PACS' }, fixtureFile('ct-standard'));
    expect(wrongCalled.stderr).toMatch(/Called AE Title Not Recognized/i);
    expect(arrived).toEqual([]);
  });

  it('says so when its port is taken', async () => {
    const port = await freePort();
    const squatter = createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => squatter.once('listening', resolve));
    try {
      receiver = await startDoseReportReceiver(await settings({ port }), () => ({ status: 'stored' }));
      expect(receiver.state).toMatchObject({ state: 'port-taken', port });
      expect('message' in receiver.state && inEnglish(receiver.state.message)).toBe(
        `Port ${port} is already in use by another program: dose reports cannot be received. Choose another port in Settings → Dose reports (and on the scanner).`,
      );
    } finally {
      squatter.close();
    }
  });
});

describe('storescu → RootLog → the record', () => {
  it('keeps the report in the logbook byte for byte, once, and gives the open record its dose', async () => {
    let operatorId: string;
    ({ store, operatorId } = tempStore());
    const keep = store;
    const record = saveDraft(
      keep,
      completeDraft(operatorId, { accessionNumber: 'ACC-1001', patientId: 'K-100301', dlpMGyCm: undefined }),
      context,
    ).record;
    const at = await settings();
    receiver = await startDoseReportReceiver(at, keepIncomingDoseReports(keep, context));

    const first = await storescu(scanner(at), fixtureFile('ct-standard-partial'));
    expect(first.code, first.stderr).toBe(0);
    expect(doseFromReportFor(keep, record.id, context)?.fill.dlpMGyCm).toBe(43.35);

    // The fuller report replaces the earlier one; the same report again is kept once.
    for (let time = 0; time < 2; time += 1) {
      const sent = await storescu(scanner(at), fixtureFile('ct-standard'));
      expect(sent.code, sent.stderr).toBe(0);
    }
    const dose = doseFromReportFor(keep, record.id, context);
    expect(dose?.fill).toMatchObject({ dlpMGyCm: 46.59, ctdiVolMGy: 4.35 });
    expect(dose?.reports).toHaveLength(1);
    expect(keep.reader.prepare('SELECT count(*) FROM dose_reports').pluck().get()).toBe(2);

    const evidence = doseReportEvidence(keep, dose?.reports[0]?.reportId ?? '');
    expect(evidence).toMatchObject({ bytesForm: 'dataset', transferSyntaxUid: EXPLICIT_LITTLE });
    expect(Buffer.from(evidence.bytes).equals(datasetOf(readFileSync(fixtureFile('ct-standard'))))).toBe(true);
  });

  it('answers a data set that is not a dose report with status C000 and keeps nothing', async () => {
    let operatorId: string;
    ({ store, operatorId } = tempStore());
    void operatorId;
    const at = await settings();
    receiver = await startDoseReportReceiver(at, keepIncomingDoseReports(store, context));
    const sent = await storescu(scanner(at), fixtureFile('enhanced-sr-not-dose'));
    expect(sent.stderr).toMatch(/Received Store Response \(Error: CannotUnderstand\)/);
    expect(store.reader.prepare('SELECT count(*) FROM dose_reports').pluck().get()).toBe(0);
  });
});
