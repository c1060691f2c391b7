import { describe, expect, it } from 'vitest';
import {
  connectionSettingsPatchSchema,
  connectionSettingsProblems,
  doseReceiverSchema,
  RIS_SERVER_FIELDS,
  risServerSchema,
  textFromPeer,
  WORKLIST_SERVER_FIELDS,
  worklistServerSchema,
} from './connection-settings.js';

describe('the worklist and RIS connection settings', () => {
  it("fill in the department's usual defaults", () => {
    expect(
      worklistServerSchema.parse({ host: 'ris.example.org', port: 104, calledAe: 'RISWL', callingAe: 'ROOTLOG1' }),
    ).toEqual({
      host: 'ris.example.org',
      port: 104,
      calledAe: 'RISWL',
      callingAe: 'ROOTLOG1',
      stationAe: '',
      modality: 'CT',
      daysAhead: 0,
    });
    expect(
      risServerSchema.parse({
        host: '10.1.2.3',
        port: 2575,
        sendingFacility: 'RAD',
        receivingApplication: 'RIS',
        receivingFacility: 'KSB',
      }),
    ).toMatchObject({ sendingApplication: 'ROOTLOG', charset: 'UTF-8', reportFormat: 'FT' });
  });

  it('refuse each wrong value by its label and rule', () => {
    const parsed = connectionSettingsPatchSchema.safeParse({
      worklistServer: {
        host: 'ris',
        port: 70000,
        calledAe: 'A\\B',
        callingAe: 'THIS_TITLE_IS_TOO_LONG',
        daysAhead: 30,
      },
      risServer: {
        host: 'ris',
        port: 2575,
        sendingFacility: 'RAD|X',
        receivingApplication: 'RIS',
        receivingFacility: 'KSB',
        charset: 'latin9',
      },
    });
    if (parsed.success) throw new Error('accepted');
    expect(connectionSettingsProblems(parsed.error).map(({ field, message }) => ({ field, message }))).toEqual([
      { field: 'worklistServer.port', message: 'Worklist port must be a port number from 1 to 65535' },
      {
        field: 'worklistServer.calledAe',
        message: `Worklist server's AE title must be plain letters, digits and punctuation without "\\" (a DICOM AE title)`,
      },
      {
        field: 'worklistServer.callingAe',
        message: "This console's AE title must be at most 16 characters (a DICOM AE title)",
      },
      { field: 'worklistServer.daysAhead', message: 'Days ahead must be a whole number of days from 0 to 14' },
      {
        field: 'risServer.sendingFacility',
        message: 'Sending facility must not contain | ^ ~ \\ & or control characters (HL7 delimiters)',
      },
      { field: 'risServer.charset', message: 'Character set must be ISO-8859-1 or UTF-8' },
    ]);
  });

  it('label the fields of one connection parsed alone, and refuse unknown ones', () => {
    const parsed = risServerSchema.safeParse({ host: '', port: 1, extra: 1 });
    if (parsed.success) throw new Error('accepted');
    const problems = connectionSettingsProblems(parsed.error, 'risServer');
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'risServer.host', message: 'RIS server is required' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'risServer.extra', message: 'risServer.extra is not a connection setting' }),
    );
  });

  it('declare a label and help text for every field', () => {
    for (const field of [...Object.values(WORKLIST_SERVER_FIELDS), ...Object.values(RIS_SERVER_FIELDS)]) {
      expect(field.label.length).toBeGreaterThan(2);
      expect(field.help).toMatch(/\.$/);
    }
  });
});

describe('Settings → Dose reports', () => {
  it('takes the senders typed as a list, with the usual AE title and port, on every network address', () => {
    expect(doseReceiverSchema.parse({ acceptedCallingAeTitles: ' CT_SUED1, XA_OP2\n' })).toEqual({
      acceptedCallingAeTitles: ['CT_SUED1', 'XA_OP2'],
      aeTitle: 'ROOTLOG',
      port: 11112,
      listenAddress: '0.0.0.0',
    });
  });

  it('listens on one address of the console when told: an IP address, never a name', () => {
    const parse = (listenAddress: string) =>
      doseReceiverSchema.safeParse({ acceptedCallingAeTitles: 'CT1', listenAddress });
    expect(parse(' 10.2.3.4 ').data?.listenAddress).toBe('10.2.3.4');
    expect(parse('fe80::1').data?.listenAddress).toBe('fe80::1');
    for (const wrong of ['ct-console.hospital.local', '10.2.3.256', '', '10.2.3.4:11112']) {
      const parsed = parse(wrong);
      if (parsed.success) throw new Error(`accepted ${wrong}`);
      expect(connectionSettingsProblems(parsed.error, 'doseReceiver')).toMatchObject([
        {
          field: 'doseReceiver.listenAddress',
          message:
            'Address to listen on must be an IP address of this console, such as 10.2.3.4 (0.0.0.0: every network address)',
        },
      ]);
    }
  });

  it('refuses a sender twice, a wrong AE title and a wrong port, each by its label', () => {
    const parsed = connectionSettingsPatchSchema.safeParse({
      doseReceiver: { acceptedCallingAeTitles: 'CT1, CT1', aeTitle: 'ROOT\\LOG', port: 70000 },
    });
    if (parsed.success) throw new Error('accepted');
    expect(connectionSettingsProblems(parsed.error).map((problem) => problem.message)).toEqual([
      'AE titles allowed to send must not name the same AE title twice',
      `RootLog's AE title must be plain letters, digits and punctuation without "\\" (a DICOM AE title)`,
      'Receiving port must be a port number from 1 to 65535',
    ]);
  });
});

describe("another system's words", () => {
  it('are shown without controls, overrides or endless length', () => {
    expect(textFromPeer('Unknown\u001b[2J order\r\n\u202eX')).toBe('Unknown [2J order X');
    expect(textFromPeer('x'.repeat(400), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
