import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { choices } from './helpers.js';

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
    await choices(page, 'Guidance modality').getByRole('radio', { name: /Fluoroscopy/ }).first().click();
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
