import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/*
 * RootLog writes an export or a backup under a temporary name and renames it into place only
 * when it is complete. A process killed on the way (SIGKILL, a power cut) cannot remove its
 * temporary file, so each one is named so that a later run can recognise it for sure:
 *
 *   .<file name>.rootlog-<machine>-<process id>-<random>.partial
 *
 * hidden, saying it is incomplete, and naming the machine and the process that wrote it. The
 * next export or backup into the same folder removes those of this machine whose process is no
 * longer running, and nothing else: another program's files, a file of a process still
 * running, and files written from another machine onto a shared folder are left alone.
 */

/** This machine, in a few characters (its name itself stays out of file names on shared folders). */
const MACHINE = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);

const PARTIAL = /^\..*\.rootlog-([0-9a-f]{8})-(\d+)-[0-9a-f]{8}\.partial(?:-wal|-shm|-journal)?$/;
/** What RootLog 0.1 named them: `<file>.partial-<pid>` (exports), `<file>.partial-<pid>-<random>` (backups). */
const EARLIER = /^(.+)\.partial-(\d+)(?:-[0-9a-f]{8})?(?:-wal|-shm|-journal)?$/;

/** Partial files this process is writing now: removed when the process is stopped (see removeOwnPartials). */
const ours = new Set<string>();

/** A file name's part in the partial's name: long names are cut, so the partial's name stays within the file system's limit. */
const shortened = (name: string) => (Buffer.byteLength(name) <= 120 ? name : `${name.slice(0, 40)}…`);

/** A fresh temporary name for `target`, in `folder` (by default the target's own), marked as this process's until released. */
export function partialPath(target: string, folder = dirname(resolve(target))): string {
  const partial = join(
    folder,
    `.${shortened(basename(target))}.rootlog-${MACHINE}-${process.pid}-${randomBytes(4).toString('hex')}.partial`,
  );
  ours.add(partial);
  return partial;
}

/** Removes a partial file (and what SQLite may have put beside it), and forgets it. */
export function removePartial(partial: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${partial}${suffix}`, { force: true });
  ours.delete(partial);
}

/** The partial became its file (renamed into place): nothing of it to remove any more. */
export const releasePartial = (partial: string): void => {
  ours.delete(partial);
};

/** Removes every partial file this process is writing: for a process told to stop (Ctrl-C, SIGTERM, a closed pipe). */
export function removeOwnPartials(): void {
  for (const partial of [...ours]) {
    try {
      removePartial(partial);
    } catch {
      // Stopping anyway: what cannot be removed now is removed by the next run (removeLeftovers).
    }
  }
}

/** The signals that stop a command-line run: Ctrl-C, the session closed, a scheduler's or the system's "stop". */
const STOPPING = ['SIGINT', 'SIGHUP', 'SIGTERM'] as const;

/**
 * A process stopped by a signal removes the partial files it was writing first, then stops as
 * the signal says (so whoever sent it sees it did): for the command line, whose exports and
 * backups a scheduler, a closed terminal or Ctrl-C may stop half way. (SIGKILL cannot be
 * caught: what it leaves, the next run removes.)
 */
export function removePartialsWhenStopped(): void {
  for (const signal of STOPPING) {
    const stop = () => {
      removeOwnPartials();
      process.off(signal, stop);
      process.kill(process.pid, signal);
    };
    process.on(signal, stop);
  }
}

/** Whether a process with this id runs on this machine (one of another user's counts: it may not be signalled). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `name` is a partial file RootLog left in its folder when it was killed, as `target`'s folder holds it. */
function isLeftover(name: string, folder: string, target: string | undefined): boolean {
  if (ours.has(join(folder, name))) return false;
  const current = PARTIAL.exec(name);
  if (current) {
    const pid = Number(current[2]);
    // A partial of this very process that it is not writing was left by an earlier process given the same id.
    return current[1] === MACHINE && (pid === process.pid || !running(pid));
  }
  // An earlier version's partials carry no machine: only those of the very file being written are taken as ours.
  const earlier = target ? EARLIER.exec(name) : null;
  return earlier !== null && earlier[1] === basename(target as string) && !running(Number(earlier[2]));
}

/**
 * Removes the partial files that an export or backup killed on the way left in `folder`
 * (see above); `target`, the file about to be written there, also names the partials an earlier
 * RootLog left for it. Returns the names removed. A folder that cannot be read is left as it is.
 */
export function removeLeftovers(folder: string, target?: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!isLeftover(name, folder, target)) continue;
    try {
      rmSync(join(folder, name), { force: true });
      removed.push(name);
    } catch {
      // Not ours to remove after all (another user's folder): left for whoever can.
    }
  }
  return removed;
}
