import type { Page } from '@playwright/test';
import { TEST_PIN } from '../db/testing/signer.js';
import { expect, test } from './fixtures.js';
import { choices, readDatabase } from './helpers.js';

/*
 * The keyboard path through what the form asks besides the fields: the warnings to confirm and
 * the reason above the reference level, tick boxes, the other side of a root, an amendment's
 * reason, and a draft's deletion — each where Enter, Alt+J or Tab leads, never lost to the page.
 */

test.use({ department: 'presets' });

const focusedField = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field') ?? null);

const statusOf = (dbPath: string, patientId: string) =>
  readDatabase(dbPath, (db) =>
    db.prepare('SELECT status FROM procedures WHERE patient_id = ? ORDER BY created_at DESC').pluck().get(patientId),
  );

async function newCase(page: Page, patientId: string) {
  await page.keyboard.press('Alt+N');
  await expect(page.getByLabel('Patient ID')).toBeFocused();
  await page.keyboard.type(patientId);
}

/** L5 right by preset, anticoagulation continued (a warning to confirm), DLP above the reference level. */
async function caseWithWarnings(page: Page, patientId: string) {
  await newCase(page, patientId);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // disc herniation
  await page.keyboard.press('Enter'); // consent obtained
  await choices(page, 'Anticoagulation').getByRole('radio', { name: 'Continued' }).click();
  await page.keyboard.press('Alt+1');
  await expect.poll(() => focusedField(page)).toBe('targets[0].spread');
  await page.keyboard.press('Enter'); // perineural → DLP
  await page.keyboard.type('950');
  await page.keyboard.press('Enter'); // → CTDIvol
  await page.keyboard.press('Enter'); // none at hand → pain before
  await page.keyboard.press('7');
  await page.keyboard.press('Enter');
  await page.keyboard.press('3');
  await page.keyboard.press('Enter');
  expect(await focusedField(page)).toBe('complications');
}

test('Enter and Alt+J lead through the warnings to confirm and the reason above the reference level, then to Sign', async ({
  page,
  dbPath,
}) => {
  await caseWithWarnings(page, 'WARN-1');
  const sign = page.getByRole('button', { name: /Sign procedure/ });
  await expect(
    page.getByText('Confirm the warning above and give the reason above the reference level to sign.'),
  ).toBeVisible();
  await page.keyboard.press('Enter'); // no complication → the confirmation (Sign is disabled)
  expect(await focusedField(page)).toBe('confirm:anticoagulation_continued');
  // From anywhere before it, Alt+J goes there too.
  await page.getByLabel('Notes').focus();
  await page.keyboard.press('Alt+J');
  expect(await focusedField(page)).toBe('confirm:anticoagulation_continued');
  await page.keyboard.press('Enter'); // ticks it → the reason
  await expect(page.getByRole('checkbox', { name: /Anticoagulation was continued/ })).toBeChecked();
  await expect.poll(() => focusedField(page)).toBe('doseExceedanceReason');
  await expect(page.getByText('Give the reason above the reference level to sign.')).toBeVisible();
  await page.keyboard.press('Enter'); // the first reason → the signer's PIN
  await expect(sign).toBeEnabled();
  await expect(page.getByLabel('PIN of Dr. A. Keller')).toBeFocused();
  await page.keyboard.type(TEST_PIN);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Procedure — Signed' })).toBeVisible();
  expect(statusOf(dbPath, 'WARN-1')).toBe('signed');
});

test('the other side of a root, tick boxes and the caudal spread are on the keyboard path', async ({ page }) => {
  await newCase(page, 'PATH-1');
  await choices(page, 'Root').getByRole('radio', { name: /L4/ }).click();
  await choices(page, 'Side').getByRole('radio', { name: /Left/ }).click();
  await page.getByRole('button', { name: 'Bilateral: add right side' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Target 2: L4 right' })).toBeVisible();
  // The button is disabled now: the focus goes on to what the targets need, not to the page.
  await expect.poll(() => focusedField(page)).toBe('targets[0].spread');

  // Enter on a tick box ticks it and moves on, once what it opened is there.
  const slowed = page.getByLabel('Waited and injected more slowly because of provoked pain').first();
  await slowed.focus();
  await page.keyboard.press('Enter');
  await expect(slowed).toBeChecked();
  expect(await focusedField(page)).not.toBe('targets[0].injectionSlowed');

  const caudal = page.getByLabel('Caudal epidural injection as well');
  await caudal.focus();
  await page.keyboard.press('Enter');
  await expect(caudal).toBeChecked();
  await expect.poll(() => focusedField(page)).toBe('caudalSpread');
  // From the tick box, Alt+J does not skip the caudal spread it opened.
  await caudal.focus();
  await page.keyboard.press('Alt+J');
  expect(await focusedField(page)).toBe('caudalSpread');
  // A second Enter never unticks.
  await caudal.focus();
  await page.keyboard.press('Enter');
  await expect(caudal).toBeChecked();
});

test('an amendment: Enter or Ctrl+Enter in the reason saves, a warning confirmed at signing is not asked again', async ({
  page,
}) => {
  await caseWithWarnings(page, 'AMEND-1');
  await page.keyboard.press('Enter'); // → the confirmation
  await page.keyboard.press('Enter'); // ticked → the reason
  await expect.poll(() => focusedField(page)).toBe('doseExceedanceReason');
  await page.keyboard.press('Enter'); // → the signer's PIN
  await page.keyboard.type(TEST_PIN);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Procedure — Signed' })).toBeVisible();

  await page.getByRole('button', { name: 'Amend' }).click();
  await expect(page.getByRole('heading', { name: /being amended/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Procedure report (amendment, not saved yet)' })).toBeVisible();
  await expect(page.getByText('(draft, not signed)')).toHaveCount(0);
  await choices(page, 'Pain after (NRS 0–10)').getByRole('radio', { name: /^2/ }).click();
  // Confirmed at the signature and unchanged: said, not asked again.
  await expect(page.getByText(/Confirmed at the signature: Anticoagulation was continued/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /Anticoagulation was continued/ })).toHaveCount(0);
  await page.getByLabel('Reason for the amendment').fill('NRS after was 2, misheard');
  // The amendment is signed too: the PIN of who amends (the record's operator is offered).
  await page.locator('.sign-panel input.pin').fill(TEST_PIN);
  await page.getByLabel('Reason for the amendment').press('Enter');
  await expect(page.getByRole('heading', { name: 'Procedure — Amended, version 2' })).toBeVisible();

  await page.getByRole('button', { name: 'Amend' }).click();
  await choices(page, 'Pain after (NRS 0–10)').getByRole('radio', { name: /^1/ }).first().click();
  await page.getByLabel('Reason for the amendment').fill('NRS after was 1 at 15 min');
  await page.locator('.sign-panel input.pin').fill(TEST_PIN);
  await page.getByLabel('Reason for the amendment').press('Control+Enter');
  await expect(page.getByRole('heading', { name: 'Procedure — Amended, version 3' })).toBeVisible();
});

test('"Delete draft" is out of the path from Sign and asks first; Enter keeps the draft', async ({ page, dbPath }) => {
  await newCase(page, 'DEL-1');
  for (const key of ['Enter', 'Enter', 'Enter', 'Alt+1']) await page.keyboard.press(key);
  await expect.poll(() => focusedField(page)).toBe('targets[0].spread');
  for (const key of ['Enter', 'Enter', '7', 'Enter', '3', 'Enter', 'Enter']) await page.keyboard.press(key);
  const sign = page.getByRole('button', { name: /Sign procedure/ });
  await expect(page.getByLabel('PIN of Dr. A. Keller')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(sign).toBeFocused();
  const deleteDraft = page.getByRole('button', { name: 'Delete draft…' });
  await expect(deleteDraft).toBeVisible();
  // One Tab too many after Sign reaches the report, not the deletion (it was the next button).
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /Copy report/ })).toBeFocused();

  await deleteDraft.click();
  const question = page.getByRole('alertdialog');
  await expect(question).toContainText('Delete this draft of DEL-1?');
  await expect(question.getByRole('button', { name: 'Keep the draft' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question).toHaveCount(0);
  expect(statusOf(dbPath, 'DEL-1')).toBe('draft');

  await deleteDraft.click();
  await page.getByRole('button', { name: 'Delete the draft' }).click();
  await expect(page.getByRole('heading', { name: 'New procedure' })).toBeVisible();
  expect(statusOf(dbPath, 'DEL-1')).toBeUndefined();
});
