import { rmSync } from 'node:fs';
import { expect, test } from './fixtures.js';

/*
 * Settings → Backups as IT sets it up, and the top bar when a backup cannot be made: no folder
 * yet, the first backup, then the folder gone (a network share not connected).
 */
test.use({ department: 'signed-case' });

for (const theme of ['dark', 'light'] as const) {
  test(`backups: set up, made, and a folder that disappears, in the ${theme} theme`, async ({
    page,
    expectAccessible,
    saveScreenshot,
  }) => {
    if (theme === 'light') await page.getByRole('button', { name: 'Light theme' }).click();
    const chip = page.getByRole('banner').getByRole('button', { name: 'No automatic backups' });
    await expect(chip).toBeVisible();
    await chip.click();
    const panel = page.getByRole('region', { name: 'Backups' });
    await expect(panel.getByLabel('Folder')).toHaveValue('None: no automatic backups');
    await expect(panel.getByRole('button', { name: 'Back up now' })).toBeDisabled();

    await panel.getByRole('button', { name: 'Choose folder…' }).click();
    const folder = await panel.getByLabel('Folder').inputValue();
    expect(folder).toMatch(/rootlog-e2e-backups-/);
    await panel.getByLabel('Every day at (HH:MM)').fill('25:10');
    await panel.getByRole('button', { name: 'Save backup schedule' }).click();
    await expect(panel.getByRole('alert')).toHaveText(
      'Time of day must be a time of day as HH:MM, from 00:00 to 23:59',
    );
    await panel.getByLabel('Every day at (HH:MM)').fill('12:30');
    await panel.getByLabel('Backups to keep').fill('7');
    await panel.getByRole('button', { name: 'Save backup schedule' }).click();
    await expect(panel.getByRole('status')).toHaveText('Backup schedule saved.');

    await panel.getByRole('button', { name: 'Back up now' }).click();
    await expect(panel.getByRole('status')).toHaveText(/^Backed up to .*rootlog-backup-ct-1-.*Z\.sqlite\.$/);
    await expect(panel).toContainText('1 procedure, ');
    await expect(page.getByRole('banner').locator('.backup-chip')).toHaveCount(0);
    await expectAccessible('Settings → Backups after a backup');
    await panel.scrollIntoViewIfNeeded();
    await saveScreenshot(`backups-made-${theme}`);

    // The network share is gone.
    rmSync(folder, { recursive: true });
    await panel.getByRole('button', { name: 'Back up now' }).click();
    await expect(panel.getByRole('alert')).toHaveText(
      `The backup folder ${folder} cannot be reached: it does not exist, or its network share is not connected. No backup was written.`,
    );
    await expect(page.getByRole('banner').getByRole('button', { name: /^Backup failed/ })).toHaveText(
      'Backup failed: folder not reachable; last backup a moment ago',
    );
    await expectAccessible('Settings → Backups after a failed backup');
    await saveScreenshot(`backups-failed-${theme}`);
    // Close-ups to look at: the top bar and the panel.
    await page.getByRole('banner').screenshot({ path: `e2e/screenshots/backups-failed-top-bar-${theme}.png` });
    await panel.screenshot({ path: `e2e/screenshots/backups-failed-panel-${theme}.png` });
  });
}
