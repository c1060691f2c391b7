import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, test } from './fixtures.js';

test.use({ department: 'busy' });

test('a pseudonymised CSV export from the export screen holds no identifiers', async ({
  page,
  dbPath,
  expectAccessible,
  saveScreenshot,
}) => {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Export' })).toBeVisible();
  await expectAccessible('the export screen');
  await page.getByLabel(/Pseudonymise/).check();
  await page.getByLabel('Dates in the pseudonymised file').selectOption('month');
  await page.getByLabel(/Also one file per drug/).check();
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Exported \d+ procedures/ })).toBeVisible();
  await saveScreenshot('export-dark');
  const files = await page.locator('.export-files code').allTextContents();
  expect(files.map((file) => file.replace(/.*\//, ''))).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^rootlog-export-\d{4}-\d\d-\d\d\.csv$/),
      expect.stringMatching(/\.drugs\.csv$/),
    ]),
  );
  const rows = parse(readFileSync(files[0] as string), { columns: true, bom: true }) as Record<string, string>[];
  expect(rows.length).toBeGreaterThan(250);
  expect(Object.keys(rows[0] ?? {})).toContain('patient_pseudonym');
  expect(Object.keys(rows[0] ?? {})).not.toContain('patient_name');
  const text = readFileSync(files[0] as string, 'utf8');
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(dbPath, { readonly: true });
  const identifiers = db
    .prepare('SELECT id, patient_id, patient_name, performed_date FROM procedures LIMIT 50')
    .all() as {
    id: string;
    patient_id: string;
    patient_name: string;
    performed_date: string;
  }[];
  db.close();
  for (const { id, patient_id, patient_name, performed_date } of identifiers) {
    expect(text).not.toContain(id);
    expect(text).not.toContain(patient_id);
    expect(text).not.toContain(patient_name);
    // Dates to the month only, as chosen.
    expect(text).not.toContain(performed_date);
  }
  expect(rows.every((row) => /^\d{4}-\d{2}$/.test(row.performed_at ?? ''))).toBe(true);
});
