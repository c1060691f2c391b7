import { inEnglish, pinProblem } from '../db/model/index.js';
import { TEST_PIN } from '../db/testing/signer.js';
import { expect, test } from './fixtures.js';
import { readDatabase } from './helpers.js';

/*
 * Settings → Operators says at the PIN field what a new PIN still needs, from the very rule
 * the main process keeps (pinProblem in db/model/credentials.ts), before anything is sent.
 */

test.use({ department: 'radiologist-and-technologist' });

const pinAudits = (dbPath: string) =>
  readDatabase(dbPath, (db) =>
    db.prepare('SELECT count(*) FROM audit_log WHERE changes LIKE \'%"pin"%\'').pluck().get(),
  ) as number;

/** The rule's words in English, as the window says them to an English reader. */
const pinRule = (pin: string) => {
  const problem = pinProblem(pin);
  if (!problem) throw new Error(`${pin} breaks no PIN rule`);
  return inEnglish(problem);
};

test('a weak PIN is refused at its field, in the main process’s words, and nothing is sent', async ({
  page,
  dbPath,
}) => {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const weber = page.locator('.operators > li').filter({ hasText: 'MTRA C. Weber' });
  const before = pinAudits(dbPath);
  const setAt = () =>
    readDatabase(dbPath, (db) =>
      db
        .prepare(
          "SELECT c.set_at FROM operator_credentials c JOIN operators o ON o.id = c.operator_id WHERE o.name = 'MTRA C. Weber'",
        )
        .pluck()
        .get(),
    );
  const setBefore = setAt();

  const newPin = weber.getByLabel('New PIN', { exact: true });
  await newPin.fill('1234');
  await expect(weber.getByText(`The PIN ${pinRule('1234')}.`)).toBeVisible();
  await expect(newPin).toHaveAttribute('aria-invalid', 'true');
  await expect(weber.getByRole('button', { name: 'Reset PIN' })).toBeDisabled();
  await newPin.press('Enter');
  await newPin.fill('77');
  await expect(weber.getByText(`The PIN ${pinRule('77')}.`)).toBeVisible();
  await newPin.press('Enter');
  expect(setAt()).toBe(setBefore);
  expect(pinAudits(dbPath)).toBe(before);

  await newPin.fill('4719');
  await expect(weber.locator('.field-error')).toHaveCount(0);
  await newPin.press('Enter');
  await expect(page.getByRole('status')).toHaveText('MTRA C. Weber’s PIN was set.');
  expect(setAt()).not.toBe(setBefore);

  // One's own PIN: the same rule at its field.
  const own = page.getByRole('form', { name: 'Change my PIN' });
  await own.getByLabel('Current PIN').fill(TEST_PIN);
  await own.getByLabel('New PIN').fill('0000');
  await expect(own.getByText(`The new PIN ${pinRule('0000')}.`)).toBeVisible();
  await expect(own.getByRole('button', { name: 'Change my PIN' })).toBeDisabled();
});
