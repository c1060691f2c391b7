import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';

/*
 * The record and the aftercare sheet as PDFs, printed by Chromium itself (page.pdf here,
 * webContents.printToPDF in Electron) with the print stylesheet, then read back as a person
 * would: the text with pdftotext, the first page as a PNG with pdftoppm (kept beside the
 * screenshots to look at).
 */

test.use({ department: 'signed-case' });

const screenshots = join(process.cwd(), 'e2e', 'screenshots');

function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

function firstPageAsPng(path: string, name: string): string {
  const out = join(screenshots, name);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path, out]);
  return `${out}.png`;
}

for (const [sheet, button, expected, absent] of [
  [
    'record',
    'Record as PDF',
    ['Procedure — Signed', 'CT-guided lumbar nerve root infiltration of L5 left', 'Dexamethasone 8 mg'],
    ['Record as PDF', 'Today', 'History'],
  ],
  [
    'aftercare',
    'Aftercare sheet as PDF',
    [
      'After your nerve root injection',
      'Dexamethasone (a cortisone) 8 mg and lidocaine (a local anaesthetic) 20 mg at the left L5 nerve root.',
      'numb or weak for a few hours',
      'cortisone usually begins to work after 1–3 days',
      'Do not drive today',
      'control your bladder or bowels',
    ],
    ['Procedure — Signed', 'PROCEDURE', 'Operator'],
  ],
] as const) {
  test(`the ${sheet} prints as a PDF with the print stylesheet`, async ({ page }) => {
    await page.getByRole('button', { name: /P1234567/ }).click();
    await expect(page.getByRole('heading', { name: 'Procedure — Signed' })).toBeVisible();
    await page.getByRole('button', { name: button }).click();
    const saved = page.getByRole('status').filter({ hasText: /saved as .*\.pdf/ });
    await expect(saved).toBeVisible();
    const path = /saved as (.*\.pdf)/.exec((await saved.textContent()) ?? '')?.[1] ?? '';
    expect(existsSync(path)).toBe(true);
    const text = pdfText(path).replace(/\s+/g, ' ');
    for (const words of expected) expect(text).toContain(words);
    for (const words of absent) expect(text).not.toContain(words);
    const png = firstPageAsPng(path, `print-${sheet}`);
    expect(existsSync(png)).toBe(true);
    // The page is back as it was: the print mode is only for the print.
    await expect(page.locator('body')).not.toHaveAttribute('data-print', /./);
  });
}
