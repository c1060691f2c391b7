import { expect, test } from './fixtures.js';

test.use({ department: 'busy' });

for (const theme of ['dark', 'light'] as const) {
  test(`the dashboard answers a filter change, accessibly, in the ${theme} theme`, async ({
    page,
    expectAccessible,
    saveScreenshot,
  }) => {
    if (theme === 'light') await page.getByRole('button', { name: 'Light theme' }).click();
    await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
    const total = page.locator('.dashboard-total');
    await expect(total).toHaveText(/^\d+ signed procedures$/);
    const all = Number((await total.textContent())?.split(' ')[0]);
    expect(all).toBe(300);
    await expect(page.locator('canvas[data-chart="pain-root"]')).toBeVisible();
    const painTable = page.getByRole('region', { name: /Immediate pain response/ }).getByRole('table');
    await expect(painTable.getByRole('row', { name: /All procedures/ })).toBeVisible();
    await expectAccessible(`the dashboard (${theme})`);
    await saveScreenshot(`dashboard-${theme}`);

    await page.getByRole('combobox', { name: 'Root', exact: true }).selectOption('S1');
    await expect(total).not.toHaveText(`${all} signed procedures`);
    const s1 = Number((await total.textContent())?.split(' ')[0]);
    expect(s1).toBeGreaterThan(0);
    expect(s1).toBeLessThan(all);
    // Every procedure left has an S1 target (some also another level).
    const spreadTable = page.getByRole('region', { name: /Contrast spread/ }).getByRole('table');
    await expect(spreadTable.getByRole('row', { name: /^S1/ })).toBeVisible();
    await expect(spreadTable.getByRole('row', { name: /^L3/ })).toHaveCount(0);

    // The view opens on the last twelve months; move the whole range into the future.
    await expect(page.locator('#dash-from')).not.toHaveValue('');
    await page.locator('#dash-to').fill('2030-12-31');
    await page.locator('#dash-from').fill('2030-01-01');
    await expect(total).toHaveText('0 signed procedures');
    await expect(page.getByText('No signed procedures match these filters.')).toBeVisible();
  });
}

test('the dashboard draws pain on its whole scale, marks a part month and folds small dose groups', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  await expect(page.locator('.dashboard-total')).toHaveText('300 signed procedures');

  // The pain scale is drawn whole, 0 to 10, however mild the worst pain recorded.
  await expect(page.locator('canvas[data-chart="pain-root"]')).toHaveAttribute('data-y-range', '0–10');

  // The view ends today: this month is covered from its first day to today only (unless today is its last).
  const today = new Date();
  const lastDay = new Date(today.getFullYear(), today.getMonth() + 1, 0).getDate();
  const name = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric' }).format(today);
  const thisMonth = page.locator('table.months-table tbody tr').last();
  if (today.getDate() < lastDay) {
    await expect(thisMonth).toHaveClass(/partial-month/);
    await expect(thisMonth.getByRole('rowheader')).toHaveText(
      today.getDate() === 1 ? `1 ${name}` : `1–${today.getDate()} ${name}`,
    );
    await expect(thisMonth).toContainText(`${today.getDate()} of ${lastDay} days`);
  } else {
    await expect(thisMonth.getByRole('rowheader')).toHaveText(name);
  }

  // No median of fewer than 20 cases: small groups are counted on an "other" line per modality.
  const reference = page.getByRole('region', { name: 'Doses against the reference levels' });
  const rows = reference.locator('tbody tr:not(.who)');
  const lines = await rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
  );
  expect(lines.length).toBeGreaterThan(5);
  expect(lines.length).toBeLessThan(60);
  for (const [, protocol, , cases, median] of lines) {
    if (protocol?.startsWith('Other, fewer than 20 cases each')) expect(median).toBe('— (too few cases)');
    else expect(Number(cases)).toBeGreaterThanOrEqual(20);
  }
  expect(lines.some(([, protocol]) => protocol?.startsWith('Other, fewer than 20 cases each'))).toBe(true);
  await expect(reference.getByRole('rowheader', { name: 'Department' })).toHaveCount(1);
});

test('the numbers of the view download as CSV', async ({ page }) => {
  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  await expect(page.locator('.dashboard-total')).toHaveText('300 signed procedures');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export numbers as CSV' }).click(),
  ]);
  const text = await (await download.createReadStream())
    .toArray()
    .then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(text.split('\n')[0]).toBe('section,group,measure,value');
  expect(text).toContain('volume,all,procedures,300');
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export view as PNG' }).click(),
  ]);
  expect(png.suggestedFilename()).toMatch(/^rootlog-dashboard-\d{4}-\d\d-\d\d\.png$/);
  const bytes = await (await png.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks));
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
});

test.describe('a year of work', () => {
  test.use({ department: 'year' });

  for (const theme of ['dark', 'light'] as const) {
    test(`the twelve months open with part months at both ends, drawn apart, in the ${theme} theme`, async ({
      page,
      saveScreenshot,
    }) => {
      if (theme === 'light') await page.getByRole('button', { name: 'Light theme' }).click();
      await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
      await expect(page.locator('.dashboard-total')).toHaveText(/^\d+ signed procedures$/);
      const months = page.locator('table.months-table tbody tr');
      // Twelve months back from today start the day after today's date: inside a month, unless that is a 1st.
      const today = new Date();
      const from = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate() + 1);
      const lastDay = new Date(today.getFullYear(), today.getMonth() + 1, 0).getDate();
      if (from.getDate() > 1) await expect(months.first()).toHaveClass(/partial-month/);
      if (today.getDate() < lastDay) await expect(months.last()).toHaveClass(/partial-month/);
      // Whole months between them are whole.
      expect(await months.count()).toBeGreaterThanOrEqual(12);
      await expect(months.nth(5)).not.toHaveClass(/partial-month/);
      await expect(months.nth(5)).toContainText(/all \d+ days/);
      await saveScreenshot(`dashboard-year-${theme}`);
    });
  }
});
