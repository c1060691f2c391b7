import { expect, test } from './fixtures.js';
import { readDatabase } from './helpers.js';
import { todaysWorklist } from './worklist-items.js';

/*
 * Today's worklist beside the procedure list, from a real worklist server (dcmtk's wlmscpfs):
 * Enter on a row starts the case with the identity filled and marked; a change by hand is
 * marked too; when the server goes away the list stays with the reason, and typing by hand works.
 */

test.use({ worklist: { items: todaysWorklist() } });

const identityOf = (dbPath: string, patientId: string) =>
  readDatabase(dbPath, (db) =>
    db
      .prepare(
        `SELECT patient_name, birth_date, sex, accession_number, issuer_of_patient_id, study_instance_uid,
                requested_procedure_text, referring_physician, identity_source
           FROM procedures WHERE patient_id = ?`,
      )
      .get(patientId),
  );

test('Enter on a worklist row starts the case with the identity filled and marked as from the worklist', async ({
  page,
  dbPath,
  saveScreenshot,
  expectAccessible,
}) => {
  const worklist = page.getByRole('complementary', { name: /Today's worklist/ });
  const rows = worklist.getByRole('list', { name: 'Scheduled patients' }).getByRole('button');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Muster, Erika');
  // The sex the worklist gives, beside the ID and birth date.
  await expect(rows.nth(0)).toContainText('K-100300 · Female · ');
  // UTF-8 from the server, decoded as declared.
  await expect(rows.nth(1)).toContainText('Müller, Jürg');
  await expect(worklist).toContainText(/List received at \d\d:\d\d \(just now\)/);
  await saveScreenshot('worklist-beside-list');
  await expectAccessible('the procedure list with the worklist');

  await page.keyboard.press('Alt+W');
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: /Patient\s*from the worklist/ })).toBeVisible();
  await expect(page.getByLabel('Patient ID')).toHaveValue('K-100300');
  await expect(page.getByLabel('Name')).toHaveValue('Muster, Erika');
  await expect(page.getByLabel('Accession number')).toHaveValue('A26-004711');
  // The cursor is past the identity, at the first clinical question.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field')))
    .toBe('indications');
  await saveScreenshot('worklist-case-started');
  await expect
    .poll(() => identityOf(dbPath, 'K-100300'))
    .toEqual({
      patient_name: 'Muster, Erika',
      birth_date: '1958-03-12',
      sex: 'female',
      accession_number: 'A26-004711',
      issuer_of_patient_id: 'KSB',
      study_instance_uid: '1.2.826.0.1.3680043.10.4711.1',
      requested_procedure_text: 'CT-gesteuerte PRT L5 rechts',
      referring_physician: 'Hausarzt, Hans',
      identity_source: 'worklist',
    });

  // A name corrected by hand: the record says the identity was changed after the worklist.
  await page.getByLabel('Name').fill('Muster-Meier, Erika');
  await expect(page.getByRole('heading', { name: /from the worklist, changed by hand/ })).toBeVisible();
  await expect
    .poll(() => (identityOf(dbPath, 'K-100300') as { identity_source: string }).identity_source)
    .toBe('worklist_then_changed');

  // Back at the list, the patient is shown as logged today.
  await page.getByRole('button', { name: 'Procedures', exact: true }).click();
  await expect(rows.nth(0)).toContainText('Logged today');
});

test('a patient ID typed by hand finds its worklist entry and takes the rest from it', async ({ page, dbPath }) => {
  await expect(page.getByRole('list', { name: 'Scheduled patients' }).getByRole('button')).toHaveCount(2);
  await page.keyboard.press('Alt+N');
  await page.keyboard.type('K-100301');
  await page.getByRole('button', { name: "Take the patient's details from the worklist" }).click();
  await expect(page.getByLabel('Name')).toHaveValue('Müller, Jürg');
  await expect
    .poll(() => identityOf(dbPath, 'K-100301'))
    .toMatchObject({
      patient_name: 'Müller, Jürg',
      study_instance_uid: '1.2.826.0.1.3680043.10.4711.2',
      identity_source: 'worklist',
    });
});

test('the worklist server gone: the last list stays with the reason in words, and patients are typed by hand', async ({
  page,
  worklistServer,
  saveScreenshot,
}) => {
  const worklist = page.getByRole('complementary', { name: /Today's worklist/ });
  await expect(worklist.getByRole('list', { name: 'Scheduled patients' }).getByRole('button')).toHaveCount(2);
  await worklistServer?.stop();
  // Alt+R asks again from any screen, not only beside the list.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.keyboard.press('Alt+R');
  await page.getByRole('button', { name: 'Procedures', exact: true }).click();
  await expect(worklist.getByRole('alert')).toContainText(
    /cannot be reached: .* The worklist keeps showing what it last received, and patients can be entered by hand\./,
  );
  await expect(worklist.getByRole('list', { name: 'Scheduled patients' }).getByRole('button')).toHaveCount(2);
  await saveScreenshot('worklist-server-down');
  await page.keyboard.press('Alt+N');
  await expect(page.getByLabel('Patient ID')).toBeFocused();
  await page.keyboard.type('H-1');
  await expect(page.getByLabel('Patient ID')).toHaveValue('H-1');
});

test('Settings → Worklist: the connection tested in words, a wrong port refused by its label, the RIS set up', async ({
  page,
  saveScreenshot,
}) => {
  await page.getByRole('button', { name: 'Settings' }).click();
  const worklist = page.getByRole('region', { name: 'Worklist' });
  await expect(worklist.getByLabel("Worklist server's AE title")).toHaveValue('RISWL');
  await worklist.getByRole('button', { name: 'Test the connection' }).click();
  await expect(worklist.getByRole('status')).toContainText(
    /The worklist server at 127\.0\.0\.1:\d+ \(RISWL\) answered in \d+ ms\./,
  );
  await worklist.getByLabel('Worklist port').fill('0');
  await worklist.getByRole('button', { name: 'Save the Worklist connection' }).click();
  await expect(worklist).toContainText('Worklist port must be a port number from 1 to 65535');

  const ris = page.getByRole('region', { name: 'RIS' });
  await ris.getByLabel('RIS server').fill('ris.example.org');
  await ris.getByLabel('RIS port').fill('2575');
  await ris.getByLabel('Sending facility').fill('RAD');
  await ris.getByLabel('Receiving application').fill('RIS');
  await ris.getByLabel('Receiving facility').fill('KSB');
  await ris.getByLabel('Character set').selectOption('ISO-8859-1');
  await ris.getByRole('button', { name: 'Save the RIS connection' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'RIS saved.' })).toBeVisible();
  await saveScreenshot('settings-connections');
});
