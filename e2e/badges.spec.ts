import { readFileSync } from 'node:fs';
import { TEST_PIN } from '../db/testing/signer.js';
import { expect, TECHNOLOGIST_PIN, test } from './fixtures.js';
import { readDatabase } from './helpers.js';

/*
 * Badges (issue 25): the administrator enrols an operator's badge in Settings → Operators by
 * scanning it; at the lock screen a card reader types the badge's number and Enter, like a
 * keyboard, which chooses its holder; their PIN still opens the console. Only a keyed hash of
 * the number is kept.
 */

test.use({ department: 'radiologist-and-technologist' });

const BADGE = '0042-7781';

const badgeHashOf = (dbPath: string, name: string) =>
  readDatabase(dbPath, (db) =>
    db
      .prepare(
        'SELECT c.badge_hash FROM operator_credentials c JOIN operators o ON o.id = c.operator_id WHERE o.name = ?',
      )
      .pluck()
      .get(name),
  ) as string | null;

test('a badge enrolled in Settings chooses its holder at the lock screen; their PIN opens it', async ({
  page,
  dbPath,
  expectAccessible,
}) => {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const weber = page.locator('.operators > li').filter({ hasText: 'MTRA C. Weber' });
  await weber.getByLabel('Badge', { exact: true }).click();
  // The card reader: the number, then Enter.
  await page.keyboard.type(BADGE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(
    'MTRA C. Weber’s badge was enrolled: it now chooses them at the lock screen.',
  );
  await expect(weber).toContainText('badge enrolled');
  const hash = badgeHashOf(dbPath, 'MTRA C. Weber');
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  expect(readFileSync(dbPath).includes(Buffer.from(BADGE))).toBe(false);

  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'RootLog is locked' })).toBeVisible();
  // The badge field has the focus, so the card reader types into it.
  await expect(page.getByLabel('Badge', { exact: true })).toBeFocused();
  await expectAccessible('the lock screen with badges');
  await page.keyboard.type('0042-0000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(
    'That badge is not bound to an operator here: choose your name and type your PIN.',
  );

  await page.keyboard.type(BADGE);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Operator', { exact: true })).toHaveValue(
    String(
      readDatabase(dbPath, (db) => db.prepare("SELECT id FROM operators WHERE name = 'MTRA C. Weber'").pluck().get()),
    ),
  );
  await expect(page.getByText('Badge of MTRA C. Weber: type your PIN.')).toBeVisible();
  await expect(page.getByLabel('PIN', { exact: true })).toBeFocused();
  await page.keyboard.type(TECHNOLOGIST_PIN);
  await page.keyboard.press('Enter');
  // Open again where it was locked.
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'RootLog is locked' })).toHaveCount(0);
  // Nobody's PIN was counted wrong by the scans.
  expect(
    readDatabase(dbPath, (db) => db.prepare('SELECT max(wrong_in_a_row) FROM operator_credentials').pluck().get()),
  ).toBe(0);
});

test('the administrator replaces and removes a badge; without badges the lock screen asks only the PIN', async ({
  page,
  dbPath,
}) => {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const keller = page.locator('.operators > li').filter({ hasText: 'Dr. A. Keller' });
  await keller.getByLabel('Badge', { exact: true }).fill(BADGE);
  await keller.getByLabel('Badge', { exact: true }).press('Enter');
  await expect(page.getByRole('status')).toContainText('Dr. A. Keller’s badge was enrolled');
  const first = badgeHashOf(dbPath, 'Dr. A. Keller');

  // Not a number a card reader types: refused at once, nothing sent.
  await keller.getByLabel('New badge', { exact: true }).fill('12');
  await keller.getByLabel('New badge', { exact: true }).press('Enter');
  await expect(page.getByRole('alert')).toHaveText(
    'Badge must be 4 to 32 letters, digits or dashes, as the card reader types it.',
  );
  expect(badgeHashOf(dbPath, 'Dr. A. Keller')).toBe(first);

  await keller.getByLabel('New badge', { exact: true }).fill('0042-9999');
  await keller.getByRole('button', { name: 'Replace badge' }).click();
  await expect(page.getByRole('status')).toContainText('Dr. A. Keller’s badge was replaced');
  expect(badgeHashOf(dbPath, 'Dr. A. Keller')).not.toBe(first);

  // The administrator opens Settings' changes again with the badge and their PIN.
  await page.getByRole('button', { name: 'End changes' }).click();
  const gate = page.getByRole('form', { name: 'Changes need an administrator' });
  await gate.getByLabel('Badge', { exact: true }).click();
  await page.keyboard.type('0042-0000');
  await page.keyboard.press('Enter');
  await expect(gate.getByRole('alert')).toHaveText(
    'That badge is not bound to an operator here: choose your name and type your PIN.',
  );
  await page.keyboard.type('0042-9999');
  await page.keyboard.press('Enter');
  await expect(gate.getByLabel('Administrator’s PIN')).toBeFocused();
  await page.keyboard.type(TEST_PIN);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Changes are open for Dr. A. Keller (administrator).')).toBeVisible();

  // A badge already bound to another operator is refused in words.
  const weber = page.locator('.operators > li').filter({ hasText: 'MTRA C. Weber' });
  await weber.getByLabel('Badge', { exact: true }).fill('0042-9999');
  await weber.getByLabel('Badge', { exact: true }).press('Enter');
  await expect(page.getByRole('alert')).toContainText('Badge is already bound to another operator');
  expect(badgeHashOf(dbPath, 'MTRA C. Weber')).toBeNull();

  await keller.getByRole('button', { name: 'Remove badge' }).click();
  await expect(page.getByRole('status')).toHaveText('Dr. A. Keller’s badge was removed.');
  expect(badgeHashOf(dbPath, 'Dr. A. Keller')).toBeNull();
  await expect(keller).not.toContainText('badge enrolled');

  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'RootLog is locked' })).toBeVisible();
  await expect(page.getByLabel('Badge', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('PIN', { exact: true })).toBeFocused();
  await page.keyboard.type(TEST_PIN);
  await page.keyboard.press('Enter');
  // Open again where it was locked.
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'RootLog is locked' })).toHaveCount(0);
});

test.describe('a badge at "Recorded by"', () => {
  test.use({ department: 'follow-ups-due' });

  test('a badge scanned at the follow-up chooses who records it and moves to their PIN', async ({ page, dbPath }) => {
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const keller = page.locator('.operators > li').filter({ hasText: 'Dr. A. Keller' });
    await keller.getByLabel('Badge', { exact: true }).click();
    await page.keyboard.type(BADGE);
    await page.keyboard.press('Enter');
    await expect(keller).toContainText('badge enrolled');
    await page.getByRole('button', { name: 'Follow-ups', exact: true }).click();
    const form = page.getByRole('form', { name: /Later, Bert/ });
    await expect(form).toBeVisible();
    await page.getByLabel('Leg pain now (NRS 0–10)').fill('3');
    const badge = form.getByLabel('Badge', { exact: true });
    await badge.click();
    await page.keyboard.type('0042-0000');
    await page.keyboard.press('Enter');
    await expect(form.getByRole('alert')).toHaveText(
      'That badge is not bound to an operator here: choose your name and type your PIN.',
    );
    // The card reader: the number, then Enter; the holder is chosen and their PIN asked.
    await badge.click();
    await page.keyboard.type(BADGE);
    await page.keyboard.press('Enter');
    await expect(form.getByLabel('PIN', { exact: true })).toBeFocused();
    await expect(form.getByLabel('Recorded by')).toHaveValue(
      String(
        readDatabase(dbPath, (db) => db.prepare("SELECT id FROM operators WHERE name = 'Dr. A. Keller'").pluck().get()),
      ),
    );
    await page.keyboard.type(TEST_PIN);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Follow-up of Later, Bert saved.' })).toBeVisible();
  });
});

test('a badge scanned at "Amended by" chooses who amends, a technologist’s is refused', async ({ page, dbPath }) => {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  for (const [name, badge] of [
    ['Dr. A. Keller', BADGE],
    ['MTRA C. Weber', '0042-5555'],
  ] as const) {
    const operator = page.locator('.operators > li').filter({ hasText: name });
    await operator.getByLabel('Badge', { exact: true }).click();
    await page.keyboard.type(badge);
    await page.keyboard.press('Enter');
    await expect(operator).toContainText('badge enrolled');
  }
  await page.getByRole('button', { name: 'Procedures', exact: true }).click();
  await page.getByRole('button', { name: /RAD-1/ }).click();
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(TEST_PIN);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Procedure — Signed' })).toBeVisible();
  await page.getByRole('button', { name: 'Amend' }).click();
  await page.getByLabel('Notes').fill('Tolerated well');
  await page.getByLabel('Reason for the amendment').fill('Note added');
  const sign = page.locator('.sign-panel');
  const badge = sign.getByLabel('Badge', { exact: true });
  await badge.click();
  await page.keyboard.type('0042-5555');
  await page.keyboard.press('Enter');
  await expect(sign.getByRole('alert')).toHaveText(
    'MTRA C. Weber may not amend a signed record: choose who amends it.',
  );
  await badge.click();
  await page.keyboard.type(BADGE);
  await page.keyboard.press('Enter');
  await expect(sign.locator('input.pin')).toBeFocused();
  await expect(sign.getByLabel('Amended by')).toHaveValue(
    String(
      readDatabase(dbPath, (db) => db.prepare("SELECT id FROM operators WHERE name = 'Dr. A. Keller'").pluck().get()),
    ),
  );
  await page.keyboard.type(TEST_PIN);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Procedure — Amended, version 2' })).toBeVisible();
});
