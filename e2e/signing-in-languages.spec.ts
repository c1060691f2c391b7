import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { updateSettings } from '../db/settings.js';
import { openStore } from '../db/store.js';
import { TEST_PIN } from '../db/testing/signer.js';
import { expect, test } from './fixtures.js';
import { readDatabase } from './helpers.js';

/*
 * The standard case logged and signed by keyboard in German, French and Italian (the
 * department's language, so the screens, the record sheet and the aftercare sheet speak it):
 * the pain typed the wrong way round first, so the clinical warning beside the field is seen in
 * the language, then corrected. Screenshots of the form and of both PDFs in e2e/screenshots/.
 */

test.use({ department: 'one-operator' });

const screenshots = join(process.cwd(), 'e2e', 'screenshots');
mkdirSync(screenshots, { recursive: true });
const flat = (text: string) => text.replace(/\s+/g, ' ');

async function printed(page: Page, button: string): Promise<string> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const saved = page.getByRole('status').filter({ hasText: /\.pdf/ });
  await expect(saved).toBeVisible();
  const path = /(\/\S+\.pdf)/.exec((await saved.textContent()) ?? '')?.[1] ?? '';
  expect(existsSync(path)).toBe(true);
  return path;
}

const CASES = [
  {
    language: 'de',
    check: 'Prüfen',
    painWarning: 'Schmerz nachher (8) ist höher als vorher (2): Eingabe prüfen.',
    pin: 'PIN von Dr. A. Keller',
    record: 'Protokoll als PDF',
    aftercare: 'Merkblatt als PDF',
    summary: ['Indikation und Sicherheit', 'Zielwurzel 1', 'L5 rechts', 'Schmerz (NRS)', '2 vorher → 1 nachher'],
  },
  {
    language: 'fr',
    check: 'À vérifier',
    painWarning: 'La douleur après (8) est plus forte qu’avant (2) : vérifier la saisie.',
    pin: 'Code PIN de Dr. A. Keller',
    record: 'Compte rendu en PDF',
    aftercare: 'Consignes en PDF',
    summary: ['Indication et sécurité', 'Cible 1', 'L5 droite', 'Douleur (EN)', '2 avant → 1 après'],
  },
  {
    language: 'it',
    check: 'Verificare',
    painWarning: 'Il dolore dopo (8) è più alto di prima (2): verificare l’inserimento.',
    pin: 'PIN di Dr. A. Keller',
    record: 'Verbale in PDF',
    aftercare: 'Indicazioni in PDF',
    summary: ['Indicazione e sicurezza', 'Bersaglio 1', 'L5 destra', 'Dolore (NRS)', '2 prima → 1 dopo'],
  },
] as const;

// The signed summary's words in English: none may be left on the screen or the record sheet (whose
// report is in the report language: only the summary's own titles and labels are looked for there).
const ENGLISH_SUMMARY = ['Indication and safety', 'Guidance and contrast', 'Target 1', 'Drug 1'];
const ENGLISH_VALUES = ['before →', 'spread ', ' at L5'];

for (const { language, check, painWarning, pin, record, aftercare, summary } of CASES) {
  test(`the standard case logged and signed by keyboard in ${language}`, async ({ page, dbPath }) => {
    const store = openStore(dbPath);
    try {
      updateSettings(store, { language }, { actor: 'Dr. A. Keller' });
    } finally {
      store.close();
    }
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const patientId = `LANG-${language.toUpperCase()}-1`;
    const keys = page.keyboard;
    await keys.press('Alt+N');
    await keys.type(patientId);
    await keys.press('Enter');
    await keys.press('Enter'); // disc herniation
    await keys.press('Enter'); // consent obtained
    await keys.press('5');
    await keys.press('Enter'); // root L5
    await keys.press('r');
    await keys.press('Enter'); // side right
    await keys.press('Enter'); // spread perineural
    await keys.press('Enter'); // modality CT → the CT dose
    await keys.type('150');
    await keys.press('Enter'); // → CTDIvol
    await keys.press('Enter'); // not at hand → drugs
    await keys.press('d');
    await keys.press('Enter');
    await keys.press('r');
    await keys.press('Enter');
    await keys.press('Alt+J'); // → pain before
    await keys.press('2');
    await keys.press('Enter');
    await keys.press('8'); // pain after higher than before: the warning, in the department's language
    const warning = page.locator('#msg-painPost .warning-check');
    await expect(warning).toHaveText(`${check} ${painWarning}`);
    await page.screenshot({ path: join(screenshots, `signing-${language}-form-warning.png`), fullPage: true });
    await keys.press('Backspace');
    await keys.press('1');
    await expect(warning).toHaveCount(0);
    await keys.press('Enter'); // → complications
    await keys.press('Enter'); // none → the PIN
    await expect(page.getByLabel(pin)).toBeFocused();
    await keys.type(TEST_PIN);
    await keys.press('Enter'); // sign
    await expect
      .poll(
        () =>
          readDatabase(
            dbPath,
            (db) =>
              db.prepare('SELECT status FROM procedures WHERE patient_id = ?').get(patientId) as { status: string },
          )?.status,
      )
      .toBe('signed');
    // The signed summary on the screen, in the operator's language (here the department's).
    const signed = flat((await page.locator('.signed-summary').textContent()) ?? '');
    for (const words of summary) expect(signed).toContain(words);
    for (const english of [...ENGLISH_SUMMARY, ...ENGLISH_VALUES]) expect(signed).not.toContain(english);
    await page.screenshot({ path: join(screenshots, `signing-${language}-form-signed.png`), fullPage: true });

    for (const [button, name] of [
      [record, 'record'],
      [aftercare, 'aftercare'],
    ] as const) {
      const path = await printed(page, button);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '70',
        '-f',
        '1',
        '-l',
        '1',
        path,
        join(screenshots, `signing-${language}-${name}`),
      ]);
      const text = flat(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }));
      expect(text).toContain(patientId);
      for (const english of ['After your nerve root injection', 'Signed by', 'Procedure record', ...ENGLISH_SUMMARY]) {
        expect(text).not.toContain(english);
      }
      // The record sheet's summary in the department's language (the aftercare sheet has none).
      if (name === 'record') for (const words of summary) expect(text).toContain(words);
    }
  });
}
