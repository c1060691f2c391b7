import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { listOperators } from '../db/settings.js';
import { openStore } from '../db/store.js';
import { givePin, TEST_PIN } from '../db/testing/signer.js';
import { CHROMIUM_ARGS, openInChromium } from '../e2e/chromium-harness.js';
import { WINDOW_API_NAME } from '../electron/shared/channels.js';
import { seededDatabase } from './seeded.js';
import { percentile } from './stats.js';

/*
 * The console screen in Debian's Chromium on a 100 000-procedure database: time from page
 * load to an interactive entry form, and time to render the procedure list (all dates, first
 * page and 20 more pages scrolled in); then the dashboard opened, widened to every year and
 * filtered, each until its numbers and charts are on screen. Medians and worst of several runs.
 */
const { path: seeded, count } = seededDatabase();
const runs = Number(process.env.BENCH_UI_RUNS ?? 7);
// The app may write (settings at open); keep the shared seed untouched.
const db = join(mkdtempSync(join(tmpdir(), 'rootlog-bench-ui-')), 'ui.sqlite');
copyFileSync(seeded, db);
// A department at work: its operators hold PINs, so the console starts locked and its first
// operator opens it, as each morning (without PINs it would open on the first-run screen).
const operatorId = (() => {
  const store = openStore(db);
  try {
    const operators = listOperators(store).filter((operator) => operator.active);
    for (const operator of operators) givePin(store, operator.id);
    const first = operators[0];
    if (!first) throw new Error('the seeded logbook has no active operator');
    return first.id;
  } finally {
    store.close();
  }
})();

/** The operator's PIN opens the console (the lock screen's own request), before anything is timed. */
async function opened(page: Page): Promise<void> {
  const answer = await page.evaluate(
    ([name, id, pin]) =>
      (window as unknown as Record<string, { call: (m: string, a: unknown[]) => Promise<unknown> }>)[
        name as string
      ]?.call('session.unlock', [{ operatorId: id, pin }]),
    [WINDOW_API_NAME, operatorId, TEST_PIN],
  );
  if (!answer || typeof answer !== 'object' || 'error' in answer || (answer as { locked: boolean }).locked)
    throw new Error(`the console did not open: ${JSON.stringify(answer)}`);
}

const browser = await chromium.launch({
  executablePath: process.env.ROOTLOG_CHROMIUM ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
const openDatabase: number[] = [];
const loadToForm: number[] = [];
const listFirstPage: number[] = [];
const listScrolled: number[] = [];
const dashboardOpened: number[] = [];
const dashboardAllYears: number[] = [];
const dashboardFilter: number[] = [];
for (let run = 0; run < runs; run++) {
  // Opening the file includes the start-up quick_check, which reads the whole database.
  const openStarted = performance.now();
  openStore(db).close();
  openDatabase.push(performance.now() - openStarted);

  const { page, close } = await openInChromium(browser, db, join(process.cwd(), 'dist', 'renderer'));
  await opened(page);
  const started = performance.now();
  await page.reload();
  await page
    .getByRole('button', { name: /New procedure/ })
    .first()
    .click();
  await page.getByLabel('Patient ID').waitFor({ state: 'visible' });
  await page.getByLabel('Patient ID').focus();
  loadToForm.push(performance.now() - started);

  await page.getByRole('button', { name: 'Procedures', exact: true }).click();
  const listStarted = performance.now();
  await page.getByRole('button', { name: 'All dates' }).click();
  await page.getByRole('table').locator('tbody tr').nth(5).waitFor();
  listFirstPage.push(performance.now() - listStarted);

  const scrollStarted = performance.now();
  for (let i = 0; i < 20; i++) {
    await page.locator('.table-scroll').evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await page.waitForFunction(
      (shown) =>
        document.querySelectorAll('.procedure-table tbody tr:not(.spacer)').length > 0 &&
        (document.querySelector('.table-scroll')?.scrollHeight ?? 0) > shown,
      i * 100 * 52,
    );
  }
  listScrolled.push(performance.now() - scrollStarted);
  const rowsInPage = await page.locator('.procedure-table tbody tr').count();
  if (run === 0) console.log(`rows in the page after scrolling through 2 100 procedures: ${rowsInPage} (virtualised)`);

  await close();
}
// The dashboard in sessions of its own, so its work does not weigh on the console's figures.
for (let run = 0; run < runs; run++) {
  const { page, close } = await openInChromium(browser, db, join(process.cwd(), 'dist', 'renderer'));
  await opened(page);
  await page.reload();
  // The dashboard: opened (last 12 months), widened to every year, then narrowed to one root.
  // Each time is until the new total is shown, with its charts and tables.
  const total = page.locator('.dashboard-total');
  const shownTotal = async (previous: string | null) => {
    await page.waitForFunction((before) => {
      const text = document.querySelector('.dashboard-total')?.textContent ?? '';
      return /^\d+ signed procedures$/.test(text) && text !== before;
    }, previous);
    await page.locator('canvas[data-chart="pain-root"]').waitFor({ state: 'visible' });
    return total.textContent();
  };
  const dashboardStarted = performance.now();
  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  const lastYear = await shownTotal(null);
  dashboardOpened.push(performance.now() - dashboardStarted);
  const widenStarted = performance.now();
  await page.locator('#dash-from').fill('2000-01-01');
  const everyYear = await shownTotal(lastYear);
  dashboardAllYears.push(performance.now() - widenStarted);
  const filterStarted = performance.now();
  await page.getByRole('combobox', { name: 'Root', exact: true }).selectOption('S1');
  const s1 = await shownTotal(everyYear);
  dashboardFilter.push(performance.now() - filterStarted);
  if (run === 0) console.log(`dashboard totals: last 12 months "${lastYear}", every year "${everyYear}", S1 "${s1}"`);
  await close();
}
await browser.close();

const line = (name: string, values: number[]) =>
  console.log(
    `${name.padEnd(60)} median ${percentile(values, 50).toFixed(0).padStart(5)} ms   worst ${Math.max(...values)
      .toFixed(0)
      .padStart(5)} ms   (n=${values.length})`,
  );
console.log(`Chromium, ${count} procedures`);
line('open the database file (quick_check at start-up)', openDatabase);
line('page load → entry form interactive', loadToForm);
line('list, all dates: first page rendered', listFirstPage);
line('list: scroll through 20 more pages (keyset, virtualised)', listScrolled);
line('dashboard opened: last 12 months shown', dashboardOpened);
line('dashboard: every year (100 000) shown', dashboardAllYears);
line('dashboard: one root (S1) over every year shown', dashboardFilter);
