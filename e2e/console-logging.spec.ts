import { TEST_PIN } from '../db/testing/signer.js';
import { expect, test } from './fixtures.js';
import { choices, readDatabase, signWithPin, tabTo } from './helpers.js';

test('a standard single-level case is logged and signed with the keyboard alone', async ({ page, dbPath }) => {
  await expect(page.getByRole('heading', { name: "Today's procedures" })).toBeVisible();
  await page.keyboard.press('Alt+N');
  const patientId = page.getByLabel('Patient ID');
  await expect(patientId).toBeFocused();
  await page.keyboard.type('K-100200');

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
  // The quick-add row is one Tab stop; a letter goes to the drug.
  await tabTo(page, page.getByRole('toolbar', { name: 'Add a drug' }).getByRole('button').first());
  await page.keyboard.press('d');
  await expect(page.getByRole('button', { name: '+ Dexamethasone' })).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, choices(page, 'Pain before (NRS 0–10)').getByRole('radio').first());
  await page.keyboard.press('8');
  await tabTo(page, choices(page, 'Pain after (NRS 0–10)').getByRole('radio').first());
  await page.keyboard.press('3');
  await tabTo(page, choices(page, 'Complications').getByRole('button').first());
  await page.keyboard.press('n');
  // Ctrl+Enter asks the signer's PIN where it is typed; Enter signs.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByLabel('PIN of Dr. A. Keller')).toBeFocused();
  await page.keyboard.type(TEST_PIN);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Procedure — Signed' })).toBeVisible();
  const row = readDatabase(dbPath, (db) =>
    db
      .prepare(
        `SELECT p.status, p.pain_pre, p.pain_post, p.modality, p.dlp_mgy_cm, t.root, t.side, d.drug_code, c.complication
           FROM procedures p JOIN targets t ON t.procedure_id = p.id JOIN drug_administrations d ON d.procedure_id = p.id
           JOIN complications c ON c.procedure_id = p.id WHERE p.patient_id = 'K-100200'`,
      )
      .get(),
  );
  expect(row).toEqual({
    status: 'signed',
    pain_pre: 8,
    pain_post: 3,
    modality: 'ct',
    dlp_mgy_cm: 142,
    root: 'L5',
    side: 'left',
    drug_code: 'dexamethasone',
    complication: 'none',
  });
});

test('a bilateral L5 case with a caudal epidural', async ({ page, dbPath }) => {
  await page
    .getByRole('button', { name: /New procedure/ })
    .first()
    .click();
  await page.getByLabel('Patient ID').fill('B-5');
  await choices(page, 'Indication').getByRole('button', { name: 'Foraminal stenosis' }).click();
  await choices(page, 'Consent')
    .getByRole('radio', { name: /Obtained/ })
    .click();
  await choices(page, 'Symptom side')
    .getByRole('radio', { name: /Bilateral/ })
    .click();
  await choices(page, 'Root').getByRole('radio', { name: /L5/ }).click();
  await choices(page, 'Side').getByRole('radio', { name: /Left/ }).click();
  await page.getByRole('button', { name: 'Bilateral: add right side' }).click();
  await expect(page.getByRole('heading', { name: 'Target 2: L5 right' })).toBeVisible();
  await choices(page, 'Contrast spread, target 1').getByRole('button', { name: 'Perineural' }).click();
  await choices(page, 'Contrast spread, target 2').getByRole('button', { name: 'Epidural' }).click();
  await page.getByLabel('Caudal epidural injection as well').check();
  await choices(page, 'Caudal contrast spread').getByRole('button', { name: 'Epidural' }).click();
  await choices(page, 'Guidance modality')
    .getByRole('radio', { name: /^CT fluoroscopy/ })
    .click();
  await page.getByLabel('Fluoroscopy time').fill('12,5');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '+ Dexamethasone' }).click();
  for (const [index, site] of [
    [0, '0'],
    [1, '1'],
    [2, 'caudal'],
  ] as const) {
    await page.locator(`[data-field="drugs[${index}].doseMg"] input`).fill('4');
    await page.locator(`#field-site-${index}`).selectOption(site);
  }
  await choices(page, 'Pain before (NRS 0–10)').getByRole('radio', { name: /^6/ }).click();
  await choices(page, 'Pain after (NRS 0–10)').getByRole('radio', { name: /^1/ }).first().click();
  await choices(page, 'Complications').getByRole('button', { name: /^None/ }).click();
  await page.getByRole('button', { name: /Sign procedure/ }).click();
  await signWithPin(page);
  await expect(page.getByRole('heading', { name: 'Procedure — Signed' })).toBeVisible();

  readDatabase(dbPath, (db) => {
    const procedure = db
      .prepare("SELECT id, caudal_epidural, fluoro_time_s, root_sides FROM procedures WHERE patient_id = 'B-5'")
      .get() as Record<string, unknown>;
    expect(procedure).toMatchObject({ caudal_epidural: 1, fluoro_time_s: 12.5, root_sides: 'L5 left,L5 right' });
    expect(db.prepare('SELECT pattern FROM caudal_spread WHERE procedure_id = ?').pluck().all(procedure.id)).toEqual([
      'epidural',
    ]);
    expect(
      db
        .prepare(
          'SELECT dose_mg, target_ordinal, at_caudal FROM drug_administrations WHERE procedure_id = ? ORDER BY ordinal',
        )
        .all(procedure.id),
    ).toEqual([
      { dose_mg: 4, target_ordinal: 0, at_caudal: 0 },
      { dose_mg: 4, target_ordinal: 1, at_caudal: 0 },
      { dose_mg: 4, target_ordinal: null, at_caudal: 1 },
    ]);
  });
});

test('intravascular spread followed by a particulate steroid is flagged and must be confirmed', async ({
  page,
  dbPath,
}) => {
  await page
    .getByRole('button', { name: /New procedure/ })
    .first()
    .click();
  await page.getByLabel('Patient ID').fill('IV-1');
  await choices(page, 'Indication').getByRole('button', { name: 'Disc herniation' }).click();
  await choices(page, 'Consent')
    .getByRole('radio', { name: /Obtained/ })
    .click();
  await choices(page, 'Root').getByRole('radio', { name: /S1/ }).click();
  await choices(page, 'Side').getByRole('radio', { name: /Right/ }).click();
  await choices(page, 'Contrast spread, target 1').getByRole('button', { name: 'Intravascular (venous)' }).click();
  await choices(page, 'Guidance modality').getByRole('radio', { name: /^CT/ }).first().click();
  // An X-ray-guided case is signed with its dose (or the reason there is none).
  await page.locator('#field-dlpMGyCm').fill('150');
  await page.getByRole('button', { name: '+ Triamcinolone acetonide' }).click();
  // The warning appears beside the drug as soon as it is chosen.
  const particulate = page.locator('[data-field="drugs[0].drug"] .warning-safety');
  await expect(particulate).toContainText('particulate steroid');
  // What was done after the abnormal spread: a clean retest clears the warning, digital subtraction does not.
  const action = choices(page, 'Action after abnormal spread, target 1');
  await action.getByRole('radio', { name: 'Repositioned, clean retest' }).click();
  await expect(particulate).toHaveCount(0);
  await action.getByRole('radio', { name: 'Digital subtraction' }).click();
  await expect(particulate).toContainText('particulate steroid');
  await choices(page, 'Pain before (NRS 0–10)').getByRole('radio', { name: /^7/ }).click();
  await choices(page, 'Pain after (NRS 0–10)').getByRole('radio', { name: /^3/ }).click();
  // The spread was intravascular: recorded as the complication too (a disagreement would be a warning of its own).
  await choices(page, 'Complications')
    .getByRole('button', { name: /^Intravascular injection/ })
    .click();

  const sign = page.getByRole('button', { name: /Sign procedure/ });
  await expect(sign).toBeDisabled();
  await page.keyboard.press('Control+Enter');
  await expect(
    page.getByRole('heading', { name: /Procedure — Draft/ }).or(page.getByRole('heading', { name: 'New procedure' })),
  ).toBeVisible();
  expect(
    readDatabase(dbPath, (db) => db.prepare("SELECT status FROM procedures WHERE patient_id = 'IV-1'").pluck().get()),
  ).toBe('draft');
  // Focus goes to what is missing: the confirmation, not the page or a field far away.
  const confirmation = page.getByRole('checkbox', { name: /Triamcinolone acetonide is a particulate steroid/ });
  await expect(confirmation).toBeFocused();

  await page.keyboard.press('Space');
  await expect(confirmation).toBeChecked();
  await sign.click();
  await signWithPin(page);
  await expect(page.getByRole('heading', { name: 'Procedure — Signed' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Procedure — Signed' })).toBeFocused();
  const audit = readDatabase(dbPath, (db) =>
    db
      .prepare(
        "SELECT a.changes FROM audit_log a JOIN procedures p ON p.id = a.entity_id WHERE p.patient_id = 'IV-1' AND a.action = 'sign'",
      )
      .pluck()
      .get(),
  );
  expect(JSON.parse(String(audit)).confirmedWarnings.after).toEqual(['particulate_after_unsafe_spread']);
  // The signed view shows what was confirmed (kept in the audit row).
  await expect(page.getByRole('region', { name: 'History' })).toContainText(
    'Warnings confirmed: particulate steroid after unsafe contrast spread',
  );
});

test.describe('an existing signed record', () => {
  test.use({ department: 'signed-case' });

  test('opens as a summary, and an amendment with its reason appears in the history', async ({ page, dbPath }) => {
    await page.getByRole('button', { name: /P1234567/ }).click();
    await expect(page.getByRole('heading', { name: 'Procedure — Signed' })).toBeVisible();
    // A summary of what was recorded, not a greyed form.
    await expect(page.getByLabel('Patient ID')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Patient and procedure' })).toContainText('P1234567');
    await expect(page.getByRole('region', { name: 'Outcome' })).toContainText('7 before → 2 after');
    await expect(page.getByRole('region', { name: 'Drugs' })).toContainText('Dexamethasone, 8 mg, at L5 left');
    await page.getByRole('button', { name: 'Amend' }).click();
    // The amendment starts at the record's first field.
    await expect(page.getByLabel('Patient ID')).toBeFocused();
    await choices(page, 'Pain after (NRS 0–10)').getByRole('radio', { name: /^3/ }).click();
    await page.getByLabel('Reason for the amendment').fill('NRS after was 3, misheard');
    await signWithPin(page);

    await expect(page.getByRole('heading', { name: 'Procedure — Amended, version 2' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Procedure — Amended, version 2' })).toBeFocused();
    const history = page.getByRole('region', { name: 'History' });
    // Amended by the radiologist proven by their PIN (the record's operator unless another is chosen).
    await expect(history).toContainText('Amended by Dr. A. Keller');
    await expect(history).toContainText('Reason: NRS after was 3, misheard');
    await expect(history).toContainText('Pain after (NRS): 2 → 3');
    // The amendment's signature in words, never the audit row's object as "[object Object]".
    await expect(history).toContainText('Dr. A. Keller, amended');
    await expect(history).not.toContainText('[object');
    expect(
      readDatabase(dbPath, (db) => db.prepare('SELECT version FROM procedure_versions ORDER BY version').pluck().all()),
    ).toEqual([1, 2]);
  });
});

test('a reload in the middle of typing restores the draft', async ({ page }) => {
  await page
    .getByRole('button', { name: /New procedure/ })
    .first()
    .click();
  await page.getByLabel('Patient ID').fill('R-77');
  await choices(page, 'Root').getByRole('radio', { name: /L4/ }).click();
  await page.getByLabel('Name', { exact: true }).fill('Reload, Rita');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Patient ID')).toHaveValue('R-77');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Reload, Rita');
  await expect(choices(page, 'Root').getByRole('radio', { name: /L4/ })).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('#field-foramen-0')).toHaveValue('L4/L5');
});

test('a drug added in settings can be given at the console', async ({ page, dbPath }) => {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'New drug' }).fill('Prednisolone');
  await page.getByLabel('Usual dose (mg)', { exact: true }).fill('25');
  await page.getByLabel('Maximum (mg)', { exact: true }).fill('50');
  await page.getByRole('button', { name: 'Add drug' }).click();
  await expect(page.getByRole('status')).toHaveText('Prednisolone added to the catalogue.');
  await expect(page.getByRole('rowheader', { name: 'Prednisolone', exact: true })).toBeVisible();
  await page.getByRole('textbox', { name: 'New drug' }).fill('Dexamethasone');
  await expect(page.getByRole('alert')).toHaveText(
    'Code dexamethasone is already in the catalogue: edit that drug above.',
  );

  await page.getByRole('button', { name: 'New procedure' }).first().click();
  await page.getByRole('button', { name: '+ Prednisolone' }).click();
  await expect(page.locator('[data-field="drugs[0].doseMg"] input')).toHaveValue('25');
  const stored = readDatabase(dbPath, (db) =>
    db.prepare("SELECT drug_class, max_dose_mg FROM drug_catalogue WHERE code = 'prednisolone'").get(),
  );
  expect(stored).toEqual({ drug_class: 'steroid', max_dose_mg: 50 });
});

test.describe('a signed record and a later catalogue edit', () => {
  test.use({ department: 'signed-case' });

  test('the signed record keeps the maximum dose it was signed with; a new case follows the catalogue', async ({
    page,
  }) => {
    // The department lowers dexamethasone's maximum below the 8 mg the signed case was given.
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Dexamethasone usual dose (mg)').fill('4');
    await page.getByLabel('Dexamethasone maximum dose (mg)').fill('5');
    await page.getByRole('button', { name: 'Save Dexamethasone' }).click();
    await expect(page.getByRole('status')).toHaveText('Dexamethasone saved.');

    await page.getByRole('button', { name: 'Procedures', exact: true }).click();
    await page.getByRole('button', { name: /P1234567/ }).click();
    await expect(page.getByRole('region', { name: 'Drugs' })).toContainText('Dexamethasone, 8 mg');
    await page.getByRole('button', { name: 'Amend' }).click();
    await expect(page.getByLabel('Reason for the amendment')).toBeVisible();
    // Judged by the catalogue as it was at signing (maximum 15 mg): nothing to warn about.
    await expect(page.locator('[data-field="drugs[0].doseMg"] .warning-safety')).toHaveCount(0);

    await page.getByRole('button', { name: 'New procedure' }).first().click();
    await page.getByRole('button', { name: '+ Dexamethasone' }).click();
    await page.locator('[data-field="drugs[0].doseMg"] input').fill('8');
    await expect(page.locator('[data-field="drugs[0].doseMg"] .warning-safety')).toContainText(
      'above the department maximum of 5 mg',
    );
  });
});

test.describe('a database holding records from two consoles', () => {
  test.use({ department: 'two-consoles' });

  test("opens on today's procedures at this console, and shows the others on request", async ({ page }) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Today's procedures at CT 1");
    const patients = page.getByRole('table').getByRole('button');
    await expect(patients).toHaveText([/HERE-CT1/]);
    await page.getByLabel('This console only').uncheck();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Today's procedures");
    await expect(patients).toHaveCount(2);
  });
});
