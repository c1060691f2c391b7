import Database from 'better-sqlite3';
import { expect, test } from './fixtures.js';
import { signWithPin } from './helpers.js';

/** Chooses a toggle button inside the labelled group (radio or pressed button). */
const group = (page: import('@playwright/test').Page, label: string) =>
  page.getByRole('group', { name: label, exact: true }).or(page.getByRole('radiogroup', { name: label, exact: true }));

test('a procedure created and signed in the UI is in the SQLite file', async ({ page, dbPath }) => {
  await page
    .getByRole('button', { name: /New procedure/ })
    .first()
    .click();
  await page.getByLabel('Patient ID').fill('P7654321');
  await page.getByLabel('Name', { exact: true }).fill('Muster, Erika');
  await group(page, 'Indication').getByRole('button', { name: 'Disc herniation' }).click();
  await group(page, 'Consent')
    .getByRole('radio', { name: /Obtained/ })
    .click();
  await group(page, 'Root').getByRole('radio', { name: /L5/ }).click();
  await group(page, 'Side').getByRole('radio', { name: /Left/ }).click();
  await group(page, 'Contrast spread, target 1').getByRole('button', { name: 'Perineural' }).click();
  await group(page, 'Guidance modality').getByRole('radio', { name: /^CT/ }).first().click();
  await page.getByLabel('DLP').fill('150');
  await page.getByRole('button', { name: '+ Dexamethasone' }).click();
  await group(page, 'Pain before (NRS 0–10)').getByRole('radio', { name: /^7/ }).click();
  await group(page, 'Pain after (NRS 0–10)').getByRole('radio', { name: /^2/ }).click();
  await group(page, 'Complications').getByRole('button', { name: /^None/ }).click();
  await page.getByRole('button', { name: /Sign procedure/ }).click();
  await signWithPin(page);
  await expect(page.getByRole('heading', { name: 'Procedure — Signed' })).toBeVisible();

  const db = new Database(dbPath, { readonly: true });
  try {
    const row = db.prepare("SELECT * FROM procedures WHERE patient_id = 'P7654321'").get() as Record<string, unknown>;
    expect(row).toMatchObject({
      status: 'signed',
      patient_name: 'Muster, Erika',
      modality: 'ct',
      dlp_mgy_cm: 150,
      pain_pre: 7,
      pain_post: 2,
      consent: 'obtained',
    });
    expect(db.prepare('SELECT root, side, foramen FROM targets WHERE procedure_id = ?').all(row.id)).toEqual([
      { root: 'L5', side: 'left', foramen: 'L5/S1' },
    ]);
    expect(
      db
        .prepare('SELECT drug_code, dose_mg, target_ordinal FROM drug_administrations WHERE procedure_id = ?')
        .all(row.id),
    ).toEqual([{ drug_code: 'dexamethasone', dose_mg: 8, target_ordinal: 0 }]);
    expect(db.prepare('SELECT count(*) FROM procedure_versions WHERE procedure_id = ?').pluck().get(row.id)).toBe(1);
  } finally {
    db.close();
  }
});

test('a validation error appears next to its field, and signing an incomplete record saves nothing as signed', async ({
  page,
  dbPath,
}) => {
  await page
    .getByRole('button', { name: /New procedure/ })
    .first()
    .click();
  await page.getByLabel('Patient ID').fill('P1000001');
  await page.getByLabel('DLP').fill('abc');
  const dlpField = page.locator('[data-field="dlpMGyCm"]');
  await expect(dlpField.getByRole('alert')).toHaveText('DLP (mGy·cm) must be a number from 0 to 100000');
  await expect(page.getByLabel('DLP')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('DLP').fill('');
  await page.getByRole('button', { name: /Sign procedure/ }).click();
  await expect(page.locator('[data-field="indications"]').getByRole('alert')).toHaveText(
    'Indication needs at least one entry to sign',
  );
  await expect(page.locator('[data-field="painPre"]').getByRole('alert')).toHaveText(
    'Pain before (NRS) is required to sign',
  );
  await expect(page.locator('[data-field="complications"]').getByRole('alert')).toHaveText(
    'Complications must be "none" or at least one complication to sign',
  );
  // Focus moves to the first field that needs attention.
  await expect(page.locator('[data-field="indications"] button').first()).toBeFocused();

  const db = new Database(dbPath, { readonly: true });
  try {
    expect(db.prepare("SELECT status FROM procedures WHERE patient_id = 'P1000001'").pluck().all()).toEqual(['draft']);
  } finally {
    db.close();
  }
});
