import { fixtureFile } from '../db/dose-report/fixtures/fixture-files.js';
import { startOrthanc, storescu, type TestPacs } from '../db/testing/dose-peers.js';
import { freePort } from '../db/testing/ports.js';
import { CT_STANDARD_STUDY } from './dose-report-arrival.js';
import { expect, test } from './fixtures.js';

/*
 * "Fetch dose report from the PACS" for the open record, with Orthanc as the department's PACS on
 * 127.0.0.1: Settings → Dose reports and → PACS set up in the window; Alt+D before the scanner's
 * report reached the PACS says so in words; once it is there, Alt+D brings it through RootLog's
 * receiver and the dose fields fill from it.
 */

test('Alt+D fetches the open record’s dose report from the PACS, or says why not', async ({ page, saveScreenshot }) => {
  const receiverPort = await freePort();
  let pacs: TestPacs | undefined;
  try {
    pacs = await startOrthanc({ modalities: { rootlog: { aeTitle: 'ROOTLOG', port: receiverPort } } });
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dose = page.getByRole('region', { name: 'Dose reports' });
    await dose.getByLabel('AE titles allowed to send').fill(`CT_SUED1, ${pacs.aeTitle}`);
    await dose.getByLabel('Receiving port').fill(String(receiverPort));
    await dose.getByLabel('Address to listen on').fill('127.0.0.1');
    await dose.getByRole('button', { name: 'Save the Dose reports connection' }).click();
    await expect(dose.getByTestId('dose-receiver-state')).toContainText(`at 127.0.0.1, port ${receiverPort}`);
    const settings = page.getByRole('region', { name: 'PACS', exact: true });
    await settings.getByLabel('PACS server').fill('127.0.0.1');
    await settings.getByLabel('PACS port').fill(String(pacs.dicomPort));
    await settings.getByLabel("PACS's AE title").fill(pacs.aeTitle);
    await settings.getByRole('button', { name: 'Save the PACS connection' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'PACS' })).toBeVisible();
    await saveScreenshot('pacs-settings');
    await settings.screenshot({ path: 'e2e/screenshots/pacs-settings-dark.png' });
    await dose.screenshot({ path: 'e2e/screenshots/dose-receiver-address-dark.png' });
    await page.getByRole('button', { name: 'Light theme' }).click();
    await settings.screenshot({ path: 'e2e/screenshots/pacs-settings-light.png' });
    await dose.screenshot({ path: 'e2e/screenshots/dose-receiver-address-light.png' });
    await page.getByRole('button', { name: 'Dark theme' }).click();

    // The patient's case, by hand: ID and accession number; the scanner has not sent its report yet.
    await page.getByRole('button', { name: 'Procedures', exact: true }).click();
    await page
      .getByRole('button', { name: /New procedure/ })
      .first()
      .click();
    await page.getByLabel('Patient ID').fill(CT_STANDARD_STUDY.patientId);
    await page.getByLabel('Accession number').fill(CT_STANDARD_STUDY.accessionNumber);
    const fetch = page.getByTestId('pacs-fetch');
    await expect(fetch.getByRole('button', { name: /Fetch dose report from the PACS/ })).toBeVisible();
    await page.getByLabel('Accession number').press('Alt+D');
    await expect(fetch.getByRole('alert')).toHaveText(
      new RegExp(
        `^The PACS ${pacs.aeTitle} has no dose report for this study \\(accession number ${CT_STANDARD_STUDY.accessionNumber}\\)`,
      ),
    );
    await saveScreenshot('pacs-fetch-none-yet');
    // Close-ups to look at, in both themes.
    await fetch.screenshot({ path: 'e2e/screenshots/pacs-fetch-none-yet-dark.png' });
    await page.getByRole('button', { name: 'Light theme' }).click();
    await fetch.screenshot({ path: 'e2e/screenshots/pacs-fetch-none-yet-light.png' });
    await page.getByRole('button', { name: 'Dark theme' }).click();

    // The scanner's report reaches the PACS; Alt+D again brings it, and the dose fills from it.
    const sent = await storescu(
      { port: pacs.dicomPort, calledAeTitle: pacs.aeTitle, callingAeTitle: 'CT_SUED1' },
      fixtureFile('ct-standard'),
    );
    expect(sent.code, sent.stderr).toBe(0);
    await page.getByLabel('Accession number').press('Alt+D');
    const source = page.getByTestId('dose-source');
    await expect(source).toContainText("From the scanner's dose report");
    await expect(page.getByLabel(/^DLP/)).toHaveValue(/46[.,]59/);
    await expect(page.getByLabel(/^CTDIvol/)).toHaveValue(/4[.,]35/);
    await saveScreenshot('pacs-fetch-filled');
  } finally {
    await pacs?.stop();
  }
});
