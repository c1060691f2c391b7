/*
 * The layer map: which folder holds what, and what its files may import. Declared once here;
 * build/layers.test.ts checks every import in the repository against it (type imports
 * included: the web side's type check reads what they name) and checks that the table in
 * docs/architecture.md is the one this declaration gives.
 *
 * A path is a folder and everything under it ('db/model/'), the files directly in a folder
 * ('db/*', '*' for the repository's root) or one file ('db/exports/options.ts'); a file
 * belongs to the layer with the longest matching path. A source file no layer claims fails
 * the test: a new folder gets its row here, with what it may import, before it lands.
 *
 * Tests (`*.test.ts`, `*.spec.ts`) sit beside the code and may import any layer and any
 * package to set up what they test; they still take part in the cycle check, and nothing
 * imports a test.
 */

/** Node's built-in modules (`node:fs`, `fs`, …). */
export const NODE = 'node';
/** Every layer, or every installed package: only for tools that run beside the app, never in it. */
export const ANY = 'any';

export interface Layer {
  /** Its name in rules and messages. */
  name: string;
  paths: readonly string[];
  /** What lives there (the docs table's middle column). */
  holds: string;
  /** The layers its files may import, besides its own; or ANY. */
  layers: readonly string[] | typeof ANY;
  /** Packages its files may import: a name covers its subpaths, NODE stands for Node's own modules; or ANY. */
  packages: readonly string[] | typeof ANY;
  /** Why the rule exists, said when a file breaks it. */
  why: string;
}

/** One import allowed across the map, with its reason; the test fails once it is no longer made. */
export interface Exception {
  from: string;
  to: string;
  why: string;
}

export const LAYERS: readonly Layer[] = [
  {
    name: 'model',
    paths: ['db/model/'],
    holds:
      'the clinical model, pure: vocabularies and their words, the draft schema (zod), signing rules, clinical warnings, labels, `doseInMg`, the shapes the services answer with',
    layers: [],
    packages: ['zod'],
    why: 'the model is loaded by the renderer too: no Node, no storage, nothing but zod',
  },
  {
    name: 'i18n',
    paths: ['db/i18n/'],
    holds:
      'the languages: the catalogues (one PO file per language, compiled by Lingui), every message and its English from the declarations (`source-messages.ts`), the translator each consumer makes for its language, the pseudo-language, the department’s corrected wordings',
    layers: ['model'],
    packages: ['@lingui/core', '@lingui/message-utils'],
    why: 'the window loads it too: pure, and no state shared between those who translate',
  },
  {
    name: 'export request',
    paths: ['db/exports/options.ts'],
    holds: 'what an export may be asked for (formats, filter, pseudonymisation), shared with the window',
    layers: ['model'],
    packages: ['zod'],
    why: 'the API contract and the window load it: it must stay as pure as the model',
  },
  {
    name: 'storage',
    paths: ['db/sqlite/'],
    holds:
      '`connection.ts` (readable and writable connections typed apart), `open.ts`, `integrity.ts` (the background page check), `migrations/` (one frozen file per schema version), `procedure-rows.ts` (the one writer and reader of a procedure’s rows), `operator-rows.ts` (of the operators), `procedure-list.ts` (the list’s page), `file-check.ts` (`check`’s and a backup copy’s SQL), `facts.ts` + `dashboard-facts.ts` (the dashboard’s packed facts), `procedure-filter.ts` (the WHERE clause of the list, exports and dashboard), the hash chain',
    layers: ['model'],
    packages: [NODE, 'better-sqlite3', 'zod'],
    why: 'storage must not depend on services, statistics or exports',
  },
  {
    name: 'output files',
    paths: ['db/files/'],
    holds:
      '`output-guard.ts`: no export or backup over the logbook, its `-wal`/`-shm`, a file another export is writing, or an existing file without `--force`; `partial-files.ts`: the temporary names and what a killed run left; `write-failure.ts`: a failed write in words; `durable-copy.ts`',
    layers: ['model'],
    packages: [NODE],
    why: 'exports and backups share it; it knows nothing of what they write',
  },
  {
    name: 'services',
    paths: ['db/*', 'db/ledger/'],
    holds:
      '`store.ts` (the open database), `procedures.ts`, `search.ts`, `settings.ts`, `audit.ts`, `follow-ups.ts`, `maintenance.ts` (check, backup), `seed.ts`; `ledger/` (tamper evidence)',
    layers: ['model', 'i18n', 'storage', 'output files'],
    packages: [NODE, 'better-sqlite3', 'uuid', 'zod'],
    why: 'services sit on storage and the model; what uses them (exports, statistics, hub, command line, main process) sits above them',
  },
  {
    name: 'interchange',
    paths: ['db/interchange/'],
    holds:
      'the JSON record format on its own: a record read whole within its limits, its checks, and the merge of a batch of records (from a file, or from the hub without a file)',
    layers: ['model', 'storage', 'services'],
    packages: [NODE, 'zod'],
    why: 'exports, imports and the hub all speak this format; it knows none of them',
  },
  {
    name: 'exports',
    paths: ['db/exports/'],
    holds:
      'CSV, XLSX, JSON, FHIR; `tables/` (one file of columns per table, the queries, the data dictionary); `formula.ts`, `pseudonyms.ts`, `atomic-file.ts`',
    layers: ['model', 'i18n', 'export request', 'storage', 'output files', 'services', 'interchange'],
    packages: [NODE, 'exceljs', 'zod'],
    why: 'exports read through the services and storage; nothing below them knows they exist',
  },
  {
    name: 'imports',
    paths: ['db/imports/'],
    holds: 'the JSON import: the streamed file, read record by record into the interchange merge',
    layers: ['model', 'storage', 'services', 'interchange'],
    packages: [NODE, 'stream-json', 'stream-chain', 'zod'],
    why: 'imports write through the services and storage',
  },
  {
    name: 'statistics',
    paths: ['db/stats/'],
    holds: 'the dashboard, follow-up outcomes, reference-level proposals and comparisons, preset suggestions',
    layers: ['model', 'storage', 'services'],
    packages: ['zod'],
    why: 'statistics read through the services and storage',
  },
  {
    name: 'hub',
    paths: ['db/hub/'],
    holds: 'the department hub: the PostgreSQL schema (`server-schema.ts`) and the sync (`sync.ts`)',
    layers: ['model', 'i18n', 'storage', 'services', 'imports', 'interchange'],
    packages: [NODE, 'pg', 'zod'],
    why: 'the hub is the only layer that speaks to PostgreSQL; pulled records go through the import’s checks; the refusals it keeps are read back as words by their declared messages (i18n)',
  },
  {
    name: 'dose reports',
    paths: ['db/dose-report/'],
    holds:
      'the scanner’s dose reports (RDSR): read with dcmjs to their totals and events, received by a C-STORE listener, fetched from the PACS, kept as received and linked to their procedure',
    layers: ['model', 'storage', 'services'],
    packages: [NODE, 'dcmjs', 'dcmjs-dimse', 'zod'],
    why: 'the only layer that speaks DICOM for dose reports; it keeps what arrives through the services and storage',
  },
  {
    name: 'worklist',
    paths: ['db/worklist/'],
    holds:
      'the DICOM Modality Worklist client (dcmjs-dimse): C-ECHO and C-FIND for this station’s scheduled patients, names decoded in the declared character set, answers checked before use, failures in words',
    layers: ['model'],
    packages: [NODE, 'dcmjs', 'dcmjs-dimse', 'zod'],
    why: 'the worklist only asks the RIS and answers typed entries; what is done with them is the services’ and the window’s',
  },
  {
    name: 'RIS report',
    paths: ['db/ris/'],
    holds:
      'the report back to the RIS: the HL7 v2 ORU^R01 built from the signed version, sent over MLLP from the outbox with back-off, the acknowledgement read',
    layers: ['model', 'i18n', 'storage', 'services', 'worklist'],
    packages: [NODE, '@medplum/core', '@medplum/hl7', 'zod'],
    why: 'the only layer that speaks HL7; it reads signed versions through the services and storage',
  },
  {
    name: 'backups',
    paths: ['db/backups/'],
    holds:
      'backups without anyone remembering them: the schedule (on an injected clock), backups into a folder, rotation of this logbook’s own backups only, the log the top bar reads',
    layers: ['model', 'storage', 'output files', 'services'],
    packages: [NODE, 'better-sqlite3', 'uuid'],
    why: 'backups sit on the services’ verified online backup; the command line and the main process run them',
  },
  {
    name: 'command line',
    paths: ['db/cli/'],
    holds: 'the `rootlog` command line: one file per command, `main.ts` dispatches',
    layers: [
      'model',
      'i18n',
      'export request',
      'output files',
      'services',
      'exports',
      'imports',
      'interchange',
      'statistics',
      'hub',
      'dose reports',
      'worklist',
      'RIS report',
      'backups',
    ],
    packages: [NODE],
    why: 'the command line calls the same services the app does, never storage directly',
  },
  {
    name: 'db testing',
    paths: ['db/testing/'],
    holds:
      'fixtures for tests, e2e and benchmarks: temporary stores, complete drafts, the dashboard’s oracle, `postgres.ts` (a throw-away PostgreSQL cluster), real DICOM and MLLP peers on free ports, the crash child, `small-disk.ts` (a full disk), the files child (an export or backup to kill) and `import-files.ts` (a seeded export to edit and import)',
    layers: ['model', 'i18n', 'storage', 'services', 'output files', 'exports', 'imports', 'RIS report', 'hub'],
    packages: [NODE, 'better-sqlite3', 'pg', '@medplum/core', '@medplum/hl7'],
    why: 'only tests, e2e specs and benchmarks use it; the app never does',
  },
  {
    name: 'shared contract',
    paths: ['electron/shared/'],
    holds: 'pure files main, preload, renderer and harness share: `api-contract.ts`, `channels.ts`, `menu-commands.ts`',
    layers: ['model', 'export request'],
    packages: ['zod'],
    why: 'the renderer and the sandboxed preload load these: no Node, no Electron, from db/ only the pure parts',
  },
  {
    name: 'main process',
    paths: ['electron/*'],
    holds:
      'the main process: `api.ts` (the contract’s implementation), `ipc.ts`, `preload.ts`, `main.ts`, `security.ts`, `export-jobs.ts`, `hub-sync.ts`, `window-state.ts`, the background services for the department’s systems (`worklist-service.ts`, `ris-service.ts`, `dose-receiver-service.ts`, `dose-fill.ts`)',
    layers: [
      'model',
      'i18n',
      'export request',
      'services',
      'exports',
      'imports',
      'interchange',
      'statistics',
      'hub',
      'dose reports',
      'worklist',
      'RIS report',
      'backups',
      'shared contract',
    ],
    packages: [NODE, 'electron', 'zod'],
    why: 'the main process runs the services for the window; it never reaches storage or the window’s code',
  },
  {
    name: 'renderer',
    paths: ['renderer/'],
    holds:
      'React + zustand: `app/` (shell, API client, navigation and database-health stores), `features/<feature>/` (screen + its `*-store.ts`), `components/`',
    layers: ['model', 'i18n', 'shared contract'],
    packages: [
      'react',
      'react-dom',
      'zustand',
      'chart.js',
      'react-chartjs-2',
      '@tanstack/react-virtual',
      'csv-stringify/browser/esm/sync',
      'vite/client',
    ],
    why: 'the window reaches the main process only through the contract, and db/ only through the model',
  },
  {
    name: 'renderer testing',
    paths: ['renderer/testing/'],
    holds: 'the fake window the stores’ tests run against',
    layers: ['renderer', 'model', 'i18n', 'shared contract'],
    packages: [],
    why: 'only the renderer’s tests use it',
  },
  {
    name: 'e2e',
    paths: ['e2e/'],
    holds: 'Playwright specs, their fixtures and the Chromium harness',
    layers: ANY,
    packages: ANY,
    why: 'end-to-end specs drive the whole app',
  },
  {
    name: 'benchmarks',
    paths: ['bench/'],
    holds: 'benchmarks that print figures (never tests)',
    layers: ANY,
    packages: ANY,
    why: 'benchmarks time the whole app',
  },
  {
    name: 'build',
    paths: ['build/', '*'],
    holds:
      'build, setup and test scripts, electron-builder’s configuration, the layer map; the tools’ configurations at the root',
    layers: [],
    packages: ANY,
    why: 'the build names the app’s files as entry points; it never imports them',
  },
];

export const EXCEPTIONS: readonly Exception[] = [];

/** Where SQL may be written: the storage layer (SQL lives in db/sqlite; services call it), and the tests' fixtures. */
export const SQL_HOMES: readonly string[] = ['db/sqlite/', 'db/testing/'];

/**
 * Files elsewhere that hold SQL, each with its reason: only PostgreSQL (the hub's server, not
 * the logbook file), for good. The layers test fails on SQL in any other file, and on a file
 * here that holds none any more.
 */
export const SQL_ELSEWHERE: readonly { file: string; why: string }[] = [
  'db/hub/pull.ts',
  'db/hub/push.ts',
  'db/hub/server-schema.ts',
  'db/hub/sync.ts',
].map((file) => ({ file, why: 'PostgreSQL: the hub server’s tables, not the logbook file' }));

/** The only file that talks to the main process; only the renderer's `*-store.ts` files may call it. */
export const API_CLIENT = 'renderer/app/api-client.ts';
