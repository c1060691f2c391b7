import { TEST_PIN } from '../db/testing/signer.js';
import { expect, test } from './fixtures.js';
import { readDatabase } from './helpers.js';

test.describe('the follow-up calls', () => {
  test.use({ department: 'follow-ups-due' });

  test('a day-2 call and a 3-week review are recorded without amending; the due list empties; a correction shows in history', async ({
    page,
    dbPath,
    expectAccessible,
    saveScreenshot,
  }) => {
    let presses = 0;
    const press = async (key: string) => {
      presses++;
      await page.keyboard.press(key);
    };
    await page.getByRole('button', { name: 'Follow-ups', exact: true }).click();
    await expect(page.getByRole('table').locator('caption')).toHaveText('2 patients are due');
    await expectAccessible('follow-ups due');
    await saveScreenshot('follow-ups-due');
    // The oldest procedure first (the 3-week review), the cursor already in "leg pain".
    await expect(page.getByRole('form', { name: /Later, Bert/ })).toBeVisible();
    await expect(page.getByLabel('Leg pain now (NRS 0–10)')).toBeFocused();
    presses = 0;
    await press('3');
    await press('Tab');
    await press('2');
    await press('Enter'); // → the recorder's PIN
    await expect(page.getByLabel('PIN', { exact: true })).toBeFocused();
    for (const digit of TEST_PIN) await press(digit);
    await press('Enter');
    expect(presses, 'key presses for the first call').toBeLessThanOrEqual(10 + TEST_PIN.length + 1);
    await expect(page.getByRole('status').filter({ hasText: 'Follow-up of Later, Bert saved.' })).toBeVisible();
    await expect(page.getByRole('form', { name: /Early, Anna/ })).toBeVisible();
    await expect(page.getByLabel('Leg pain now (NRS 0–10)')).toBeFocused();
    presses = 0;
    await press('5');
    await press('Enter');
    // The same recorder: only their PIN again.
    for (const digit of TEST_PIN) await press(digit);
    await press('Enter');
    expect(presses, 'key presses for the second call').toBeLessThanOrEqual(10 + TEST_PIN.length + 1);
    await expect(page.getByText('No follow-ups are due today.')).toBeVisible();

    // The record stays signed, version 1; the follow-up is on it.
    await page.getByRole('button', { name: 'Procedures', exact: true }).click();
    await page.getByRole('button', { name: 'All dates' }).click();
    await page.getByRole('button', { name: /DAY2/ }).click();
    await expect(page.getByRole('heading', { name: 'Procedure — Signed' })).toBeVisible();
    const followUps = page.getByRole('region', { name: 'Follow-ups' });
    await expect(followUps).toContainText('Day 2');
    await expect(followUps).toContainText('leg pain 5');

    // A mistaken score is corrected by a new entry with a reason; the old one stays, struck.
    await followUps.getByRole('button', { name: 'Correct the day 2 follow-up' }).click();
    await page.getByLabel('Leg pain now (NRS 0–10)').fill('4');
    await page.getByLabel('Reason for the correction').fill('misheard: four, not five');
    await page.getByLabel('PIN', { exact: true }).fill(TEST_PIN);
    await page.getByRole('button', { name: 'Save correction' }).click();
    await expect(followUps.locator('li.inactive')).toContainText('leg pain 5');
    await expect(followUps).toContainText('leg pain 4');
    const history = page.getByRole('region', { name: 'History' });
    await expect(history).toContainText('Follow-up corrected by Dr. A. Keller');
    await expect(history).toContainText('Correction: misheard: four, not five');
    await expect(page.getByRole('heading', { name: 'Procedure — Signed' })).toBeVisible();
    await expectAccessible('a signed record with follow-ups');
    await saveScreenshot('signed-with-follow-ups');

    const stored = readDatabase(dbPath, (db) => ({
      procedures: db.prepare('SELECT patient_id, status, version FROM procedures ORDER BY patient_id').all(),
      followUps: db
        .prepare('SELECT leg_nrs, back_nrs, supersedes IS NOT NULL AS correction FROM follow_up_entries ORDER BY rowid')
        .all(),
    }));
    expect(stored.procedures).toEqual([
      { patient_id: 'DAY2', status: 'signed', version: 1 },
      { patient_id: 'WEEK3', status: 'signed', version: 1 },
    ]);
    expect(stored.followUps).toEqual([
      { leg_nrs: 3, back_nrs: 2, correction: 0 },
      { leg_nrs: 5, back_nrs: null, correction: 0 },
      { leg_nrs: 4, back_nrs: null, correction: 1 },
    ]);
  });
});
