import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, openInChromium } from './chromium-harness.js';
import { expect, openedByAdministrator, runtime, test } from './fixtures.js';
import { choices, readDatabase } from './helpers.js';

/*
 * The department's locale (Settings → Dates and numbers) drives every date and number field,
 * whatever the operating system's language: here a Chromium started in US English.
 */

const CHROMIUM = process.env.ROOTLOG_CHROMIUM ?? '/usr/bin/chromium';

const inUsEnglish = test.extend({
  page: async ({ page, dbPath }, use) => {
    if (runtime !== 'chromium') return use(page);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--lang=en-US'] });
    const opened = await openInChromium(browser, dbPath);
    // Opened by the department's administrator, as the default page is (fixtures.ts).
    if (await openedByAdministrator(opened.page)) await opened.page.reload();
    await use(opened.page);
    await opened.close();
    await browser.close();
  },
});

const stored = (dbPath: string, patientId: string, column: string) =>
  readDatabase(dbPath, (db) =>
    db.prepare(`SELECT ${column} FROM procedures WHERE patient_id = ?`).pluck().get(patientId),
  );

async function chooseLocale(page: Page, name: string, example: string) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Write dates and numbers as in').selectOption({ label: name });
  await expect(page.getByTestId('locale-example')).toHaveText(example);
}

async function newCase(page: Page, patientId: string) {
  await page.keyboard.press('Alt+N');
  await expect(page.getByLabel('Patient ID')).toBeFocused();
  await page.keyboard.type(patientId);
}

inUsEnglish(
  'in de-DE: 12031958 is 12 March 1958, 148,5 and 148.5 are 148.5, 1’480 is 1480, 1.480 is refused',
  async ({ page, dbPath, saveScreenshot }) => {
    if (runtime === 'chromium') expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await chooseLocale(page, 'Deutsch (Deutschland)', '12.03.1958 · 14.03.2026 14:05 · 148,5 mGy·cm');
    await newCase(page, 'LOC-DE');
    const birth = page.getByLabel('Birth date');
    await birth.fill('12031958');
    await expect(page.locator('[data-field="birthDate"]')).toContainText('12 March 1958');
    await expect.poll(() => stored(dbPath, 'LOC-DE', 'birth_date')).toBe('1958-03-12');

    await choices(page, 'Guidance modality').getByRole('radio', { name: /^CT/ }).first().click();
    const dlp = page.locator('[data-field="dlpMGyCm"] input');
    await dlp.fill('148,5');
    await expect.poll(() => stored(dbPath, 'LOC-DE', 'dlp_mgy_cm')).toBe(148.5);
    await dlp.fill('148.5');
    await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
    expect(stored(dbPath, 'LOC-DE', 'dlp_mgy_cm')).toBe(148.5);
    await dlp.fill("1'480");
    await expect.poll(() => stored(dbPath, 'LOC-DE', 'dlp_mgy_cm')).toBe(1480);
    // Read two ways (1480 in Germany, 1.48 in Switzerland): refused, said, the stored value kept.
    await dlp.fill('1.480');
    await expect(page.locator('[data-field="dlpMGyCm"]')).toContainText(
      'DLP (mGy·cm) is not clear: 1.480 could be 1480 or 1,48: type 1480 without a separator or 1,48',
    );
    await expect(page.getByRole('status').filter({ hasText: 'Not saved: 1 field needs attention' })).toBeVisible();
    await birth.focus();
    await saveScreenshot('locale-de-DE-form');
    expect(stored(dbPath, 'LOC-DE', 'dlp_mgy_cm')).toBe(1480);
    await dlp.fill('1,48');
    await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
    expect(stored(dbPath, 'LOC-DE', 'dlp_mgy_cm')).toBe(1.48);
    // Shown back with the locale's decimal mark once the record is opened again.
    await page.reload();
    await expect(page.locator('[data-field="dlpMGyCm"] input')).toHaveValue('1,48');
    await expect(page.getByLabel('Birth date')).toHaveValue('12.03.1958');
  },
);

inUsEnglish('in en-US the date is typed month first; in en-GB it is shown 12/03/1958', async ({ page, dbPath }) => {
  await chooseLocale(page, 'English (United States)', '03/12/1958 · 03/14/2026 14:05 · 148.5 mGy·cm');
  await newCase(page, 'LOC-US');
  await page.getByLabel('Birth date').focus();
  await expect(page.locator('[data-field="birthDate"]')).toContainText('mm/dd/yyyy');
  await page.keyboard.type('03121958');
  // Said back as an American reader writes it in words (the reader's locale speaks English).
  await expect(page.locator('[data-field="birthDate"]')).toContainText('March 12, 1958');
  await expect.poll(() => stored(dbPath, 'LOC-US', 'birth_date')).toBe('1958-03-12');
  await chooseLocale(page, 'English (United Kingdom)', '12/03/1958 · 14/03/2026 14:05 · 148.5 mGy·cm');
  await page.getByRole('button', { name: 'Procedures', exact: true }).click();
  await page.getByRole('button', { name: /^LOC-US/ }).click();
  await expect(page.getByLabel('Birth date')).toHaveValue('12/03/1958');
});

test('in German, a number typed two ways is said in German beside its field', async ({ page }) => {
  // The department writes de-CH (its decimal point); the reader reads German.
  await page.goto('http://rootlog.test/index.html?language=de');
  await expect(page.locator('main h1').first()).toBeVisible();
  await page.keyboard.press('Alt+N');
  await choices(page, 'Bildsteuerung').getByRole('radio', { name: /^CT/ }).first().click();
  await page.locator('[data-field="dlpMGyCm"] input').fill('1.480');
  await expect(page.locator('[data-field="dlpMGyCm"] .problem')).toHaveText(
    'DLP (mGy·cm): ist nicht eindeutig: 1.480 könnte 1480 oder 1.48 sein: Geben Sie 1480 ohne Trennzeichen ein oder 1.48',
  );
});
