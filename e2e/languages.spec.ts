import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { recordFollowUp } from '../db/follow-ups.js';
import { storedRefusalReason } from '../db/hub/local-state.js';
import { translator } from '../db/i18n/translator.js';
import {
  DEFAULT_DRUG_CATALOGUE,
  DOSE_DEVICE_MESSAGES,
  DOSE_RECEIVER_MESSAGES,
  DOSE_REPORT_FINDING_MESSAGES,
  DOSE_WAITING_MESSAGES,
  HUB_REFUSAL_MESSAGES,
  KEPT_IN_MESSAGES,
  LANGUAGE_NAMES,
  localDateTimeWithOffset,
  REPORT_PLACEHOLDERS,
  sentence,
} from '../db/model/index.js';
import { saveDraft, signProcedure } from '../db/procedures.js';
import { listOperators, updateSettings } from '../db/settings.js';
import { keepRefusal, keepWaiting } from '../db/sqlite/hub-local.js';
import { openStore } from '../db/store.js';
import { completeDraft } from '../db/testing/fixtures.js';
import { signerOf } from '../db/testing/signer.js';
import { APP_MESSAGES } from '../renderer/app/app-messages.js';
import { DOSE_INBOX_MESSAGES } from '../renderer/features/dose-reports/dose-reports-messages.js';
import { LIST_MESSAGES } from '../renderer/features/procedure-list/list-messages.js';
import { SETTINGS_SCREEN_MESSAGES, WELCOME_MESSAGES } from '../renderer/features/settings/settings-messages.js';
import { WORKLIST_MESSAGES } from '../renderer/features/worklist/worklist-messages.js';
import { CT_STANDARD_STUDY, fixtureChanged, scannerSends, worklistWithDoseStudy } from './dose-report-arrival.js';
import { expect, test } from './fixtures.js';
import { readDatabase } from './helpers.js';
import { todaysWorklist } from './worklist-items.js';

/*
 * The languages end to end: what a patient takes home is in the patient's language, with the
 * department's letterhead and the number to call (read back from the PDF with pdftotext); and
 * no text overflows or is cut off when every string is 40 % longer (the pseudo-language).
 */

test.use({ department: 'one-operator' });

const screenshots = join(process.cwd(), 'e2e', 'screenshots');
mkdirSync(screenshots, { recursive: true });
const DEPARTMENT = {
  name: 'Institut für Radiologie, Kantonsspital Musterstadt',
  address: 'Spitalstrasse 1\n8000 Musterstadt',
  phone: '+41 44 123 45 67',
};

const flat = (text: string) => text.replace(/\s+/g, ' ');

async function printed(page: Page, button: RegExp): Promise<string> {
  await page.getByRole('button', { name: button }).click();
  const saved = page.getByRole('status').filter({ hasText: /\.pdf/ });
  await expect(saved).toBeVisible();
  const path = /(\/\S+\.pdf)/.exec((await saved.textContent()) ?? '')?.[1] ?? '';
  expect(existsSync(path)).toBe(true);
  return path;
}

test('an Italian-speaking patient in a German-speaking department gets an Italian aftercare sheet, letterhead and phone', async ({
  page,
  dbPath,
}) => {
  const store = openStore(dbPath);
  try {
    updateSettings(store, { department: DEPARTMENT, language: 'de' }, { actor: 'Dr. A. Keller' });
    const [operator] = listOperators(store);
    const { record } = saveDraft(
      store,
      completeDraft(operator?.id ?? '', {
        patientId: 'KSM-IT-1',
        patientName: 'Rossi, Giulia',
        patientLanguage: 'it',
        performedAt: localDateTimeWithOffset(new Date(Date.now() - 86_400_000)),
      }),
      { actor: 'Dr. A. Keller' },
    );
    signProcedure(store, record.id, {}, signerOf(store, operator?.id ?? ''), { actor: 'Dr. A. Keller' });
  } finally {
    store.close();
  }
  await page.reload();
  await page.getByRole('button', { name: /^(All dates|Alle Daten)$/ }).click();
  await page.getByRole('button', { name: /KSM-IT-1/ }).click();
  const path = await printed(page, /^(Aftercare sheet as PDF|Merkblatt als PDF)$/);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '70',
    '-f',
    '1',
    '-l',
    '1',
    path,
    join(screenshots, 'languages-aftercare-it'),
  ]);
  const sheet = flat(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }));
  for (const words of [
    // The letterhead: the department's name, address and phone.
    `${DEPARTMENT.name} Spitalstrasse 1 · 8000 Musterstadt · ${DEPARTMENT.phone}`,
    'Dopo la Sua infiltrazione della radice nervosa',
    'Rossi, Giulia (KSM-IT-1)',
    'Eseguito da Dr. A. Keller il',
    'alla radice nervosa L5 sinistra',
    'Oggi non guidi',
    `Ci chiami al numero ${DEPARTMENT.phone}`,
    'pronto soccorso',
    `Il nostro numero di telefono: ${DEPARTMENT.name}: ${DEPARTMENT.phone}`,
  ]) {
    expect(sheet).toContain(words);
  }
  // Nothing of it in the department's German or in English.
  for (const words of ['Nach Ihrer', 'After your nerve root injection', 'Call us', 'Do not drive']) {
    expect(sheet).not.toContain(words);
  }
});

/** Text that is cut off: an element whose content is wider than its box while its overflow is hidden or ellipsised. */
async function cutTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(
      '#root button, #root label, #root legend, #root h1, #root h2, #root h3, #root th, #root td, #root a, #root p',
    )) {
      if (element.offsetParent === null) continue;
      const style = getComputedStyle(element);
      const hides = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
      // A text cut on purpose whose whole is its title (a long patient name in a list row) is not lost.
      const text = element.textContent?.trim() ?? '';
      const whole =
        [element.title, element.querySelector('[title]')?.getAttribute('title')].includes(text) && text !== '';
      if (hides && !whole && element.scrollWidth > element.clientWidth + 1) cut.push(element.textContent?.trim() ?? '');
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) cut.push('(the page is wider than the window)');
    return cut;
  });
}

test('in the pseudo-language (every text 40 % longer) the form and the dashboard cut no text', async ({ page }) => {
  await page.goto('http://rootlog.test/index.html?language=pseudo');
  await expect(page.getByText(/⟦/).first()).toBeVisible();
  await page.keyboard.press('Alt+N');
  await expect(page.locator('#section-patient')).toBeVisible();
  await page.screenshot({ path: join(screenshots, 'languages-pseudo-form.png'), fullPage: true });
  expect(await cutTexts(page)).toEqual([]);
  await page.getByRole('button', { name: /Dashboard/ }).click();
  await page.screenshot({ path: join(screenshots, 'languages-pseudo-dashboard.png'), fullPage: true });
  expect(await cutTexts(page)).toEqual([]);
});

/**
 * A table header broken inside a word ("Avertis-sements"): the headers wrap only between words,
 * so a word wider than its column overflows its cell, which this names.
 */
async function brokenHeaders(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('#root .procedure-table thead th')]
      .filter((th) => th.offsetParent !== null && th.scrollWidth > th.clientWidth + 1)
      .map((th) => th.textContent?.trim() ?? ''),
  );
}

/**
 * The new form with what shows only once asked for: more targets (`addTargets` presses of Add
 * target), unsafe spread, both modalities, the caudal injection, a drug, a complication, and
 * every folded group opened (the needles, the safety details).
 */
async function showWholeForm(page: Page, addTargets: number): Promise<void> {
  const addTarget = page.locator('section[aria-labelledby="section-targets"] > .row > button');
  for (let added = 0; added < addTargets; added++) await addTarget.click();
  await page.locator('[data-field="targets[0].spread"] button[data-value="intravascular_venous"]').click();
  await page.locator('[data-field="modality"] button[data-value="ct_and_fluoroscopy"]').click();
  await page.locator('[data-field="caudalEpidural"] input').check();
  await page.locator('.quick-add button').first().click();
  await page.locator('[data-field="complications"] button[data-value="vasovagal"]').click();
  await page.locator('.procedure-form details').evaluateAll((groups) => {
    for (const group of groups) (group as HTMLDetailsElement).open = true;
  });
}

/**
 * Text of a screen still in plain English in the pseudo-language: every word the window says
 * there comes bracketed (⟦Patient~~~⟧), so a heading, label, button, caption, paragraph or
 * accessible name with a word of three letters or more outside the brackets was not
 * translated. What the screen shows as data (a table's cells, a chooser's names, a key's name)
 * is not the window's words and is left out, and so are the data values given.
 */
async function plainEnglish(
  page: Page,
  screen: string,
  data: readonly string[] = [],
  /** What others' parts of the screen hold (not yet translated: docs/languages.md), left out. */
  others = '',
): Promise<string[]> {
  return page.evaluate(
    ([selector, values, skip]) => {
      const plain: string[] = [];
      const root = document.querySelector(selector as string);
      if (!root) return [`(no ${selector})`];
      const words = (text: string) => {
        let rest = text.replace(/⟦[^⟧]*⟧/g, ' ');
        for (const value of values as string[]) rest = rest.replaceAll(value, ' ');
        return /[A-Za-z]{3,}/.test(rest);
      };
      const TEXTS = 'button, label, legend, h1, h2, h3, th, caption, p, summary, a';
      for (const element of root.querySelectorAll<HTMLElement>(`${TEXTS}, [aria-label]`)) {
        if (element.closest('td, option, kbd') || (skip && element.closest(skip as string))) continue;
        const label = element.getAttribute('aria-label');
        if (label !== null && words(label)) plain.push(`aria-label="${label}"`);
        if (element.offsetParent === null || !element.matches(TEXTS)) continue;
        // The element's own words, without those of a control inside it (a label's input, a kbd).
        const own = [...element.childNodes]
          .map((node) =>
            node.nodeType === Node.TEXT_NODE
              ? node.textContent
              : node instanceof HTMLElement && node.matches('kbd, input, select, textarea')
                ? ''
                : node.textContent,
          )
          .join('');
        if (words(own)) plain.push(own.trim());
      }
      return plain;
    },
    [screen, data, others] as const,
  );
}

/** The words of a text outside the pseudo-language's brackets (data given left out): '' when all are the window's. */
const outsideBrackets = (text: string | null, data: readonly string[] = []) => {
  let rest = (text ?? '').replace(/⟦[^⟧]*⟧/g, ' ');
  for (const value of data) rest = rest.replaceAll(value, ' ');
  return (rest.match(/[A-Za-z]{3,}/g) ?? []).join(' ');
};

test.describe('the pseudo-language on each translated screen', () => {
  test.use({ department: 'follow-ups-due' });

  test('the procedure list, the follow-ups, Settings and the lock screen leave no text plain English and cut none', async ({
    page,
  }) => {
    const pseudo = translator('pseudo');
    await page.goto('http://rootlog.test/index.html?language=pseudo');
    // The list with its rows: the two signed cases are of earlier days.
    await page.getByRole('button', { name: pseudo(LIST_MESSAGES.allDates) }).click();
    await expect(page.locator('.procedure-table tbody tr').first()).toBeVisible();
    await page.screenshot({ path: join(screenshots, 'languages-pseudo-list.png'), fullPage: true });
    expect(await plainEnglish(page, '.list-screen', ['CT 1'])).toEqual([]);
    expect(await cutTexts(page)).toEqual([]);
    expect(await brokenHeaders(page)).toEqual([]);

    // A signed record: its heading, who signed, and the signed summary, all in the language.
    await page.getByRole('button', { name: /DAY2/ }).click();
    await expect(page.locator('.signed-summary')).toBeVisible();
    await page.screenshot({ path: join(screenshots, 'languages-pseudo-signed.png'), fullPage: true });
    expect(await plainEnglish(page, '.form-header', ['Dr. A. Keller'])).toEqual([]);
    // Its labels and values: every word bracketed but the record's data (names, ids, drugs, units).
    const data = ['Early, Anna', 'Later, Bert', 'DAY2', 'WEEK3', 'ACC77001', 'Dr. A. Keller', 'Dexamethasone'];
    const plain = (text: string) => {
      let rest = text.replace(/⟦[^⟧]*⟧/g, ' ');
      for (const value of [...data, 'Lidocaine', 'mGy·cm', 'mL', 'mg', 'min']) rest = rest.replaceAll(value, ' ');
      return /[A-Za-z]{3,}/.test(rest);
    };
    const summaryTexts = await page.locator('.signed-summary dt, .signed-summary dd').allTextContents();
    expect(summaryTexts.filter(plain)).toEqual([]);
    expect(await plainEnglish(page, '.signed-summary')).toEqual([]);
    // The rest of the signed record: its report panel and RIS line, its follow-ups and history.
    for (const part of [
      '.procedure-form',
      '[aria-labelledby="section-follow-ups"]',
      '[aria-labelledby="section-history"]',
    ])
      expect(await plainEnglish(page, part, data), part).toEqual([]);
    expect(await cutTexts(page)).toEqual([]);
    await page.getByRole('button', { name: pseudo(APP_MESSAGES.procedures), exact: true }).click();

    await page.getByRole('button', { name: pseudo(APP_MESSAGES.followUps) }).click();
    await expect(page.locator('.follow-up-call')).toBeVisible();
    await page.screenshot({ path: join(screenshots, 'languages-pseudo-follow-ups.png'), fullPage: true });
    // The procedure's date as the department writes it (de-CH), never as stored; the call's date
    // typed in the department's order and said back in words, never the operating system's control.
    for (const cell of await page.locator('.follow-ups .procedure-table td.date').allTextContents()) {
      expect(cell).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    }
    const callDate = page.locator('#call-contactDate');
    await expect(callDate).toHaveAttribute('type', 'text');
    await callDate.fill('11112026');
    await expect(page.locator('.follow-up-call .typed-words')).toHaveText('11 November 2026');
    await expect(callDate).toHaveValue('11112026');
    expect(await brokenHeaders(page)).toEqual([]);
    expect(
      await plainEnglish(page, '.follow-ups', ['Later, Bert', 'Early, Anna', 'WEEK3', 'DAY2', 'Dr. A. Keller']),
    ).toEqual([]);
    expect(await cutTexts(page)).toEqual([]);

    await page.getByRole('button', { name: pseudo(APP_MESSAGES.settings) }).click();
    await expect(page.locator('#settings-title')).toHaveText(pseudo(SETTINGS_SCREEN_MESSAGES.title));
    await expect(page.locator('#settings-worklistServer')).toBeVisible();
    // The dose report receiver's state is the main process's words, said in the reader's language.
    await expect(page.getByTestId('dose-receiver-state')).toHaveText(pseudo(DOSE_RECEIVER_MESSAGES.off));
    await page.screenshot({ path: join(screenshots, 'languages-pseudo-settings.png'), fullPage: true });
    expect(
      await plainEnglish(
        page,
        '.settings-screen',
        [
          // Data: the operators', drugs' and languages' names, the locale's example, the report's placeholders.
          'Dr. A. Keller',
          ...DEFAULT_DRUG_CATALOGUE.map((drug) => drug.name),
          'mGy·cm',
          ...Object.values(LANGUAGE_NAMES),
          ...REPORT_PLACEHOLDERS.map((name) => `{${name}}`),
        ],
        // The hub and backups are walked below, on their own.
        '[aria-labelledby="settings-hub"], .backups-panel',
      ),
    ).toEqual([]);
    expect(await cutTexts(page)).toEqual([]);

    // A refused field: a new PIN too short is refused at once, in the model's rule (pinProblem),
    // and the main process's refusal of a wrong current PIN, each in the reader's language.
    await page.locator('#own-pin-new').fill('12');
    await expect(page.locator('#own-pin-new-problem')).toBeVisible();
    expect(outsideBrackets(await page.locator('#own-pin-new-problem').textContent())).toEqual('');
    await page.locator('#own-pin-old').fill('9999');
    await page.locator('#own-pin-new').fill('7391');
    await page.locator('#own-pin-new').press('Enter');
    // The refusal is said beside the PIN it is about (not the first problem anywhere in Settings).
    const refused = page.locator('#own-pin-problem');
    await expect(refused).toBeVisible();
    expect(outsideBrackets(await refused.textContent(), ['Dr. A. Keller'])).toEqual('');

    // The form whole, its headings, quick starts, every section, the sign and report panels:
    // every word bracketed but the data (the drugs' and the operator's names) and the units.
    await page.keyboard.press('Alt+N');
    await expect(page.locator('#section-patient')).toBeVisible();
    const headings = await page.locator('.procedure-form h1, .procedure-form .form-section > h2').allTextContents();
    expect(headings.filter((heading) => /[A-Za-z]{3,}/.test(heading.replace(/⟦[^⟧]*⟧/g, '')))).toEqual([]);
    const formData = [
      ...DEFAULT_DRUG_CATALOGUE.map((drug) => drug.name),
      'Dr. A. Keller',
      'mGy·cm',
      'CTDIvol',
      'DLP',
      'DAP',
    ];
    expect(await plainEnglish(page, '.procedure-form', formData)).toEqual([]);
    await showWholeForm(page, 2);
    expect(await plainEnglish(page, '.procedure-form', formData)).toEqual([]);
    // The lines under the fields too (the C-arm screen's unit, the concentration's reading).
    const hints = await page.locator('.procedure-form .field-hint').allTextContents();
    expect(hints.filter((hint) => /[A-Za-z]{3,}/.test(hint.replace(/⟦[^⟧]*⟧/g, '')))).toEqual([]);
    expect(await cutTexts(page)).toEqual([]);
    // A date not complete yet says what it still needs in the reader's words, its pattern's letters too.
    const birthDate = page.locator('#field-birthDate');
    await birthDate.fill('1203');
    await birthDate.press('Tab');
    const incomplete = page.locator('[data-field="birthDate"] .problem');
    await expect(incomplete).toBeVisible();
    expect(outsideBrackets(await incomplete.textContent())).toEqual('');
    await birthDate.fill('31021958');
    await birthDate.press('Tab');
    // Its month said in the reader's locale's words (the pseudo-language's is en-GB's), as a date said back is.
    expect(outsideBrackets(await incomplete.textContent(), ['February 1958'])).toEqual('');
    await birthDate.fill('');

    await page.keyboard.press('Control+L');
    await expect(page.locator('.lock-screen')).toBeVisible();
    await page.screenshot({ path: join(screenshots, 'languages-pseudo-lock.png'), fullPage: true });
    expect(await plainEnglish(page, '.lock-screen')).toEqual([]);
    expect(await cutTexts(page)).toEqual([]);

    // A wrong PIN at the lock screen: the main process's refusal, its rule and counts bracketed.
    await page.locator('#lock-pin').fill('9999');
    await page.locator('#lock-pin').press('Enter');
    await expect(page.locator('.lock-screen [role="alert"]')).toBeVisible();
    expect(await plainEnglish(page, '.lock-screen', ['Dr. A. Keller'])).toEqual([]);
    expect(await cutTexts(page)).toEqual([]);
  });
});

test.describe('the pseudo-language on an amended record', () => {
  test.use({ department: 'amended-case' });

  test("its history's values and confirmed warnings leave no text plain English", async ({ page }) => {
    await page.goto('http://rootlog.test/index.html?language=pseudo');
    await page.getByRole('button', { name: /AMEND1/ }).click();
    const history = page.locator('[aria-labelledby="section-history"]');
    await expect(history.locator('li li').first()).toBeVisible();
    const data = ['Dr. A. Keller', 'Side corrected'];
    expect(await plainEnglish(page, '[aria-labelledby="section-history"]', data)).toEqual([]);
    // Each change's line: the field's label, the values before and after (codes as their words).
    const changes = await history.locator('li li').allTextContents();
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.filter((line) => outsideBrackets(line, data) !== '')).toEqual([]);
    expect(await cutTexts(page)).toEqual([]);

    // A preset's button on the new form: its title (what it plans) in the reader's words, the drugs' names data.
    await page.keyboard.press('Alt+N');
    const preset = page.locator('.quick-start button[aria-keyshortcuts="Alt+1"]');
    await expect(preset).toHaveAttribute('title', /.+/);
    const drugs = DEFAULT_DRUG_CATALOGUE.map((drug) => drug.name);
    expect(outsideBrackets(await preset.getAttribute('title'), drugs)).toEqual('');
  });
});

/** What to type into a date field of a de-CH department, as each reader's clinicians write it. */
const DATE_PATTERN = { de: 'TT.MM.JJJJ', fr: 'jj.mm.aaaa', it: 'gg.mm.aaaa' } as const;

/** 12031958 typed in a de-CH department, said back as each reader writes it. */
const BIRTH_DATE_WORDS = { de: '12. März 1958', fr: '12 mars 1958', it: '12 marzo 1958' } as const;

test.describe('the translated screens in German, French and Italian, light and dark', () => {
  test.use({ department: 'follow-ups-due' });

  for (const language of ['de', 'fr', 'it'] as const)
    test(`in ${language}, the list, follow-ups, dashboard and Settings cut no text, in both themes, nor the form`, async ({
      page,
    }) => {
      const t = translator(language);
      await page.goto(`http://rootlog.test/index.html?language=${language}`);
      for (const theme of ['light', 'dark'] as const) {
        const toggle = page.locator('.theme-toggle');
        const isDark = (await toggle.textContent()) === t(APP_MESSAGES.lightTheme);
        if (isDark !== (theme === 'dark')) await toggle.click();
        await page.getByRole('button', { name: t(APP_MESSAGES.procedures), exact: true }).click();
        // The list remembers its filter: all dates from the first theme on.
        const allDates = page.getByRole('button', { name: t(LIST_MESSAGES.allDates) });
        if (await allDates.isVisible()) await allDates.click();
        await expect(page.locator('.procedure-table tbody tr').first()).toBeVisible();
        const screens = [
          ['list', null],
          ['follow-ups', APP_MESSAGES.followUps],
          ['dashboard', APP_MESSAGES.dashboard],
          ['settings', APP_MESSAGES.settings],
        ] as const;
        for (const [name, button] of screens) {
          if (button) await page.getByRole('button', { name: t(button), exact: true }).click();
          await expect(page.locator('main h1').first()).toBeVisible();
          await page.screenshot({
            path: join(screenshots, `languages-${language}-${name}-${theme}.png`),
            fullPage: true,
          });
          expect(await cutTexts(page), `${name}, ${theme}`).toEqual([]);
          // The list's and the follow-ups' headers wrap between words, never inside one.
          expect(await brokenHeaders(page), `${name}, ${theme}`).toEqual([]);
        }
      }
      // The form, whole: a target, a drug and a complication open, every folded group too; its
      // dates said back in the reader's words (never the English "12 March 1958").
      await page.keyboard.press('Alt+N');
      await expect(page.locator('#field-birthDate')).toHaveAttribute('placeholder', DATE_PATTERN[language]);
      await page.locator('#field-birthDate').fill('12031958');
      await expect(page.locator('[data-field="birthDate"] .typed-words')).toHaveText(BIRTH_DATE_WORDS[language]);
      await showWholeForm(page, 1);
      await page.screenshot({ path: join(screenshots, `languages-${language}-form-dark.png`), fullPage: true });
      expect(await cutTexts(page), 'form').toEqual([]);
    });
});

test.describe('the first run in the pseudo-language', () => {
  test.use({ department: 'empty' });

  test('the welcome screen leaves no text plain English and cuts none', async ({ page }) => {
    const pseudo = translator('pseudo');
    await page.goto('http://rootlog.test/index.html?language=pseudo');
    await expect(page.locator('#welcome-title')).toHaveText(pseudo(WELCOME_MESSAGES.title));
    await page.screenshot({ path: join(screenshots, 'languages-pseudo-welcome.png'), fullPage: true });
    expect(await plainEnglish(page, '.welcome')).toEqual([]);
    expect(await cutTexts(page)).toEqual([]);
  });
});

/** What a screen shows as data in its row headings (month names Intl writes, operators' names): left out of the plain-English check. */
const rowHeadings = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((cells) => cells.map((cell) => cell.textContent?.trim() ?? ''));

test.describe('the pseudo-language on the dashboard, the worklist, the dose inbox, hub, backups and export', () => {
  test.use({ department: 'follow-ups-due' });

  test('the dashboard (charts, tables, outcomes, reference levels) leaves no text plain English and cuts none', async ({
    page,
  }) => {
    const pseudo = translator('pseudo');
    await page.goto('http://rootlog.test/index.html?language=pseudo');
    await page.getByRole('button', { name: pseudo(APP_MESSAGES.dashboard), exact: true }).click();
    await expect(page.locator('.dashboard-grid')).toBeVisible();
    await expect(page.locator('.outcomes-panel')).toBeVisible();
    await expect(page.locator('.reference-panel')).toBeVisible();
    await page.screenshot({ path: join(screenshots, 'languages-pseudo-dashboard-data.png'), fullPage: true });
    const months = await rowHeadings(page, '.months-table tbody th');
    expect(months.length).toBeGreaterThan(0);
    // The charts' accessible names are [aria-label]s: checked with the rest (legends and axes are drawn from the same messages).
    expect(await plainEnglish(page, '.dashboard-screen', [...months, 'Dr. A. Keller'])).toEqual([]);
    expect(await cutTexts(page)).toEqual([]);
  });
});

test.describe('the pseudo-language beside the list: the worklist and the dose inbox', () => {
  test.use({ worklist: { items: todaysWorklist() } });

  test('the worklist panel and the dose reports without a procedure leave no text plain English and cut none', async ({
    page,
    dbPath,
  }) => {
    const pseudo = translator('pseudo');
    await scannerSends(dbPath);
    await page.goto('http://rootlog.test/index.html?language=pseudo');
    const worklist = page.getByRole('complementary', {
      name: new RegExp(pseudo(WORKLIST_MESSAGES.title).slice(0, 12)),
    });
    await expect(worklist.getByRole('list', { name: pseudo(WORKLIST_MESSAGES.rows) }).getByRole('button')).toHaveCount(
      2,
    );
    await expect(page.locator('.dose-inbox h2')).toBeVisible();
    await page.screenshot({ path: join(screenshots, 'languages-pseudo-worklist-inbox.png'), fullPage: true });
    // A row's patient, ID, time and requested procedure are the RIS's data; the server's warnings
    // and a row's refused values are the main process's words, said in the reader's language.
    const data = await rowHeadings(page, '.worklist-name, .worklist-procedure, .worklist-time');
    expect(await plainEnglish(page, '.worklist', data)).toEqual([]);
    expect(await plainEnglish(page, '.dose-inbox')).toEqual([]);
    // Why the report waits: the main process's words, in the reader's language.
    await expect(page.locator('.dose-inbox').getByText(pseudo(DOSE_WAITING_MESSAGES.noRecord))).toBeVisible();
    expect(await cutTexts(page)).toEqual([]);
    // The panel scrolls up and down only: nothing of it may stick out sideways, hidden (a long button).
    expect(await worklist.evaluate((panel) => panel.scrollWidth - panel.clientWidth)).toBeLessThanOrEqual(1);

    for (const language of ['de', 'fr', 'it'] as const) {
      await page.goto(`http://rootlog.test/index.html?language=${language}`);
      await expect(page.locator('.worklist-row').first()).toBeVisible();
      await expect(page.locator('.dose-inbox h2')).toHaveText(
        translator(language)(DOSE_INBOX_MESSAGES.title, { count: 1 }),
      );
      await page.screenshot({ path: join(screenshots, `languages-${language}-worklist-inbox.png`), fullPage: true });
      expect(await cutTexts(page), language).toEqual([]);
      expect(
        await page.locator('.worklist').evaluate((panel) => panel.scrollWidth - panel.clientWidth),
      ).toBeLessThanOrEqual(1);
    }
  });
});

test.describe('the pseudo-language in the top bar, Settings → Backups and Department server, and the export', () => {
  test('the backups chip, the backups and hub panels and the export screen leave no text plain English and cut none', async ({
    page,
  }) => {
    const pseudo = translator('pseudo');
    await page.goto('http://rootlog.test/index.html?language=pseudo');
    // No backup folder in a new logbook: the chip says so in the top bar.
    await expect(page.locator('.backup-chip')).toHaveText(/^⟦/);
    expect(await plainEnglish(page, '.top-bar')).toEqual([]);

    await page.getByRole('button', { name: pseudo(APP_MESSAGES.settings), exact: true }).click();
    const backups = page.locator('.backups-panel');
    const hub = page.locator('section[aria-labelledby="settings-hub"]');
    await expect(backups).toBeVisible();
    await expect(hub).toBeVisible();
    await hub.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'languages-pseudo-backups-hub.png'), fullPage: true });
    expect(await plainEnglish(page, '.backups-panel')).toEqual([]);
    // The key's fingerprint is data; where the key is kept is the main process's words, said in
    // the reader's language too.
    const fingerprint = await rowHeadings(page, '.hub-fingerprint');
    expect(await plainEnglish(page, 'section[aria-labelledby="settings-hub"]', fingerprint)).toEqual([]);
    await expect(hub).toContainText(pseudo(KEPT_IN_MESSAGES.memory));
    // Settings' other panels are others' (still partly English); these two cut nothing.
    for (const panel of [backups, hub])
      expect(await panel.evaluate((section) => section.scrollWidth - section.clientWidth)).toBeLessThanOrEqual(1);

    await page.getByRole('button', { name: pseudo(APP_MESSAGES.export), exact: true }).click();
    await expect(page.locator('.export-screen h1')).toBeVisible();
    await page.screenshot({ path: join(screenshots, 'languages-pseudo-export.png'), fullPage: true });
    // The formats' names are the files' (CSV, JSON, FHIR R4), the same in every language.
    expect(await plainEnglish(page, '.export-screen', ['CSV', 'JSON', 'FHIR R4'])).toEqual([]);
    expect(await cutTexts(page)).toEqual([]);
  });
});

test.describe('the pseudo-language on what only data shows: a recorded follow-up and a hub refusal', () => {
  test.use({ department: 'follow-ups-due' });

  test("a follow-up's lines and Settings → Department server's refusals leave no text plain English and cut none", async ({
    page,
    dbPath,
  }) => {
    const pseudo = translator('pseudo');
    // A day-2 call recorded and corrected (as the follow-ups screen does), and a row of another
    // console refused and one waiting (as a sync keeps them, db/hub/pull.ts).
    const store = openStore(dbPath);
    try {
      const [operator] = listOperators(store);
      const operatorId = operator?.id ?? '';
      const procedureId = store.reader
        .prepare("SELECT id FROM procedures WHERE patient_id = 'DAY2'")
        .pluck()
        .get() as string;
      const contactDate = localDateTimeWithOffset(new Date()).slice(0, 10);
      const call = {
        procedureId,
        contactDate,
        method: 'phone',
        legNrs: 5,
        backNrs: 2,
        globalImpression: 'much_improved',
      };
      const first = recordFollowUp(store, call, signerOf(store, operatorId), { actor: 'Dr. A. Keller' });
      recordFollowUp(
        store,
        { ...call, legNrs: 4, supersedes: first.id, reason: 'misheard' },
        signerOf(store, operatorId),
        { actor: 'Dr. A. Keller' },
      );
      keepRefusal(store.writer, {
        hubId: 'hub-1',
        stream: 'versions',
        seq: '1',
        subject: 'record r-1 version 2',
        console: 'CT-A',
        reason: storedRefusalReason(sentence(HUB_REFUSAL_MESSAGES.draftHere)),
        entry: null,
        signature: null,
      });
      keepWaiting(store.writer, {
        hubId: 'hub-1',
        stream: 'follow_ups',
        seq: '2',
        subject: 'follow-up f-1 of record r-2',
        reason: storedRefusalReason(sentence(HUB_REFUSAL_MESSAGES.recordNotHere)),
      });
    } finally {
      store.close();
    }
    await page.goto('http://rootlog.test/index.html?language=pseudo');
    await page.getByRole('button', { name: pseudo(LIST_MESSAGES.allDates) }).click();
    await page.getByRole('button', { name: /DAY2/ }).click();
    const followUps = page.locator('[aria-labelledby="section-follow-ups"]');
    await expect(followUps.locator('li')).toHaveCount(2);
    await page.screenshot({ path: join(screenshots, 'languages-pseudo-follow-up-lines.png'), fullPage: true });
    // Each line: its day, date, how the patient was reached, the pains, the relief, the global
    // impression, who recorded it, a correction's reason and its mark; the data left out.
    const data = ['Dr. A. Keller', 'misheard'];
    const lines = await followUps.locator('li').allTextContents();
    // The call's date as the department writes it (de-CH), never as stored.
    for (const line of lines) expect(line).toMatch(/\d{2}\.\d{2}\.\d{4}/);
    expect(lines.filter((line) => outsideBrackets(line, data) !== '')).toEqual([]);
    expect(await plainEnglish(page, '[aria-labelledby="section-follow-ups"]', data)).toEqual([]);
    expect(await cutTexts(page)).toEqual([]);

    await page.getByRole('button', { name: pseudo(APP_MESSAGES.settings), exact: true }).click();
    const hub = page.locator('section[aria-labelledby="settings-hub"]');
    const refusals = hub.locator('details');
    await refusals.locator('summary').click();
    await expect(refusals.locator('li')).toHaveCount(2);
    await refusals.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'languages-pseudo-hub-refusals.png'), fullPage: true });
    // What the row is about ("record … version 2") is still English (docs/languages.md), the
    // console's name and the time are data; the rest is the window's and the refusal's words.
    const subjects = ['record r-1 version 2', 'follow-up f-1 of record r-2', 'CT-A'];
    const rows = await refusals.locator('li').allTextContents();
    expect(rows.filter((row) => outsideBrackets(row, subjects) !== '')).toEqual([]);
    for (const reason of [HUB_REFUSAL_MESSAGES.draftHere, HUB_REFUSAL_MESSAGES.recordNotHere])
      await expect(refusals).toContainText(pseudo(reason));
    const fingerprint = await rowHeadings(page, '.hub-fingerprint');
    expect(await plainEnglish(page, 'section[aria-labelledby="settings-hub"]', fingerprint)).toEqual([]);
    expect(await hub.evaluate((section) => section.scrollWidth - section.clientWidth)).toBeLessThanOrEqual(1);
  });
});

test.describe('the pseudo-language under the dose fields: a report offered with its findings', () => {
  test.use({ worklist: { items: worklistWithDoseStudy(todaysWorklist()) } });

  test('a dose report naming no device, with a finding, leaves no text plain English and cuts none', async ({
    page,
    dbPath,
  }) => {
    const pseudo = translator('pseudo');
    await page.goto('http://rootlog.test/index.html?language=pseudo');
    // The case opened from the worklist, its DLP typed before the scanner's report came: the
    // report is offered (with its notes), not taken.
    await expect(page.locator('.worklist-row').first()).toContainText('Muster, Erika');
    await page.keyboard.press('Alt+W');
    await page.keyboard.press('Enter');
    await expect(page.locator('#field-patientId')).toHaveValue(CT_STANDARD_STUDY.patientId);
    await page.locator('[data-field="dlpMGyCm"] input').fill('50');
    await expect
      .poll(() =>
        readDatabase(dbPath, (db) =>
          db.prepare('SELECT dlp_mgy_cm FROM procedures WHERE patient_id = ?').pluck().get(CT_STANDARD_STUDY.patientId),
        ),
      )
      .toBe(50);
    // A scanner that names neither itself nor its text's character set (its text is UTF-8):
    // the report reader's finding, and no device.
    const report = fixtureChanged('ct-standard', (dump) =>
      dump
        .split('\n')
        .filter((line) => !line.startsWith('(0008,0005)'))
        .join('\n')
        .replaceAll(/\[(SIEMENS|SOMATOM go\.Up|CTSUED1)\]/g, '[]'),
    );
    await scannerSends(dbPath, 'ct-standard', report);
    const source = page.getByTestId('dose-source');
    await expect(source.locator('.hint').first()).toBeVisible({ timeout: 15_000 });
    await expect(source).toContainText(pseudo(DOSE_REPORT_FINDING_MESSAGES.noSetButUtf8));
    await expect(source).toContainText(pseudo(DOSE_DEVICE_MESSAGES.unknown));
    await source.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'languages-pseudo-dose-notes.png'), fullPage: true });
    // The report's figures: their names are the form's words (French "PDL"), their units data.
    const figures = ['mGy·cm', 'mGy'];
    const texts = await source.locator('p').allTextContents();
    expect(texts.filter((text) => outsideBrackets(text, figures) !== '')).toEqual([]);
    expect(await plainEnglish(page, '[data-testid="dose-source"]', figures)).toEqual([]);
    expect(await cutTexts(page)).toEqual([]);

    // Taken: the figures from the report, its device said in the reader's words.
    await source.getByRole('button').first().click();
    await expect(source.locator('.source-mark')).toBeVisible();
    await expect(source).toContainText(pseudo(DOSE_DEVICE_MESSAGES.unknown));
    expect(outsideBrackets(await source.textContent())).toEqual('');
    expect(await cutTexts(page)).toEqual([]);
  });
});
