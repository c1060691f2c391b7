import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './ports.js';

/*
 * Real DICOM peers for the dose report tests, on 127.0.0.1 and free ports: dcmtk's storescu,
 * echoscu (the scanner's side) and Orthanc (the PACS). A test waits for a peer's port to
 * accept connections, never for a fixed time. dcmtk tools run as child processes without
 * blocking, so that an SCP in the test's own process can answer them.
 */

export { freePort, waitForPort };

export interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a dcmtk tool to its end without blocking this process's event loop. */
export function runTool(binary: string, args: string[]): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('latin1');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('latin1');
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface Sender {
  port: number;
  calledAeTitle: string;
  callingAeTitle: string;
}

/** dcmtk storescu: what a scanner does when it sends its dose report. */
export const storescu = (to: Sender, file: string, options: string[] = []) =>
  runTool('storescu', [
    '-v',
    '-aet',
    to.callingAeTitle,
    '-aec',
    to.calledAeTitle,
    ...options,
    '127.0.0.1',
    String(to.port),
    file,
  ]);

/** dcmtk echoscu: the "test connection" of a scanner's network settings. */
export const echoscu = (to: Sender) =>
  runTool('echoscu', ['-v', '-aet', to.callingAeTitle, '-aec', to.calledAeTitle, '127.0.0.1', String(to.port)]);

export interface TestPacs {
  aeTitle: string;
  dicomPort: number;
  /** What Orthanc wrote to its log, for a failing test's message. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Orthanc as the department's PACS: its own configuration in a temporary folder (storage,
 * index), its HTTP server off, DICOM on a free port, and the AE titles it may send to
 * (C-MOVE destinations) registered as modalities on 127.0.0.1.
 */
export async function startOrthanc(
  options: { aeTitle?: string; modalities?: Record<string, { aeTitle: string; port: number }> } = {},
): Promise<TestPacs> {
  const aeTitle = options.aeTitle ?? 'TESTPACS';
  const dir = mkdtempSync(join(tmpdir(), 'rootlog-orthanc-'));
  mkdirSync(join(dir, 'storage'));
  const dicomPort = await freePort();
  const modalities = Object.fromEntries(
    Object.entries(options.modalities ?? {}).map(([name, peer]) => [name, [peer.aeTitle, '127.0.0.1', peer.port]]),
  );
  const config = {
    Name: 'RootLog test PACS',
    StorageDirectory: join(dir, 'storage'),
    IndexDirectory: join(dir, 'storage'),
    HttpServerEnabled: false,
    HttpPort: await freePort(),
    RemoteAccessAllowed: false,
    DicomServerEnabled: true,
    DicomAet: aeTitle,
    DicomPort: dicomPort,
    DicomCheckCalledAet: true,
    DicomCheckModalityHost: false,
    DicomModalities: modalities,
    DicomAlwaysAllowEcho: true,
    DicomAlwaysAllowStore: true,
    Plugins: [],
    ConcurrentJobs: 1,
    StableAge: 1,
  };
  const configFile = join(dir, 'orthanc.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const child: ChildProcess = spawn('/usr/sbin/Orthanc', [configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.race([
      waitForPort(dicomPort),
      exited.then(() => {
        throw new Error(`Orthanc stopped before it listened:\n${log}`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { aeTitle, dicomPort, log: () => log, stop };
}
