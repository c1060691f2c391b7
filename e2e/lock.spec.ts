import { TEST_PIN } from '../db/testing/signer.js';
import { expect, TECHNOLOGIST_PIN, test } from './fixtures.js';
import { readDatabase, signWithPin } from './helpers.js';

/*
 * Signed by a person (issue 25): the console locks itself and shows nobody's patient; a
 * signature asks the signer's PIN, refuses a wrong one in words, and a technologist, who
 * prepares the case, cannot sign it.
 */

const statusOf = (dbPath: string, patientId: string) =>
  readDatabase(dbPath, (db) =>
    db.prepare('SELECT status FROM procedures WHERE patient_id = ?').pluck().get(patientId),
  ) as string;

test.describe('the console locks itself', () => {
  test('after the idle time it hides the patient, keeps the draft, and opens again with a PIN', async ({
    page,
    dbPath,
    saveScreenshot,
  }) => {
    // The window's clock, so five idle minutes pass without waiting for them.
    await page.clock.install();
    await page.reload();
    await page.keyboard.press('Alt+N');
    await expect(page.getByLabel('Patient ID')).toBeFocused();
    await page.keyboard.type('LOCK-1');
    await page.getByLabel('Name', { exact: true }).fill('Vertraulich, Vera');
    await page.clock.runFor('05:01');

    await expect(page.getByRole('heading', { name: 'RootLog is locked' })).toBeVisible();
    await expect(page.getByText('Vertraulich, Vera')).toHaveCount(0);
    await expect(page.getByText('LOCK-1')).toHaveCount(0);
    await expect(page.locator('input[value="LOCK-1"]')).toHaveCount(0);
    await saveScreenshot('lock-screen');
    // Saved by locking, never lost.
    expect(
      readDatabase(dbPath, (db) =>
        db.prepare("SELECT patient_name FROM procedures WHERE patient_id = 'LOCK-1'").pluck().get(),
      ),
    ).toBe('Vertraulich, Vera');

    await page.getByLabel('PIN', { exact: true }).fill('9999');
    await page.getByLabel('PIN', { exact: true }).press('Enter');
    await expect(page.getByRole('alert')).toContainText('That is not Dr. A. Keller’s PIN');
    await expect(page.getByRole('heading', { name: 'RootLog is locked' })).toBeVisible();

    await page.getByLabel('PIN', { exact: true }).fill(TEST_PIN);
    await page.getByLabel('PIN', { exact: true }).press('Enter');
    await expect(page.getByLabel('Patient ID')).toHaveValue('LOCK-1');
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Vertraulich, Vera');
  });

  test('Ctrl+L locks at once; the main process answers nothing but the lock screen meanwhile', async ({ page }) => {
    await expect(page.getByRole('heading', { name: "Today's procedures" })).toBeVisible();
    await page.keyboard.press('Control+L');
    await expect(page.getByRole('heading', { name: 'RootLog is locked' })).toBeVisible();
    const answer = await page.evaluate(() =>
      (window as unknown as { __rootlogCall: (m: string, a: unknown[]) => Promise<unknown> }).__rootlogCall(
        'procedures.list',
        [],
      ),
    );
    expect(answer).toMatchObject({ error: { code: 'console_locked' } });
  });
});

test.describe('signing asks the signer’s PIN', () => {
  test.use({ department: 'radiologist-and-technologist' });

  test('a wrong PIN is refused in words and signs nothing; the right one signs under the operator’s name', async ({
    page,
    dbPath,
  }) => {
    await page.getByRole('button', { name: /RAD-1/ }).click();
    await page.keyboard.press('Control+Enter');
    const pin = page.getByLabel('PIN of Dr. A. Keller');
    await expect(pin).toBeFocused();
    await page.keyboard.type('9999');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Sign' }).getByRole('alert')).toContainText(
      'That is not Dr. A. Keller’s PIN. 4 more wrong PINs lock Dr. A. Keller for 5 minutes.',
    );
    expect(statusOf(dbPath, 'RAD-1')).toBe('draft');
    await expect(pin).toHaveValue('');

    await signWithPin(page);
    await expect(page.getByRole('heading', { name: 'Procedure — Signed' })).toBeVisible();
    expect(
      readDatabase(dbPath, (db) =>
        db
          .prepare(
            "SELECT p.signed_by, p.signed_meaning, o.name AS operator FROM procedures p JOIN operators o ON o.id = p.signed_by_id WHERE p.patient_id = 'RAD-1'",
          )
          .get(),
      ),
    ).toEqual({ signed_by: 'Dr. A. Keller', signed_meaning: 'performed_and_signed', operator: 'Dr. A. Keller' });
  });

  test('a technologist prepares the case but cannot sign it', async ({ page, dbPath }) => {
    await page.getByRole('button', { name: /TECH-1/ }).click();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByLabel('PIN of MTRA C. Weber')).toBeFocused();
    await page.keyboard.type(TECHNOLOGIST_PIN);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Sign' }).getByRole('alert')).toContainText(
      'MTRA C. Weber is a technologist: a technologist prepares the case, a radiologist signs it.',
    );
    expect(statusOf(dbPath, 'TECH-1')).toBe('draft');
  });
});
