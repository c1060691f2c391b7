import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { recordFollowUp } from '../db/follow-ups.js';
import { localDateTimeWithOffset } from '../db/model/index.js';
import { amendProcedure, clinicalContent, saveDraft, signProcedure } from '../db/procedures.js';
import { listOperators, saveOperator, updateSettings } from '../db/settings.js';
import { openStore } from '../db/store.js';
import { completeDraft } from '../db/testing/fixtures.js';
import { signerOf } from '../db/testing/signer.js';
import { expect, test } from './fixtures.js';

/*
 * The record and the aftercare sheet as PDFs, printed by Chromium itself (page.pdf here,
 * webContents.printToPDF in Electron) with the print stylesheet, then read back as a person
 * would: each page's text with pdftotext, pages 1 and 2 as PNGs with pdftoppm (kept in
 * e2e/screenshots/ to look at). A4, margins, the department at the top, "page / pages" at the
 * bottom, no empty last page, nothing of the screen, identifiers whole, the amendment with its
 * reason, the follow-ups, and a file name with the patient and the procedure's date.
 */

test.use({ department: 'one-operator' });

const screenshots = join(process.cwd(), 'e2e', 'screenshots');
const DEPARTMENT = {
  name: 'Institut für Radiologie, Kantonsspital Musterstadt',
  address: 'Spitalstrasse 1\n8000 Musterstadt',
  phone: '+41 44 123 45 67',
};
const PATIENT_ID = 'KSM-2026-0004711';
const AMEND_REASON = 'Pain after was 3 at 15 minutes, not 2 at 10 minutes (nurse’s note)';

const daysAgo = (days: number) => localDateTimeWithOffset(new Date(Date.now() - days * 86_400_000));

/** A bilateral L4 case with a caudal injection, signed, amended with a reason, followed up twice (one entry corrected). */
function bilateralCase(dbPath: string): { performedDate: string; recordId: string } {
  const store = openStore(dbPath);
  try {
    const context = { actor: 'Dr. A. Keller' };
    updateSettings(store, { department: DEPARTMENT, technologistsRecordFollowUps: true }, context);
    const [operator] = listOperators(store);
    // Who signs, amends and records is the operator proven by their PIN: their printed name is what the sheet shows.
    const amender = saveOperator(store, { name: 'Dr. B. Amrein' }, context).id;
    const recorder = saveOperator(store, { name: 'MPA S. Frei', role: 'technologist' }, context).id;
    const performedAt = daysAgo(40);
    const { record } = saveDraft(
      store,
      completeDraft(operator?.id ?? '', {
        patientId: PATIENT_ID,
        patientName: 'Brunner-Lüthi, Verena',
        performedAt,
        symptomSide: 'bilateral',
        targets: [
          {
            root: 'L4',
            side: 'left',
            foramen: 'L4/L5',
            approach: 'transforaminal',
            spread: ['perineural', 'epidural'],
          },
          { root: 'L4', side: 'right', foramen: 'L4/L5', approach: 'transforaminal', spread: ['perineural'] },
        ],
        caudalEpidural: true,
        caudalSpread: ['epidural'],
        drugs: [
          { drug: 'dexamethasone', doseMg: 4, site: 0, lot: 'DX-24-118' },
          { drug: 'dexamethasone', doseMg: 4, site: 1, lot: 'DX-24-118' },
          { drug: 'dexamethasone', doseMg: 8, site: 'caudal', lot: 'DX-24-118' },
          { drug: 'ropivacaine', concentrationMgPerMl: 2, volumeMl: 2, site: 'caudal' },
          { drug: 'lidocaine', concentrationMgPerMl: 10, volumeMl: 1, site: 0 },
        ],
        notes:
          'Bilateral L4 radiculopathy after two conservative months. Patient tolerated the procedure well; both needles repositioned once under CT guidance before contrast. Discharged with her husband.',
      }),
      context,
    );
    signProcedure(store, record.id, {}, signerOf(store, operator?.id ?? ''), context);
    const signed = amendProcedure(
      store,
      { ...clinicalContent(record), painPost: 3, painPostMinutes: 15 },
      { reason: AMEND_REASON },
      signerOf(store, amender),
      { actor: 'Dr. B. Amrein' },
    );
    const date = performedAt.slice(0, 10);
    const later = (days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000);
    const first = recordFollowUp(
      store,
      {
        procedureId: record.id,
        contactDate: later(2).toISOString().slice(0, 10),
        method: 'phone',
        legNrs: 5,
        backNrs: 4,
      },
      signerOf(store, recorder),
      { actor: 'MPA S. Frei', now: () => later(2) },
    );
    recordFollowUp(
      store,
      {
        procedureId: record.id,
        contactDate: later(2).toISOString().slice(0, 10),
        method: 'phone',
        legNrs: 3,
        backNrs: 4,
        globalImpression: 'much_improved',
        supersedes: first.id,
        reason: 'Leg and back scores were swapped',
      },
      signerOf(store, recorder),
      { actor: 'MPA S. Frei', now: () => later(2) },
    );
    recordFollowUp(
      store,
      {
        procedureId: record.id,
        contactDate: later(21).toISOString().slice(0, 10),
        method: 'visit',
        legNrs: 2,
        backNrs: 2,
      },
      signerOf(store, operator?.id ?? ''),
      { actor: 'Dr. A. Keller', now: () => later(21) },
    );
    return { performedDate: date, recordId: signed.record.id };
  } finally {
    store.close();
  }
}

function pages(path: string): string[] {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1] ?? 0);
  return Array.from({ length: count }, (_, index) =>
    execFileSync('pdftotext', ['-layout', '-f', String(index + 1), '-l', String(index + 1), path, '-'], {
      encoding: 'utf8',
    }),
  );
}

/** Pages 1 and 2 (as far as there are) as PNGs beside the screenshots, to look at. */
function pagesAsPng(path: string, name: string): string[] {
  // The folder may not exist yet: this spec can run before any screenshot is taken.
  mkdirSync(screenshots, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', path, join(screenshots, name)]);
  return ['1', '2'].map((page) => join(screenshots, `${name}-${page}.png`)).filter(existsSync);
}

const flat = (text: string) => text.replace(/\s+/g, ' ');
/** What a page says besides its running header (the department, the sheet and patient) and footer (… "page / pages"). */
const body = (page: string) =>
  page
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => !line.includes(DEPARTMENT.name) && !/(Procedure record|Aftercare sheet) — /.test(line))
    .filter((line) => !/\d+\s*\/\s*\d+\s*$/.test(line));

async function printed(page: import('@playwright/test').Page, button: string): Promise<string> {
  await page.getByRole('button', { name: button }).click();
  const saved = page.getByRole('status').filter({ hasText: /saved as .*\.pdf/ });
  await expect(saved).toBeVisible();
  const path = /saved as (.*\.pdf)/.exec((await saved.textContent()) ?? '')?.[1] ?? '';
  expect(existsSync(path)).toBe(true);
  // The page is back as it was: the print mode is only for the print.
  await expect(page.locator('body')).not.toHaveAttribute('data-print', /./);
  return path;
}

test('the record and the aftercare sheet print as A4 sheets, read back and rendered', async ({ page, dbPath }) => {
  const { performedDate, recordId } = bilateralCase(dbPath);
  await page.reload();
  await page.getByRole('button', { name: 'All dates' }).click();
  await page.getByRole('button', { name: new RegExp(PATIENT_ID) }).click();
  await expect(page.getByRole('heading', { name: /Procedure — Amended/ })).toBeVisible();
  // What the screen says while the print is made must never be on the paper.
  await page.getByRole('button', { name: /Copy report/ }).click();
  await expect(page.getByText(/^Report (copied|could not be copied)/)).toBeVisible();

  const record = await printed(page, 'Record as PDF');
  expect(pagesAsPng(record, 'print-record')).toHaveLength(2);
  expect(basename(record)).toBe(`rootlog-record-KSM-2026-0004711-Brunner-Luethi-Verena-${performedDate}.pdf`);
  expect(execFileSync('pdfinfo', [record], { encoding: 'utf8' })).toMatch(
    /Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/,
  );
  const recordPages = pages(record);
  const count = recordPages.length;
  expect(count).toBeGreaterThanOrEqual(2);
  const whole = flat(recordPages.join('\n'));
  recordPages.forEach((text, index) => {
    // "page / pages" at the bottom of every page, and no page without its own content.
    expect(flat(text), `page ${index + 1}`).toMatch(new RegExp(`\\b${index + 1}\\s*/\\s*${count}\\b`));
    expect(body(text).length, `page ${index + 1} has content of its own`).toBeGreaterThan(2);
    // From page 2 on, the running header names the department and the patient.
    if (index > 0) {
      expect(text).toContain(DEPARTMENT.name);
      expect(text).toContain(`Procedure record — Brunner-Lüthi, Verena (${PATIENT_ID})`);
    }
  });
  // Page 1: the department's full header, the patient, the record.
  expect(flat(recordPages[0] ?? '')).toContain(
    `${DEPARTMENT.name} Spitalstrasse 1 · 8000 Musterstadt · ${DEPARTMENT.phone}`,
  );
  for (const words of [
    'Lumbar nerve root infiltration — procedure record',
    'Signed and amended, version 2',
    'Dexamethasone, 4 mg, at L4 left, lot DX-24-118',
    'Ropivacaine, 4 mg, at caudal epidural',
    'Procedure report',
    `Amended (version 2) by Dr. B. Amrein on`,
    `Reason: ${AMEND_REASON}`,
    'Signed by Dr. A. Keller on',
    // The signature's meaning, and that its signer proved it with their PIN (issue 25).
    'performed and signed, proven by their PIN',
    'amended, proven by their PIN',
    'recorded by MPA S. Frei',
    'leg pain 3, back pain 4',
    'correction: Leg and back scores were swapped',
    'leg pain 5, back pain 4',
    'corrected by a later entry',
    'leg pain 2, back pain 2',
  ]) {
    expect(whole).toContain(words);
  }
  // Identifiers whole, on one line each.
  expect(
    recordPages
      .join('\n')
      .split('\n')
      .some((line) => line.includes(PATIENT_ID)),
  ).toBe(true);
  expect(
    recordPages
      .join('\n')
      .split('\n')
      .some((line) => line.includes(recordId)),
  ).toBe(true);
  // Nothing of the screen.
  for (const words of [
    'Report copied',
    'could not be copied',
    'Copy report',
    'Alt+C',
    'Record as PDF',
    'Aftercare sheet as PDF',
    'History',
    'Correct the',
    'New procedure',
  ]) {
    expect(whole).not.toContain(words);
  }

  const aftercare = await printed(page, 'Aftercare sheet as PDF');
  expect(pagesAsPng(aftercare, 'print-aftercare').length).toBeGreaterThanOrEqual(1);
  expect(basename(aftercare)).toBe(`rootlog-aftercare-KSM-2026-0004711-Brunner-Luethi-Verena-${performedDate}.pdf`);
  const aftercarePages = pages(aftercare);
  const sheet = flat(aftercarePages.join('\n'));
  aftercarePages.forEach((text, index) => {
    expect(flat(text)).toMatch(new RegExp(`\\b${index + 1}\\s*/\\s*${aftercarePages.length}\\b`));
    expect(body(text).length).toBeGreaterThan(2);
  });
  for (const words of [
    DEPARTMENT.name,
    'After your nerve root injection',
    `Brunner-Lüthi, Verena (${PATIENT_ID})`,
    'Dexamethasone (a cortisone) 4 mg and lidocaine (a local anaesthetic) 10 mg at the left L4 nerve root.',
    'in the lower spinal canal (caudal epidural injection)',
    'cortisone usually begins to work after 1–3 days',
    'Do not drive today',
    `Our phone number: ${DEPARTMENT.name}: ${DEPARTMENT.phone}`,
  ]) {
    expect(sheet).toContain(words);
  }
  for (const words of ['Procedure report', 'Operator', 'Record ID', 'Report copied', 'Aftercare sheet as PDF']) {
    expect(sheet).not.toContain(words);
  }
});

test('a one-level record without a department set: the console names the sheet, every page numbered', async ({
  page,
  dbPath,
}) => {
  const store = openStore(dbPath);
  const [operator] = listOperators(store);
  const { record } = saveDraft(store, completeDraft(operator?.id ?? '', { performedAt: daysAgo(3) }), {
    actor: 'Dr. A. Keller',
  });
  signProcedure(store, record.id, {}, signerOf(store, operator?.id ?? ''), { actor: 'Dr. A. Keller' });
  store.close();
  await page.reload();
  await page.getByRole('button', { name: 'All dates' }).click();
  await page.getByRole('button', { name: /P1234567/ }).click();
  const path = await printed(page, 'Record as PDF');
  pagesAsPng(path, 'print-record-one-level');
  const all = pages(path);
  all.forEach((text, index) => {
    expect(flat(text)).toMatch(new RegExp(`\\b${index + 1}\\s*/\\s*${all.length}\\b`));
    expect(body(text).length).toBeGreaterThan(2);
    if (index > 0) expect(text).toContain('RootLog — CT 1');
  });
  expect(flat(all.join('\n'))).toContain('Signed by Dr. A. Keller on');
  expect(flat(all.join('\n'))).toContain('No follow-up recorded when this was printed.');
});

test('the department typed in Settings is what the sheets print; a wrong phone number is refused in words', async ({
  page,
  dbPath,
}) => {
  const store = openStore(dbPath);
  const [operator] = listOperators(store);
  const { record } = saveDraft(store, completeDraft(operator?.id ?? '', { performedAt: daysAgo(1) }), {
    actor: 'Dr. A. Keller',
  });
  signProcedure(store, record.id, {}, signerOf(store, operator?.id ?? ''), { actor: 'Dr. A. Keller' });
  store.close();
  await page.reload();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const panel = page.getByRole('form', { name: 'Department' });
  await panel.getByLabel('Department name').fill('Radiologie Spital Nord');
  await panel.getByLabel('Phone number').fill('call us');
  await panel.getByRole('button', { name: 'Save department' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Phone number must be a phone number: digits, spaces and + ( ) / . -',
  );
  await panel.getByLabel('Phone number').fill('061 555 12 12');
  await panel.getByLabel('Address (as printed, one line each)').fill('Nordring 4\n4000 Basel');
  await panel.getByRole('button', { name: 'Save department' }).click();
  await expect(page.getByRole('status')).toHaveText('Settings saved.');
  await page.getByRole('button', { name: 'Procedures', exact: true }).click();
  await page.getByRole('button', { name: 'All dates' }).click();
  await page.getByRole('button', { name: /P1234567/ }).click();
  const sheet = flat(pages(await printed(page, 'Aftercare sheet as PDF')).join('\n'));
  expect(sheet).toContain('Radiologie Spital Nord Nordring 4 · 4000 Basel · 061 555 12 12');
  expect(sheet).toContain('Our phone number: Radiologie Spital Nord: 061 555 12 12');
});
