import { createWriteStream, openSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { RootLogError } from '../model/index.js';

/** Why a file cannot be made there, in words (not the temporary name's system error). */
function whyNotWritable(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const folder = dirname(resolve(path));
  if (code === 'ENOENT') return `the folder ${folder} does not exist.`;
  if (code === 'EACCES' || code === 'EPERM') return `you may not write in the folder ${folder}.`;
  if (code === 'EROFS') return 'the disk is read-only.';
  if (code === 'ENOSPC') return 'the disk is full.';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Writes a file under a temporary name and renames it into place only when complete: a
 * failed or cancelled export never leaves a half file that looks whole.
 */
export class AtomicFile {
  readonly path: string;
  readonly partial: string;
  readonly stream: WriteStream;

  constructor(path: string) {
    this.path = path;
    this.partial = `${path}.partial-${process.pid}`;
    try {
      // Opened synchronously, so a missing folder or a read-only disk is reported here, not later.
      const fd = openSync(this.partial, 'wx');
      // Large writes: fewer system calls and fewer waits for 'drain' over hundreds of MB.
      this.stream = createWriteStream('', { fd, highWaterMark: 1 << 20 });
    } catch (error) {
      throw new RootLogError('validation', `Cannot write ${path}: ${whyNotWritable(path, error)}`, { field: 'out' });
    }
  }

  async commit(): Promise<number> {
    // A writer that ends the stream itself (exceljs) has done so already.
    if (!this.stream.writableEnded) this.stream.end();
    await finished(this.stream);
    renameSync(this.partial, this.path);
    return statSync(this.path).size;
  }

  discard(): void {
    // Writes still buffered fail once the stream is destroyed; they are meant to.
    this.stream.on('error', () => {});
    this.stream.destroy();
    rmSync(this.partial, { force: true });
  }
}

/** Waits for a stream to drain when its buffer is full, so memory stays flat. */
export async function writeChunk(stream: NodeJS.WritableStream, chunk: string | Buffer): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

/** Gives the event loop a turn (progress, cancel) and stops when the export was cancelled. */
export async function checkpoint(signal: AbortSignal | undefined): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (signal?.aborted) throw new RootLogError('cancelled', 'The export was cancelled; no file was written.');
}

/**
 * Writes one file atomically: `write` fills it; then, unless the export was cancelled, it is
 * renamed into place. Any failure removes the partial file. Resolves to the file's size.
 */
export async function writeAtomically(
  path: string,
  signal: AbortSignal | undefined,
  write: (file: AtomicFile) => Promise<void>,
): Promise<number> {
  const file = new AtomicFile(path);
  try {
    await write(file);
    await checkpoint(signal);
    return await file.commit();
  } catch (error) {
    file.discard();
    throw error;
  }
}
