import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFile } from '../dose-report/fixtures/fixture-files.js';

/* rootlog dose-report as a physicist runs it: the built command line, a real process. */
const cli = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'rootlog.cjs');
const run = (...args: string[]) => {
  const result = spawnSync(process.execPath, [cli, 'dose-report', ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
};

describe('rootlog dose-report', () => {
  it('prints a CT report as one JSON object', () => {
    const result = run('--in', fixtureFile('ct-two-phantoms'), '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({
      dlpMGyCm: 98.4,
      ctdiVolMGy: 12.2,
      ctdiVolPhantom: 'head-16cm',
      dapGyCm2: null,
      fluoroTimeS: null,
      manufacturer: 'SIEMENS',
      model: 'SOMATOM go.Up',
      studyInstanceUid: '2.25.340000000000000000000000000000000001',
      events: 3,
      warnings: [expect.stringMatching(/different phantoms \(32 cm body and 16 cm head\)/)],
    });
  });

  it('prints a two-plane projection report in Gy·cm², planes added up', () => {
    const result = run('--in', fixtureFile('xa-two-planes'), '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({
      dlpMGyCm: null,
      ctdiVolMGy: null,
      dapGyCm2: 3.6,
      fluoroTimeS: 52,
      manufacturer: 'Philips',
      model: 'Azurion 7 B20/15',
      events: 3,
    });
  });

  it('prints the totals and the warnings in words', () => {
    const result = run('--in', fixtureFile('ct-broken-items'));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/DLP total {6}61 mGy·cm/);
    expect(result.out).toMatch(/CTDIvol {8}5\.2 mGy \(highest event; phantom not given\)/);
    expect(result.out).toMatch(
      /Start of X-Ray Irradiation of the report is not a DICOM date-time \("2026-03-12 15:45"\)/,
    );
  });

  it('exits 1 with the reason for a file that is not a dose report', () => {
    const result = run('--in', fixtureFile('ct-image'), '--json');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(
      /The file is a CT image \(SOP class 1\.2\.840\.10008\.5\.1\.4\.1\.1\.2\), not an X-Ray Radiation Dose SR/,
    );
    expect(run('--in', '/nonexistent/report.dcm')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/does not exist/),
    });
  });

  it('exits 2 without --in', () => {
    expect(run('--json')).toMatchObject({ code: 2, err: expect.stringMatching(/--in is required/) });
  });
});
