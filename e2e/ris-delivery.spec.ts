import { openStore } from '../db/store.js';
import { setUpRisPeer, startMllpPeer } from '../db/testing/mllp-peer.js';
import { expect, test } from './fixtures.js';
import { choices, signWithPin } from './helpers.js';

/*
 * Whether the signed record's report reached the RIS, in the record: no RIS set up; a RIS set
 * up after signing (nothing was queued); an amendment waiting while the RIS is down, sent by
 * Send now once it is back (with the time of its acknowledgement); an amendment refused, with
 * the RIS's own words, then sent again by a person once the RIS accepts it. The RIS is a real MLLP listener on 127.0.0.1.
 */

test.use({ department: 'signed-case' });

test('the signed record shows whether its report reached the RIS: not set up, waiting, sent, refused', async ({
  page,
  dbPath,
  saveScreenshot,
}) => {
  const peer = await startMllpPeer({ encoding: 'latin1' });
  try {
    await page.getByRole('button', { name: /P1234567/ }).click();
    const ris = page.getByRole('region', { name: 'Report to the RIS' });
    await expect(ris).toContainText('No RIS is set up (Settings → RIS)');

    // IT sets the RIS up; the RIS is down for now.
    const store = openStore(dbPath);
    try {
      setUpRisPeer(store, peer, { actor: 'e2e-setup' });
    } finally {
      store.close();
    }
    await peer.stop();
    await page.reload();
    await page.getByRole('button', { name: /P1234567/ }).click();
    await expect(ris).toContainText('signed before the RIS was set up');

    // An amendment is queued as a correction; the RIS does not answer: it waits, since when, and a Send now.
    const amend = async (painAfter: string, reason: string) => {
      await page.getByRole('button', { name: 'Amend' }).click();
      await choices(page, 'Pain after (NRS 0–10)')
        .getByRole('radio', { name: new RegExp(`^${painAfter}`) })
        .click();
      await page.getByLabel('Reason for the amendment').fill(reason);
      await signWithPin(page);
    };
    await amend('3', 'NRS after was 3, misheard');
    await expect(page.getByRole('heading', { name: 'Procedure — Amended, version 2' })).toBeVisible();
    await expect(ris).toContainText(/Correction \(version 2\) waiting: .* since \d\d:\d\d; next try at \d\d:\d\d/);
    await saveScreenshot('ris-waiting');

    await peer.start();
    await ris.getByRole('button', { name: 'Send now' }).click();
    await expect(ris).toContainText(/Correction \(version 2\) sent to the RIS at \d\d:\d\d/);
    await expect(ris.getByRole('button', { name: 'Send now' })).toHaveCount(0);
    expect(peer.received).toHaveLength(1);
    expect(peer.received[0]?.message.getSegment('OBR')?.getField(25)?.toString()).toBe('C');
    // The list says it too, in a few words.
    await page.getByRole('button', { name: 'Procedures', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'P1234567' });
    await expect(row).toContainText('RIS: sent');
    await row.getByRole('button', { name: /P1234567/ }).click();

    // The RIS refuses the next correction: said with the RIS's own words.
    peer.answer(() => ({ code: 'AE', text: 'Accession number unknown in the RIS' }));
    await amend('4', 'NRS after was 4 on the second ask');
    await expect(page.getByRole('heading', { name: 'Procedure — Amended, version 3' })).toBeVisible();
    await expect(ris).toContainText(
      /Correction \(version 3\) refused by the RIS at \d\d:\d\d \(AE\): .*Accession number unknown in the RIS/,
    );
    await expect(ris.locator('[data-state="refused"]')).toHaveCount(1);
    await saveScreenshot('ris-refused');
    await page.getByRole('button', { name: 'Procedures', exact: true }).click();
    const refusedRow = page.getByRole('row').filter({ hasText: 'P1234567' });
    await expect(refusedRow).toContainText('RIS: refused');

    // IT registers the accession at the RIS; Send again puts the refused correction back in the outbox.
    peer.answer(() => ({ code: 'AA' }));
    await refusedRow.getByRole('button', { name: /P1234567/ }).click();
    await page.getByRole('button', { name: 'Light theme' }).click();
    await ris.screenshot({ path: 'e2e/screenshots/ris-send-again-light.png' });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await ris.screenshot({ path: 'e2e/screenshots/ris-send-again-dark.png' });
    await ris.getByRole('button', { name: 'Send again' }).click();
    await expect(ris).toContainText(/Correction \(version 3\) sent to the RIS at \d\d:\d\d/);
    await expect(ris.getByRole('button', { name: 'Send again' })).toHaveCount(0);
    expect(peer.received).toHaveLength(3);
    await saveScreenshot('ris-sent-again');
  } finally {
    await peer.stop();
  }
});
