import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Hl7Message } from '@medplum/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runExport } from '../exports/run.js';
import { translator } from '../i18n/translator.js';
import { importFile } from '../imports/merge.js';
import type { RisServer } from '../model/connection-settings.js';
import { deliveryLine } from '../model/ris-delivery.js';
import { say } from '../model/words.js';
import { amendProcedure, clinicalContent, getProcedure, saveDraft, signProcedure } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import { connectionSettings, updateConnectionSettings, updateSettings } from '../settings.js';
import { deliveriesOf } from '../sqlite/ris-outbox.js';
import type { Store } from '../store.js';
import { completeDraft, context, EVERY_CONFIRMABLE_WARNING, tempPath, tempStore } from '../testing/fixtures.js';
import { type MllpPeer, risSettingsFor, startMllpPeer } from '../testing/mllp-peer.js';
import { recordSigner, someSigner } from '../testing/signer.js';
import { deliveryWords } from './delivery.js';
import { unescapeHl7 } from './hl7-text.js';
import { controlIdOf, risDeliveries, sendWaitingReports, sentAgainControlId } from './outbox.js';

/*
 * The report's way to the RIS, end to end: queued by trigger in the transaction that signs or
 * amends, sent as an ORU^R01 over MLLP to a real listener, acknowledged, retried, refused.
 */

const TEMPLATE = `## Procedure
{date}: {procedure}.
Operator: {operator}.
Findings | spread ^ perineural & epidural ~ as planned \\ no leak`;

function signed(store: Store, operatorId: string, overrides: Record<string, unknown> = {}): string {
  const { record } = saveDraft(
    store,
    completeDraft(operatorId, { patientName: 'Müller, Jürg', ...overrides }),
    context,
  );
  signProcedure(store, record.id, {}, recordSigner(store, record.id), context);
  return record.id;
}

const field = (message: Hl7Message, segment: string, index: number) =>
  message.getSegment(segment)?.getField(index)?.toString() ?? '';

let peer: MllpPeer;
let store: Store;
let operatorId: string;
let ris: RisServer;

beforeEach(async () => {
  peer = await startMllpPeer({ encoding: 'latin1' });
  ({ store, operatorId } = tempStore());
  ris = risSettingsFor(peer);
  updateSettings(store, { reportTemplate: TEMPLATE }, context);
  updateConnectionSettings(store, { risServer: ris }, context);
});
afterEach(async () => {
  store.close();
  await peer.stop();
});

describe('queueing', () => {
  it('queues the report in the transaction that signs, and nothing for a draft or a refused signature', () => {
    const { record: draft } = saveDraft(store, completeDraft(operatorId, { consent: undefined }), context);
    expect(deliveriesOf(store.reader, draft.id)).toEqual([]);
    expect(() => signProcedure(store, draft.id, {}, recordSigner(store, draft.id), context)).toThrow();
    expect(deliveriesOf(store.reader, draft.id)).toEqual([]);

    // Another patient than the refused draft's (the same root twice on one day would be asked).
    const id = signed(store, operatorId, { patientId: 'P-SIGNED' });
    expect(deliveriesOf(store.reader, id)).toMatchObject([{ version: 1, state: 'waiting', attempts: 0 }]);
    const [waiting] = risDeliveries(store, id);
    if (!waiting) throw new Error('not queued');
    expect(deliveryWords(waiting, new Date())).toMatch(
      /^Report waiting to be sent to the RIS \(queued at \d\d:\d\d\)$/,
    );
  });

  it('queues nothing while no RIS is set up, and nothing that came from another console or the demo seed', async () => {
    updateConnectionSettings(store, { risServer: null }, context);
    expect(connectionSettings(store).risServer).toBeNull();
    expect(deliveriesOf(store.reader, signed(store, operatorId, { patientId: 'NORIS' }))).toEqual([]);

    updateConnectionSettings(store, { risServer: ris }, context);
    seedDatabase(store, { count: 5, seed: 3 }, context);
    const other = tempStore();
    updateConnectionSettings(other.store, { risServer: ris }, context);
    const elsewhere = signed(other.store, other.operatorId, { patientId: 'ELSEWHERE' });
    const { record } = getProcedure(other.store, elsewhere);
    amendProcedure(
      other.store,
      { ...clinicalContent(record), painPost: 3 },
      { reason: 'pain re-scored', confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
      someSigner(other.store),
      context,
    );
    const file = tempPath('other.json');
    await runExport(other.store, { format: 'json', out: file, includeDrafts: true });
    other.store.close();
    expect(await importFile(store, file, context)).toMatchObject({ added: 1, rejected: [] });
    expect(store.reader.prepare('SELECT count(*) FROM ris_outbox').pluck().get()).toBe(0);
  });
});

describe('the RIS connection setting', () => {
  it('is audited, and a wrong value is refused by its label while the saved one stays', () => {
    const audit = () =>
      store.reader
        .prepare("SELECT changes FROM audit_log WHERE entity = 'settings' AND entity_id = 'connections' ORDER BY seq")
        .pluck()
        .all() as string[];
    expect(audit()).toHaveLength(1);
    expect(JSON.parse(audit()[0] as string)).toMatchObject({ 'risServer.port': { before: null, after: peer.port } });
    expect(() =>
      updateConnectionSettings(store, { risServer: { ...ris, port: 0, charset: 'latin9' } }, context),
    ).toThrow('RIS port must be a port number from 1 to 65535; Character set must be ISO-8859-1 or UTF-8');
    expect(connectionSettings(store).risServer).toEqual(ris);
    expect(audit()).toHaveLength(1);
  });
});

describe('sending', () => {
  it('names the patient ID with its issuer and the procedure the RIS ordered, for a case from the worklist', async () => {
    signed(store, operatorId, {
      issuerOfPatientId: 'KSB',
      requestedProcedureCode: 'CTPRT',
      requestedProcedureScheme: '99KSB',
      requestedProcedureText: 'CT-gesteuerte PRT lumbal',
      identitySource: 'worklist',
    });
    await sendWaitingReports(store, ris);
    const [{ message }] = peer.received as [(typeof peer.received)[0]];
    expect(field(message, 'PID', 3)).toBe('P1234567^^^KSB');
    expect(field(message, 'OBR', 4)).toBe('CTPRT^CT-gesteuerte PRT lumbal^99KSB');
  });

  it('sends the signed report as an ORU^R01 the RIS acknowledges, with PID, OBR, OBX escaped and MSH-18', async () => {
    const id = signed(store, operatorId);
    const sentAt = new Date();
    const report = await sendWaitingReports(store, ris, { now: () => sentAt });
    expect(report).toMatchObject({
      sent: [{ procedureId: id, version: 1 }],
      refused: [],
      notReached: null,
      waiting: 0,
    });

    expect(peer.received).toHaveLength(1);
    const [{ message, bytes }] = peer.received as [(typeof peer.received)[0]];
    expect(field(message, 'MSH', 9)).toBe('ORU^R01^ORU_R01');
    expect(field(message, 'MSH', 10)).toBe(controlIdOf({ procedureId: id, version: 1 }));
    expect(field(message, 'MSH', 18)).toBe('8859/1');
    expect(field(message, 'PID', 3)).toBe('P1234567');
    expect(field(message, 'PID', 5)).toBe('Müller^Jürg');
    expect(field(message, 'PID', 7)).toBe('19610402');
    expect(field(message, 'PID', 8)).toBe('F');
    expect(field(message, 'OBR', 2)).toBe('ACC77001');
    expect(field(message, 'OBR', 3)).toBe('ACC77001');
    expect(field(message, 'OBR', 4)).toBe('^CT-guided lumbar nerve root infiltration of L5 left');
    expect(field(message, 'OBR', 7)).toBe('20260314093000+0100');
    expect(field(message, 'OBR', 25)).toBe('F');
    // The signer proven by their PIN: the record's operator, by name.
    expect(field(message, 'OBR', 32)).toBe('Dr. A. Keller&Dr. A. Keller');
    expect(field(message, 'OBX', 2)).toBe('FT');
    expect(field(message, 'OBX', 11)).toBe('F');
    const text = field(message, 'OBX', 5);
    expect(text).toContain('Findings \\F\\ spread \\S\\ perineural \\T\\ epidural \\R\\ as planned \\E\\ no leak');
    expect(unescapeHl7(text)).toBe(
      'PROCEDURE\n14.03.2026: CT-guided lumbar nerve root infiltration of L5 left.\nOperator: Dr. A. Keller.\nFindings | spread ^ perineural & epidural ~ as planned \\ no leak',
    );
    // The bytes on the wire are ISO-8859-1, as MSH-18 says (ü is one byte, 0xFC).
    expect(bytes.includes(Buffer.from('Müller^Jürg', 'latin1'))).toBe(true);
    expect(bytes.includes(Buffer.from('Müller', 'utf8'))).toBe(false);

    const [delivery] = risDeliveries(store, id);
    if (!delivery) throw new Error('no delivery');
    expect(deliveryWords(delivery, sentAt)).toMatch(/^Report sent to the RIS at \d\d:\d\d$/);
    expect(delivery).toMatchObject({ state: 'sent', sentAt: sentAt.toISOString() });
    // What was sent and what came back are kept with the outbox row.
    const kept = store.reader.prepare('SELECT message, acknowledgement FROM ris_outbox').get() as Record<
      string,
      string
    >;
    expect(kept.message).toBe(message.toString());
    expect(kept.acknowledgement).toMatch(/^MSH\|.*\rMSA\|AA\|RL/);
    expect((await sendWaitingReports(store, ris)).sent).toEqual([]);
    expect(peer.received).toHaveLength(1);
  });

  it('writes UTF-8 bytes and says so in MSH-18 when the RIS reads UTF-8', async () => {
    const utf8 = await startMllpPeer({ encoding: 'utf-8' });
    try {
      const config = risSettingsFor(utf8, 'UTF-8');
      updateConnectionSettings(store, { risServer: config }, context);
      signed(store, operatorId, { patientName: 'Łukasiewicz, Zoë' });
      expect((await sendWaitingReports(store, config)).sent).toHaveLength(1);
      const [{ message, bytes }] = utf8.received as [(typeof utf8.received)[0]];
      expect(field(message, 'MSH', 18)).toBe('UNICODE UTF-8');
      expect(field(message, 'PID', 5)).toBe('Łukasiewicz^Zoë');
      expect(bytes.includes(Buffer.from('Łukasiewicz^Zoë', 'utf8'))).toBe(true);
    } finally {
      await utf8.stop();
    }
  });

  it('keeps a report the RIS cannot read in its character set, with why, and sends the others', async () => {
    const id = signed(store, operatorId, { patientName: 'Łukasiewicz, Jan', patientId: 'P-L' });
    const other = signed(store, operatorId, { patientId: 'P-OK' });
    const report = await sendWaitingReports(store, ris);
    expect(report.sent.map((sent) => sent.procedureId)).toEqual([other]);
    expect(report.unsendable).toEqual([
      {
        procedureId: id,
        version: 1,
        reason:
          'it contains "Ł", which the RIS\'s character set ISO-8859-1 cannot carry: set the RIS connection to UTF-8 if the RIS reads it, or amend the text',
      },
    ]);
    const [delivery] = risDeliveries(store, id);
    if (!delivery) throw new Error('no delivery');
    expect(deliveryWords(delivery, new Date())).toMatch(/^Report not sent to the RIS: it contains "Ł"/);
    expect(say(deliveryLine(delivery, new Date()), translator('fr'), 'fr')).toBe(
      'Compte rendu non envoyé au RIS : il contient "Ł", que le jeu de caractères ISO-8859-1 du RIS ne peut pas transmettre : réglez la connexion RIS sur UTF-8 si le RIS le lit, ou modifiez le texte',
    );
  });

  it('reads a failure an earlier RootLog kept in English as it was written', () => {
    const id = signed(store, operatorId);
    store.writer
      .prepare("UPDATE ris_outbox SET attempts = 1, failing_since = @at, last_error = 'RIS not reachable (old words)'")
      .run({ at: '2026-03-14T09:40:00.000Z' });
    const [waiting] = risDeliveries(store, id);
    expect(waiting).toMatchObject({
      lastError: { message: { id: 'ris.delivery.asWritten' }, values: { text: 'RIS not reachable (old words)' } },
    });
    if (!waiting) throw new Error('no delivery');
    expect(say(deliveryLine(waiting, new Date()), translator('de'), 'de')).toContain('RIS not reachable (old words)');
  });

  it('keeps waiting while the RIS is down, backs off, and sends once when it is back', async () => {
    await peer.stop();
    const id = signed(store, operatorId);
    const t0 = new Date('2026-03-14T10:40:00+01:00');
    const down = await sendWaitingReports(store, ris, { now: () => t0 });
    expect(down).toMatchObject({ sent: [], notReached: 'RIS not reachable', waiting: 1 });
    const [waiting] = risDeliveries(store, id);
    expect(waiting).toMatchObject({
      state: 'waiting',
      attempts: 1,
      failingSince: t0.toISOString(),
      nextAttemptAt: new Date(t0.getTime() + 30_000).toISOString(),
    });
    if (!waiting) throw new Error('no delivery');
    expect(deliveryWords(waiting, t0)).toMatch(
      /^Report waiting: RIS not reachable since \d\d:40; next try at \d\d:40$/,
    );

    // Before its next try is due, the outbox does not knock again.
    await peer.start();
    expect(await sendWaitingReports(store, ris, { now: () => new Date(t0.getTime() + 10_000) })).toMatchObject({
      sent: [],
      notReached: null,
      waiting: 1,
    });
    expect(peer.received).toHaveLength(0);

    await peer.stop();
    await sendWaitingReports(store, ris, { now: () => new Date(t0.getTime() + 31_000) });
    expect(risDeliveries(store, id)[0]).toMatchObject({
      attempts: 2,
      failingSince: t0.toISOString(),
      nextAttemptAt: new Date(t0.getTime() + 31_000 + 60_000).toISOString(),
    });

    await peer.start();
    const back = await sendWaitingReports(store, ris, { now: () => new Date(t0.getTime() + 92_000) });
    expect(back).toMatchObject({ sent: [{ procedureId: id }], notReached: null, waiting: 0 });
    expect(peer.received).toHaveLength(1);
    await sendWaitingReports(store, ris, { ignoreBackoff: true });
    expect(peer.received).toHaveLength(1);
  });

  it('keeps waiting when the RIS takes the message and never answers', async () => {
    peer.answer(() => 'silence');
    const id = signed(store, operatorId);
    const report = await sendWaitingReports(store, ris, { timeoutMs: 1000 });
    expect(report).toMatchObject({ sent: [], notReached: 'no answer from the RIS within 1 s', waiting: 1 });
    const [waiting] = risDeliveries(store, id);
    expect(waiting).toMatchObject({
      state: 'waiting',
      lastError: { message: { id: 'ris.delivery.noAnswerWithin' }, values: { seconds: 1 } },
    });
    // Kept as words, never as a sentence: the record says them in its reader's language.
    const kept = store.reader.prepare('SELECT last_error AS lastError FROM ris_outbox').get() as { lastError: string };
    expect(JSON.parse(kept.lastError)).toEqual({ id: 'ris.delivery.noAnswerWithin', values: { seconds: 1 } });
    if (waiting?.state !== 'waiting' || !waiting.lastError) throw new Error('no failure kept');
    expect(say(waiting.lastError, translator('de'), 'de')).toBe('keine Antwort des RIS innerhalb von 1 s');
    // The retry after no answer is the same message to the RIS: the same 20-character control ID.
    peer.answer(() => ({ code: 'AA' }));
    await sendWaitingReports(store, ris, { ignoreBackoff: true });
    const ids = peer.received.map((one) => field(one.message, 'MSH', 10));
    expect(ids).toEqual([controlIdOf({ procedureId: id, version: 1 }), controlIdOf({ procedureId: id, version: 1 })]);
    expect(ids[0]).toMatch(/^RL[0-9A-F]{18}$/);
  });

  it('sends again with the original control ID and the attempt number, within HL7’s 20 characters', () => {
    const key = { procedureId: 'a1b2c3', version: 1 };
    const original = controlIdOf(key);
    expect(original).toMatch(/^RL[0-9A-F]{18}$/);
    const attempts = [original];
    for (let n = 2; n <= 120; n += 1) attempts.push(sentAgainControlId(key, attempts.at(-1) ?? null));
    expect(attempts.slice(1, 3)).toEqual([`${original.slice(0, 18)}-2`, `${original.slice(0, 18)}-3`]);
    expect(attempts[9]).toBe(`${original.slice(0, 17)}-10`);
    expect(attempts[119]).toBe(`${original.slice(0, 16)}-120`);
    expect(new Set(attempts).size).toBe(attempts.length);
    for (const attempt of attempts) expect(attempt.length).toBeLessThanOrEqual(20);
  });

  it("marks a report the RIS refuses (AE) as refused, with the RIS's own words, and does not resend it", async () => {
    peer.answer(() => ({ code: 'AE', text: 'Accession ACC77001 unknown | order cancelled' }));
    const id = signed(store, operatorId);
    const report = await sendWaitingReports(store, ris);
    expect(report).toMatchObject({
      sent: [],
      refused: [
        {
          procedureId: id,
          version: 1,
          code: 'AE',
          text: 'Application Error — Accession ACC77001 unknown | order cancelled',
        },
      ],
      waiting: 0,
    });
    const [delivery] = risDeliveries(store, id);
    if (!delivery) throw new Error('no delivery');
    expect(deliveryWords(delivery, new Date())).toMatch(
      /^Report refused by the RIS at \d\d:\d\d \(AE\): Application Error — Accession ACC77001 unknown \| order cancelled$/,
    );
    peer.answer(() => ({ code: 'AA' }));
    await sendWaitingReports(store, ris, { ignoreBackoff: true });
    expect(peer.received).toHaveLength(1);
  });

  it('sends an amendment as a corrected result, after the report it corrects', async () => {
    await peer.stop();
    const id = signed(store, operatorId);
    const { record } = getProcedure(store, id);
    amendProcedure(
      store,
      { ...clinicalContent(record), painPost: 3 },
      { reason: 'pain after re-scored', confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
      someSigner(store),
      context,
    );
    expect(deliveriesOf(store.reader, id).map((row) => [row.version, row.state])).toEqual([
      [1, 'waiting'],
      [2, 'waiting'],
    ]);
    await peer.start();
    const report = await sendWaitingReports(store, ris, { ignoreBackoff: true });
    expect(report.sent.map((sent) => sent.version)).toEqual([1, 2]);
    const [first, second] = peer.received.map((received) => received.message) as [Hl7Message, Hl7Message];
    expect([field(first, 'OBR', 25), field(first, 'OBX', 11)]).toEqual(['F', 'F']);
    expect([field(second, 'OBR', 25), field(second, 'OBX', 11)]).toEqual(['C', 'C']);
    expect(field(second, 'MSH', 10)).toBe(controlIdOf({ procedureId: id, version: 2 }));
    expect(unescapeHl7(field(second, 'OBX', 5))).toContain('Findings');
    const [v1, v2] = risDeliveries(store, id);
    if (!v1 || !v2) throw new Error('no deliveries');
    expect(deliveryWords(v2, new Date())).toMatch(/^Correction \(version 2\) sent to the RIS at/);
  });
});

describe('the listener itself', () => {
  it("receives and acknowledges a message from python3-hl7's mllp_send", async () => {
    const file = tempPath('message.hl7');
    writeFileSync(file, 'MSH|^~\\&|MLLPSEND|X|RIS|KSB|20260314104200||ORU^R01|PY1|P|2.5\nPID|1||PY-1\n');
    // Asynchronously: the listener runs in this process and must answer while mllp_send waits.
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        'mllp_send',
        ['--loose', '--port', String(peer.port), '--file', file, '127.0.0.1'],
        { encoding: 'utf8' },
        (error, out) => (error ? reject(error) : resolve(out)),
      ),
    );
    expect(stdout).toMatch(/MSA\|AA\|PY1/);
    expect(peer.received.map((received) => field(received.message, 'PID', 3))).toEqual(['PY-1']);
  });
});
