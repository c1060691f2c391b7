import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './ports.js';

/*
 * Real DICOM worklist servers for the tests, each on a free 127.0.0.1 port with its own folder:
 * dcmtk's wlmscpfs and Orthanc with its worklist plugin — two implementations that differ in
 * how they treat character sets, unknown keys and AE titles. Worklist entries are written as
 * dcmtk dump files and turned into DICOM files by dump2dcm, byte for byte in the character
 * set each entry declares (or in Latin-1 when it declares none). No mock: the client's DIMSE
 * runs against the servers departments run.
 *
 * Neither server can be told to listen on 127.0.0.1 only (wlmscpfs 3.6.7 and Orthanc 1.10 bind
 * every interface): each runs on a random port for the length of one test file.
 */

export type DeclaredCharset = 'ISO_IR 100' | 'ISO_IR 192' | null;

export interface TestWorklistItem {
  /** Written into (0008,0005); the values' bytes follow it (none: Latin-1 bytes, as old RIS send). */
  charset: DeclaredCharset;
  patientId: string;
  patientName: string;
  issuerOfPatientId?: string;
  birthDate?: string;
  sex?: string;
  accessionNumber?: string;
  studyInstanceUid?: string;
  requestedProcedureId?: string;
  requestedProcedure?: string;
  procedureCode?: { value: string; scheme: string; meaning: string };
  referringPhysician?: string;
  language?: string;
  stationAe: string;
  modality: string;
  /** DA, e.g. "20260312". */
  date: string;
  /** TM, e.g. "103000". */
  time: string;
  stepDescription?: string;
}

/** The dcmtk dump of one worklist entry (the text dump2dcm reads). */
export function worklistDump(item: TestWorklistItem): string {
  const line = (tag: string, vr: string, value: string | undefined) =>
    value === undefined ? [] : [`(${tag}) ${vr} [${value}]`];
  return [
    ...line('0008,0005', 'CS', item.charset ?? undefined),
    ...line('0008,0050', 'SH', item.accessionNumber),
    ...line('0008,0090', 'PN', item.referringPhysician),
    ...line('0010,0010', 'PN', item.patientName),
    ...line('0010,0020', 'LO', item.patientId),
    ...line('0010,0021', 'LO', item.issuerOfPatientId),
    ...line('0010,0030', 'DA', item.birthDate),
    ...line('0010,0040', 'CS', item.sex),
    ...(item.language
      ? [
          '(0010,0101) SQ',
          '(fffe,e000) -',
          `(0008,0100) SH [${item.language}]`,
          '(0008,0102) SH [RFC5646]',
          '(fffe,e00d) -',
          '(fffe,e0dd) -',
        ]
      : []),
    ...line('0020,000d', 'UI', item.studyInstanceUid),
    ...line('0032,1060', 'LO', item.requestedProcedure),
    ...(item.procedureCode
      ? [
          '(0032,1064) SQ',
          '(fffe,e000) -',
          `(0008,0100) SH [${item.procedureCode.value}]`,
          `(0008,0102) SH [${item.procedureCode.scheme}]`,
          `(0008,0104) LO [${item.procedureCode.meaning}]`,
          '(fffe,e00d) -',
          '(fffe,e0dd) -',
        ]
      : []),
    '(0040,0100) SQ',
    '(fffe,e000) -',
    `(0008,0060) CS [${item.modality}]`,
    `(0040,0001) AE [${item.stationAe}]`,
    `(0040,0002) DA [${item.date}]`,
    `(0040,0003) TM [${item.time}]`,
    // wlmscpfs serves no step without a description (or protocol code): one is always written.
    `(0040,0007) LO [${item.stepDescription ?? 'Scheduled procedure'}]`,
    `(0040,0009) SH [SPS-${item.patientId}]`,
    '(fffe,e00d) -',
    '(fffe,e0dd) -',
    `(0040,1001) SH [${item.requestedProcedureId ?? `RP-${item.patientId}`}]`,
    '',
  ].join('\n');
}

let written = 0;

/** Writes one entry as a .wl file into a worklist folder (dump2dcm, bytes in the entry's character set). */
export function writeWorklistFile(folder: string, item: TestWorklistItem): string {
  written += 1;
  const name = `entry-${process.pid}-${written}`;
  const dump = join(folder, `${name}.dump`);
  const file = join(folder, `${name}.wl`);
  writeFileSync(dump, Buffer.from(worklistDump(item), item.charset === 'ISO_IR 192' ? 'utf8' : 'latin1'));
  const result = spawnSync('dump2dcm', ['-q', '-g', dump, file], { encoding: 'utf8' });
  rmSync(dump);
  if (result.status !== 0) throw new Error(`dump2dcm failed: ${result.stderr}`);
  return file;
}

export interface WorklistServerPeer {
  host: string;
  port: number;
  /** The AE title it answers to. */
  aeTitle: string;
  /** Where its .wl files are (writeWorklistFile adds more while it runs). */
  folder: string;
  stop(): Promise<void>;
}

function tail(child: ChildProcess): () => string {
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => output;
}

async function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exit;
}

/**
 * dcmtk's wlmscpfs: answers to `aeTitle` only (its folder of the same name, with the lockfile it
 * needs). keepCharset (-csk) returns each file's Specific Character Set, as a RIS declaring its
 * character set would; without it, none is declared. refuse: it refuses every association.
 * incomplete (-dfr): it also serves files that lack required attributes (a patient ID).
 * slowSeconds (--sleep-during): it pauses while answering, as a loaded server does.
 */
export async function startWlmscpfs(
  options: {
    aeTitle?: string;
    items?: TestWorklistItem[];
    keepCharset?: boolean;
    refuse?: boolean;
    incomplete?: boolean;
    slowSeconds?: number;
  } = {},
): Promise<WorklistServerPeer> {
  const aeTitle = options.aeTitle ?? 'WLMSCPFS';
  const root = mkdtempSync(join(tmpdir(), 'rootlog-wlmscpfs-'));
  const folder = join(root, aeTitle);
  mkdirSync(folder);
  writeFileSync(join(folder, 'lockfile'), '');
  for (const item of options.items ?? []) writeWorklistFile(folder, item);
  const port = await freePort();
  const args = [
    '-dfp',
    root,
    ...(options.keepCharset === false ? [] : ['-csk']),
    ...(options.refuse ? ['--refuse'] : []),
    ...(options.incomplete ? ['-dfr'] : []),
    ...(options.slowSeconds ? ['--sleep-during', String(options.slowSeconds)] : []),
  ];
  const child = spawn('wlmscpfs', [...args, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = tail(child);
  try {
    await waitForPort(port, { process: child, output });
  } catch (error) {
    await stopped(child);
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    host: '127.0.0.1',
    port,
    aeTitle,
    folder,
    stop: async () => {
      await stopped(child);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * Orthanc with its Modality Worklists plugin, HTTP off. It answers only the calling AE titles in
 * `allowedCallingAes` (others are refused with "calling AE title not recognized") and only to
 * its own AE title; it re-encodes every answer in `encoding` (its DefaultEncoding) and declares it.
 */
export async function startOrthancWorklist(options: {
  aeTitle?: string;
  allowedCallingAes: string[];
  encoding?: 'Latin1' | 'Utf8';
  items?: TestWorklistItem[];
}): Promise<WorklistServerPeer> {
  const aeTitle = options.aeTitle ?? 'ORTHANCWL';
  const root = mkdtempSync(join(tmpdir(), 'rootlog-orthanc-'));
  const folder = join(root, 'worklists');
  const storage = join(root, 'storage');
  mkdirSync(folder);
  mkdirSync(storage);
  for (const item of options.items ?? []) writeWorklistFile(folder, item);
  const port = await freePort();
  const config = {
    Name: 'rootlog-test',
    StorageDirectory: storage,
    IndexDirectory: storage,
    HttpServerEnabled: false,
    DicomServerEnabled: true,
    DicomAet: aeTitle,
    DicomCheckCalledAet: true,
    DicomPort: port,
    DefaultEncoding: options.encoding ?? 'Latin1',
    DicomAlwaysAllowEcho: false,
    DicomAlwaysAllowStore: false,
    DicomAlwaysAllowFind: false,
    DicomAlwaysAllowFindWorklist: false,
    DicomModalities: Object.fromEntries(
      options.allowedCallingAes.map((ae, index) => [`console${index}`, [ae, '127.0.0.1', 104]]),
    ),
    Plugins: ['/usr/share/orthanc/plugins/libModalityWorklists.so'],
    Worklists: { Enable: true, Database: folder },
  };
  const configFile = join(root, 'orthanc.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const child = spawn('/usr/sbin/Orthanc', [configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = tail(child);
  try {
    await waitForPort(port, { process: child, output, timeoutMs: 60_000 });
  } catch (error) {
    await stopped(child);
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    host: '127.0.0.1',
    port,
    aeTitle,
    folder,
    stop: async () => {
      await stopped(child);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
