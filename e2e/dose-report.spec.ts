import { CT_STANDARD_STUDY, scannerSends, worklistWithDoseStudy } from './dose-report-arrival.js';
import { expect, test } from './fixtures.js';
import { readDatabase } from './helpers.js';
import { todaysWorklist } from './worklist-items.js';

/*
 * The dose from the scanner's own report (RDSR): sent by dcmtk's storescu to the C-STORE SCP,
 * found by the Study Instance UID the worklist gave the record, filled into the dose fields and
 * marked with its source; a change by hand is marked and asks for its reason, which is kept.
 */

test.use({ worklist: { items: worklistWithDoseStudy(todaysWorklist()) } });

const doseOf = (dbPath: string) =>
  readDatabase(dbPath, (db) =>
    db
      .prepare(
        'SELECT dlp_mgy_cm, ctdi_vol_mgy, dose_source, dose_report_uids, dose_report_device, dose_change_reason FROM procedures WHERE patient_id = ?',
      )
      .get(CT_STANDARD_STUDY.patientId),
  ) as Record<string, unknown> | undefined;

test("the dose fields fill from the scanner's dose report and show their source; a hand edit asks for a reason", async ({
  page,
  dbPath,
  saveScreenshot,
}) => {
  // The scanner sent its report at the end of the scan, before the case was opened: it waits.
  await scannerSends(dbPath);
  const first = page.getByRole('list', { name: 'Scheduled patients' }).getByRole('button').first();
  await expect(first).toContainText('Muster, Erika');
  await page.keyboard.press('Alt+W');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Patient ID')).toHaveValue(CT_STANDARD_STUDY.patientId);

  const source = page.getByTestId('dose-source');
  await expect(source).toContainText("From the scanner's dose report");
  await expect(source).toContainText('SIEMENS SOMATOM go.Up (CTSUED1)');
  await expect(page.getByLabel(/^DLP/)).toHaveValue(/46[.,]59/);
  await expect(page.getByLabel(/^CTDIvol/)).toHaveValue(/4[.,]35/);
  await expect
    .poll(() => doseOf(dbPath))
    .toMatchObject({
      dlp_mgy_cm: CT_STANDARD_STUDY.dlpMGyCm,
      ctdi_vol_mgy: CT_STANDARD_STUDY.ctdiVolMGy,
      dose_source: 'dose_report',
      dose_report_uids: '2.25.310000000000000000000000000000000101',
      dose_change_reason: null,
    });
  await saveScreenshot('dose-from-report');

  // Changed by hand: marked, and the reason is asked for and kept with the record.
  await page.getByLabel(/^DLP/).fill('50');
  await expect(source).toContainText("Changed by hand after the scanner's dose report");
  const reason = page.getByLabel("Reason for changing the scanner's dose");
  await expect(reason).toBeVisible();
  await reason.fill('Second scan after needle repositioning not in the report');
  await expect
    .poll(() => doseOf(dbPath))
    .toMatchObject({
      dlp_mgy_cm: 50,
      dose_source: 'dose_report_then_changed',
      dose_change_reason: 'Second scan after needle repositioning not in the report',
    });
  await saveScreenshot('dose-changed-by-hand');

  // Put back as the report had it: from the report again, the reason gone.
  await page.getByRole('button', { name: "Put back the report's figures" }).click();
  await expect(source).toContainText("From the scanner's dose report");
  await expect.poll(() => doseOf(dbPath)).toMatchObject({ dlp_mgy_cm: 46.59, dose_source: 'dose_report' });
});
