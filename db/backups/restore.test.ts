import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveDraft } from '../procedures.js';
import { openStore } from '../store.js';
import { completeDraft, context } from '../testing/fixtures.js';

/*
 * The restore of docs/desktop.md ("Restoring a backup"), step by step, with the command line
 * IT uses: the logbook is lost, the latest backup is checked, put in its place in a fresh
 * folder, checked again against the chain head kept before, and RootLog works on it.
 */
const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli', 'rootlog.cjs');
const rootlog = (...args: string[]) => {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
};
const headOf = (out: string) => /chain head:\s+(.+)/.exec(out)?.[1] ?? '';

describe('restoring a backup', () => {
  it('into a fresh folder: check passes and the chain head is the one kept before', () => {
    const work = mkdtempSync(join(tmpdir(), 'rootlog-restore-'));
    const consoleFolder = join(work, 'console');
    const share = join(work, 'share');
    mkdirSync(consoleFolder);
    mkdirSync(share);
    const logbook = join(consoleFolder, 'rootlog.sqlite');
    expect(rootlog('seed', '--db', logbook, '--count', '60', '--seed', '8').code).toBe(0);
    // The head IT keeps elsewhere (monthly, say), and the nightly backup.
    const kept = headOf(rootlog('check', '--db', logbook).out);
    expect(kept).toMatch(/^audit:\d+:[0-9a-f]{64} versions:\d+:[0-9a-f]{64}/);
    expect(rootlog('backup', '--db', logbook, '--out-dir', share, '--rotate', '14').code).toBe(0);

    // The console's disk fails: the logbook is damaged.
    writeFileSync(logbook, Buffer.alloc(64 * 1024, 0x5a));
    expect(rootlog('check', '--db', logbook).code).toBe(1);

    // 1. The newest backup of this console in the share, checked where it is.
    const [latest = ''] = readdirSync(share)
      .filter((name) => name.startsWith('rootlog-backup-'))
      .sort()
      .reverse();
    const inShare = rootlog('check', '--db', join(share, latest), '--expect-head', kept);
    expect(inShare.out).toMatch(/check passed/);
    // 2. The damaged logbook put aside as evidence, never deleted.
    const aside = join(work, 'damaged');
    mkdirSync(aside);
    for (const name of readdirSync(consoleFolder)) renameSync(join(consoleFolder, name), join(aside, name));
    // 3. The backup copied into the logbook's place (here a fresh folder).
    const restoredFolder = join(work, 'restored');
    mkdirSync(restoredFolder);
    const restored = join(restoredFolder, 'rootlog.sqlite');
    copyFileSync(join(share, latest), restored);
    // 4. Checked again, against the head kept before the loss.
    const check = rootlog('check', '--db', restored, '--expect-head', kept);
    expect(check.err).toBe('');
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/procedures\s+60\n/);
    expect(headOf(check.out)).toBe(kept);
    // 5. RootLog works on it: a new case is saved, and the logbook checks again.
    const store = openStore(restored);
    const operatorId = store.reader.prepare('SELECT id FROM operators LIMIT 1').pluck().get() as string;
    saveDraft(store, completeDraft(operatorId), context);
    store.close();
    expect(rootlog('check', '--db', restored).out).toMatch(/check passed/);
  });

  it('a backup made without the pseudonymisation key: the key put back, pseudonyms match earlier exports', () => {
    const work = mkdtempSync(join(tmpdir(), 'rootlog-restore-'));
    const logbook = join(work, 'rootlog.sqlite');
    expect(rootlog('seed', '--db', logbook, '--count', '10', '--seed', '2').code).toBe(0);
    const key = rootlog('key', '--db', logbook, '--show').out.trim();
    const before = join(work, 'before.csv');
    expect(rootlog('export', '--db', logbook, '--format', 'csv', '--pseudonymize', '--out', before).code).toBe(0);
    const share = join(work, 'share');
    mkdirSync(share);
    expect(rootlog('backup', '--db', logbook, '--out-dir', share, '--exclude-key').code).toBe(0);
    const [backup = ''] = readdirSync(share);
    const restored = join(work, 'restored.sqlite');
    copyFileSync(join(share, backup), restored);
    expect(
      rootlog('export', '--db', restored, '--format', 'csv', '--pseudonymize', '--out', join(work, 'x.csv')).err,
    ).toMatch(/pseudonymisation key is not in this logbook/);
    expect(rootlog('key', '--db', restored, '--set', key).code).toBe(0);
    const after = join(work, 'after.csv');
    expect(rootlog('export', '--db', restored, '--format', 'csv', '--pseudonymize', '--out', after).code).toBe(0);
    // The same records under the same pseudonyms, byte for byte.
    expect(readFileSync(after, 'utf8')).toBe(readFileSync(before, 'utf8'));
  });
});
