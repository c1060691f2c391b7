import { describe, expect, it } from 'vitest';
import { inEnglish, type RisDeliveries, risProblemOf } from '../../../db/model/index.js';
import { fakeWindow } from '../../testing/fake-window.js';
import { risLines, useRisDelivery } from './ris-store.js';

/*
 * The signed record's way to the RIS against a fake main process: each version's state in
 * words (sent with the time, refused with the RIS's reason, waiting since when), no RIS set
 * up said as such, and Send now asking the outbox and showing what came of it.
 */

const local = (h: number, m: number) => {
  const at = new Date();
  at.setHours(h, m, 0, 0);
  return at.toISOString();
};

describe('the RIS delivery store', () => {
  it('words each version: sent at the acknowledgement, refused with the RIS’s reason', () => {
    const deliveries: RisDeliveries = {
      configured: true,
      deliveries: [
        { state: 'sent', version: 1, sentAt: local(10, 42), answer: '' },
        { state: 'refused', version: 2, at: local(10, 50), code: 'AE', text: 'Accession number unknown' },
      ],
    };
    expect(risLines(deliveries, new Date()).map(({ state, words }) => [state, inEnglish(words)])).toEqual([
      ['sent', 'Report sent to the RIS at 10:42'],
      ['refused', 'Correction (version 2) refused by the RIS at 10:50 (AE): Accession number unknown'],
    ]);
  });

  it('offers Send again for a refused report, and for one not sent only once the connection carries it', () => {
    const unsendable = (version: number, sendableNow: boolean) =>
      ({
        state: 'unsendable',
        version,
        at: local(10, 42),
        reason: risProblemOf('it contains "Ł"'),
        sendableNow,
      }) as const;
    const deliveries: RisDeliveries = {
      configured: true,
      deliveries: [
        { state: 'refused', version: 1, at: local(10, 50), code: 'AE', text: 'Accession number unknown' },
        unsendable(2, false),
        unsendable(3, true),
      ],
    };
    expect(risLines(deliveries, new Date()).map(({ again }) => again)).toEqual([true, false, true]);
    expect(risLines({ ...deliveries, configured: false }, new Date()).some(({ again }) => again)).toBe(false);
  });

  it('says when no RIS is set up, and when the record was signed before one was', () => {
    const said = (configured: boolean) =>
      risLines({ configured, deliveries: [] }, new Date()).map(({ state, words }) => [state, inEnglish(words)]);
    expect(said(false)).toEqual([['none', expect.stringMatching(/^No RIS is set up \(Settings → RIS\)/)]]);
    expect(said(true)).toEqual([['none', expect.stringMatching(/signed before the RIS was set up/)]]);
  });

  it('Send now asks the outbox at once and shows the record’s state after it', async () => {
    const waiting: RisDeliveries = {
      configured: true,
      deliveries: [
        {
          state: 'waiting',
          version: 1,
          queuedAt: local(10, 40),
          attempts: 2,
          failingSince: local(10, 40),
          // As an earlier RootLog kept it: its English, shown as it was written.
          lastError: risProblemOf('The RIS at 127.0.0.1:2575 is not reachable'),
          nextAttemptAt: local(10, 45),
          refusedBefore: null,
        },
      ],
    };
    const sent: RisDeliveries = {
      configured: true,
      deliveries: [{ state: 'sent', version: 1, sentAt: local(10, 44), answer: '' }],
    };
    const { calls } = fakeWindow({ 'ris.deliveries': () => waiting, 'ris.sendNow': () => sent });
    await useRisDelivery.getState().load('p-1');
    expect(risLines(useRisDelivery.getState().deliveries, new Date()).map(({ words }) => inEnglish(words))).toEqual([
      'Report waiting: The RIS at 127.0.0.1:2575 is not reachable since 10:40; next try at 10:45',
    ]);
    await useRisDelivery.getState().sendNow();
    expect(calls.map(([method, args]) => [method, args])).toEqual([
      ['ris.deliveries', ['p-1']],
      ['ris.sendNow', ['p-1']],
    ]);
    expect(useRisDelivery.getState()).toMatchObject({ sending: false, deliveries: sent, problem: null });
  });
});
