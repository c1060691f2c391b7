import type { Page } from '@playwright/test';
import { TEST_PIN } from '../db/testing/signer.js';
import { expect, TECHNOLOGIST_PIN, test } from './fixtures.js';
import { holdApi, readDatabase } from './helpers.js';

/*
 * Typed straight on while the main process answers: a signature on its way, a badge's holder
 * looked up, the console opening again after the lock. The keys are held until the answer
 * shows and go where it sends the focus (the PIN, the reopened case), never into the field
 * that had it, where a PIN would be saved with the draft. Each answer is held until the keys
 * are typed (Chromium harness), so the keys always come first.
 */

test.use({ department: 'presets' });

/** The patient IDs stored that start as the case's: a PIN typed into it would show here. */
const storedPatientIds = (dbPath: string, patientId: string) =>
  readDatabase(dbPath, (db) =>
    db.prepare("SELECT patient_id FROM procedures WHERE patient_id LIKE ? || '%'").pluck().all(patientId),
  );

/** The standard case with the department's preset, everything but the signer's PIN. */
async function caseReadyToSign(page: Page, patientId: string) {
  await expect(page.getByRole('heading', { name: "Today's procedures" })).toBeVisible();
  await page.keyboard.press('Alt+N');
  await expect(page.getByLabel('Patient ID')).toBeFocused();
  await page.keyboard.type(patientId);
  await page.keyboard.press('Enter'); // → Indication
  await page.keyboard.press('Enter'); // disc herniation → Consent
  await page.keyboard.press('Enter'); // obtained → the root
  await page.keyboard.press('Alt+1'); // L5 right CT standard
  await expect(page.getByRole('heading', { name: 'Target 1: L5 right' })).toBeVisible();
  await expect(page.locator('[data-field="targets[0].spread"] :focus')).toHaveCount(1);
  await page.keyboard.press('Enter'); // perineural → the CT dose
  await page.keyboard.type('150');
  await page.keyboard.press('Enter'); // → CTDIvol
  await page.keyboard.press('Enter'); // not at hand → pain before
  await page.keyboard.press('8');
  await page.keyboard.press('Enter');
  await page.keyboard.press('2');
  await page.keyboard.press('Enter'); // → complications
  await page.keyboard.press('Enter'); // none → the PIN
  await expect(page.getByLabel('PIN of Dr. A. Keller')).toBeFocused();
}

test('the PIN typed straight after Ctrl+Enter goes to the PIN, not into the Patient ID the cursor was in', async ({
  page,
  dbPath,
}) => {
  await caseReadyToSign(page, 'TYPED-1');
  // Back in Patient ID, Ctrl+Enter signs from there; the signature asks for the PIN, typed at once.
  await page.getByLabel('Patient ID').click();
  const sign = await holdApi(page, 'procedures.sign');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(TEST_PIN);
  if (sign.held) {
    await expect.poll(sign.calls).toBe(1);
    await sign.answer();
  }
  await expect(page.getByLabel('PIN of Dr. A. Keller')).toHaveValue(TEST_PIN);
  await expect(page.getByLabel('Patient ID')).toHaveValue('TYPED-1');
  await page.keyboard.press('Enter'); // signs
  await expect(page.getByRole('heading', { name: 'Procedure — Signed' })).toBeVisible();
  expect(storedPatientIds(dbPath, 'TYPED-1')).toEqual(['TYPED-1']);
});

test.describe('at the lock screen', () => {
  test.use({ department: 'radiologist-and-technologist' });
  const BADGE = '0042-7781';

  test('the PIN typed straight after the badge goes to the PIN, and what follows the unlock to the reopened case', async ({
    page,
    dbPath,
  }) => {
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const weber = page.locator('.operators > li').filter({ hasText: 'MTRA C. Weber' });
    await weber.getByLabel('Badge', { exact: true }).click();
    await page.keyboard.type(BADGE);
    await page.keyboard.press('Enter');
    await expect(weber).toContainText('badge enrolled');
    await page.keyboard.press('Alt+N');
    await expect(page.getByLabel('Patient ID')).toBeFocused();
    await page.keyboard.type('BADGE-1');
    await page.keyboard.press('Control+L');
    await expect(page.getByRole('heading', { name: 'RootLog is locked' })).toBeVisible();
    await expect(page.getByLabel('Badge', { exact: true })).toBeFocused();

    // The card reader, the PIN and straight on with the patient ID, all before anything answers.
    const badge = await holdApi(page, 'session.badge');
    const reopening = await holdApi(page, 'settings.get');
    await page.keyboard.type(BADGE);
    await page.keyboard.press('Enter');
    await page.keyboard.type(TECHNOLOGIST_PIN);
    await page.keyboard.press('Enter');
    await page.keyboard.type('-2');
    if (badge.held) {
      await expect.poll(badge.calls).toBe(1);
      await badge.answer();
      // The PIN went to the PIN field and opened the console, which now loads its settings.
      await expect.poll(reopening.calls).toBe(1);
      await reopening.answer();
    }
    await expect(page.getByRole('heading', { name: 'RootLog is locked' })).toHaveCount(0);
    await expect(page.getByLabel('Patient ID')).toHaveValue('BADGE-1-2');
    expect(
      readDatabase(dbPath, (db) => db.prepare('SELECT max(wrong_in_a_row) FROM operator_credentials').pluck().get()),
    ).toBe(0);
  });
});
