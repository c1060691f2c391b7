import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { writeAtomically } from './atomic-file.js';

it('says in words that the folder of the file does not exist, and leaves nothing', async () => {
  const folder = join(mkdtempSync(join(tmpdir(), 'rootlog-atomic-')), 'missing');
  const out = join(folder, 'export.csv');
  await expect(writeAtomically(out, undefined, async () => {})).rejects.toMatchObject({
    message: `Cannot write ${out}: the folder ${folder} does not exist.`,
    field: 'out',
  });
  expect(existsSync(folder)).toBe(false);
});
