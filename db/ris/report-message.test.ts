import { spawnSync } from 'node:child_process';
import { Hl7Message } from '@medplum/core';
import { describe, expect, it } from 'vitest';
import { risServerSchema } from '../model/connection-settings.js';
import { RIS_DELIVERY_MESSAGES } from '../model/ris-delivery.js';
import { inEnglish, sentence } from '../model/words.js';
import { readAcknowledgement } from './acknowledgement.js';
import { clock, deliveryWords, isDue, nextAttemptAt, RETRY_DELAYS_SECONDS } from './delivery.js';
import { escapeHl7, formattedText, unescapeHl7 } from './hl7-text.js';
import { hl7DateTime } from './hl7-time.js';
import { charactersOutside, inCharset, type ReportMessageInput, reportMessage } from './report-message.js';

/* The report as HL7: escaping, the ORU^R01's segments, the ACK's reading, the retry policy. */

const ris = risServerSchema.parse({
  host: '127.0.0.1',
  port: 2575,
  sendingApplication: 'ROOTLOG',
  sendingFacility: 'RADIOLOGIE',
  receivingApplication: 'RIS',
  receivingFacility: 'KSB',
  charset: 'ISO-8859-1',
});

const REPORT = `PROCEDURE
2026-03-14: CT-guided PRT of L5 left | S1 left.
Drugs: dexamethasone 8 mg ^ lidocaine 1 % & saline ~ 2 ml; path C:\\temp`;

const input: ReportMessageInput = {
  patient: {
    id: 'P-4711',
    issuer: 'KSB&X',
    name: { family: 'Müller', given: 'Jürg' },
    birthDate: '1958-03-12',
    sex: 'male',
  },
  accessionNumber: 'ACC-1',
  procedure: { code: 'PRT-L', codingScheme: 'L', text: 'CT-guided lumbar nerve root infiltration of L5 left' },
  reportText: REPORT,
  status: 'final',
  signer: { id: 'op-7', name: { family: 'Keller', given: 'Anna' } },
  observedAt: '2026-03-14T09:30:00+01:00',
  signedAt: '2026-03-14T09:52:10.123Z',
};
const header = { ris, controlId: 'RL0001', createdAt: '2026-03-14T10:42:00+01:00' };

/** python3-hl7 reads the message as a RIS would: field by field, unescaped. */
function pythonReads(message: string, expressions: string[]): string[] {
  const script = `
import sys, json, hl7
m = hl7.parse(sys.stdin.read())
out = []
for e in json.loads(sys.argv[1]):
    out.append(m.unescape(str(eval(e))))
print(json.dumps(out))`;
  const result = spawnSync('/usr/bin/python3', ['-c', script, JSON.stringify(expressions)], {
    input: message,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

describe('HL7 escaping', () => {
  it('escapes the delimiters, the escape character and controls, and reads them back', () => {
    expect(escapeHl7('a|b^c&d~e\\f\tg')).toBe('a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f\\X09\\g');
    expect(formattedText('one\r\ntwo\nthree\rfour')).toBe('one\\.br\\two\\.br\\three\\.br\\four');
    const text = 'Müller | Jürg ^ 1 & 2 ~ C:\\temp\nnext line';
    expect(unescapeHl7(formattedText(text))).toBe(text);
    expect(unescapeHl7('keeps \\H\\ unknown')).toBe('keeps \\H\\ unknown');
  });

  it('writes times with their offset', () => {
    expect(hl7DateTime('2026-03-14T09:30:00+01:00')).toBe('20260314093000+0100');
    expect(hl7DateTime('2026-03-14T08:52:10.123Z')).toBe('20260314085210+0000');
    expect(hl7DateTime('2026-03-14 09:30')).toBeNull();
  });
});

describe('the ORU^R01', () => {
  it('carries MSH, PID, OBR and OBX as the RIS reads them, the report text exactly', () => {
    const message = reportMessage(input, header).toString();
    expect(message.split('\r').slice(0, 3)).toEqual([
      'MSH|^~\\&|ROOTLOG|RADIOLOGIE|RIS|KSB|20260314104200+0100||ORU^R01^ORU_R01|RL0001|P|2.5||||||8859/1',
      'PID|1||P-4711^^^KSB\\T\\X||Müller^Jürg||19580312|M',
      `OBR|1|ACC-1|ACC-1|PRT-L^CT-guided lumbar nerve root infiltration of L5 left^L|||20260314093000+0100|||||||||||||||20260314095210+0000|||F|||||||op-7&Keller&Anna`,
    ]);
    const [obx] = message.split('\r').slice(3);
    expect(obx).toMatch(/^OBX\|1\|FT\|18748-4\^Diagnostic imaging study\^LN\|\|PROCEDURE\\\.br\\2026-03-14/);
    expect(obx).toMatch(/\|F\|\|\|20260314093000\+0100\|\|op-7\^Keller\^Anna$/);
    expect(message.split('\r')).toHaveLength(4);

    const [text, ...fields] = pythonReads(message, [
      "m.segment('OBX')[5]",
      "m.segment('PID')[3][0][0]",
      "m.segment('PID')[3][0][3]",
      "m.segment('PID')[5][0][0]",
      "m.segment('PID')[5][0][1]",
      "m.segment('OBR')[2]",
      "m.segment('OBR')[7]",
      "m.segment('OBR')[25]",
      "m.segment('OBR')[32]",
      "m.segment('OBX')[11]",
      "m.segment('OBX')[16][0][1]",
      "m.segment('MSH')[18]",
    ]);
    expect(text).toBe(REPORT.replaceAll('\n', '\r'));
    expect(fields).toEqual([
      'P-4711',
      'KSB&X',
      'Müller',
      'Jürg',
      'ACC-1',
      '20260314093000+0100',
      'F',
      'op-7&Keller&Anna',
      'F',
      'Keller',
      '8859/1',
    ]);
  });

  it('sends an amendment as a corrected result (C), and each line as its own TX result if the RIS wants that', () => {
    const corrected = reportMessage(
      { ...input, status: 'corrected' },
      { ...header, ris: { ...ris, reportFormat: 'TX', charset: 'UTF-8' } },
    ).toString();
    const segments = corrected.split('\r');
    expect(segments[0]).toMatch(/\|UNICODE UTF-8$/);
    expect(segments[2]).toMatch(/\|C\|\|\|\|\|\|\|op-7&Keller&Anna$/);
    const obx = segments.filter((segment) => segment.startsWith('OBX'));
    expect(obx.map((segment) => segment.split('|').slice(1, 6))).toEqual([
      ['1', 'TX', '18748-4^Diagnostic imaging study^LN', '1', 'PROCEDURE'],
      ['2', 'TX', '18748-4^Diagnostic imaging study^LN', '1', '2026-03-14: CT-guided PRT of L5 left \\F\\ S1 left.'],
      [
        '3',
        'TX',
        '18748-4^Diagnostic imaging study^LN',
        '1',
        'Drugs: dexamethasone 8 mg \\S\\ lidocaine 1 % \\T\\ saline \\R\\ 2 ml; path C:\\E\\temp',
      ],
    ]);
    expect(obx.every((segment) => segment.split('|')[11] === 'C')).toBe(true);
  });

  it('writes the report’s own typography in plain forms for ISO-8859-1, never a name', () => {
    const typographic = {
      ...input,
      patient: { ...input.patient, name: { family: 'Ševčík', given: 'Jürg' } },
      reportText: 'Works after 1–3 days — “usually” … pain 7 → 2',
    };
    const latin1 = inCharset(typographic, 'ISO-8859-1');
    expect(latin1.reportText).toBe('Works after 1-3 days - "usually" ... pain 7 -> 2');
    expect(latin1.patient.name.family).toBe('Ševčík');
    expect(charactersOutside('ISO-8859-1', latin1)).toEqual(['Š', 'č']);
    expect(inCharset(typographic, 'UTF-8')).toBe(typographic);
  });

  it('finds the characters ISO-8859-1 cannot carry', () => {
    expect(charactersOutside('ISO-8859-1', input)).toEqual([]);
    expect(charactersOutside('ISO-8859-1', { ...input, reportText: 'Dosis 8 mg → 4 mg, Łukasz' })).toEqual(['→', 'Ł']);
    expect(charactersOutside('UTF-8', { ...input, reportText: '→ Ł' })).toEqual([]);
  });
});

describe("the RIS's acknowledgement", () => {
  const ack = (msa: string, ...rest: string[]) =>
    Hl7Message.parse(
      ['MSH|^~\\&|RIS|KSB|ROOTLOG|RADIOLOGIE|20260314104201||ACK^R01^ACK|9|P|2.5', msa, ...rest].join('\r'),
    );

  it('clears on AA, refuses on AE/AR with the RIS’s own words, retries on anything else', () => {
    expect(readAcknowledgement(ack('MSA|AA|RL0001'), 'RL0001')).toEqual({ kind: 'accepted', code: 'AA', text: '' });
    expect(
      readAcknowledgement(
        ack(
          'MSA|AE|RL0001|Application Error',
          'ERR|||207^Application internal error^HL70357|E||||Accession ACC-1 unknown \\F\\ ask the RIS team',
        ),
        'RL0001',
      ),
    ).toEqual({
      kind: 'refused',
      code: 'AE',
      text: 'Application Error — Accession ACC-1 unknown | ask the RIS team',
    });
    expect(readAcknowledgement(ack('MSA|AR|RL0001|Unsupported\\X1B\\[2J message'), 'RL0001')).toEqual({
      kind: 'refused',
      code: 'AR',
      text: 'Unsupported [2J message',
    });
    expect(readAcknowledgement(ack('MSA|AA|OTHER'), 'RL0001').kind).toBe('retry');
    expect(readAcknowledgement(ack('MSA|CE|RL0001'), 'RL0001').kind).toBe('retry');
    const unknown = readAcknowledgement(ack('MSA|ZZ|RL0001'), 'RL0001');
    expect(unknown.kind === 'retry' && inEnglish(unknown.reason)).toBe(
      'the RIS answered with an unknown acknowledgement code "ZZ"',
    );
  });
});

describe('retries and the words for the record', () => {
  it('backs off from 30 seconds to every 15 minutes, tested with a given clock', () => {
    const at = new Date('2026-03-14T10:40:00+01:00');
    expect(
      [1, 2, 3, 4, 5, 6, 7, 50].map((attempts) => (nextAttemptAt(attempts, at).getTime() - at.getTime()) / 1000),
    ).toEqual([30, 60, 120, 300, 600, 900, 900, 900]);
    expect(RETRY_DELAYS_SECONDS[0]).toBe(30);
    expect(isDue(null, at)).toBe(true);
    expect(isDue('2026-03-14T09:40:30.000Z', at)).toBe(false);
    expect(isDue('2026-03-14T09:40:30.000Z', new Date('2026-03-14T09:40:30.000Z'))).toBe(true);
  });

  it('says where each report is', () => {
    const now = new Date(2026, 2, 14, 11, 0);
    const local = (hours: number, minutes: number) => new Date(2026, 2, 14, hours, minutes).toISOString();
    expect(deliveryWords({ state: 'sent', version: 1, sentAt: local(10, 42), answer: '' }, now)).toBe(
      'Report sent to the RIS at 10:42',
    );
    expect(
      deliveryWords(
        {
          state: 'waiting',
          version: 1,
          queuedAt: local(10, 39),
          attempts: 3,
          failingSince: local(10, 40),
          lastError: sentence(RIS_DELIVERY_MESSAGES.notReachable),
          nextAttemptAt: local(11, 2),
          refusedBefore: null,
        },
        now,
      ),
    ).toBe('Report waiting: RIS not reachable since 10:40; next try at 11:02');
    expect(
      deliveryWords({ state: 'refused', version: 2, at: local(10, 50), code: 'AE', text: 'Accession unknown' }, now),
    ).toBe('Correction (version 2) refused by the RIS at 10:50 (AE): Accession unknown');
    expect(clock(new Date(2026, 2, 13, 9, 5).toISOString(), now)).toBe('13.03.2026 09:05');
  });
});
