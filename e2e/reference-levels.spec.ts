import { formatDate, localDateTimeWithOffset } from '../db/model/index.js';
import { expect, test } from './fixtures.js';
import { choices, readDatabase, signWithPin } from './helpers.js';

test.use({ department: 'busy' });

test('an administrator adopts the department’s own reference levels, and the dashboard compares medians with them', async ({
  page,
  dbPath,
  expectAccessible,
  saveScreenshot,
}) => {
  await page.getByRole('button', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Reference levels' });
  const inForce = panel.getByRole('table', { name: 'Levels in force' });
  await expect(inForce.getByRole('row', { name: /CT.*any protocol.*DLP/ }).first()).toContainText('Starting value');

  // The demo department's day: all 300 signed procedures.
  const today = localDateTimeWithOffset(new Date()).slice(0, 10);
  const yesterday = localDateTimeWithOffset(new Date(Date.now() - 86_400_000)).slice(0, 10);
  // The period is typed as the form's dates are, in the department's order, never the system's control.
  await expect(panel.getByLabel('From', { exact: true })).toHaveAttribute('type', 'text');
  await panel.getByLabel('From', { exact: true }).fill(yesterday);
  await panel.getByLabel('To', { exact: true }).fill(today);
  await panel.getByRole('button', { name: 'Compute proposal' }).click();
  // Its dates as the department writes them (de-CH), never ISO.
  const period = `${formatDate(yesterday, 'de-CH')} to ${formatDate(today, 'de-CH')}`;
  const proposal = panel.getByRole('table', {
    name: new RegExp(`signed procedures from ${period.replaceAll('.', '\\.')}`),
  });
  const ctRow = proposal.getByRole('row', { name: /^CT any protocol DLP/ });
  await expect(ctRow).toBeVisible();
  const cases = Number(await ctRow.getByRole('cell').nth(3).textContent());
  expect(cases).toBeGreaterThan(100);
  await expect(proposal.getByText(/too few cases/).first()).toBeVisible();
  await expectAccessible('settings with a proposal of reference levels');
  await saveScreenshot('reference-levels-proposal');

  await panel.getByRole('button', { name: 'Adopt proposed levels' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reference levels adopted' })).toBeVisible();
  await expect(inForce.getByRole('row', { name: /^CT any protocol DLP/ })).toContainText(
    `Adopted: 75th percentile of ${cases} cases, ${period}`,
  );
  const stored = readDatabase(dbPath, (db) =>
    JSON.parse(String(db.prepare("SELECT value FROM settings WHERE key = 'referenceLevels'").pluck().get())),
  ) as { levels: { modality: string; protocol: string; quantity: string; value: number; origin: string }[] };
  const ct = stored.levels.find(
    (level) => level.modality === 'ct' && level.protocol === 'any' && level.quantity === 'dlpMGyCm',
  );
  expect(ct?.origin).toBe('adopted');
  const adoptedLevel = ct?.value ?? 0;
  const ctDlps = readDatabase(dbPath, (db) =>
    db
      .prepare(
        "SELECT dlp_mgy_cm FROM procedures WHERE status = 'signed' AND modality = 'ct' AND dlp_mgy_cm IS NOT NULL",
      )
      .pluck()
      .all(),
  ) as number[];
  const above = ctDlps.filter((dlp) => dlp > adoptedLevel).length / ctDlps.length;
  expect(above).toBeGreaterThan(0.2);
  expect(above).toBeLessThan(0.3);

  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  const comparison = page.getByRole('region', { name: 'Doses against the reference levels' });
  // The department's rows come first, under its own heading row; then each operator's.
  const departmentCt = comparison
    .getByRole('rowgroup')
    .filter({ has: page.getByRole('rowheader', { name: 'Department' }) })
    .getByRole('row', { name: /^CT one level DLP/ });
  await expect(departmentCt).toBeVisible();
  await expect(departmentCt).not.toContainText('median above the level');
  await expectAccessible('the dashboard with the reference comparison');
});

test('a dose above the reference level asks for a reason at signing, not a tick', async ({ page, dbPath }) => {
  await page
    .getByRole('button', { name: /New procedure/ })
    .first()
    .click();
  await page.getByLabel('Patient ID').fill('DRL-1');
  await choices(page, 'Indication').getByRole('button', { name: 'Disc herniation' }).click();
  await choices(page, 'Consent')
    .getByRole('radio', { name: /Obtained/ })
    .click();
  await choices(page, 'Root').getByRole('radio', { name: /L5/ }).click();
  await choices(page, 'Side').getByRole('radio', { name: /Left/ }).click();
  await choices(page, 'Contrast spread, target 1').getByRole('button', { name: 'Perineural' }).click();
  await choices(page, 'Guidance modality').getByRole('radio', { name: /^CT/ }).first().click();
  await page.getByLabel('DLP').fill('950');
  await page.getByRole('button', { name: '+ Dexamethasone' }).click();
  await choices(page, 'Pain before (NRS 0–10)').getByRole('radio', { name: /^7/ }).click();
  await choices(page, 'Pain after (NRS 0–10)').getByRole('radio', { name: /^3/ }).click();
  await choices(page, 'Complications').getByRole('button', { name: /^None/ }).click();

  const sign = page.getByRole('button', { name: /Sign procedure/ });
  // Beside the DLP as typed, and in the sign panel with the reasons to choose from.
  await expect(page.locator('[data-field="dlpMGyCm"] .warning-reference')).toContainText('Above reference level');
  await expect(
    page.getByRole('region', { name: 'Sign' }).getByText(/DLP 950 mGy·cm is above the reference level/),
  ).toBeVisible();
  // No tick box for it: a reason from the list.
  await expect(page.getByRole('checkbox', { name: /DLP 950/ })).toHaveCount(0);
  await expect(sign).toBeDisabled();
  await page.keyboard.press('Control+Enter');
  const reasons = choices(page, 'Reason above the reference level');
  await expect(reasons.getByRole('radio').first()).toBeFocused();
  await reasons.getByRole('radio', { name: /Patient size/ }).click();
  await expect(sign).toBeEnabled();
  await sign.click();
  await signWithPin(page);
  await expect(page.getByRole('heading', { name: 'Procedure — Signed' })).toBeVisible();
  expect(
    readDatabase(dbPath, (db) =>
      db
        .prepare("SELECT status || ' ' || dose_exceedance_reason FROM procedures WHERE patient_id = 'DRL-1'")
        .pluck()
        .get(),
    ),
  ).toBe('signed patient_size');
});
