import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { backupDatabase } from '../maintenance.js';
import { tempStore } from '../testing/fixtures.js';
import { writeAtomically, writingFiles } from './atomic-file.js';

it('says in words that the folder of the file does not exist, and leaves nothing', async () => {
  const folder = join(mkdtempSync(join(tmpdir(), 'rootlog-atomic-')), 'missing');
  const out = join(folder, 'export.csv');
  await expect(writingFiles({}, (control) => writeAtomically(out, control, async () => {}))).rejects.toMatchObject({
    message: `Cannot write ${out}: the folder ${folder} does not exist.`,
    field: 'out',
  });
  expect(existsSync(folder)).toBe(false);
});

it('refuses a backup into a folder that does not exist before copying anything, naming the folder', async () => {
  const { store } = tempStore();
  const folder = join(mkdtempSync(join(tmpdir(), 'rootlog-backup-')), 'missing');
  await expect(backupDatabase(store, join(folder, 'copy.sqlite'))).rejects.toMatchObject({
    message: `Cannot write ${join(folder, 'copy.sqlite')}: the folder ${folder} does not exist.`,
    field: 'out',
  });
  store.close();
});
