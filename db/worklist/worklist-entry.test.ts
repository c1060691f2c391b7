import { describe, expect, it } from 'vitest';
import { inEnglish } from '../model/words.js';
import { dateFromDicom, dicomDateRange, localDate, timeFromDicom } from './dicom-dates.js';
import { parsePersonName, personNameFromShown, personNameShown } from './person-name.js';
import { entryFromDataset, entryShownName } from './worklist-entry.js';
import { worklistFailureWords } from './worklist-errors.js';
import { worklistIdentifier, worklistQuerySchema } from './worklist-query.js';

/* The pure half of the worklist: names, dates, one answer to one entry, the request, the words. */

const answer = (overrides: Record<string, unknown> = {}) => ({
  SpecificCharacterSet: 'ISO_IR 192',
  PatientID: 'P1 ',
  IssuerOfPatientID: 'KSB',
  PatientName: [{ Alphabetic: 'Müller^Jürg' }],
  PatientBirthDate: '19580312',
  PatientSex: 'M',
  AccessionNumber: 'A1',
  StudyInstanceUID: '1.2.826.0.1.3680043.10.1\0',
  RequestedProcedureID: 'RP1',
  RequestedProcedureDescription: 'PRT L5 links',
  ReferringPhysicianName: [{ Alphabetic: 'Weiß^Käthe' }],
  PatientPrimaryLanguageCodeSequence: [{ CodeValue: 'de', CodingSchemeDesignator: 'RFC5646' }],
  ScheduledProcedureStepSequence: [
    {
      ScheduledStationAETitle: ['CT1', 'CT2'],
      Modality: 'CT',
      ScheduledProcedureStepStartDate: '20260312',
      ScheduledProcedureStepStartTime: '103000.000',
    },
  ],
  ...overrides,
});

describe('person names (DICOM PN)', () => {
  it('reads family and given names and shows them as the logbook writes them', () => {
    expect(parsePersonName('Müller^Jürg')).toEqual({ family: 'Müller', given: 'Jürg' });
    expect(personNameShown({ family: 'Müller', given: 'Jürg' })).toBe('Müller, Jürg');
    expect(parsePersonName('Weiß^Käthe^Anna^Dr.^PhD=ヤマダ^タロウ')).toEqual({
      family: 'Weiß',
      given: 'Käthe',
      middle: 'Anna',
      prefix: 'Dr.',
      suffix: 'PhD',
    });
    expect(personNameShown({ family: 'Weiß', given: 'Käthe', middle: 'Anna', prefix: 'Dr.' })).toBe(
      'Dr. Weiß, Käthe Anna',
    );
    expect(parsePersonName('Müller')).toEqual({ family: 'Müller' });
    expect(personNameShown({ family: 'Müller' })).toBe('Müller');
  });

  it('finds no name in empty components, and refuses more than five', () => {
    expect(parsePersonName('^^^^')).toBeNull();
    expect(parsePersonName('')).toBeNull();
    expect(parsePersonName('a^b^c^d^e^f')).toBeNull();
  });

  it('reads a name written "Family, Given" back into its parts', () => {
    expect(personNameFromShown('Muster, Erika')).toEqual({ family: 'Muster', given: 'Erika' });
    expect(personNameFromShown('Muster')).toEqual({ family: 'Muster' });
    expect(personNameFromShown('de la Cruz, María José')).toEqual({ family: 'de la Cruz', given: 'María José' });
  });
});

describe('DICOM dates and times', () => {
  it('reads real dates only', () => {
    expect(dateFromDicom('19580312')).toBe('1958-03-12');
    expect(dateFromDicom('20240229')).toBe('2024-02-29');
    expect(dateFromDicom('20230229')).toBeNull();
    expect(dateFromDicom('1958.03.12')).toBeNull();
    expect(dateFromDicom('19581312')).toBeNull();
  });

  it('reads every TM form as HH:MM', () => {
    expect(timeFromDicom('103000')).toBe('10:30');
    expect(timeFromDicom('1030')).toBe('10:30');
    expect(timeFromDicom('10')).toBe('10:00');
    expect(timeFromDicom('103000.123456')).toBe('10:30');
    expect(timeFromDicom('2460')).toBeNull();
    expect(timeFromDicom('10:30')).toBeNull();
  });

  it('asks for one day or an inclusive range, from the local calendar', () => {
    expect(dicomDateRange('2026-03-12', '2026-03-12')).toBe('20260312');
    expect(dicomDateRange('2026-03-12', '2026-03-14')).toBe('20260312-20260314');
    expect(localDate(new Date(2026, 11, 31, 23, 30), 1)).toBe('2027-01-01');
  });
});

describe('one worklist answer as an entry', () => {
  it('maps every field to the logbook’s codes and forms', () => {
    const read = entryFromDataset(answer(), 1);
    expect(read).toEqual({
      entry: {
        patientId: 'P1',
        issuerOfPatientId: 'KSB',
        patientName: { family: 'Müller', given: 'Jürg' },
        birthDate: '1958-03-12',
        sex: 'male',
        accessionNumber: 'A1',
        studyInstanceUid: '1.2.826.0.1.3680043.10.1',
        requestedProcedureId: 'RP1',
        requestedProcedure: { code: null, codingScheme: null, text: 'PRT L5 links' },
        referringPhysician: { family: 'Weiß', given: 'Käthe' },
        scheduledAt: '2026-03-12T10:30',
        scheduledStationAe: 'CT1, CT2',
        modality: 'CT',
        language: 'de',
        problems: [],
      },
    });
    if ('entry' in read) expect(entryShownName(read.entry)).toBe('Müller, Jürg');
  });

  it('refuses a field with a control character, an over-long field or an undecodable one alone, naming it', () => {
    const read = entryFromDataset(
      answer({
        PatientName: [{ Alphabetic: 'Müller^J\u001b[2Jürg' }],
        AccessionNumber: 'A'.repeat(17),
        RequestedProcedureDescription: 'PRT \ufffd links',
        PatientSex: 'X',
        PatientBirthDate: '19581399',
        StudyInstanceUID: '1.2.03',
      }),
      4,
    );
    if (!('entry' in read)) throw new Error('refused whole');
    expect(read.entry).toMatchObject({
      patientId: 'P1',
      patientName: null,
      accessionNumber: null,
      requestedProcedure: null,
      sex: null,
      birthDate: null,
      studyInstanceUid: null,
      scheduledAt: '2026-03-12T10:30',
    });
    expect(read.entry.problems).toMatchObject([
      { field: 'patientName', message: 'Patient name holds a control character: left empty' },
      { field: 'birthDate', message: 'Birth date "19581399" is not a date (YYYYMMDD): left empty' },
      { field: 'sex', message: 'Sex "X" is not M, F or O: left empty' },
      {
        field: 'accessionNumber',
        message: 'Accession number is longer than 16 characters, the most its DICOM type (SH) holds: left empty',
      },
      { field: 'studyInstanceUid', message: 'Study Instance UID is not a DICOM UID (digits and dots): left empty' },
      {
        field: 'requestedProcedure',
        message: 'Requested procedure did not decode in the character set the server declared: left empty',
      },
    ]);
  });

  it('refuses a bidirectional override, which would show the name in another order than it is', () => {
    const read = entryFromDataset(answer({ PatientName: [{ Alphabetic: 'Müller^\u202eJürg' }] }), 1);
    expect('entry' in read && read.entry.problems[0]?.field).toBe('patientName');
  });

  it('refuses an entry without a usable patient ID whole, naming it as far as it can', () => {
    expect(entryFromDataset(answer({ PatientID: '' }), 2)).toMatchObject({
      rejected: { entry: 'the entry with accession A1', message: 'Patient ID is missing: it cannot start a case' },
    });
    expect(entryFromDataset(answer({ PatientID: 'P\u0007', AccessionNumber: undefined }), 3)).toMatchObject({
      rejected: { entry: 'entry 3 of the answer', message: 'Patient ID holds a control character' },
    });
    expect(entryFromDataset(answer({ PatientID: ['P1', 'P2'] }), 5)).toMatchObject({
      rejected: {
        entry: 'the entry with accession A1',
        message: 'Patient ID holds several values where one is expected',
      },
    });
  });

  it('takes values of the wrong shape as refused, never as text', () => {
    const read = entryFromDataset(
      answer({ IssuerOfPatientID: { evil: true }, ScheduledProcedureStepSequence: 'not a sequence' }),
      1,
    );
    if (!('entry' in read)) throw new Error('refused whole');
    expect(read.entry.issuerOfPatientId).toBeNull();
    expect(read.entry.scheduledAt).toBeNull();
    expect(read.entry.problems.map((problem) => problem.field)).toEqual(['scheduledAt', 'issuerOfPatientId']);
  });
});

describe('the request', () => {
  it('sends the matching keys with their values and every return key empty', () => {
    const query = worklistQuerySchema.parse({ stationAe: 'CT1', modality: 'CT', from: '2026-03-12', to: '2026-03-13' });
    const identifier = worklistIdentifier(query);
    expect(identifier.ScheduledProcedureStepSequence).toEqual([
      {
        ScheduledStationAETitle: 'CT1',
        Modality: 'CT',
        ScheduledProcedureStepStartDate: '20260312-20260313',
        ScheduledProcedureStepStartTime: '',
        ScheduledProcedureStepDescription: '',
        ScheduledProcedureStepID: '',
      },
    ]);
    const {
      ScheduledProcedureStepSequence,
      RequestedProcedureCodeSequence,
      PatientPrimaryLanguageCodeSequence,
      ...top
    } = identifier;
    expect(Object.values(top).every((value) => value === '')).toBe(true);
    expect('QueryRetrieveLevel' in identifier).toBe(false);
  });

  it('refuses a query that is not a real day or range', () => {
    expect(
      worklistQuerySchema.safeParse({ stationAe: '', modality: 'CT', from: '2026-02-30', to: '2026-02-30' }).success,
    ).toBe(false);
    expect(
      worklistQuerySchema.safeParse({ stationAe: '', modality: 'CT', from: '2026-03-12', to: '2026-03-11' }).success,
    ).toBe(false);
    expect(
      worklistQuerySchema.safeParse({ stationAe: 'A\\B', modality: 'CT', from: '2026-03-12', to: '2026-03-12' })
        .success,
    ).toBe(false);
  });
});

describe('the words of a failure', () => {
  const peer = { host: '127.0.0.1', port: 11112, calledAe: 'WLSCP', callingAe: 'ROOTLOG' };
  it('names the server, the AE title and what to do', () => {
    expect(inEnglish(worklistFailureWords('calling_ae_unknown', peer))).toBe(
      "The worklist server at 127.0.0.1:11112 refused this console's AE title ROOTLOG: ask IT to register it on the worklist server.",
    );
    expect(
      inEnglish(worklistFailureWords('query_failed', peer, { status: 0xa700, comment: 'Out of\u001b[31m resources' })),
    ).toBe(
      'The worklist server at 127.0.0.1:11112 could not answer the query (status 0xA700: "Out of [31m resources"): tell IT. The worklist keeps showing what it last received, and patients can be entered by hand.',
    );
  });
});
