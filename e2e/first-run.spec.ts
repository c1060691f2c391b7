import { expect, test } from './fixtures.js';
import { readDatabase } from './helpers.js';

test.use({ department: 'empty' });

for (const theme of ['dark', 'light'] as const) {
  test(`first run asks for the console's name and its first operator, who then fills the form (${theme})`, async ({
    page,
    dbPath,
    expectAccessible,
    saveScreenshot,
  }) => {
    await expect(page.getByRole('heading', { name: 'Welcome to RootLog' })).toBeVisible();
    await expect(page.getByLabel(/Name of this console/)).toBeFocused();
    if (theme === 'light') await page.getByRole('button', { name: 'Light theme' }).click();
    await expectAccessible(`first run (${theme})`);
    await saveScreenshot(`first-run-${theme}`);
    await page.getByLabel(/Name of this console/).fill('CT 3');
    await page.getByLabel(/First operator/).fill('Dr. N. Neu');
    // The first operator becomes the administrator, and is told so; their PIN is asked twice.
    await expect(page.getByText(/This first operator becomes the logbook’s administrator/)).toBeVisible();
    await page.getByLabel(/Their PIN/).fill('7391');
    await page.getByLabel('The PIN again').fill('7391');
    await page.getByRole('button', { name: 'Start logging' }).click();
    await expect(page.getByRole('heading', { name: "Today's procedures" })).toBeVisible();
    await page
      .getByRole('button', { name: /New procedure/ })
      .first()
      .click();
    await expect(page.getByLabel('Operator', { exact: true }).locator('option:checked')).toHaveText('Dr. N. Neu');
    const settings = readDatabase(dbPath, (db) =>
      Object.fromEntries(
        (db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]).map((row) => [
          row.key,
          JSON.parse(row.value) as unknown,
        ]),
      ),
    );
    expect(settings.consoleName).toBe('CT 3');
    expect(settings.defaultOperatorId).toEqual(expect.any(String));
    expect(
      readDatabase(dbPath, (db) =>
        db
          .prepare(
            'SELECT name, administrator, role FROM operators o JOIN operator_credentials c ON c.operator_id = o.id',
          )
          .all(),
      ),
    ).toEqual([{ name: 'Dr. N. Neu', administrator: 1, role: 'radiologist' }]);
  });
}

test('a case begun before any operator exists gets its operator right there', async ({ page, dbPath }) => {
  await page.getByRole('button', { name: 'Later' }).click();
  await page
    .getByRole('button', { name: /New procedure/ })
    .first()
    .click();
  await page.getByLabel('Patient ID').fill('FIRST-1');
  await expect(page.getByText('No operators are set up on this console yet.')).toBeVisible();
  await page.getByLabel('Operator’s name').fill('Dr. A. Erst');
  await page.getByRole('button', { name: 'Add operator' }).click();
  await expect(page.getByLabel('Operator', { exact: true }).locator('option:checked')).toHaveText('Dr. A. Erst');
  await expect(page.getByText('No operators are set up on this console yet.')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  expect(
    readDatabase(dbPath, (db) =>
      db
        .prepare(
          "SELECT o.name FROM procedures p JOIN operators o ON o.id = p.operator_id WHERE p.patient_id = 'FIRST-1'",
        )
        .pluck()
        .get(),
    ),
  ).toBe('Dr. A. Erst');
});
