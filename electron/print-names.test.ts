import { describe, expect, it } from 'vitest';
import { fileNamePart, printFileName } from './print-names.js';

describe('the file name a printed sheet is offered under', () => {
  const today = new Date('2026-04-20T10:00:00Z');
  it('names the sheet, the patient and the procedure’s date, not the day it is printed', () => {
    const record = { patientId: 'P1234567', patientName: 'Muster, Erika', performedAt: '2026-03-12T09:30:00+01:00' };
    expect(printFileName('record', record, today)).toBe('rootlog-record-P1234567-Muster-Erika-2026-03-12.pdf');
    expect(printFileName('aftercare', record, today)).toBe('rootlog-aftercare-P1234567-Muster-Erika-2026-03-12.pdf');
  });
  it('the procedure’s calendar day as recorded, also just after midnight', () => {
    expect(
      printFileName('record', { patientId: 'K-1', patientName: null, performedAt: '2026-03-12T00:10:00+01:00' }, today),
    ).toBe('rootlog-record-K-1-2026-03-12.pdf');
  });
  it('only letters and digits: umlauts written out, slashes and dots never reach the file system', () => {
    expect(fileNamePart('Müller-Lüdenscheidt, Jürg / Zoë')).toBe('Mueller-Luedenscheidt-Juerg-Zoe');
    expect(fileNamePart('../../etc/passwd')).toBe('etc-passwd');
    expect(printFileName('record', { patientId: '../x', patientName: '', performedAt: null }, today)).toBe(
      'rootlog-record-x-2026-04-20.pdf',
    );
  });
});
