import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DeclaredCharset,
  startOrthancWorklist,
  startWlmscpfs,
  type TestWorklistItem,
  type WorklistServerPeer,
} from '../testing/dicom-peers.js';
import { freePort } from '../testing/ports.js';
import { echoWorklist, findWorklist, type WorklistPeer } from './client.js';
import type { WorklistEntry } from './worklist-entry.js';
import { UNSUPPORTED_KEYS_WARNING, WorklistError } from './worklist-errors.js';
import type { WorklistQuery } from './worklist-query.js';

/*
 * The worklist client against real servers: dcmtk's wlmscpfs and Orthanc's worklist plugin,
 * started on free ports with entries written by dump2dcm. Umlauts in Latin-1, in UTF-8 and
 * with no declared character set; twenty queries in a row; every way a server says no.
 */

const CONSOLE_AE = 'ROOTLOG';
const DAY = '2026-03-12';
const query: WorklistQuery = { stationAe: 'CT1', modality: 'CT', from: DAY, to: DAY };

const patient = (charset: DeclaredCharset, patientId: string, time: string): TestWorklistItem => ({
  charset,
  patientId,
  patientName: 'Müller^Jürg',
  issuerOfPatientId: 'KSB',
  birthDate: '19580312',
  sex: 'M',
  accessionNumber: `ACC-${patientId}`,
  studyInstanceUid: `1.2.826.0.1.3680043.10.999.${Number(time) + 1}`,
  requestedProcedure: 'CT-gesteuerte PRT L5 links',
  procedureCode: { value: 'PRT-L', scheme: 'L', meaning: 'Periradikuläre Therapie lumbal' },
  referringPhysician: 'Weiß^Käthe^^Dr. med.',
  stationAe: 'CT1',
  modality: 'CT',
  date: '20260312',
  time,
  stepDescription: 'PRT Lendenwirbelsäule',
});

const ITEMS: TestWorklistItem[] = [
  patient('ISO_IR 100', 'LATIN1', '080000'),
  patient('ISO_IR 192', 'UTF8', '090000'),
  patient(null, 'NONE', '100000'),
  // Not for this query: another station, another modality, another day.
  { ...patient('ISO_IR 100', 'OTHERSTATION', '110000'), stationAe: 'CT2' },
  { ...patient('ISO_IR 100', 'OTHERMODALITY', '120000'), modality: 'MR' },
  { ...patient('ISO_IR 100', 'TOMORROW', '130000'), date: '20260313' },
];

const peerOf = (server: WorklistServerPeer, overrides: Partial<WorklistPeer> = {}): WorklistPeer => ({
  host: server.host,
  port: server.port,
  calledAe: server.aeTitle,
  callingAe: CONSOLE_AE,
  timeoutMs: 5000,
  ...overrides,
});

const byId = (entries: WorklistEntry[]) => new Map(entries.map((entry) => [entry.patientId, entry]));

async function failure(promise: Promise<unknown>): Promise<WorklistError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorklistError) return error;
    throw error;
  }
  throw new Error('the query succeeded');
}

function expectJuergMueller(entry: WorklistEntry | undefined) {
  expect(entry).toMatchObject({
    patientName: { family: 'Müller', given: 'Jürg' },
    issuerOfPatientId: 'KSB',
    birthDate: '1958-03-12',
    sex: 'male',
    referringPhysician: { family: 'Weiß', given: 'Käthe', prefix: 'Dr. med.' },
    requestedProcedure: { code: 'PRT-L', codingScheme: 'L', text: 'CT-gesteuerte PRT L5 links' },
    scheduledStationAe: 'CT1',
    modality: 'CT',
    problems: [],
  });
  expect(entry?.scheduledAt).toMatch(/^2026-03-12T\d\d:00$/);
  expect(entry?.accessionNumber).toBe(`ACC-${entry?.patientId}`);
  expect(entry?.studyInstanceUid).toMatch(/^1\.2\.826\.0\.1\.3680043\.10\.999\.\d+$/);
}

describe("dcmtk's wlmscpfs, declaring each file's character set (-csk)", () => {
  let server: WorklistServerPeer;
  beforeAll(async () => {
    server = await startWlmscpfs({ aeTitle: 'WLSCP', items: ITEMS });
  });
  afterAll(() => server?.stop());

  it('reads Müller^Jürg as Müller, Jürg in Latin-1, in UTF-8 and with no declared character set', async () => {
    const answer = await findWorklist(peerOf(server), query);
    const entries = byId(answer.entries);
    expect([...entries.keys()].sort()).toEqual(['LATIN1', 'NONE', 'UTF8']);
    for (const id of ['LATIN1', 'UTF8', 'NONE']) expectJuergMueller(entries.get(id));
    expect(answer.rejected).toEqual([]);
  });

  it('keeps every entry of a server that answers "pending with warnings" (0xFF01), and says so', async () => {
    // wlmscpfs does not support the patient's language key and answers each entry with 0xFF01.
    const answer = await findWorklist(peerOf(server), query);
    expect(answer.entries).toHaveLength(3);
    expect(answer.warnings).toEqual([UNSUPPORTED_KEYS_WARNING]);
  });

  it('keeps every entry when such a server answers slowly', async () => {
    // dcmjs-dimse ends a request at the first 0xFF01 and releases the association: a server
    // still answering then sees the release mid-query, and the list was cut short.
    const slow = await startWlmscpfs({ aeTitle: 'WLSCP', items: ITEMS, slowSeconds: 1 });
    try {
      const answer = await findWorklist(peerOf(slow), query);
      expect(answer.entries.map((entry) => entry.patientId).sort()).toEqual(['LATIN1', 'NONE', 'UTF8']);
      expect(answer.warnings).toEqual([UNSUPPORTED_KEYS_WARNING]);
    } finally {
      await slow.stop();
    }
  });

  it('answers 20 queries in a row with the whole list each time', async () => {
    const counts: number[] = [];
    for (let run = 0; run < 20; run++) counts.push((await findWorklist(peerOf(server), query)).entries.length);
    console.log(`wlmscpfs: ${counts.filter((count) => count === 3).length} of 20 queries complete`);
    expect(counts).toEqual(Array(20).fill(3));
  });

  it('asks for a range of days ("how far ahead")', async () => {
    const answer = await findWorklist(peerOf(server), { ...query, to: '2026-03-13' });
    expect(answer.entries.map((entry) => entry.patientId).sort()).toEqual(['LATIN1', 'NONE', 'TOMORROW', 'UTF8']);
  });

  it('tests the connection with a C-ECHO', async () => {
    await expect(echoWorklist(peerOf(server))).resolves.toMatchObject({ milliseconds: expect.any(Number) });
  });

  it('says so in words when the server does not answer to the AE title it is called by', async () => {
    const error = await failure(findWorklist(peerOf(server, { calledAe: 'WRONGAE' }), query));
    expect(error.kind).toBe('called_ae_unknown');
    expect(error.message).toBe(
      `The worklist server at 127.0.0.1:${server.port} does not answer to the AE title WRONGAE: check the server's AE title in Settings → Worklist (IT knows it).`,
    );
    expect((await failure(echoWorklist(peerOf(server, { calledAe: 'WRONGAE' })))).kind).toBe('called_ae_unknown');
  });

  it('refuses a value too long for its DICOM type alone, naming the entry, and an entry without patient ID whole', async () => {
    const odd = await startWlmscpfs({
      aeTitle: 'ODD',
      incomplete: true,
      items: [
        { ...patient('ISO_IR 192', 'LONGNAME', '080000'), patientName: `${'Ä'.repeat(70)}^Jürg` },
        { ...patient('ISO_IR 192', '', '090000'), accessionNumber: 'ACC-NOID' },
        // Text inside a sequence decodes in the declared character set too.
        { ...patient('ISO_IR 192', 'INSEQUENCE', '100000'), requestedProcedure: undefined },
      ],
    });
    try {
      const answer = await findWorklist(peerOf(odd), query);
      expect(answer.entries).toHaveLength(2);
      expect(byId(answer.entries).get('INSEQUENCE')?.requestedProcedure).toEqual({
        code: 'PRT-L',
        codingScheme: 'L',
        text: 'Periradikuläre Therapie lumbal',
      });
      expect(byId(answer.entries).get('LONGNAME')).toMatchObject({
        patientId: 'LONGNAME',
        patientName: null,
        birthDate: '1958-03-12',
        problems: [
          {
            field: 'patientName',
            message: 'Patient name is longer than 64 characters, the most its DICOM type (PN) holds: left empty',
          },
        ],
      });
      expect(answer.rejected).toMatchObject([
        { entry: 'the entry with accession ACC-NOID', message: 'Patient ID is missing: it cannot start a case' },
      ]);
    } finally {
      await odd.stop();
    }
  });
});

describe("dcmtk's wlmscpfs when it refuses", () => {
  it('says the server refused the console, in words', async () => {
    const refusing = await startWlmscpfs({ aeTitle: 'WLSCP', items: ITEMS, refuse: true });
    try {
      const error = await failure(findWorklist(peerOf(refusing), query));
      expect(error.kind).toBe('refused');
      expect(error.message).toMatch(
        new RegExp(
          `^The worklist server at 127\\.0\\.0\\.1:${refusing.port} refused the connection from this console \\(AE title ROOTLOG\\)`,
        ),
      );
    } finally {
      await refusing.stop();
    }
  });
});

describe('Orthanc with its worklist plugin', () => {
  let latin1: WorklistServerPeer;
  let utf8: WorklistServerPeer;
  beforeAll(async () => {
    [latin1, utf8] = await Promise.all([
      startOrthancWorklist({ allowedCallingAes: [CONSOLE_AE], encoding: 'Latin1', items: ITEMS }),
      startOrthancWorklist({ allowedCallingAes: [CONSOLE_AE], encoding: 'Utf8', items: ITEMS }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([latin1?.stop(), utf8?.stop()]);
  });

  it('reads Müller, Jürg from answers in Latin-1 (ISO_IR 100), whatever the files declared', async () => {
    const answer = await findWorklist(peerOf(latin1), query);
    const entries = byId(answer.entries);
    expect([...entries.keys()].sort()).toEqual(['LATIN1', 'NONE', 'UTF8']);
    for (const id of ['LATIN1', 'UTF8', 'NONE']) expectJuergMueller(entries.get(id));
    expect(answer.warnings).toEqual([]);
  });

  it('reads Müller, Jürg from answers in UTF-8 (ISO_IR 192), and refuses a name whose bytes are not the declared UTF-8', async () => {
    const answer = await findWorklist(peerOf(utf8), query);
    const entries = byId(answer.entries);
    expectJuergMueller(entries.get('LATIN1'));
    expectJuergMueller(entries.get('UTF8'));
    // Orthanc takes an undeclared file to be in its default (UTF-8) and passes its Latin-1
    // bytes on labelled UTF-8: the name cannot be read, and is refused rather than shown as "M?ller".
    expect(entries.get('NONE')).toMatchObject({
      patientName: null,
      problems: expect.arrayContaining([
        expect.objectContaining({
          field: 'patientName',
          message: 'Patient name did not decode in the character set the server declared: left empty',
        }),
      ]),
    });
  });

  it('answers 20 queries in a row with the whole list each time', async () => {
    const counts: number[] = [];
    for (let run = 0; run < 20; run++) counts.push((await findWorklist(peerOf(latin1), query)).entries.length);
    console.log(`Orthanc: ${counts.filter((count) => count === 3).length} of 20 queries complete`);
    expect(counts).toEqual(Array(20).fill(3));
  });

  it("says the server refused this console's AE title, and what to do", async () => {
    const error = await failure(findWorklist(peerOf(latin1, { callingAe: 'UNKNOWNCONSOLE' }), query));
    expect(error.kind).toBe('calling_ae_unknown');
    expect(error.message).toBe(
      `The worklist server at 127.0.0.1:${latin1.port} refused this console's AE title UNKNOWNCONSOLE: ask IT to register it on the worklist server.`,
    );
    expect((await failure(echoWorklist(peerOf(latin1, { callingAe: 'UNKNOWNCONSOLE' })))).kind).toBe(
      'calling_ae_unknown',
    );
  });

  it('says so when called by the wrong AE title', async () => {
    expect((await failure(findWorklist(peerOf(latin1, { calledAe: 'NOTORTHANC' }), query))).kind).toBe(
      'called_ae_unknown',
    );
  });

  it('tests the connection with a C-ECHO', async () => {
    await expect(echoWorklist(peerOf(latin1))).resolves.toMatchObject({ milliseconds: expect.any(Number) });
  });
});

describe('a worklist server that is not there or does not answer', () => {
  it('says it cannot be reached when nothing listens', async () => {
    const port = await freePort();
    const peer: WorklistPeer = { host: '127.0.0.1', port, calledAe: 'WLSCP', callingAe: CONSOLE_AE, timeoutMs: 2000 };
    const error = await failure(findWorklist(peer, query));
    expect(error.kind).toBe('not_reachable');
    expect(error.message).toMatch(new RegExp(`^The worklist server at 127\\.0\\.0\\.1:${port} cannot be reached`));
    expect(error.message).not.toMatch(/ECONNREFUSED|Error:|\n\s+at /);
    expect((await failure(echoWorklist(peer))).kind).toBe('not_reachable');
  });

  it('gives up after its timeout on a server that accepts the connection and then says nothing', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    const port = await freePort();
    await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
    try {
      const peer: WorklistPeer = { host: '127.0.0.1', port, calledAe: 'WLSCP', callingAe: CONSOLE_AE, timeoutMs: 1000 };
      const error = await failure(findWorklist(peer, query));
      expect(error.kind).toBe('no_answer');
      expect(error.message).toBe(
        `The worklist server at 127.0.0.1:${port} did not answer within 1 seconds: it may be overloaded or a firewall may be dropping the connection. The worklist keeps showing what it last received, and patients can be entered by hand.`,
      );
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
