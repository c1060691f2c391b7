import { expect, test } from './fixtures.js';
import { choices } from './helpers.js';

/*
 * Every screen in both themes: axe-core finds no serious or critical violation, and a
 * screenshot of each is written to e2e/screenshots/ for people to look at.
 */
test.use({ department: 'busy' });

for (const theme of ['dark', 'light'] as const) {
  test(`every screen is accessible in the ${theme} theme`, async ({ page, expectAccessible, saveScreenshot }) => {
    // A long walk (every screen, axe-core on each, a busy logbook): more time than one case.
    test.slow();
    if (theme === 'light') await page.getByRole('button', { name: 'Light theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

    await expect(page.getByRole('heading', { name: "Today's procedures" })).toBeVisible();
    await expect(page.getByRole('table').getByRole('row').nth(3)).toBeVisible();
    await expectAccessible('the list');
    await saveScreenshot(`list-${theme}`);

    await page
      .getByRole('button', { name: /New procedure/ })
      .first()
      .click();
    await page.getByLabel('Patient ID').fill('A11Y-1');
    // A date typed in the department's order, said back in words.
    await page.getByLabel('Birth date').fill('12031958');
    await choices(page, 'Root').getByRole('radio', { name: /S1/ }).click();
    await choices(page, 'Side').getByRole('radio', { name: /Left/ }).click();
    await choices(page, 'Contrast spread, target 1').getByRole('button', { name: 'Intravascular (arterial)' }).click();
    await page.getByRole('button', { name: '+ Betamethasone phosphate + acetate (suspension)' }).click();
    await page.getByLabel('DLP').fill('260');
    await page.getByRole('button', { name: /Sign procedure/ }).isDisabled();
    await expect(page.locator('.warning-safety').first()).toBeVisible();
    await expectAccessible('the entry form with warnings');
    await saveScreenshot(`form-${theme}`);
    await page.getByRole('button', { name: 'Delete draft…' }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await expectAccessible('the question before a draft is deleted');
    await saveScreenshot(`form-delete-${theme}`);
    await page.keyboard.press('Enter');

    await page.getByRole('button', { name: 'Procedures', exact: true }).click();
    await page.getByRole('button', { name: 'All dates' }).click();
    await page.getByLabel('Status').selectOption('signed');
    await page.getByRole('table').getByRole('button').first().click();
    await expect(page.getByRole('heading', { name: /Procedure — Signed/ })).toBeVisible();
    await expectAccessible('a signed record');
    await saveScreenshot(`signed-${theme}`);
    await page.getByRole('button', { name: 'Amend' }).click();
    await expect(page.getByRole('heading', { name: /being amended/ })).toBeVisible();
    await expectAccessible('a signed record being amended');
    await saveScreenshot(`amend-${theme}`);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await expectAccessible('settings');
    await saveScreenshot(`settings-${theme}`);
  });
}
