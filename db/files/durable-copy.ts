import { closeSync, constants, copyFileSync, fsyncSync, openSync, readSync } from 'node:fs';

/*
 * A finished file moved to another disk, where a rename cannot take it: copied, put on the
 * disk (fsync), and read back against the original byte for byte, so what lands is exactly what
 * was checked.
 */

const CHUNK = 1 << 20;

/** Whether two files hold the same bytes. */
function sameBytes(a: string, b: string): boolean {
  const [fa, fb] = [openSync(a, 'r'), openSync(b, 'r')];
  try {
    const [ba, bb] = [Buffer.alloc(CHUNK), Buffer.alloc(CHUNK)];
    for (;;) {
      const na = readSync(fa, ba, 0, CHUNK, null);
      const nb = readSync(fb, bb, 0, CHUNK, null);
      if (na !== nb || !ba.subarray(0, na).equals(bb.subarray(0, nb))) return false;
      if (na === 0) return true;
    }
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
}

/** Copies `from` to the new file `to` (never over an existing one), durably, and checks the copy; throws when it differs. */
export function copyDurably(from: string, to: string): void {
  copyFileSync(from, to, constants.COPYFILE_EXCL);
  const fd = openSync(to, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (!sameBytes(from, to))
    throw Object.assign(new Error(`the copy at ${to} differs from what was written`), { code: 'EIO' });
}
