import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { choices, readDatabase } from './helpers.js';

/* What the clinician enters is what is stored — or the form says, at the field, that it is not. */

async function newProcedure(page: Page, patientId: string) {
  await page
    .getByRole('button', { name: /New procedure/ })
    .first()
    .click();
  await page.getByLabel('Patient ID').fill(patientId);
}

/**
 * Digits typed at the moments given (ms from the first): each key reaches the page stamped
 * with its moment (the event's timeStamp, which the NRS scale reads), so "a second digit
 * within 0.8 s" and "a digit seconds later" hold however slowly this machine sends keys,
 * and nothing waits for real time to pass.
 */
async function digitsAt(page: Page, keys: readonly (readonly [digit: string, atMs: number])[]) {
  const cdp = await page.context().newCDPSession(page);
  const start = Date.now();
  try {
    for (const [digit, atMs] of keys) {
      const key = { key: digit, code: `Digit${digit}`, windowsVirtualKeyCode: digit.charCodeAt(0) };
      const timestamp = (start + atMs) / 1000;
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', text: digit, timestamp, ...key });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', timestamp, ...key });
    }
  } finally {
    await cdp.detach();
  }
}

const stored = (dbPath: string, patientId: string, column: string) =>
  readDatabase(dbPath, (db) =>
    db.prepare(`SELECT ${column} FROM procedures WHERE patient_id = ?`).pluck().get(patientId),
  );

test('NRS typed as a number: "10" is 10, "12" is refused and said, a repeated key never clears', async ({
  page,
  dbPath,
}) => {
  await newProcedure(page, 'NRS-1');
  const before = choices(page, 'Pain before (NRS 0–10)');
  // The accessible name of 10 is "10" (the T key hint is not part of it).
  await expect(before.getByRole('radio', { name: '10', exact: true })).toHaveCount(1);
  await before.getByRole('radio').first().focus();
  // The scale joins a "1" and a second digit typed within SECOND_DIGIT_MS (0.8 s).
  await digitsAt(page, [
    ['1', 0],
    ['0', 100],
  ]);
  await expect(before.getByRole('radio', { name: '10', exact: true })).toHaveAttribute('aria-checked', 'true');
  await digitsAt(page, [
    ['1', 2000],
    ['2', 2100],
  ]);
  await expect(page.getByRole('alert').filter({ hasText: '12 is not on the scale' })).toBeVisible();
  await expect(before.getByRole('radio', { name: '1', exact: true })).toHaveAttribute('aria-checked', 'true');
  await digitsAt(page, [
    ['7', 4000],
    ['7', 6000],
  ]);
  await expect(before.getByRole('radio', { name: '7', exact: true })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  expect(stored(dbPath, 'NRS-1', 'pain_pre')).toBe(7);
});

test('NRS "1" then, a second later, "0" is 10 and says so — never 0; a further "0" is 0', async ({ page, dbPath }) => {
  await newProcedure(page, 'NRS-2');
  const before = choices(page, 'Pain before (NRS 0–10)');
  await before.getByRole('radio').first().focus();
  // Typed slowly, as at the console while talking to the patient (0 was chosen, silently).
  await digitsAt(page, [
    ['1', 0],
    ['0', 1000],
  ]);
  await expect(before.getByRole('radio', { name: '10', exact: true })).toHaveAttribute('aria-checked', 'true');
  await expect(
    page.getByRole('status').filter({ hasText: 'Read as 10: 1 then 0. For 0, press 0 again.' }),
  ).toBeVisible();
  await expect.poll(() => stored(dbPath, 'NRS-2', 'pain_pre')).toBe(10);
  await digitsAt(page, [['0', 3000]]);
  await expect(before.getByRole('radio', { name: '0', exact: true })).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => stored(dbPath, 'NRS-2', 'pain_pre')).toBe(0);
});

test('numbers mean what they say: "0x10" and "Infinity" are refused at the field, "2,5" is 2.5', async ({
  page,
  dbPath,
}) => {
  await newProcedure(page, 'NUM-1');
  await choices(page, 'Guidance modality').getByRole('radio', { name: /^CT/ }).first().click();
  const dlp = page.getByLabel('DLP');
  await dlp.fill('0x10');
  await expect(page.locator('[data-field="dlpMGyCm"]')).toContainText(/must be a number/i);
  await expect(page.getByRole('status').filter({ hasText: 'Not saved: 1 field needs attention' })).toBeVisible();
  expect(stored(dbPath, 'NUM-1', 'dlp_mgy_cm')).toBeNull();
  await dlp.fill('Infinity');
  await expect(page.locator('[data-field="dlpMGyCm"]')).toContainText(/must be a number/i);
  await page.getByRole('button', { name: '+ Bupivacaine' }).click();
  await page.getByLabel('Concentration').fill('Infinity');
  await expect(page.getByLabel('Dose of drug 1')).toHaveText('= —');
  await page.getByLabel('Concentration').fill('2,5');
  await dlp.fill('142,5');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  expect(stored(dbPath, 'NUM-1', 'dlp_mgy_cm')).toBe(142.5);
});

test('"Saved" only when saved: an invalid value and over-long notes are named, and the text stays in its field', async ({
  page,
  dbPath,
}) => {
  await newProcedure(page, 'SAVE-1');
  await choices(page, 'Guidance modality').getByRole('radio', { name: /^CT/ }).first().click();
  await page.getByLabel('DLP').fill('-5');
  const notes = page.getByLabel('Notes');
  const pasted = 'x'.repeat(20_000);
  await notes.fill(pasted);
  await expect(page.getByRole('status').filter({ hasText: 'Not saved: 2 fields need attention' })).toBeVisible();
  await expect(notes).toHaveValue(pasted);
  expect(stored(dbPath, 'SAVE-1', 'notes')).toBeNull();
  await notes.fill('Tolerated well');
  await page.getByLabel('DLP').fill('150');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  expect(stored(dbPath, 'SAVE-1', 'notes')).toBe('Tolerated well');
});

test('the other side of a root is added once: the button refuses a duplicate at once', async ({ page }) => {
  await newProcedure(page, 'BI-2');
  await choices(page, 'Root').getByRole('radio', { name: /L4/ }).click();
  await choices(page, 'Side').getByRole('radio', { name: /Left/ }).click();
  const addRight = page.getByRole('button', { name: 'Bilateral: add right side' });
  await addRight.click();
  await expect(page.getByRole('heading', { name: 'Target 2: L4 right' })).toBeVisible();
  await expect(addRight).toBeDisabled();
  await expect(page.getByRole('heading', { name: /^Target 3/ })).toHaveCount(0);
});

test('impossible dates are shown at their field as soon as entered, and not saved', async ({ page, dbPath }) => {
  await newProcedure(page, 'DATES-1');
  await page.getByLabel('Performed').fill('2026-03-14T09:30');
  await page.getByLabel('Birth date').fill('2026-05-01');
  await expect(page.locator('[data-field="birthDate"]')).toContainText('must not be after the date of the procedure');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved: 1 field needs attention' })).toBeVisible();
  expect(stored(dbPath, 'DATES-1', 'birth_date')).toBeNull();
  const nextYear = new Date().getFullYear() + 1;
  await page.getByLabel('Performed').fill(`${nextYear}-03-14T09:30`);
  await expect(page.locator('[data-field="performedAt"]')).toContainText('must not be in the future');
  await page.getByLabel('Performed').fill('2026-03-14T09:30');
  await page.getByLabel('Birth date').fill('1961-04-02');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  expect(stored(dbPath, 'DATES-1', 'birth_date')).toBe('1961-04-02');
});

test('a case across midnight keeps its end time; a slip in a time is asked at End', async ({ page, dbPath }) => {
  await newProcedure(page, 'MIDNIGHT-1');
  await page.getByLabel('Performed').fill('2026-03-13T23:55');
  await page.getByLabel('Start', { exact: true }).fill('23:50');
  await page.getByLabel('End', { exact: true }).fill('00:10');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  expect(stored(dbPath, 'MIDNIGHT-1', 'ended_at')).toBe('00:10');
  await expect(page.locator('[data-field="endedAt"]')).not.toContainText('check the start and end');
  // 09:30 to 09:10 would be 23 h 40 min on the table: asked, and saved as typed.
  await page.getByLabel('Start', { exact: true }).fill('09:30');
  await page.getByLabel('End', { exact: true }).fill('09:10');
  await expect(page.locator('[data-field="endedAt"]')).toContainText(
    'From 09:30–09:10 (next day) is 23 h 40 min on the table: check the start and end times.',
  );
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  expect(stored(dbPath, 'MIDNIGHT-1', 'ended_at')).toBe('09:10');
});

test('removing a target never moves its drugs to another root: it asks, and it can be undone', async ({ page }) => {
  await newProcedure(page, 'RM-1');
  await choices(page, 'Root').getByRole('radio', { name: /L4/ }).click();
  await choices(page, 'Side').getByRole('radio', { name: /Left/ }).click();
  await page.getByRole('button', { name: 'Add target' }).click();
  await page.getByRole('button', { name: 'Add target' }).click();
  const target = (n: number) => page.locator(`[data-field="targets[${n}]"]`);
  await choices(target(1), 'Root').getByRole('radio', { name: /L5/ }).click();
  await choices(target(1), 'Side').getByRole('radio', { name: /Left/ }).click();
  await choices(target(2), 'Root').getByRole('radio', { name: /S1/ }).click();
  await choices(target(2), 'Side').getByRole('radio', { name: /Left/ }).click();
  // Triamcinolone at target 2 (L5 left).
  await page.getByRole('button', { name: '+ Triamcinolone acetonide' }).click();
  await page.getByLabel('Where').selectOption({ label: 'Target 2 (L5 left)' });
  await page.getByRole('button', { name: 'Remove target 1' }).click();
  // Target 1 had no drugs: it goes at once, and the drug stays on L5 left (now target 1).
  await expect(page.getByLabel('Where').locator('option:checked')).toHaveText('Target 1 (L5 left)');
  await expect(page.getByRole('status').filter({ hasText: 'Target 1 (L4 left) removed.' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Where').locator('option:checked')).toHaveText('Target 2 (L5 left)');
  // Target 2 has the drug: asked first.
  await page.getByRole('button', { name: 'Remove target 2' }).click();
  const question = page.getByRole('alertdialog');
  await expect(question).toContainText('1 drug was given at target 2');
  await question.getByRole('button', { name: /Keep the drug, without a target/ }).click();
  await expect(page.getByLabel('Where').locator('option:checked')).toHaveText('—');
  await expect(page.getByRole('heading', { name: 'Target 2: S1 left' })).toBeVisible();
});

test("the leaflet's steps have a place: position, prior infiltrations, needle, slowed injection, caudal provoked pain", async ({
  page,
  dbPath,
}) => {
  await newProcedure(page, 'LEAF-1');
  // Out of the standard path, but not silent: the summary says what is recorded.
  await expect(page.getByText('Position: prone; prior infiltrations: not recorded')).toBeVisible();
  await page.getByText('Position: prone; prior infiltrations: not recorded').click();
  await choices(page, 'Position').getByRole('radio', { name: 'Lateral' }).click();
  await page.getByLabel('Prior infiltrations (this indication)').fill('2');
  await choices(page, 'Root').getByRole('radio', { name: /L5/ }).click();
  await choices(page, 'Provoked pain').getByRole('radio', { name: 'Concordant', exact: true }).click();
  await page.getByLabel('Waited and injected more slowly because of provoked pain').check();
  await page.getByText('Needle (gauge, length, repositionings)').click();
  await choices(page, 'Needle gauge, target 1').getByRole('radio', { name: '22 G' }).click();
  await page.getByLabel('Needle length (mm), target 1').fill('90');
  await page.getByLabel('Needle repositionings, target 1').fill('1');
  await page.getByLabel('Caudal epidural injection as well').check();
  await choices(page, 'Caudal provoked pain').getByRole('radio', { name: 'None' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  const row = readDatabase(dbPath, (db) =>
    db
      .prepare(
        `SELECT p.position, p.prior_infiltrations, p.caudal_provoked_pain, t.needle_gauge, t.needle_length_mm,
                t.needle_repositionings, t.injection_slowed, t.provoked_pain
           FROM procedures p JOIN targets t ON t.procedure_id = p.id WHERE p.patient_id = 'LEAF-1'`,
      )
      .get(),
  );
  expect(row).toEqual({
    position: 'lateral',
    prior_infiltrations: 2,
    caudal_provoked_pain: 'none',
    needle_gauge: 22,
    needle_length_mm: 90,
    needle_repositionings: 1,
    injection_slowed: 1,
    provoked_pain: 'concordant',
  });
});

test('characters typed the moment a new case opens go to its Patient ID, none lost', async ({ page, dbPath }) => {
  await newProcedure(page, 'FIRST-1');
  // Saves do not answer until the test lets them (where the harness allows it: in Chromium),
  // as on a busy console: the next case waits for the last draft's save, and the clinician
  // types straight on meanwhile, however long that save takes.
  const heldBack = await page.evaluate(() => {
    const w = window as unknown as {
      __rootlogCall?: (method: string, args: unknown[]) => Promise<unknown>;
      __answerSaves?: () => void;
    };
    const call = w.__rootlogCall;
    if (!call) return false;
    const answered = new Promise<void>((resolve) => {
      w.__answerSaves = resolve;
    });
    w.__rootlogCall = async (method, args) => {
      if (method === 'procedures.saveDraft') await answered;
      return call(method, args);
    };
    return true;
  });
  await page.getByLabel('Notes').fill('Tolerated well');
  await page.keyboard.press('Alt+N');
  await page.keyboard.type('Q-4711');
  if (heldBack) await page.evaluate(() => (window as unknown as { __answerSaves: () => void }).__answerSaves());
  await expect(page.getByLabel('Patient ID')).toHaveValue('Q-4711');
  await page.keyboard.type('X');
  await expect(page.getByLabel('Patient ID')).toHaveValue('Q-4711X');
  // The case before kept everything typed into it.
  await expect.poll(() => stored(dbPath, 'FIRST-1', 'notes')).toBe('Tolerated well');
  await expect.poll(() => stored(dbPath, 'Q-4711X', 'patient_id')).toBe('Q-4711X');
});
