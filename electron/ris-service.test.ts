import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditHistory } from '../db/audit.js';
import { deliveryWords } from '../db/model/index.js';
import { saveDraft } from '../db/procedures.js';
import { controlIdOf } from '../db/ris/outbox.js';
import { updateConnectionSettings } from '../db/settings.js';
import type { Store } from '../db/store.js';
import { completeDraft, context, tempStore } from '../db/testing/fixtures.js';
import { type MllpPeer, risSettingsFor, setUpRisPeer, startMllpPeer } from '../db/testing/mllp-peer.js';
import { TEST_PIN } from '../db/testing/signer.js';
import { createApi } from './api.js';
import { RisService } from './ris-service.js';

/*
 * The RIS outbox in the main process, against a real MLLP listener: a report signed through
 * the API goes out at once, its state read back through the API (sent, refused with the RIS's
 * words); with the RIS down it waits, and Send now sends it when the RIS is back. Without a
 * RIS the record says none is set up.
 */

let peer: MllpPeer;
let store: Store;
let operatorId: string;

beforeEach(async () => {
  peer = await startMllpPeer({ encoding: 'latin1' });
  ({ store, operatorId } = tempStore());
});
afterEach(async () => {
  store.close();
  await peer.stop();
});

const setUpRis = () => setUpRisPeer(store, peer, context);

async function openApi() {
  const ris = new RisService(store, { timeoutMs: 2_000 });
  const api = createApi(store, { actor: () => 'ris-test', ris });
  await api.session.unlock({ operatorId, pin: TEST_PIN });
  const sign = async (patientId: string, patientName?: string) => {
    const { record } = saveDraft(
      store,
      completeDraft(operatorId, { patientId, ...(patientName ? { patientName } : {}) }),
      context,
    );
    const signed = await api.procedures.sign(record.id, { confirmedWarnings: [] }, { operatorId, pin: TEST_PIN });
    if ('error' in signed) throw new Error(signed.error.message);
    return record.id;
  };
  return { api, ris, sign };
}

describe('the RIS outbox in the main process', () => {
  it('sends a report at signing; the record reads it as sent, with the time of the acknowledgement', async () => {
    setUpRis();
    const { api, ris, sign } = await openApi();
    const id = await sign('RIS-1');
    await ris.stop();
    expect(peer.received).toHaveLength(1);
    const answer = await api.ris.deliveries(id);
    expect(answer).toMatchObject({ configured: true, deliveries: [{ state: 'sent', version: 1 }] });
    if ('error' in answer) throw new Error('unexpected');
    expect(deliveryWords(answer.deliveries[0] as never, new Date())).toMatch(/^Report sent to the RIS at \d\d:\d\d$/);
  });

  it('a refusal is read with the RIS’s own words', async () => {
    setUpRis();
    peer.answer(() => ({ code: 'AE', text: 'Unknown accession number A-9' }));
    const { api, ris, sign } = await openApi();
    const id = await sign('RIS-2');
    await ris.stop();
    expect(await api.ris.deliveries(id)).toMatchObject({
      deliveries: [{ state: 'refused', code: 'AE', text: expect.stringContaining('Unknown accession number A-9') }],
    });
  });

  it('Send again puts a refused report back in the outbox, audited; the RIS accepts it this time', async () => {
    setUpRis();
    peer.answer(() => ({ code: 'AE', text: 'Unknown accession number A-9' }));
    const { api, ris, sign } = await openApi();
    const id = await sign('RIS-5');
    await ris.stop();
    expect(await api.ris.deliveries(id)).toMatchObject({ deliveries: [{ state: 'refused', code: 'AE' }] });
    // Send now leaves a refused report alone: the same message would be refused again.
    await api.ris.sendNow(id);
    expect(peer.received).toHaveLength(1);

    // IT registers the accession at the RIS, whose engine refuses a control ID it has seen; a person sends it again.
    const idOf = (message: { getSegment(name: string): { getField(n: number): unknown } | undefined }) =>
      String(message.getSegment('MSH')?.getField(10) ?? '');
    peer.answer((message) =>
      peer.received.slice(0, -1).some((earlier) => idOf(earlier.message) === idOf(message))
        ? { code: 'AR', text: 'Duplicate message control ID' }
        : { code: 'AA' },
    );
    const again = await api.ris.sendAgain(id, 1);
    if ('error' in again) throw new Error(again.error.message);
    expect(again.deliveries[0]).toMatchObject({ state: 'waiting', refusedBefore: { code: 'AE' } });
    expect(deliveryWords(again.deliveries[0] as never, new Date())).toBe(
      "Report sent again after the RIS refused it (AE): waiting for the RIS's answer",
    );
    await ris.stop();
    expect(peer.received).toHaveLength(2);
    // A new control ID, the original with the attempt number: a RIS that refuses repeats takes it.
    const controlIds = peer.received.map((one) => one.message.getSegment('MSH')?.getField(10)?.toString());
    expect(controlIds).toEqual([
      controlIdOf({ procedureId: id, version: 1 }),
      `${controlIdOf({ procedureId: id, version: 1 }).slice(0, 18)}-2`,
    ]);
    expect(controlIds[1]).toHaveLength(20);
    expect(await api.ris.deliveries(id)).toMatchObject({ deliveries: [{ state: 'sent', version: 1 }] });
    expect(auditHistory(store, 'settings', 'ris-outbox')).toEqual([
      expect.objectContaining({
        actor: 'ris-test',
        changes: {
          [`${id} version 1`]: {
            before: expect.stringMatching(/^refused by the RIS \(AE\): .*Unknown accession number A-9/),
            after: 'sent again',
          },
        },
      }),
    ]);
    // Only a refused report is sent again.
    expect(await api.ris.sendAgain(id, 1)).toMatchObject({
      error: {
        message:
          'Only a report the RIS refused, or one its character set could not carry, is sent again: version 1 of this record is sent.',
      },
    });
  });

  it('Send again is offered for a report its character set could not carry once the RIS connection is UTF-8', async () => {
    setUpRis();
    const { api, ris, sign } = await openApi();
    const id = await sign('RIS-6', 'Łukasiewicz, Jan');
    await ris.stop();
    expect(peer.received).toHaveLength(0);
    expect(await api.ris.deliveries(id)).toMatchObject({
      deliveries: [
        {
          state: 'unsendable',
          sendableNow: false,
          // Words, said in the reader's language; the characters a value as they are.
          reason: { message: { id: 'ris.delivery.outsideCharset' }, values: { characters: '"Ł"' } },
        },
      ],
    });
    // Still ISO-8859-1: not offered, and refused in words if asked.
    expect(await api.ris.sendAgain(id, 1)).toMatchObject({
      error: {
        message: expect.stringMatching(
          /^Version 1 of this record still cannot be sent to the RIS as its connection is set: it contains "Ł", which the RIS's character set ISO-8859-1 cannot carry/,
        ),
      },
    });

    // The department's RIS reads UTF-8: IT switches the connection.
    const utf8 = await startMllpPeer({ encoding: 'utf-8' });
    try {
      updateConnectionSettings(store, { risServer: risSettingsFor(utf8, 'UTF-8') }, context);
      expect(await api.ris.deliveries(id)).toMatchObject({
        deliveries: [{ state: 'unsendable', sendableNow: true }],
      });
      const again = await api.ris.sendAgain(id, 1);
      if ('error' in again) throw new Error(again.error.message);
      expect(again.deliveries[0]).toMatchObject({ state: 'waiting', refusedBefore: null });
      await ris.stop();
      expect(utf8.received).toHaveLength(1);
      expect(utf8.received[0]?.message.getSegment('PID')?.getField(5)?.toString()).toBe('Łukasiewicz^Jan');
      expect(await api.ris.deliveries(id)).toMatchObject({ deliveries: [{ state: 'sent', version: 1 }] });
      expect(auditHistory(store, 'settings', 'ris-outbox')).toEqual([
        expect.objectContaining({
          changes: {
            [`${id} version 1`]: {
              before: expect.stringMatching(/^not sent to the RIS: it contains "Ł"/),
              after: 'sent again',
            },
          },
        }),
      ]);
    } finally {
      await utf8.stop();
    }
  });

  it('waits while the RIS is down; Send now sends it once the RIS is back', async () => {
    setUpRis();
    await peer.stop();
    const { api, ris, sign } = await openApi();
    const id = await sign('RIS-3');
    await ris.stop();
    expect(await api.ris.deliveries(id)).toMatchObject({
      deliveries: [{ state: 'waiting', attempts: 1, failingSince: expect.any(String) }],
    });
    await peer.start();
    // Its next try is not due yet (30 s): only a person's Send now sends it at once.
    await ris.send();
    expect(peer.received).toHaveLength(0);
    expect(await api.ris.sendNow(id)).toMatchObject({ deliveries: [{ state: 'sent' }] });
    expect(peer.received).toHaveLength(1);
  });

  it('without a RIS the record says none is set up, and nothing is queued', async () => {
    const { api, ris, sign } = await openApi();
    const id = await sign('RIS-4');
    await ris.stop();
    expect(await api.ris.deliveries(id)).toEqual({ configured: false, deliveries: [] });
  });
});
