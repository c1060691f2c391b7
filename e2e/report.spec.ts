import { expect, test } from './fixtures.js';

test.use({ department: 'signed-case' });

for (const theme of ['dark', 'light'] as const) {
  test(`a signed record shows its report, copied with one key (${theme} theme)`, async ({
    page,
    expectAccessible,
    saveScreenshot,
  }) => {
    if (theme === 'light') await page.getByRole('button', { name: 'Light theme' }).click();
    await page.getByRole('button', { name: /P1234567/ }).click();
    await expect(page.getByRole('heading', { name: 'Procedure — Signed' })).toBeVisible();
    const report = page.getByTestId('report-text');
    await expect(report).toContainText('CT-guided lumbar nerve root infiltration of L5 left');
    await expect(report).toContainText('Dexamethasone 8 mg and Lidocaine 20 mg at L5 left.');
    await expect(report).toContainText('Operator: Dr. A. Keller.');
    await expect(report).not.toContainText('undefined');
    await page.keyboard.press('Alt+C');
    await expect(page.getByRole('status').filter({ hasText: 'Report copied' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await report.textContent());
    await expectAccessible(`the record with its report (${theme})`);
    await saveScreenshot(`record-report-${theme}`);
  });
}

test('the department writes the report in its own words; an unknown placeholder is refused at the field', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Settings' }).click();
  const template = page.getByLabel('Report template');
  await template.fill('## Befund\n{procedure}\n{drug}');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('alert')).toContainText('names {drug}, which the report does not know');
  await template.fill('## Befund\n{procedure}\n\n## Medikation\n{drugs}');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await page.getByRole('button', { name: 'Procedures', exact: true }).click();
  await page.getByRole('button', { name: /P1234567/ }).click();
  await expect(page.getByTestId('report-text')).toHaveText(
    'BEFUND\nCT-guided lumbar nerve root infiltration of L5 left\n\nMEDIKATION\nDexamethasone 8 mg and Lidocaine 20 mg at L5 left.',
  );
});
