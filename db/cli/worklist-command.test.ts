import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWlmscpfs, type WorklistServerPeer } from '../testing/dicom-peers.js';
import { freePort } from '../testing/ports.js';

/* `rootlog worklist` as IT runs it: the built command line against a real worklist server. */
const cli = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'rootlog.cjs');
const run = (...args: string[]) => {
  const result = spawnSync(process.execPath, [cli, 'worklist', ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
};

describe('rootlog worklist', () => {
  let server: WorklistServerPeer;
  beforeAll(async () => {
    server = await startWlmscpfs({
      aeTitle: 'RISWL',
      items: [
        {
          charset: 'ISO_IR 100',
          patientId: 'P-4711',
          issuerOfPatientId: 'KSB',
          patientName: 'Müller^Jürg',
          birthDate: '19580312',
          sex: 'M',
          accessionNumber: 'ACC-1',
          studyInstanceUid: '1.2.826.0.1.3680043.10.999.1',
          requestedProcedure: 'PRT L5 links',
          referringPhysician: 'Weiß^Käthe',
          stationAe: 'CT1',
          modality: 'CT',
          date: '20260312',
          time: '104500',
        },
        {
          // UTF-8, its procedure named only inside a sequence: decoded as declared in the built command too.
          charset: 'ISO_IR 192',
          patientId: 'P-SEQ',
          patientName: 'Weiß^Zoë',
          accessionNumber: 'ACC-2',
          studyInstanceUid: '1.2.826.0.1.3680043.10.999.2',
          procedureCode: { value: 'PRT-L', scheme: 'L', meaning: 'Periradikuläre Therapie lumbal' },
          stationAe: 'CT2',
          modality: 'CT',
          date: '20260312',
          time: '110000',
        },
      ],
    });
  });
  afterAll(() => server?.stop());
  const url = () => `dicom://RISWL@127.0.0.1:${server.port}`;

  it('prints the day’s scheduled patients', () => {
    const result = run('--server', url(), '--ae', 'ROOTLOG', '--date', '2026-03-12', '--station', 'CT1');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^1 scheduled on 2026-03-12 \(CT, station CT1\) at RISWL@127\.0\.0\.1:\d+:\n/);
    expect(result.out).toContain(
      '2026-03-12 10:45  P-4711 (KSB)  Müller, Jürg  1958-03-12  male  accession ACC-1  PRT L5 links',
    );
  });

  it('prints them as JSON with codes, for scripts', () => {
    const result = run('--server', url(), '--ae', 'ROOTLOG', '--date', '2026-03-12', '--json');
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.out);
    expect(answer.entries.find((entry: { patientId: string }) => entry.patientId === 'P-SEQ')).toMatchObject({
      patientName: { family: 'Weiß', given: 'Zoë' },
      requestedProcedure: { code: 'PRT-L', codingScheme: 'L', text: 'Periradikuläre Therapie lumbal' },
      problems: [],
    });
    expect(answer.entries.filter((entry: { patientId: string }) => entry.patientId !== 'P-SEQ')).toEqual([
      {
        patientId: 'P-4711',
        issuerOfPatientId: 'KSB',
        patientName: { family: 'Müller', given: 'Jürg' },
        birthDate: '1958-03-12',
        sex: 'male',
        accessionNumber: 'ACC-1',
        studyInstanceUid: '1.2.826.0.1.3680043.10.999.1',
        requestedProcedureId: 'RP-P-4711',
        requestedProcedure: { code: null, codingScheme: null, text: 'PRT L5 links' },
        referringPhysician: { family: 'Weiß', given: 'Käthe' },
        scheduledAt: '2026-03-12T10:45',
        scheduledStationAe: 'CT1',
        modality: 'CT',
        language: null,
        problems: [],
      },
    ]);
    expect(answer.rejected).toEqual([]);
  });

  it('prints an empty day as such, and tests the connection with --echo', () => {
    expect(run('--server', url(), '--ae', 'ROOTLOG', '--date', '2026-03-11').out).toMatch(/^0 scheduled on 2026-03-11/);
    const echo = run('--server', url(), '--ae', 'ROOTLOG', '--echo');
    expect(echo.code).toBe(0);
    expect(echo.out).toMatch(/answered the connection test \(C-ECHO\) in \d+ ms/);
  });

  it('exits 1 with the reason when the server cannot be asked', async () => {
    const port = await freePort();
    const down = run('--server', `dicom://RISWL@127.0.0.1:${port}`, '--ae', 'ROOTLOG');
    expect(down.code).toBe(1);
    expect(down.err).toBe(
      `rootlog worklist: The worklist server at 127.0.0.1:${port} cannot be reached: check that it is running and that the network and firewall let this console through. The worklist keeps showing what it last received, and patients can be entered by hand.\n`,
    );
    const wrongAe = run('--server', `dicom://OTHER@127.0.0.1:${server.port}`, '--ae', 'ROOTLOG');
    expect(wrongAe.code).toBe(1);
    expect(wrongAe.err).toMatch(/does not answer to the AE title OTHER/);
  });

  it('exits 2 on a usage error, naming the setting and its rule', () => {
    expect(run('--ae', 'ROOTLOG')).toMatchObject({ code: 2, err: expect.stringMatching(/--server is required/) });
    expect(run('--server', 'dicom://127.0.0.1:104', '--ae', 'ROOTLOG')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--server must be dicom:\/\/CALLED_AE@HOST:PORT/),
    });
    expect(run('--server', url(), '--ae', 'A_CONSOLE_TITLE_TOO_LONG')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/This console's AE title must be at most 16 characters/),
    });
    expect(run('--server', url(), '--ae', 'ROOTLOG', '--date', '2026-02-30')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--date must be a real date as YYYY-MM-DD/),
    });
    expect(run('--server', url(), '--ae', 'ROOTLOG', '--bogus')).toMatchObject({ code: 2 });
  });
});
