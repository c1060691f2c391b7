import type { Page } from '@playwright/test';
import { TEST_PIN } from '../db/testing/signer.js';
import { CT_STANDARD_STUDY, scannerSends, worklistWithDoseStudy } from './dose-report-arrival.js';
import { expect, test } from './fixtures.js';
import { readDatabase, slowApi } from './helpers.js';
import { todaysWorklist } from './worklist-items.js';

/*
 * Faster than paper: whole cases logged and signed with the keyboard alone, every key press
 * counted (a typed character is one), against the budget of #16 (today's 104 for the
 * standard case). The count is printed for the record.
 */

test.use({ department: 'presets' });

class Keyboard {
  presses = 0;
  constructor(private readonly page: Page) {}
  async press(key: string) {
    this.presses++;
    await this.page.keyboard.press(key);
  }
  async type(text: string) {
    this.presses += [...text].length;
    await this.page.keyboard.type(text);
  }
}

const focusedField = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field') ?? null);

async function signed(page: Page, dbPath: string, patientId: string) {
  await expect(page.getByRole('heading', { name: 'Procedure — Signed' })).toBeVisible();
  return readDatabase(dbPath, (db) =>
    db
      .prepare(
        `SELECT p.status, p.consent, p.modality, p.pain_pre, p.pain_post, p.caudal_epidural, p.indications_text, p.complications_text,
                p.root_sides, p.target_spread_text, p.caudal_spread_text,
                (SELECT group_concat(d.drug_code || ' ' || printf('%g', d.dose_given_mg), ', ') FROM drug_administrations d WHERE d.procedure_id = p.id) AS drugs
           FROM procedures p WHERE p.patient_id = ? ORDER BY p.created_at DESC LIMIT 1`,
      )
      .get(patientId),
  ) as Record<string, unknown>;
}

test('the standard case with the department preset: 25 key presses or fewer', async ({ page, dbPath }) => {
  const keys = new Keyboard(page);
  await expect(page.getByRole('heading', { name: "Today's procedures" })).toBeVisible();
  await keys.press('Alt+N');
  await expect(page.getByLabel('Patient ID')).toBeFocused();
  await keys.type('K-100200');
  await keys.press('Enter'); // → Indication
  expect(await focusedField(page)).toBe('indications');
  await keys.press('Enter'); // disc herniation (the first) → Consent
  expect(await focusedField(page)).toBe('consent');
  await keys.press('Enter'); // obtained → the root
  await keys.press('Alt+1'); // L5 right CT standard: root, side, approach, modality, drugs
  await expect(page.getByRole('heading', { name: 'Target 1: L5 right' })).toBeVisible();
  await expect.poll(() => focusedField(page)).toBe('targets[0].spread');
  await keys.press('Enter'); // perineural → the CT dose
  expect(await focusedField(page)).toBe('dlpMGyCm');
  await keys.type('150'); // the DLP from the console: a CT case is signed with its dose
  await keys.press('Enter'); // → CTDIvol
  await keys.press('Enter'); // not at hand → pain before
  expect(await focusedField(page)).toBe('painPre');
  await keys.press('8');
  await keys.press('Enter'); // → pain after
  await keys.press('2');
  await keys.press('Enter'); // → complications
  expect(await focusedField(page)).toBe('complications');
  await keys.press('Enter'); // none → Sign
  await expect(page.getByLabel('PIN of Dr. A. Keller')).toBeFocused();
  await keys.type(TEST_PIN); // the signer's PIN: the only keys signing adds
  await keys.press('Enter'); // sign
  const row = await signed(page, dbPath, 'K-100200');
  expect(row).toMatchObject({
    status: 'signed',
    consent: 'obtained',
    modality: 'ct',
    pain_pre: 8,
    pain_post: 2,
    indications_text: 'disc_herniation',
    root_sides: 'L5 right',
    target_spread_text: 'perineural',
    complications_text: 'none',
    drugs: 'dexamethasone 8, ropivacaine 4',
  });
  console.log(
    `key presses, standard case with a preset: ${keys.presses} (before: 104; 20 before the CT dose joined the Enter path)`,
  );
  expect(keys.presses).toBeLessThanOrEqual(25 + TEST_PIN.length);
});

test('the standard case by hand, without a preset', async ({ page, dbPath }) => {
  const keys = new Keyboard(page);
  await keys.press('Alt+N');
  await keys.type('H-300400');
  await keys.press('Enter');
  await keys.press('Enter'); // disc herniation
  await keys.press('Enter'); // consent obtained
  await keys.press('5');
  await keys.press('Enter'); // root L5
  await keys.press('r');
  await keys.press('Enter'); // side right
  await keys.press('Enter'); // spread perineural
  await keys.press('Enter'); // modality CT (the first) → the CT dose
  expect(await focusedField(page)).toBe('dlpMGyCm');
  await keys.type('150'); // the DLP from the console
  await keys.press('Enter'); // → CTDIvol
  await keys.press('Enter'); // not at hand → drugs
  expect(await focusedField(page)).toBe('drugs');
  await keys.press('d'); // the quick-add row: a letter goes to the drug, Enter adds it
  await keys.press('Enter');
  await keys.press('r');
  await keys.press('Enter');
  await keys.press('Alt+J'); // → pain before
  await keys.press('8');
  await keys.press('Enter');
  await keys.press('2');
  await keys.press('Enter');
  await keys.press('Enter'); // none
  await keys.type(TEST_PIN); // the signer's PIN: the only keys signing adds
  await keys.press('Enter'); // sign
  const row = await signed(page, dbPath, 'H-300400');
  expect(row).toMatchObject({ root_sides: 'L5 right', modality: 'ct', drugs: 'dexamethasone 8, ropivacaine 4' });
  console.log(
    `key presses, standard case by hand: ${keys.presses} (before: 104; 29 before the CT dose joined the Enter path)`,
  );
  // 30 before a CT case was signed only with its dose (schema 23): the DLP and Enter past CTDIvol.
  expect(keys.presses).toBeLessThanOrEqual(34 + TEST_PIN.length);
});

/**
 * The realistic standard case: everything a Swiss console types for an L5 right CT case — the
 * patient (ID, name, birth date, accession, sex), the CT dose from the scanner (DLP, CTDIvol)
 * — then the plan by hand or by preset. The main of issue #26 needed 74 presses by hand and 67
 * with the preset, without a PIN (a native date control that held the first Tab, the CT dose off
 * the Enter path); the Enter path made them 72 and 63, and signing with the PIN (issue #25) adds
 * its digits: 72 + 4 = 76 and 63 + 4 = 67 with the test PIN. No other press came in.
 */
async function realisticPatient(page: Page, keys: Keyboard, patientId: string) {
  await expect(page.getByRole('heading', { name: "Today's procedures" })).toBeVisible();
  await keys.press('Alt+N');
  await expect(page.getByLabel('Patient ID')).toBeFocused();
  await keys.type(patientId);
  await keys.press('Tab');
  await keys.type('Muster, Erika');
  await keys.press('Tab');
  await keys.type('12031958');
  await keys.press('Tab'); // the first Tab leaves the birth date
  expect(await focusedField(page)).toBe('accessionNumber');
  await keys.type('A26-004711');
  await keys.press('Tab');
  expect(await focusedField(page)).toBe('sex');
  await keys.press('Enter'); // female (the first) → indication
  expect(await focusedField(page)).toBe('indications');
  await keys.press('Enter'); // disc herniation
  await keys.press('Enter'); // consent obtained
}

async function ctDoseAndOn(page: Page, keys: Keyboard) {
  expect(await focusedField(page)).toBe('dlpMGyCm');
  await keys.type('142');
  await keys.press('Enter');
  expect(await focusedField(page)).toBe('ctdiVolMGy');
  await keys.type('9,5');
  await keys.press('Enter');
}

const REALISTIC_ROW = {
  status: 'signed',
  root_sides: 'L5 right',
  modality: 'ct',
  pain_pre: 8,
  pain_post: 2,
  drugs: 'dexamethasone 8, ropivacaine 4',
};

const patientColumns = (dbPath: string, patientId: string) =>
  readDatabase(dbPath, (db) =>
    db
      .prepare(
        'SELECT patient_name, birth_date, accession_number, sex, dlp_mgy_cm, ctdi_vol_mgy FROM procedures WHERE patient_id = ?',
      )
      .get(patientId),
  );

const REALISTIC_PATIENT = {
  patient_name: 'Muster, Erika',
  birth_date: '1958-03-12',
  accession_number: 'A26-004711',
  sex: 'female',
  dlp_mgy_cm: 142,
  ctdi_vol_mgy: 9.5,
};

test('the realistic standard case typed by hand: patient, birth date, accession, sex and CT dose', async ({
  page,
  dbPath,
}) => {
  const keys = new Keyboard(page);
  await realisticPatient(page, keys, 'H-300500');
  await keys.press('5');
  await keys.press('Enter'); // root L5
  await keys.press('r');
  await keys.press('Enter'); // side right
  await keys.press('Enter'); // spread perineural
  await keys.press('Enter'); // modality CT (the first) → DLP
  await ctDoseAndOn(page, keys);
  expect(await focusedField(page)).toBe('drugs');
  await keys.press('d');
  await keys.press('Enter');
  await keys.press('r');
  await keys.press('Enter');
  await keys.press('Alt+J'); // → pain before
  await keys.press('8');
  await keys.press('Enter');
  await keys.press('2');
  await keys.press('Enter');
  await keys.press('Enter'); // none → Sign
  await keys.type(TEST_PIN); // the signer's PIN: the only keys signing adds
  await keys.press('Enter'); // sign
  expect(await signed(page, dbPath, 'H-300500')).toMatchObject(REALISTIC_ROW);
  expect(patientColumns(dbPath, 'H-300500')).toEqual(REALISTIC_PATIENT);
  console.log(
    `key presses, realistic standard case by hand: ${keys.presses} (72 and the PIN's ${TEST_PIN.length}; issue #26's main: 74, no PIN)`,
  );
  expect(keys.presses).toBeLessThanOrEqual(72 + TEST_PIN.length);
});

test('the realistic standard case with the department preset', async ({ page, dbPath }) => {
  const keys = new Keyboard(page);
  await realisticPatient(page, keys, 'K-100300');
  await keys.press('Alt+1');
  await expect.poll(() => focusedField(page)).toBe('targets[0].spread');
  await keys.press('Enter'); // perineural → DLP
  await ctDoseAndOn(page, keys);
  expect(await focusedField(page)).toBe('painPre');
  await keys.press('8');
  await keys.press('Enter');
  await keys.press('2');
  await keys.press('Enter');
  await keys.press('Enter'); // none → Sign
  await keys.type(TEST_PIN); // the signer's PIN: the only keys signing adds
  await keys.press('Enter'); // sign
  expect(await signed(page, dbPath, 'K-100300')).toMatchObject(REALISTIC_ROW);
  expect(patientColumns(dbPath, 'K-100300')).toEqual(REALISTIC_PATIENT);
  console.log(
    `key presses, realistic standard case with a preset: ${keys.presses} (63 and the PIN's ${TEST_PIN.length}; issue #26's main: 67, no PIN)`,
  );
  expect(keys.presses).toBeLessThanOrEqual(63 + TEST_PIN.length);
});

test.describe('with the worklist', () => {
  test.use({ worklist: { items: todaysWorklist() } });

  test('the realistic standard case from the worklist with the preset: 25 key presses or fewer', async ({
    page,
    dbPath,
  }) => {
    const keys = new Keyboard(page);
    await expect(page.getByRole('heading', { name: "Today's procedures" })).toBeVisible();
    const first = page.getByRole('list', { name: 'Scheduled patients' }).getByRole('button').first();
    await expect(first).toContainText('Muster, Erika');
    await keys.press('Alt+W'); // the cursor on the first scheduled patient
    await expect(first).toBeFocused();
    await keys.press('Enter'); // the case, with ID, name, birth date, sex, accession from the worklist
    await expect.poll(() => focusedField(page)).toBe('indications');
    const identityPresses = keys.presses;
    await keys.press('Enter'); // disc herniation
    await keys.press('Enter'); // consent obtained
    await keys.press('Alt+1');
    await expect.poll(() => focusedField(page)).toBe('targets[0].spread');
    await keys.press('Enter'); // perineural → DLP
    await ctDoseAndOn(page, keys);
    expect(await focusedField(page)).toBe('painPre');
    await keys.press('8');
    await keys.press('Enter');
    await keys.press('2');
    await keys.press('Enter');
    await keys.press('Enter'); // none → Sign
    await keys.type(TEST_PIN); // the signer's PIN: the only keys signing adds
    await keys.press('Enter'); // sign
    expect(await signed(page, dbPath, 'K-100300')).toMatchObject(REALISTIC_ROW);
    expect(patientColumns(dbPath, 'K-100300')).toEqual(REALISTIC_PATIENT);
    console.log(
      `key presses, realistic standard case from the worklist with a preset: ${keys.presses}, ${identityPresses} for the identity (typed: 67, 36 of them the identity)`,
    );
    expect(identityPresses).toBeLessThanOrEqual(2);
    expect(keys.presses).toBeLessThanOrEqual(25 + TEST_PIN.length);
  });
});

test.describe("with the worklist and the scanner's dose report", () => {
  test.use({ worklist: { items: worklistWithDoseStudy(todaysWorklist()) } });

  test('the realistic standard case: no key pressed for the identity or the dose', async ({ page, dbPath }) => {
    await scannerSends(dbPath); // the scanner's RDSR, sent at the end of the scan
    const keys = new Keyboard(page);
    const first = page.getByRole('list', { name: 'Scheduled patients' }).getByRole('button').first();
    await expect(first).toContainText('Muster, Erika');
    await keys.press('Alt+W');
    await expect(first).toBeFocused();
    await keys.press('Enter'); // the case from the worklist: this replaces Alt+N
    await expect.poll(() => focusedField(page)).toBe('indications');
    const toStart = keys.presses;
    await expect(page.getByTestId('dose-source')).toContainText("From the scanner's dose report");
    await keys.press('Enter'); // disc herniation
    await keys.press('Enter'); // consent obtained
    await keys.press('Alt+1');
    await expect.poll(() => focusedField(page)).toBe('targets[0].spread');
    await keys.press('Enter'); // perineural → past the dose, filled → pain before
    expect(await focusedField(page)).toBe('painPre');
    await keys.press('8');
    await keys.press('Enter');
    await keys.press('2');
    await keys.press('Enter');
    await keys.press('Enter'); // none → Sign
    await keys.type(TEST_PIN); // the signer's PIN
    await keys.press('Enter'); // sign
    expect(await signed(page, dbPath, CT_STANDARD_STUDY.patientId)).toMatchObject(REALISTIC_ROW);
    expect(patientColumns(dbPath, CT_STANDARD_STUDY.patientId)).toEqual({
      ...REALISTIC_PATIENT,
      accession_number: CT_STANDARD_STUDY.accessionNumber,
      dlp_mgy_cm: CT_STANDARD_STUDY.dlpMGyCm,
      ctdi_vol_mgy: CT_STANDARD_STUDY.ctdiVolMGy,
    });
    console.log(
      `key presses, realistic standard case from the worklist and the dose report with a preset: ${keys.presses} (${toStart} to start the case, 0 for the identity and the dose; typed: 67)`,
    );
    expect(toStart).toBe(2);
    expect(keys.presses).toBeLessThanOrEqual(14 + TEST_PIN.length);
  });
});

test('bilateral L4 with a caudal injection: 45 key presses or fewer', async ({ page, dbPath }) => {
  const keys = new Keyboard(page);
  await keys.press('Alt+N');
  await keys.type('B-200300');
  await keys.press('Enter');
  await keys.press('Enter'); // disc herniation
  await keys.press('Enter'); // consent obtained
  await keys.press('Alt+2'); // L4 bilateral + caudal CT
  await expect(page.getByRole('heading', { name: 'Target 2: L4 right' })).toBeVisible();
  await expect.poll(() => focusedField(page)).toBe('targets[0].spread');
  await keys.press('Enter'); // target 1 perineural
  expect(await focusedField(page)).toBe('targets[1].spread');
  await keys.press('Enter'); // target 2 perineural
  expect(await focusedField(page)).toBe('caudalSpread');
  await keys.press('ArrowRight');
  await keys.press('Enter'); // caudal: epidural → the CT dose
  expect(await focusedField(page)).toBe('dlpMGyCm');
  await keys.type('120'); // the DLP from the console (below the reference level)
  await keys.press('Enter'); // → CTDIvol
  await keys.press('Enter'); // not at hand → pain before
  await keys.press('7');
  await keys.press('Enter');
  await keys.press('3');
  await keys.press('Enter');
  await keys.press('Enter'); // no complication → Sign
  await keys.type(TEST_PIN); // the signer's PIN: the only keys signing adds
  await keys.press('Enter'); // sign
  const row = await signed(page, dbPath, 'B-200300');
  expect(row).toMatchObject({
    root_sides: 'L4 left,L4 right',
    target_spread_text: 'perineural|perineural',
    caudal_epidural: 1,
    caudal_spread_text: 'epidural',
    drugs: 'dexamethasone 4, dexamethasone 4, dexamethasone 8, ropivacaine 4',
  });
  console.log(`key presses, bilateral + caudal with a preset: ${keys.presses} (before: about 190)`);
  expect(keys.presses).toBeLessThanOrEqual(45 + TEST_PIN.length);
});

test('a repeat patient: the plan of the last procedure in one key', async ({ page, dbPath }) => {
  const keys = new Keyboard(page);
  await keys.press('Alt+N');
  await keys.type('REPEAT-1');
  await keys.press('Alt+L'); // same as this patient's last procedure
  await expect(page.getByRole('heading', { name: 'Target 1: S1 left' })).toBeVisible();
  // Indications, targets, modality and drugs came along; consent and spread are asked anew.
  await expect.poll(() => focusedField(page)).toBe('consent');
  await keys.press('Enter'); // obtained
  expect(await focusedField(page)).toBe('targets[0].spread');
  await keys.press('Enter'); // perineural → the C-arm's dose
  expect(await focusedField(page)).toBe('fluoroTimeS');
  await keys.type('45'); // screening time, s
  await keys.press('Enter');
  await keys.type('3.2'); // DAP, Gy·cm²
  await keys.press('Enter'); // → pain before
  await keys.press('6');
  await keys.press('Enter');
  await keys.press('1');
  await keys.press('Enter');
  await keys.press('Enter'); // none
  await keys.type(TEST_PIN); // the signer's PIN: the only keys signing adds
  await keys.press('Enter'); // sign
  const row = await signed(page, dbPath, 'REPEAT-1');
  expect(row).toMatchObject({
    root_sides: 'S1 left',
    modality: 'fluoroscopy',
    drugs: 'triamcinolone 40, lidocaine 20',
  });
  console.log(`key presses, repeat patient: ${keys.presses}`);
  expect(keys.presses).toBeLessThanOrEqual(25 + TEST_PIN.length);
});

test('typed straight on from the first moment: no key is lost while the window starts, the case opens or the plan arrives', async ({
  page,
  dbPath,
}) => {
  // A busy console: the window starts slowly and Alt+L's plan takes a while. In a full run
  // under load, the keys typed before the window was ready were lost (Alt+L found no patient).
  await slowApi(page, { 'settings.get': 600, 'procedures.list': 300, 'procedures.get': 300 }, { fromStart: true });
  const keys = new Keyboard(page);
  await keys.press('Alt+N');
  await keys.type('REPEAT-1');
  await keys.press('Alt+L');
  await keys.press('Enter'); // consent obtained (where the plan sends the focus)
  await keys.press('Enter'); // perineural → the C-arm's dose
  await keys.type('45');
  await keys.press('Enter');
  await keys.type('3.2');
  await keys.press('Enter');
  await keys.press('6');
  await keys.press('Enter');
  await keys.press('1');
  await keys.press('Enter');
  await keys.press('Enter'); // none
  await keys.type(TEST_PIN); // the signer's PIN: the only keys signing adds
  await keys.press('Enter'); // sign
  const row = await signed(page, dbPath, 'REPEAT-1');
  expect(row).toMatchObject({ root_sides: 'S1 left', pain_pre: 6, pain_post: 1, complications_text: 'none' });
});

test('Ctrl+Z puts back a removed drug and a removed complication', async ({ page }) => {
  await page.keyboard.press('Alt+N');
  await page.keyboard.type('UNDO-1');
  await page.keyboard.press('Alt+1');
  await expect(page.locator('#field-drug-1')).toHaveValue('ropivacaine');
  await page.getByRole('button', { name: 'Remove drug 2' }).click();
  await expect(page.locator('#field-drug-1')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Drug 2 (Ropivacaine) removed.' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.locator('#field-drug-1')).toHaveValue('ropivacaine');
  const complications = page.locator('[data-field="complications"]').first();
  await complications.getByRole('button', { name: 'Vasovagal' }).click();
  await expect(page.locator('[data-field="complications[0].severity"]')).toBeVisible();
  await complications.getByRole('button', { name: 'Vasovagal' }).click();
  await expect(page.locator('[data-field="complications[0].severity"]')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-field="complications[0].severity"]')).toBeVisible();
});

test('a plan typed once becomes a preset, offered in Settings beside the most used ones', async ({ page }) => {
  await page.keyboard.press('Alt+N');
  await page.keyboard.type('PLAN-1');
  await page.locator('[data-field="targets[0].root"]').getByRole('radio', { name: /L3/ }).click();
  await page.locator('[data-field="targets[0].side"]').getByRole('radio', { name: /Left/ }).click();
  await page.getByRole('button', { name: '+ Dexamethasone' }).click();
  await page.getByRole('button', { name: 'Save this plan as a preset' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as preset Alt+3: L3 left' })).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  const presets = page.getByRole('region', { name: 'Presets' });
  await expect(presets.getByRole('listitem').filter({ hasText: 'Alt+3' })).toContainText('L3 left: Dexamethasone 8 mg');
  // The signed case of this department is offered as a plan to add, counted in words.
  await expect(presets.getByRole('button', { name: 'Add as preset' }).first()).toBeVisible();
  await expect(presets).toContainText('(1 procedure)');
});
