import { fixtureFile } from '../db/dose-report/fixtures/fixture-files.js';
import { storescu } from '../db/testing/dose-peers.js';
import { freePort } from '../db/testing/ports.js';
import { expect, test } from './fixtures.js';
import { readDatabase } from './helpers.js';

/*
 * The dose report receiver in the app: turned on in Settings → Dose reports (its state in
 * words), a real dose report sent to it by dcmtk's storescu, waiting in the inbox beside the
 * procedure list because no record has its study yet, and attached by hand to the patient's
 * new procedure, whose dose fields then fill from it.
 */

test('Settings → Dose reports starts the receiver; a report without a procedure waits in the inbox and is attached by hand', async ({
  page,
  dbPath,
  saveScreenshot,
}) => {
  const port = await freePort();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('region', { name: 'Dose reports' });
  await expect(settings.getByTestId('dose-receiver-state')).toContainText('Dose reports are not received');
  await settings.getByLabel('AE titles allowed to send').fill('CT_SUED1, XA_OP2');
  await settings.getByLabel('Receiving port').fill(String(port));
  // Every network address unless told one (the harness listens on 127.0.0.1 whatever is saved).
  await expect(settings.getByLabel('Address to listen on')).toHaveValue('0.0.0.0');
  await settings.getByLabel('Address to listen on').fill('ct-console.local');
  await settings.getByRole('button', { name: 'Save the Dose reports connection' }).click();
  await expect(settings).toContainText('Address to listen on must be an IP address of this console');
  await settings.getByLabel('Address to listen on').fill('127.0.0.1');
  await settings.getByRole('button', { name: 'Save the Dose reports connection' }).click();
  await expect(settings.getByTestId('dose-receiver-state')).toHaveText(
    `Receiving dose reports at 127.0.0.1, port ${port}, as ROOTLOG, from CT_SUED1, XA_OP2.`,
  );
  await saveScreenshot('dose-receiver-settings');

  // The scanner sends its report; no record has its study, accession or patient and day.
  const sent = await storescu(
    { port, calledAeTitle: 'ROOTLOG', callingAeTitle: 'CT_SUED1' },
    fixtureFile('ct-standard'),
  );
  expect(sent.code, sent.stderr).toBe(0);
  await page.getByRole('button', { name: 'Procedures', exact: true }).click();
  const inbox = page.getByRole('region', { name: '1 dose report without a procedure' });
  await expect(inbox).toContainText('Patient ID K-100301');
  await expect(inbox).toContainText('SIEMENS SOMATOM go.Up (CTSUED1)');
  await saveScreenshot('dose-inbox-beside-list');

  // The patient's procedure is started; under its dose fields the waiting report is attached.
  await page
    .getByRole('button', { name: /New procedure/ })
    .first()
    .click();
  await page.getByLabel('Patient ID').fill('K-100301');
  const attach = page.getByRole('button', { name: 'Attach to this procedure' });
  await expect(attach).toBeVisible();
  await attach.click();
  await expect(page.getByTestId('dose-source')).toContainText("From the scanner's dose report");
  await expect(page.getByLabel(/^DLP/)).toHaveValue(/46[.,]59/);
  await expect
    .poll(() =>
      readDatabase(dbPath, (db) =>
        db
          .prepare(
            `SELECT r.linked_by AS linkedBy, p.dlp_mgy_cm AS dlp, p.dose_source AS source
               FROM dose_reports r JOIN procedures p ON p.id = r.procedure_id WHERE p.patient_id = 'K-100301'`,
          )
          .get(),
      ),
    )
    .toEqual({ linkedBy: 'hand', dlp: 46.59, source: 'dose_report' });

  // The inbox is empty again.
  await page.getByRole('button', { name: 'Procedures', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Today's worklist/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /without a procedure/ })).toHaveCount(0);
});
