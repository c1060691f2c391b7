import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureFile } from '../db/dose-report/fixtures/fixture-files.js';
import { saveDraft } from '../db/procedures.js';
import { updateConnectionSettings } from '../db/settings.js';
import type { Store } from '../db/store.js';
import { echoscu, storescu } from '../db/testing/dose-peers.js';
import { completeDraft, context, tempStore } from '../db/testing/fixtures.js';
import { freePort } from '../db/testing/ports.js';
import { DoseReceiverService } from './dose-receiver-service.js';

/*
 * The dose report receiver in the main process, against dcmtk's echoscu and storescu: started
 * from the stored settings, moved when they change, stopped when they are removed; a taken port
 * said in words; a report that matches no procedure waits in the inbox until a person attaches it.
 */

let store: Store;
let operatorId: string;
let service: DoseReceiverService;

beforeEach(() => {
  ({ store, operatorId } = tempStore());
  service = new DoseReceiverService(store, { host: '127.0.0.1' });
});
afterEach(async () => {
  await service.stop();
  store.close();
});

const turnOn = (port: number, senders = ['CT_SUED1']) =>
  updateConnectionSettings(store, { doseReceiver: { port, acceptedCallingAeTitles: senders } }, context);

describe('the dose report receiver in the main process', () => {
  it('is off until Settings names who may send; then answers C-ECHO on its port; moves and stops with the settings', async () => {
    expect(await service.apply()).toMatchObject({ state: 'off' });
    const first = await freePort();
    turnOn(first);
    expect(await service.apply()).toEqual({
      state: 'listening',
      message: `Receiving dose reports on port ${first} as ROOTLOG, from CT_SUED1.`,
    });
    expect((await echoscu({ port: first, calledAeTitle: 'ROOTLOG', callingAeTitle: 'CT_SUED1' })).code).toBe(0);
    // An AE title not named is refused.
    expect((await echoscu({ port: first, calledAeTitle: 'ROOTLOG', callingAeTitle: 'STRANGER' })).code).not.toBe(0);

    const second = await freePort();
    turnOn(second);
    expect(await service.apply()).toMatchObject({ state: 'listening' });
    expect((await echoscu({ port: first, calledAeTitle: 'ROOTLOG', callingAeTitle: 'CT_SUED1' })).code).not.toBe(0);
    expect((await echoscu({ port: second, calledAeTitle: 'ROOTLOG', callingAeTitle: 'CT_SUED1' })).code).toBe(0);

    updateConnectionSettings(store, { doseReceiver: null }, context);
    expect(await service.apply()).toMatchObject({ state: 'off' });
    expect((await echoscu({ port: second, calledAeTitle: 'ROOTLOG', callingAeTitle: 'CT_SUED1' })).code).not.toBe(0);
  });

  it('says so in words when the port is taken, and listens once it is saved again with a free one', async () => {
    const taken = await freePort();
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(taken, '127.0.0.1', resolve));
    try {
      turnOn(taken);
      expect(await service.apply()).toEqual({
        state: 'port-taken',
        message: expect.stringContaining(`Port ${taken} is already in use by another program`),
      });
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
    turnOn(await freePort());
    expect(await service.apply()).toMatchObject({ state: 'listening' });
  });

  it('keeps a report that matches no procedure in the inbox; attached by hand, it leaves the inbox', async () => {
    const port = await freePort();
    turnOn(port);
    await service.apply();
    const sent = await storescu(
      { port, calledAeTitle: 'ROOTLOG', callingAeTitle: 'CT_SUED1' },
      fixtureFile('ct-standard'),
    );
    expect(sent.code, sent.stderr).toBe(0);
    const inbox = service.inbox();
    expect(inbox).toMatchObject({ count: 1, words: '1 dose report without a procedure' });
    expect(inbox.reports[0]).toMatchObject({ patientId: 'K-100301', device: 'SIEMENS SOMATOM go.Up (CTSUED1)' });

    const { record } = saveDraft(store, completeDraft(operatorId, { patientId: 'K-100301' }), context);
    const after = service.attach(inbox.reports[0]?.id ?? '', record.id, context);
    expect(after).toMatchObject({ count: 0, words: 'No dose reports without a procedure' });
  });
});
