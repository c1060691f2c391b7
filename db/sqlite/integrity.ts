import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { nativeBinding } from './native-binding.js';

/*
 * The page-by-page check of a whole file (SQLite's quick_check) takes about 2 s on 100 000
 * procedures and grows with the file. It runs on its own read-only connection in a worker
 * thread, so the app opens at once and stays responsive while it runs; the store refuses
 * writes if it finds damage (see store.ts).
 */

/**
 * better-sqlite3's entry file, resolved here (where it is a dependency) and handed to the
 * worker: the worker's code is evaluated from a string (no separate file to bundle), so it
 * cannot resolve it itself. undefined when it cannot be found: the caller checks in-thread.
 */
function betterSqlite3Path(): string | undefined {
  try {
    // __filename in CommonJS bundles (the app, the command line), import.meta.url in ESM.
    return createRequire(typeof __filename === 'string' ? __filename : import.meta.url).resolve('better-sqlite3');
  } catch {
    return undefined;
  }
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true, timeout: 5000, nativeBinding: workerData.nativeBinding });
  const rows = db.pragma('quick_check');
  const messages = rows.map((row) => row.quick_check);
  parentPort.postMessage({ problems: messages.length === 1 && messages[0] === 'ok' ? [] : messages });
} catch (error) {
  // SQLITE_CORRUPT / SQLITE_NOTADB while reading is itself a finding; anything else is not.
  const code = error && error.code;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') parentPort.postMessage({ problems: [String(error.message)] });
  else throw error;
} finally {
  if (db) db.close();
}
`;

/**
 * Runs quick_check on the file in a worker thread: resolves with its problems (empty when
 * sound), or with `undefined` when the worker itself could not run (the caller then checks
 * on the main thread rather than guess).
 */
export function quickCheckInWorker(path: string): Promise<string[] | undefined> {
  const module = betterSqlite3Path();
  if (!module) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path, module, nativeBinding: nativeBinding() },
    });
    let settled = false;
    const settle = (problems: string[] | undefined) => {
      if (settled) return;
      settled = true;
      resolve(problems);
    };
    worker.once('message', (message: { problems: string[] }) => settle(message.problems));
    worker.once('error', () => settle(undefined));
    worker.once('exit', () => settle(undefined));
  });
}
