import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * A real full disk for the tests of what RootLog does when a write fails: a tmpfs of a few
 * kilobytes, mounted for the test and unmounted after it. Mounting needs root, which CI has;
 * elsewhere the tests that need one say so (`SMALL_DISK_UNAVAILABLE`) instead of pretending.
 */

/** Why a small disk cannot be had here, or null when it can. */
export const SMALL_DISK_UNAVAILABLE: string | null =
  process.platform !== 'linux'
    ? 'a small disk is a Linux tmpfs here'
    : process.getuid?.() !== 0
      ? 'mounting a small tmpfs needs root (CI runs the tests as root)'
      : null;

/** tmpfs counts whole pages. */
export const PAGE = 4096;

export interface SmallDisk {
  /** The mounted folder: the whole disk. */
  folder: string;
  /** Unmounts the disk and removes its folder. */
  remove(): void;
}

/** A tmpfs of `bytes` (rounded down to whole pages, at least one), mounted on a fresh folder. */
export function smallDisk(bytes: number): SmallDisk {
  if (SMALL_DISK_UNAVAILABLE) throw new Error(`No small disk: ${SMALL_DISK_UNAVAILABLE}`);
  const folder = mkdtempSync(join(tmpdir(), 'rootlog-full-disk-'));
  const size = Math.max(PAGE, Math.floor(bytes / PAGE) * PAGE);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0777`, 'tmpfs', folder]);
  return {
    folder,
    remove: () => {
      try {
        execFileSync('umount', [folder], { stdio: 'pipe' });
      } catch {
        // Detached all the same, so that no mount outlives the test; the test still fails.
        execFileSync('umount', ['--lazy', folder]);
        throw new Error(`A file on the small disk ${folder} was still open after the test: a descriptor leaked.`);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
