import type { ProcedureRecord } from '../db/model/index.js';

/*
 * The file name a printed sheet is offered under in the save dialog: the sheet, the patient
 * and the procedure's date (not the day it is printed), so a folder of PDFs sorts and reads
 * by patient and date: rootlog-record-P1234567-Muster-Erika-2026-03-12.pdf.
 */

/** Letters and digits only (umlauts written out: ä → ae), parts joined by "-": safe on every file system. */
export function fileNamePart(text: string): string {
  return text
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

export function printFileName(
  sheet: 'record' | 'aftercare',
  record: Pick<ProcedureRecord, 'patientId' | 'patientName' | 'performedAt'> | null,
  today: Date,
): string {
  // The procedure's own calendar day, as recorded (its offset is the console's at the time).
  const date = record?.performedAt?.slice(0, 10) ?? today.toISOString().slice(0, 10);
  const patient = [record?.patientId, record?.patientName].map((part) => fileNamePart(part ?? '')).filter(Boolean);
  return ['rootlog', sheet, ...patient, date].join('-').concat('.pdf');
}
