import type { Page } from '@playwright/test';
import { TEST_PIN } from '../db/testing/signer.js';
import { expect, test } from './fixtures.js';
import { choices, readDatabase, tabTo } from './helpers.js';

/*
 * Slips of the hand a clinician makes at the console, asked at the field they are made in, in
 * the words of the ward: a dose in the scanner's other unit, a percentage typed as mg/mL.
 */
test.use({ department: 'one-operator' });

async function newProcedure(page: Page, patientId: string) {
  await page
    .getByRole('button', { name: /New procedure/ })
    .first()
    .click();
  await page.getByLabel('Patient ID').fill(patientId);
}

for (const theme of ['dark', 'light'] as const) {
  test(`a DAP typed in the C-arm's µGy·m² is asked at its field, in the ${theme} theme`, async ({ page }) => {
    if (theme === 'light') await page.getByRole('button', { name: 'Light theme' }).click();
    await newProcedure(page, 'DAP-1');
    await choices(page, 'Guidance modality')
      .getByRole('radio', { name: /Fluoroscopy/ })
      .first()
      .click();
    const dap = page.locator('[data-field="dapGyCm2"]');
    await expect(dap).toContainText('Screen: µGy·m² on many C-arms');
    await page.locator('#field-dapGyCm2').fill('320');
    await expect(dap).toContainText('DAP 320 Gy·cm² is');
    await expect(dap).toContainText('was it µGy·m²? (320 µGy·m² = 3.2 Gy·cm²)');
    await page.locator('#field-dapGyCm2').fill('3.2');
    await expect(dap).not.toContainText('was it µGy·m²');
    await page.locator('#field-dapGyCm2').fill('320');
    await page.locator('#section-guidance').scrollIntoViewIfNeeded();
    await page
      .getByRole('region', { name: 'Guidance, dose and contrast' })
      .screenshot({ path: `e2e/screenshots/slips-dap-${theme}.png` });
  });
}

for (const theme of ['dark', 'light'] as const) {
  test(`ropivacaine "0,2 %" is read as 2 mg/mL; "0,2" alone is asked, in the ${theme} theme`, async ({
    page,
    dbPath,
  }) => {
    if (theme === 'light') await page.getByRole('button', { name: 'Light theme' }).click();
    await newProcedure(page, 'ROPI-1');
    await page.getByRole('toolbar', { name: 'Add a drug' }).getByRole('button', { name: '+ Ropivacaine' }).click();
    const field = page.locator('[data-field="drugs[0].concentrationMgPerMl"]');
    const input = page.locator('#field-drugs-0--concentrationMgPerMl');
    await expect(field).toContainText('mg/mL, or % as on the ampoule');
    await input.fill('0,2');
    await expect(field).toContainText(
      'Ropivacaine 0.2 mg/mL is below the usual 2–10 mg/mL (0.2–1 %): was it 0.2 % (= 2 mg/mL)?',
    );
    await input.fill('0,2 %');
    await expect(field).toContainText('0.2 % = 2 mg/mL');
    await expect(field).not.toContainText('below the usual');
    await expect(page.getByLabel('Dose of drug 1')).toHaveText('= 4 mg');
    await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
    expect(
      readDatabase(dbPath, (db) =>
        db
          .prepare(
            "SELECT d.concentration_mg_per_ml FROM drug_administrations d JOIN procedures p ON p.id = d.procedure_id WHERE p.patient_id = 'ROPI-1'",
          )
          .pluck()
          .get(),
      ),
    ).toBe(2);
    await input.fill('0,2');
    await page.locator('[data-field="drugs"]').screenshot({ path: `e2e/screenshots/slips-concentration-${theme}.png` });
  });
}

test('a local anaesthetic’s concentrations are edited in Settings and asked by them', async ({ page }) => {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Ropivacaine lowest usual concentration (mg/mL)').fill('0.5');
  await page.getByRole('button', { name: 'Save Ropivacaine' }).click();
  await expect(page.getByText('Ropivacaine saved.')).toBeVisible();
  await page.getByLabel('Ropivacaine lowest usual concentration (mg/mL)').fill('12');
  await page.getByRole('button', { name: 'Save Ropivacaine' }).click();
  await expect(page.getByText('Lowest usual concentration must not be above the highest')).toBeVisible();
  await page.locator('#settings-drugs').scrollIntoViewIfNeeded();
  await page.locator('.drug-table').screenshot({ path: 'e2e/screenshots/slips-settings-concentrations.png' });
});

test.describe('the same root twice on one day', () => {
  test.use({ department: 'signed-case' });
  for (const theme of ['dark', 'light'] as const) {
    test(`is asked at the root, naming the other record, in the ${theme} theme`, async ({ page }) => {
      if (theme === 'light') await page.getByRole('button', { name: 'Light theme' }).click();
      // The signed case is P1234567's; typed in small letters with a space it is the same patient.
      await newProcedure(page, 'p1234567 ');
      await choices(page, 'Root').getByRole('radio', { name: /L5/ }).click();
      await choices(page, 'Side').getByRole('radio', { name: /Left/ }).click();
      const root = page.locator('[data-field="targets[0].root"]');
      await expect(root).toContainText(
        /This patient already has L5 left \(a signed record performed at \d\d:\d\d\) today/,
      );
      // It stays while typing elsewhere, until the next save answers.
      await page.getByLabel('Name', { exact: true }).fill('Muster, Erika');
      await expect(root).toContainText('is this the same procedure entered twice?');
      await root.scrollIntoViewIfNeeded();
      await page
        .locator('[data-field="targets[0]"]')
        .screenshot({ path: `e2e/screenshots/slips-same-root-${theme}.png` });
    });
  }
});

for (const theme of ['dark', 'light'] as const) {
  test(`an X-ray-guided case with no dose asks why, in the ${theme} theme`, async ({ page, dbPath }) => {
    if (theme === 'light') await page.getByRole('button', { name: 'Light theme' }).click();
    await newProcedure(page, 'NODOSE-1');
    const reason = page.getByLabel('No dose recorded because');
    await expect(reason).toHaveCount(0);
    await choices(page, 'Guidance modality').getByRole('radio', { name: /^CT/ }).first().click();
    await expect(reason).toBeVisible();
    await reason.selectOption({ label: 'Other' });
    await page.getByLabel('The other reason').fill('Scanner rebooted before the dose page');
    await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
    const stored = (column: string) =>
      readDatabase(dbPath, (db) =>
        db.prepare(`SELECT ${column} FROM procedures WHERE patient_id = 'NODOSE-1'`).pluck().get(),
      );
    expect(stored('no_dose_reason')).toBe('other');
    expect(stored('no_dose_reason_text')).toBe('Scanner rebooted before the dose page');
    await page.locator('#section-guidance').scrollIntoViewIfNeeded();
    await page
      .getByRole('region', { name: 'Guidance, dose and contrast' })
      .screenshot({ path: `e2e/screenshots/slips-no-dose-${theme}.png` });
    // The DLP typed: the reason is moot, no longer asked nor kept.
    await page.locator('#field-dlpMGyCm').fill('150');
    await expect(reason).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
    expect(stored('no_dose_reason')).toBeNull();
  });
}

test('the department’s patient ID rule: set in Settings, stored in capitals, a wrong ID refused at the field', async ({
  page,
  dbPath,
}) => {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Letter case').selectOption('upper');
  await page.getByLabel(/^Pattern/).fill('K-\\d{6}');
  await page.getByLabel('An ID that follows it').fill('K-100301');
  await page.getByRole('button', { name: 'Save patient ID rule' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page
    .locator('[aria-labelledby="settings-patient-id"]')
    .screenshot({ path: 'e2e/screenshots/slips-patient-id-settings.png' });
  await newProcedure(page, 'k-100301 ');
  const field = page.locator('[data-field="patientId"]');
  await expect(field).toContainText('Stored as K-100301');
  await page.getByLabel('Name', { exact: true }).fill('Keller, Paul');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  expect(
    readDatabase(dbPath, (db) =>
      db.prepare("SELECT count(*) FROM procedures WHERE patient_id = 'K-100301'").pluck().get(),
    ),
  ).toBe(1);
  await page.getByLabel('Patient ID').fill('K100301');
  await page.getByLabel('Name', { exact: true }).fill('Keller, Paula');
  await expect(field).toContainText(
    'Patient ID does not look like this department’s patient IDs: type it like K-100301',
  );
  await page.locator('[data-field="patientId"]').screenshot({ path: 'e2e/screenshots/slips-patient-id-refused.png' });
  // Alt+L with the ID held back says the ID is off the pattern, not that the patient has no earlier case.
  await page.getByLabel('Name', { exact: true }).focus();
  await page.keyboard.press('Alt+L');
  await expect(
    page.getByText(/does not look like this department’s patient IDs: type it like K-100301\. Nothing was copied/),
  ).toBeVisible();
  await expect(page.getByText(/No earlier signed procedure/)).toHaveCount(0);
  await expect(page.getByLabel('Patient ID')).toBeFocused();
  // An ID that follows the pattern, with no signed case of its patient: that is said.
  await page.getByLabel('Patient ID').fill('K-100309');
  await page.keyboard.press('Alt+L');
  await expect(page.getByText(/No earlier signed procedure of patient K-100309 in this logbook/)).toBeVisible();
});

test('a patient ID off the department’s pattern is held back alone: the rest is saved, the ID kept on screen', async ({
  page,
  dbPath,
}) => {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Letter case').selectOption('upper');
  await page.getByLabel(/^Pattern/).fill('K-\\d{6}');
  await page.getByLabel('An ID that follows it').fill('K-100301');
  await page.getByRole('button', { name: 'Save patient ID rule' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await newProcedure(page, 'K-100301');
  await page.getByLabel('Name', { exact: true }).fill('Keller, Paul');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  const stored = (column: string) =>
    readDatabase(dbPath, (db) => db.prepare(`SELECT ${column} FROM procedures`).pluck().get());
  // A slip in the ID (the hyphen forgotten) and more typed after it, as at the console.
  await page.getByLabel('Patient ID').fill('k100301');
  const field = page.locator('[data-field="patientId"]');
  // Not "Stored as K100301": an ID held back is not stored at all.
  await expect(field).toContainText('type it like K-100301');
  await expect(field).not.toContainText('Stored as');
  await page.getByLabel('Patient ID').fill('K100301');
  await page.getByLabel('Name', { exact: true }).fill('Keller, Paula');
  await page.getByLabel('Notes').fill('Calm, tolerated well');
  await expect(field).toContainText(
    'Patient ID does not look like this department’s patient IDs: type it like K-100301',
  );
  await expect(page.getByRole('status').filter({ hasText: 'Not saved: 1 field needs attention' })).toBeVisible();
  await page.getByRole('button', { name: 'Light theme' }).click();
  await field.screenshot({ path: 'e2e/screenshots/slips-patient-id-held-back-light.png' });
  await expect.poll(() => stored('notes')).toBe('Calm, tolerated well');
  expect(stored('patient_name')).toBe('Keller, Paula');
  // The ID saved before is still the logbook's; the slip stays on screen, and survives a reload.
  expect(stored('patient_id')).toBe('K-100301');
  await expect(page.getByLabel('Patient ID')).toHaveValue('K100301');
  await page.reload();
  await expect(page.getByLabel('Patient ID')).toHaveValue('K100301');
  await expect(field).toContainText('type it like K-100301');
  await expect(page.getByLabel('Notes')).toHaveValue('Calm, tolerated well');
  // Signing is refused while the ID is held back: the focus goes to it.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByLabel('Patient ID')).toBeFocused();
  expect(stored('status')).toBe('draft');
  await page.getByLabel('Patient ID').fill('K-100302');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  expect(stored('patient_id')).toBe('K-100302');
});

test('a hurried keyboard-only case with a slip in the ID: Ctrl+Enter goes back to the ID, then signs it corrected', async ({
  page,
  dbPath,
}) => {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Letter case').selectOption('upper');
  await page.getByLabel(/^Pattern/).fill('K-\\d{6}');
  await page.getByLabel('An ID that follows it').fill('K-100301');
  await page.getByRole('button', { name: 'Save patient ID rule' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.keyboard.press('Alt+N');
  const patientId = page.getByLabel('Patient ID');
  await expect(patientId).toBeFocused();
  // One digit short, and straight on to the rest of the case.
  await page.keyboard.type('k-10020');
  await tabTo(page, choices(page, 'Indication').getByRole('button', { name: 'Disc herniation' }));
  await page.keyboard.press('Space');
  await tabTo(page, choices(page, 'Consent').getByRole('radio').first());
  await page.keyboard.press('o');
  await tabTo(page, choices(page, 'Root').getByRole('radio').first());
  await page.keyboard.press('5');
  await page.keyboard.press('Tab');
  await page.keyboard.press('l');
  await tabTo(page, choices(page, 'Contrast spread, target 1').getByRole('button', { name: 'Perineural' }));
  await page.keyboard.press('Space');
  await tabTo(page, choices(page, 'Guidance modality').getByRole('radio').first());
  await page.keyboard.press('c');
  await tabTo(page, page.getByLabel('DLP'));
  await page.keyboard.type('142');
  await tabTo(page, choices(page, 'Pain before (NRS 0–10)').getByRole('radio').first());
  await page.keyboard.press('8');
  await tabTo(page, choices(page, 'Pain after (NRS 0–10)').getByRole('radio').first());
  await page.keyboard.press('3');
  await tabTo(page, choices(page, 'Complications').getByRole('button').first());
  await page.keyboard.press('n');
  await page.keyboard.press('Control+Enter');
  // Not the PIN: the ID is held back, and signing goes back to it first.
  await expect(patientId).toBeFocused();
  await expect(page.locator('[data-field="patientId"]')).toContainText('type it like K-100301');
  const stored = (column: string) =>
    readDatabase(dbPath, (db) => db.prepare(`SELECT ${column} FROM procedures`).pluck().get());
  // Everything else typed is in the logbook already.
  await expect.poll(() => stored('dlp_mgy_cm')).toBe(142);
  expect(stored('pain_post')).toBe(3);
  expect(stored('patient_id')).toBeNull();
  await page.keyboard.press('End');
  await page.keyboard.type('0');
  await page.keyboard.press('Control+Enter');
  // The drug was forgotten too: signing says so there, and the status does not call the saved draft unsaved.
  await expect(page.getByRole('alert').filter({ hasText: 'Drugs need at least one steroid' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Add a drug' }).getByRole('button').first()).toBeFocused();
  await page.keyboard.press('d');
  await expect(page.getByRole('button', { name: '+ Dexamethasone' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByLabel(/^PIN of/)).toBeFocused();
  await page.keyboard.type(TEST_PIN);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Procedure — Signed' })).toBeVisible();
  expect(stored('patient_id')).toBe('K-100200');
  expect(stored('status')).toBe('signed');
});

test.describe('an unsigned draft of an earlier day', () => {
  test.use({ department: 'draft-yesterday' });
  for (const theme of ['dark', 'light'] as const) {
    test(`stays on the start screen, counted, until signed or deleted, in the ${theme} theme`, async ({ page }) => {
      if (theme === 'light') await page.getByRole('button', { name: 'Light theme' }).click();
      await expect(page.getByRole('heading', { name: "Today's procedures", exact: false })).toBeVisible();
      const reminder = page.getByRole('region', { name: '1 unsigned draft from earlier days' });
      await expect(reminder).toBeVisible();
      await expect(reminder).toContainText('Not in the logbook’s audits until signed');
      await reminder.screenshot({ path: `e2e/screenshots/slips-earlier-drafts-${theme}.png` });
      await reminder.getByRole('button', { name: /K-100301, Keller, Paul · L5 left/ }).click();
      await expect(page.getByLabel('Patient ID')).toHaveValue('K-100301');
    });
  }
});
