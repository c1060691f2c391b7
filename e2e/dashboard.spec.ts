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
