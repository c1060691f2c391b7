import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, openInChromium } from './chromium-harness.js';
import { expect, openedByAdministrator, runtime, test } from './fixtures.js';
import { readDatabase } from './helpers.js';

/*
 * Dates are typed in the department's order (dd.mm.yyyy in Switzerland) whatever the operating
 * system's locale: here a Chromium started in US English, whose native date control is
 * mm/dd/yyyy (it stored the Swiss 12031958 as 1958-12-03, and its first Tab stayed inside the
 * control, losing the accession typed next).
 */

const CHROMIUM = process.env.ROOTLOG_CHROMIUM ?? '/usr/bin/chromium';

/** The app in a Chromium whose language (and date control) is US English. */
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

async function newCase(page: Page, patientId: string) {
  await page.keyboard.press('Alt+N');
  await expect(page.getByLabel('Patient ID')).toBeFocused();
  await page.keyboard.type(patientId);
}

inUsEnglish(
  'eight digits are day, month and year in the department’s order, said back in words; the first Tab leaves the field',
  async ({ page, dbPath }) => {
    if (runtime === 'chromium') expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await newCase(page, 'DATE-1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Muster, Erika');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Birth date')).toBeFocused();
    await expect(page.locator('[data-field="birthDate"]')).toContainText('dd.mm.yyyy');
    await page.keyboard.type('12031958');
    await expect(page.locator('[data-field="birthDate"]')).toContainText('12 March 1958');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Accession number')).toBeFocused();
    await page.keyboard.type('A26-004711');
    await expect(page.getByLabel('Birth date')).toHaveValue('12.03.1958');
    await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
    expect(stored(dbPath, 'DATE-1', 'birth_date')).toBe('1958-03-12');
    expect(stored(dbPath, 'DATE-1', 'accession_number')).toBe('A26-004711');
  },
);

inUsEnglish('a date not complete or not a date is said at its field and never stored', async ({ page, dbPath }) => {
  await newCase(page, 'DATE-2');
  const birth = page.getByLabel('Birth date');
  await birth.fill('12.03.1958');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await birth.fill('31.02.1958');
  await expect(page.locator('[data-field="birthDate"]')).toContainText(
    'Birth date has no day 31: February 1958 has 28 days',
  );
  await expect(page.getByRole('status').filter({ hasText: 'Not saved: 1 field needs attention' })).toBeVisible();
  // While typed into, "not complete yet" is the field's own hint; once left, it is said.
  await birth.fill('1203');
  await expect(page.locator('[data-field="birthDate"] [role="alert"]')).toHaveCount(0);
  await birth.blur();
  await expect(page.locator('[data-field="birthDate"]')).toContainText('Birth date is not complete: type dd.mm.yyyy');
  expect(stored(dbPath, 'DATE-2', 'birth_date')).toBe('1958-03-12');
});

inUsEnglish('a half-typed Performed date and time never empties the stored one', async ({ page, dbPath }) => {
  await newCase(page, 'TIME-1');
  await page.getByRole('button', { name: 'Change times' }).click();
  const performed = page.getByLabel('Performed');
  await expect(performed).toBeFocused();
  await performed.fill('14.03.2026 09:30');
  await expect(page.locator('[data-field="performedAt"]')).toContainText(/Saturday,? 14 March 2026, 09:30/);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  const before = stored(dbPath, 'TIME-1', 'performed_at');
  expect(String(before)).toMatch(/^2026-03-14T09:30:00[+-]\d\d:\d\d$/);
  // The native control showed "mm/dd/26101" and the stored time became empty, with "Saved".
  await performed.fill('14.03.26101');
  await page.keyboard.press('Tab');
  await expect(page.locator('[data-field="performedAt"]')).toContainText('Performed needs the year with four digits');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved: 1 field needs attention' })).toBeVisible();
  await page.getByLabel('Start', { exact: true }).fill('0930');
  await expect(page.getByLabel('Start', { exact: true })).toHaveValue('0930');
  await page.getByLabel('End', { exact: true }).fill('9:45');
  await expect.poll(() => stored(dbPath, 'TIME-1', 'ended_at')).toBe('09:45');
  expect(stored(dbPath, 'TIME-1', 'started_at')).toBe('09:30');
  expect(stored(dbPath, 'TIME-1', 'performed_at')).toBe(before);
});

test('what the form holds back survives a reload, shown again with its message, never "Saved"', async ({
  page,
  dbPath,
}) => {
  await newCase(page, 'HELD-1');
  const notes = 'x'.repeat(24_000);
  await page.getByLabel('Notes').fill(notes);
  await page.getByLabel('Birth date').fill('01.01.2099');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved: 2 fields need attention' })).toBeVisible();
  await expect.poll(() => stored(dbPath, 'HELD-1', 'patient_id')).toBe('HELD-1');
  await page.reload();
  await expect(page.getByLabel('Patient ID')).toHaveValue('HELD-1');
  await expect(page.getByLabel('Notes')).toHaveValue(notes);
  await expect(page.getByLabel('Birth date')).toHaveValue('01.01.2099');
  await expect(page.locator('[data-field="notes"]')).toContainText('at most 5000 characters');
  await expect(page.locator('[data-field="birthDate"]')).toContainText('must not be after the date of the procedure');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved: 2 fields need attention' })).toBeVisible();
  expect(stored(dbPath, 'HELD-1', 'notes')).toBeNull();
  expect(stored(dbPath, 'HELD-1', 'birth_date')).toBeNull();
  // Corrected, it is saved and no longer kept aside.
  await page.getByLabel('Notes').fill('Tolerated well');
  await page.getByLabel('Birth date').fill('01.01.1960');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Notes')).toHaveValue('Tolerated well');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
});

test('a drug row whose drug the logbook refuses is held back whole: the rest is saved, the row survives a reload', async ({
  page,
  dbPath,
}) => {
  // The window's catalogue offers a drug this logbook does not have (as when it changed behind the window).
  await page.addInitScript(() => {
    const w = window as unknown as { __rootlogCall?: (method: string, args: unknown[]) => Promise<unknown> };
    const call = w.__rootlogCall;
    if (!call) return;
    w.__rootlogCall = async (method, args) => {
      const answer = (await call(method, args)) as { drugCatalogue?: Record<string, unknown>[] };
      const dexamethasone = answer?.drugCatalogue?.find((drug) => drug.code === 'dexamethasone');
      if (method === 'settings.get' && dexamethasone)
        answer.drugCatalogue?.push({ ...dexamethasone, code: 'depot_x', name: 'Depot X' });
      return answer;
    };
  });
  await page.reload();
  await newCase(page, 'HELD-2');
  const addDrug = page.getByRole('toolbar', { name: 'Add a drug' });
  await addDrug.getByRole('button', { name: '+ Dexamethasone' }).click();
  await addDrug.getByRole('button', { name: '+ Depot X' }).click();
  await page.getByLabel('Notes').fill('Tolerated well');
  const row = page.locator('[data-field="drugs[1].drug"]');
  await expect(row).toContainText('Drug (drug 2) is not in the drug catalogue');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved: 1 field needs attention' })).toBeVisible();
  // The rest of the draft is in the logbook; the refused row is not.
  await expect.poll(() => stored(dbPath, 'HELD-2', 'notes')).toBe('Tolerated well');
  const drugs = () =>
    readDatabase(dbPath, (db) =>
      db
        .prepare(
          "SELECT d.drug_code FROM drug_administrations d JOIN procedures p ON p.id = d.procedure_id WHERE p.patient_id = 'HELD-2' ORDER BY d.ordinal",
        )
        .pluck()
        .all(),
    );
  expect(drugs()).toEqual(['dexamethasone']);
  await page.reload();
  await expect(page.getByLabel('Notes')).toHaveValue('Tolerated well');
  await expect(page.getByLabel('Drug 2', { exact: true })).toHaveValue('depot_x');
  await expect(row).toContainText('Drug (drug 2) is not in the drug catalogue');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved: 1 field needs attention' })).toBeVisible();
  await page.locator('[data-field="drugs"]').screenshot({ path: 'e2e/screenshots/held-back-drug-row.png' });
  // Another drug chosen in the row: it is saved, and nothing is held back any more.
  await page.getByLabel('Drug 2', { exact: true }).selectOption('lidocaine');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  expect(drugs()).toEqual(['dexamethasone', 'lidocaine']);
});

test('in German, what to type is said as German clinicians write it: TT.MM.JJJJ', async ({ page }) => {
  await page.goto('http://rootlog.test/index.html?language=de');
  await expect(page.locator('main h1').first()).toBeVisible();
  await page.keyboard.press('Alt+N');
  const birth = page.locator('#field-birthDate');
  // The department's order (de-CH: day, month, year with "."), the letters the reader's.
  await expect(birth).toHaveAttribute('placeholder', 'TT.MM.JJJJ');
  await birth.fill('1203');
  await birth.blur();
  await expect(page.locator('[data-field="birthDate"] .problem')).toHaveText(
    'Geburtsdatum: ist noch unvollständig – im Format TT.MM.JJJJ eingeben',
  );
});
