import { once } from 'node:events';
import { createWriteStream, openSync, renameSync, statSync, type WriteStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { partialPath, releasePartial, removeLeftovers, removePartial } from '../files/partial-files.js';
import { writeFailure } from '../files/write-failure.js';
import { REFUSAL_MESSAGES as R, RootLogError, sentence, type Words } from '../model/index.js';
import type { ExportControl } from './options.js';

/** Why a file cannot be made there at all, in words (not the temporary name's system error). */
function whyNotWritable(path: string, error: unknown): Words | string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const folder = dirname(resolve(path));
  if (code === 'ENOENT') return sentence(R.noSuchFolder, { folder });
  if (code === 'EACCES' || code === 'EPERM') return sentence(R.noPermission, { folder });
  if (code === 'EROFS') return sentence(R.readOnlyDisk);
  return error instanceof Error ? error.message : String(error);
}

/**
 * One file of an export, written under a temporary name (partial-files.ts) and renamed into
 * place only when complete: a failed, cancelled or killed export never leaves a half file that
 * looks whole.
 *
 * Every writer meets the disk through this one stream, and its errors are handled here, once:
 * the first error (a full disk, a removed stick) is kept and makes every wait on the file end
 * with it — a writer waiting for 'drain', exceljs waiting for its zip — so the export stops
 * with the reason instead of waiting for ever or crashing the process with an unhandled
 * 'error' event.
 */
export class AtomicFile {
  readonly path: string;
  readonly partial: string;
  readonly stream: WriteStream;
  private firstError: unknown;
  private readonly failed: Promise<never>;

  constructor(path: string) {
    this.path = path;
    this.partial = partialPath(path);
    let fd: number;
    try {
      // Opened synchronously, so a missing folder or a read-only disk is reported here, not later.
      fd = openSync(this.partial, 'wx');
    } catch (error) {
      releasePartial(this.partial);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EIO') throw writeFailure(path, error, 'export');
      throw new RootLogError('validation', sentence(R.cannotWrite, { path, why: whyNotWritable(path, error) }), {
        field: 'out',
      });
    }
    // Large writes: fewer system calls and fewer waits for 'drain' over hundreds of MB. `flush`
    // puts every byte on the disk before the file is closed and renamed: a power cut never
    // leaves a complete-looking name over an empty file, and a disk that refuses the last
    // bytes late (a network share) says so before the file counts as written.
    this.stream = createWriteStream('', { fd, highWaterMark: 1 << 20, flush: true });
    this.failed = new Promise<never>((_, reject) => {
      this.stream.on('error', (error) => {
        if (this.firstError === undefined) {
          this.firstError = error;
          reject(error);
        }
      });
    });
    // Observed by every wait (until); never an unhandled rejection when nothing waits.
    this.failed.catch(() => {});
  }

  /** The stream's first error (the stream knows it before it says so), or undefined; the file is lost from then on. */
  get failure(): unknown {
    return this.stream.errored ?? this.firstError;
  }

  /** `work`, unless the file fails first: then the file's error. */
  until<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.failed]);
  }

  /** Ends the file and waits until it is on the disk and closed; it keeps its temporary name. */
  async finish(): Promise<number> {
    // A writer that ends the stream itself (exceljs) has done so already.
    if (!this.stream.writableEnded) this.stream.end();
    await this.until(finished(this.stream));
    return statSync(this.partial).size;
  }

  /** Gives the finished file its name. */
  rename(): void {
    renameSync(this.partial, this.path);
    releasePartial(this.partial);
  }

  /** Removes the temporary file, and waits until its descriptor is closed: the disk has its space back. */
  async discard(): Promise<void> {
    removePartial(this.partial);
    if (!this.stream.closed) {
      const closed = once(this.stream, 'close').catch(() => {});
      this.stream.destroy();
      await closed;
    }
  }
}

/**
 * Waits for a stream to drain when its buffer is full, so memory stays flat; ends with the
 * stream's error when it fails (for an AtomicFile's stream, the file's failure).
 */
export async function writeChunk(stream: Writable, chunk: string | Buffer): Promise<void> {
  if (stream.errored) throw stream.errored;
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** Gives the event loop a turn (progress, cancel) and stops when the export was cancelled. */
export async function checkpoint(signal: AbortSignal | undefined): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (signal?.aborted) throw new RootLogError('cancelled', sentence(R.exportCancelled));
}

/**
 * The files of one export: each written completely under its temporary name, then all of
 * them renamed into place together at the end, so a CSV export that fails at its dictionary
 * leaves neither the dictionary nor the main file it had finished (a set of files is whole or
 * absent).
 */
export class ExportFiles {
  private readonly finished: AtomicFile[] = [];
  private readonly open = new Set<AtomicFile>();

  constructor(private readonly signal: AbortSignal | undefined) {}

  /** Writes one file with `write`; resolves to its size once it is complete on the disk (not yet under its name). */
  async write(path: string, write: (file: AtomicFile) => Promise<void>): Promise<number> {
    // What an export killed on the way left in this folder goes first (partial-files.ts).
    removeLeftovers(dirname(resolve(path)), path);
    const file = new AtomicFile(path);
    this.open.add(file);
    try {
      // Not raced against the file's failure: the writer itself must stop (each of its waits on
      // the file ends with the failure), so that it holds no query open once this returns.
      await write(file);
      await checkpoint(this.signal);
      const size = await file.finish();
      this.finished.push(file);
      return size;
    } catch (error) {
      // Judged before the file is discarded: writes still buffered then fail too, as they are meant to.
      const reason = file.failure === undefined ? error : writeFailure(path, file.failure, 'export');
      await file.discard();
      throw reason;
    } finally {
      this.open.delete(file);
    }
  }

  /** Every file under its name; if a rename fails, the files not yet renamed are removed and the error said in words. */
  async commit(): Promise<void> {
    for (const [index, file] of this.finished.entries()) {
      try {
        file.rename();
      } catch (error) {
        await Promise.all(this.finished.slice(index).map((rest) => rest.discard()));
        throw writeFailure(file.path, error, 'export');
      }
    }
  }

  /** Removes every temporary file of the export. */
  async discard(): Promise<void> {
    await Promise.all([...this.finished, ...this.open].map((file) => file.discard()));
  }
}

/** What a writer is given besides the export's own control: the files it writes. */
export interface WriterControl extends ExportControl {
  files: ExportFiles;
}

/** Writes one file of an export (see ExportFiles); resolves to its size. */
export const writeAtomically = (
  path: string,
  control: WriterControl,
  write: (file: AtomicFile) => Promise<void>,
): Promise<number> => control.files.write(path, write);

/** A whole export: `write` writes its files through the control it is given; they are in place when it resolves, none are when it rejects. */
export async function writingFiles<T>(
  control: ExportControl,
  write: (control: WriterControl) => Promise<T>,
): Promise<T> {
  const files = new ExportFiles(control.signal);
  try {
    const result = await write({ ...control, files });
    await checkpoint(control.signal);
    await files.commit();
    return result;
  } catch (error) {
    await files.discard();
    throw error;
  }
}
