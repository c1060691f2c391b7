import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { localDateTimeWithOffset } from '../db/model/index.js';
import { saveDraft, signProcedure } from '../db/procedures.js';
import { listOperators, updateSettings } from '../db/settings.js';
import { openStore } from '../db/store.js';
import { completeDraft } from '../db/testing/fixtures.js';
import { signerOf } from '../db/testing/signer.js';
import { expect, test } from './fixtures.js';

/*
 * The languages end to end: what a patient takes home is in the patient's language, with the
 * department's letterhead and the number to call (read back from the PDF with pdftotext); and
 * no text overflows or is cut off when every string is 40 % longer (the pseudo-language).
 */

test.use({ department: 'one-operator' });

const screenshots = join(process.cwd(), 'e2e', 'screenshots');
mkdirSync(screenshots, { recursive: true });
const DEPARTMENT = {
  name: 'Institut für Radiologie, Kantonsspital Musterstadt',
  address: 'Spitalstrasse 1\n8000 Musterstadt',
  phone: '+41 44 123 45 67',
};

const flat = (text: string) => text.replace(/\s+/g, ' ');

async function printed(page: Page, button: RegExp): Promise<string> {
  await page.getByRole('button', { name: button }).click();
  const saved = page.getByRole('status').filter({ hasText: /\.pdf/ });
  await expect(saved).toBeVisible();
  const path = /(\/\S+\.pdf)/.exec((await saved.textContent()) ?? '')?.[1] ?? '';
  expect(existsSync(path)).toBe(true);
  return path;
}

test('an Italian-speaking patient in a German-speaking department gets an Italian aftercare sheet, letterhead and phone', async ({
  page,
  dbPath,
}) => {
  const store = openStore(dbPath);
  try {
    updateSettings(store, { department: DEPARTMENT, language: 'de' }, { actor: 'Dr. A. Keller' });
    const [operator] = listOperators(store);
    const { record } = saveDraft(
      store,
      completeDraft(operator?.id ?? '', {
        patientId: 'KSM-IT-1',
        patientName: 'Rossi, Giulia',
        patientLanguage: 'it',
        performedAt: localDateTimeWithOffset(new Date(Date.now() - 86_400_000)),
      }),
      { actor: 'Dr. A. Keller' },
    );
    signProcedure(store, record.id, {}, signerOf(store, operator?.id ?? ''), { actor: 'Dr. A. Keller' });
  } finally {
    store.close();
  }
  await page.reload();
  await page.getByRole('button', { name: /^(All dates|Alle Daten)$/ }).click();
  await page.getByRole('button', { name: /KSM-IT-1/ }).click();
  const path = await printed(page, /^(Aftercare sheet as PDF|Merkblatt als PDF)$/);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '70',
    '-f',
    '1',
    '-l',
    '1',
    path,
    join(screenshots, 'languages-aftercare-it'),
  ]);
  const sheet = flat(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }));
  for (const words of [
    // The letterhead: the department's name, address and phone.
    `${DEPARTMENT.name} Spitalstrasse 1 · 8000 Musterstadt · ${DEPARTMENT.phone}`,
    'Dopo la Sua infiltrazione della radice nervosa',
    'Rossi, Giulia (KSM-IT-1)',
    'Eseguito da Dr. A. Keller il',
    'alla radice nervosa L5 sinistra',
    'Oggi non guidi',
    `Ci chiami al numero ${DEPARTMENT.phone}`,
    'pronto soccorso',
    `Il nostro numero di telefono: ${DEPARTMENT.name}: ${DEPARTMENT.phone}`,
  ]) {
    expect(sheet).toContain(words);
  }
  // Nothing of it in the department's German or in English.
  for (const words of ['Nach Ihrer', 'After your nerve root injection', 'Call us', 'Do not drive']) {
    expect(sheet).not.toContain(words);
  }
});

/** Text that is cut off: an element whose content is wider than its box while its overflow is hidden or ellipsised. */
async function cutTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(
      '#root button, #root label, #root legend, #root h1, #root h2, #root h3, #root th, #root td, #root a, #root p',
    )) {
      if (element.offsetParent === null) continue;
      const style = getComputedStyle(element);
      const hides = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
      if (hides && element.scrollWidth > element.clientWidth + 1) cut.push(element.textContent?.trim() ?? '');
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) cut.push('(the page is wider than the window)');
    return cut;
  });
}

test('in the pseudo-language (every text 40 % longer) the form and the dashboard cut no text', async ({ page }) => {
  await page.goto('http://rootlog.test/index.html?language=pseudo');
  await expect(page.getByText(/⟦/).first()).toBeVisible();
  await page.keyboard.press('Alt+N');
  await expect(page.locator('#section-patient')).toBeVisible();
  await page.screenshot({ path: join(screenshots, 'languages-pseudo-form.png'), fullPage: true });
  expect(await cutTexts(page)).toEqual([]);
  await page.getByRole('button', { name: /Dashboard/ }).click();
  await page.screenshot({ path: join(screenshots, 'languages-pseudo-dashboard.png'), fullPage: true });
  expect(await cutTexts(page)).toEqual([]);
});
