import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translator.js';
import { inEnglish, type Language, say } from '../model/index.js';
import { isoDateTime } from './content-tree.js';
import { FIXTURE_NAMES, fixtureFile } from './fixtures/fixture-files.js';
import { readDoseReport } from './read-dose-report.js';
import type { DoseReportSummary, ReportKind, ReportWarningCode } from './summary.js';

/*
 * Each fixture carries one or more of the quirks real scanners write. Every figure RootLog reads
 * is compared with what dcmtk's dsrdump, an independent SR reader, finds in the same file.
 */

// ---- dsrdump, read as a tree of content items -------------------------------------------

interface DumpItem {
  valueType: string;
  code: string;
  value: string | null;
  unit: string | null;
  unitScheme: string | null;
  children: DumpItem[];
}

const ITEM = /^( *)<(?:[a-z ]+ )?([A-Z]+):\(([^,]*),([^,]*),"[^"]*"\)(?:=(.*))?>$/;

function dsrdump(file: string): DumpItem {
  // -Ee -Ev: go on past invalid items (dsrdump warns), as RootLog does; the output read as
  // Latin-1 bytes: only numbers, codes and units are compared, all ASCII.
  const output = execFileSync('dsrdump', ['+Pc', '-Ee', '-Ev', file], { stdio: ['ignore', 'pipe', 'ignore'] });
  const root: DumpItem = { valueType: 'ROOT', code: '', value: null, unit: null, unitScheme: null, children: [] };
  const stack: { depth: number; item: DumpItem }[] = [{ depth: -1, item: root }];
  for (const line of output.toString('latin1').split('\n')) {
    const match = ITEM.exec(line);
    if (!match) continue;
    const [, indent = '', valueType = '', code = '', , rest = ''] = match;
    const numeric = /^"([^"]*)" \(([^,]*),([^,[]*)/.exec(rest);
    const coded = /^\(([^,]*),/.exec(rest);
    const item: DumpItem = {
      valueType,
      code,
      value: numeric?.[1] ?? coded?.[1] ?? null,
      unit: numeric?.[2] ?? null,
      unitScheme: numeric?.[3] ?? null,
      children: [],
    };
    const depth = indent.length / 2;
    while ((stack.at(-1)?.depth ?? -1) >= depth) stack.pop();
    stack.at(-1)?.item.children.push(item);
    stack.push({ depth, item });
  }
  const document = root.children[0];
  if (!document) throw new Error(`dsrdump found no content in ${file}`);
  return document;
}

const childrenCoded = (item: DumpItem, code: string) => item.children.filter((child) => child.code === code);
/** The test's own unit table (UCUM and the vendor spellings the fixtures use); anything else: unknown. */
const FACTORS: Record<string, number> = { 'mGy.cm': 1, mGycm: 1, mGy: 1, 'Gy.m2': 1e4, Gym2: 1e4, s: 1 };
function inStoredUnit(item: DumpItem | undefined): number | null {
  if (!item?.value || !item.unit || !(item.unit in FACTORS) || !['UCUM', 'UCM'].includes(item.unitScheme ?? ''))
    return null;
  return Number((Number(item.value) * (FACTORS[item.unit] ?? Number.NaN)).toPrecision(12));
}
const sumOrNull = (values: (number | null)[]) =>
  values.length === 0 || values.some((value) => value === null)
    ? null
    : Number(values.reduce<number>((sum, value) => sum + (value ?? 0), 0).toPrecision(12));

/** The totals as dsrdump shows them. */
function dsrdumpTotals(file: string) {
  const document = dsrdump(file);
  const accumulated = childrenCoded(document, '113811')[0];
  const ctdis = childrenCoded(document, '113819').flatMap((event) =>
    childrenCoded(event, '113829').map((dose) => ({
      ctdi: inStoredUnit(childrenCoded(dose, '113830')[0]),
      phantom: childrenCoded(dose, '113835')[0]?.value ?? null,
    })),
  );
  const highest = ctdis.filter((event) => event.ctdi !== null).sort((a, b) => (b.ctdi ?? 0) - (a.ctdi ?? 0))[0];
  const planes = childrenCoded(document, '113702');
  return {
    dlpMGyCm: accumulated ? inStoredUnit(childrenCoded(accumulated, '113813')[0]) : null,
    ctdiVolMGy: highest?.ctdi ?? null,
    ctdiVolPhantom: highest ? ({ '113691': 'body-32cm', '113690': 'head-16cm' }[highest.phantom ?? ''] ?? null) : null,
    dapGyCm2: planes.length ? sumOrNull(planes.map((plane) => inStoredUnit(childrenCoded(plane, '113722')[0]))) : null,
    fluoroTimeS: planes.length
      ? sumOrNull(planes.map((plane) => inStoredUnit(childrenCoded(plane, '113730')[0])))
      : null,
    events: childrenCoded(document, '113819').length + childrenCoded(document, '113706').length,
  };
}

// ---- what each fixture must read to ------------------------------------------------------

interface Expected {
  kind: ReportKind;
  dlpMGyCm?: number | null;
  ctdiVolMGy?: number | null;
  ctdiVolPhantom?: 'body-32cm' | 'head-16cm' | null;
  dapGyCm2?: number | null;
  fluoroTimeS?: number | null;
  events: number;
  warnings: ReportWarningCode[];
  also?: Partial<DoseReportSummary>;
}

const READABLE: Record<string, Expected> = {
  'ct-standard': {
    kind: 'ct',
    dlpMGyCm: 46.59,
    ctdiVolMGy: 4.35,
    ctdiVolPhantom: 'body-32cm',
    events: 3,
    warnings: [],
    also: {
      manufacturer: 'SIEMENS',
      model: 'SOMATOM go.Up',
      stationName: 'CTSUED1',
      deviceSerial: '108845',
      studyInstanceUid: '2.25.310000000000000000000000000000000001',
      sopInstanceUid: '2.25.310000000000000000000000000000000101',
      accessionNumber: 'ACC-1001',
      patientId: 'K-100301',
      patientName: 'Müller^Hans',
      studyDate: '2026-03-12',
      studyTime: '10:15:00',
    },
  },
  'ct-standard-partial': {
    kind: 'ct',
    dlpMGyCm: 43.35,
    ctdiVolMGy: 4.35,
    ctdiVolPhantom: 'body-32cm',
    events: 2,
    warnings: [],
  },
  'ct-dose-check': {
    kind: 'ct',
    dlpMGyCm: 212.7,
    ctdiVolMGy: 9.8,
    ctdiVolPhantom: 'body-32cm',
    events: 2,
    warnings: [],
  },
  'ct-vendor-units.latin1': {
    kind: 'ct',
    dlpMGyCm: 152,
    ctdiVolMGy: 7.35,
    ctdiVolPhantom: 'body-32cm',
    events: 2,
    warnings: ['no-template-identifier'],
    also: { stationName: 'RÖNTGEN-CT', patientName: 'Dürr^Françoise' },
  },
  'ct-two-phantoms': {
    kind: 'ct',
    dlpMGyCm: 98.4,
    ctdiVolMGy: 12.2,
    ctdiVolPhantom: 'head-16cm',
    events: 3,
    warnings: ['mixed-phantoms'],
  },
  'ct-broken-items': {
    kind: 'ct',
    dlpMGyCm: 61,
    ctdiVolMGy: 5.2,
    ctdiVolPhantom: null,
    events: 2,
    warnings: ['code-without-value', 'event-without-uid', 'code-without-value', 'no-phantom', 'invalid-date-time'],
    also: { irradiationStartedAt: null },
  },
  'ct-unknown-units': {
    kind: 'ct',
    dlpMGyCm: null,
    ctdiVolMGy: null,
    ctdiVolPhantom: null,
    events: 2,
    warnings: ['unknown-unit', 'unknown-unit', 'unknown-unit'],
  },
  'ct-declared-utf8.latin1': {
    kind: 'ct',
    dlpMGyCm: 46.59,
    ctdiVolMGy: 4.35,
    ctdiVolPhantom: 'body-32cm',
    events: 3,
    warnings: ['character-set'],
    also: { stationName: 'CT-ZÜRICH', patientName: 'Müller^Hans' },
  },
  'ct-as-enhanced-sr': {
    kind: 'ct',
    dlpMGyCm: 46.59,
    ctdiVolMGy: 4.35,
    ctdiVolPhantom: 'body-32cm',
    events: 3,
    warnings: [],
  },
  'xa-single-plane.latin1': {
    kind: 'projection',
    dapGyCm2: 3.2,
    fluoroTimeS: 45,
    events: 3,
    warnings: [],
    also: {
      stationName: 'DL-SÜD-2',
      patientName: 'Bühler^Jörg',
      doseRpGy: 0.0123,
      fluoroDapGyCm2: 2.9,
      acquisitionDapGyCm2: 0.3,
      irradiationStartedAt: '2026-03-12T09:31:12',
    },
  },
  'xa-other-time-zone.latin1': {
    kind: 'projection',
    dapGyCm2: 3.2,
    fluoroTimeS: 45,
    events: 3,
    warnings: [],
    also: { irradiationStartedAt: '2026-03-12T09:31:12-05:00' },
  },
  'xa-offset-in-datetimes.latin1': {
    kind: 'projection',
    dapGyCm2: 3.2,
    fluoroTimeS: 45,
    events: 3,
    warnings: [],
    also: { irradiationStartedAt: '2026-03-12T10:30:00+02:00' },
  },
  'xa-two-planes': {
    kind: 'projection',
    dapGyCm2: 3.6,
    fluoroTimeS: 52,
    events: 3,
    warnings: ['planes-summed'],
    also: { doseRpGy: null, manufacturer: 'Philips' },
  },
  'xa-declared-latin1': {
    kind: 'projection',
    dapGyCm2: 1.05,
    fluoroTimeS: 21,
    events: 1,
    warnings: ['character-set'],
    also: { stationName: 'DL-GENÈVE', patientName: 'Lévêque^Zoé' },
  },
};

const read = (name: string) => readDoseReport(readFileSync(fixtureFile(name)));

describe('reading a dose report', () => {
  it('has an expectation for every fixture', () => {
    const refused = ['not-a-dose-report', 'enhanced-xray-dose-sr', 'ct-image', 'enhanced-sr-not-dose'];
    expect(FIXTURE_NAMES.filter((name) => !(name in READABLE) && !refused.includes(name))).toEqual([]);
  });

  for (const [name, expected] of Object.entries(READABLE)) {
    it(`${name}: reads the totals dsrdump finds`, () => {
      const summary = read(name);
      const independent = dsrdumpTotals(fixtureFile(name));
      expect(summary.kind).toBe(expected.kind);
      expect(summary.ctEvents.length + summary.projectionEvents.length).toBe(expected.events);
      expect(independent.events).toBe(expected.events);
      const totals = {
        dlpMGyCm: summary.dlpMGyCm,
        ctdiVolMGy: summary.ctdiVolMGy,
        ctdiVolPhantom: summary.ctdiVolPhantom,
        dapGyCm2: summary.dapGyCm2,
        fluoroTimeS: summary.fluoroTimeS,
      };
      const { events: _, ...dsrdumpFigures } = independent;
      expect(totals).toEqual(dsrdumpFigures);
      expect(totals).toEqual({
        dlpMGyCm: expected.dlpMGyCm ?? null,
        ctdiVolMGy: expected.ctdiVolMGy ?? null,
        ctdiVolPhantom: expected.ctdiVolPhantom ?? null,
        dapGyCm2: expected.dapGyCm2 ?? null,
        fluoroTimeS: expected.fluoroTimeS ?? null,
      });
      expect(summary.warnings.map((warning) => warning.code).sort()).toEqual([...expected.warnings].sort());
      if (expected.also) expect(summary).toMatchObject(expected.also);
    });
  }

  it('reads each CT event with its own phantom, protocol and DLP', () => {
    expect(read('ct-two-phantoms').ctEvents).toEqual([
      expect.objectContaining({
        protocol: 'Topogram',
        acquisitionType: 'constant-angle',
        ctdiVolMGy: 0.14,
        phantom: 'body-32cm',
        dlpMGyCm: 4.6,
      }),
      expect.objectContaining({
        protocol: 'PRT Planung',
        acquisitionType: 'sequenced',
        ctdiVolMGy: 6.1,
        phantom: 'body-32cm',
        dlpMGyCm: 79.5,
      }),
      expect.objectContaining({ protocol: 'PRT Kopfphantom', ctdiVolMGy: 12.2, phantom: 'head-16cm', dlpMGyCm: 14.3 }),
    ]);
  });

  it('takes the dose check thresholds and forecasts for what they are: never part of the DLP', () => {
    const summary = read('ct-dose-check');
    // Every mGy·cm in the file adds up to 1000 + 1250.5 + 500 + 612.4 + 7.1 + 205.6 + 212.7 = 3788.3.
    expect(summary.dlpMGyCm).toBe(212.7);
    expect(summary.ctEvents.map((event) => event.dlpMGyCm)).toEqual([7.1, 205.6]);
  });

  it('takes the plane totals as the truth, not the sum of events without a duration', () => {
    const summary = read('xa-single-plane.latin1');
    expect(summary.projectionEvents.map((event) => [event.eventType, event.durationS])).toEqual([
      ['fluoroscopy', null],
      ['fluoroscopy', null],
      ['acquisition', 0.8],
    ]);
    expect(summary.fluoroTimeS).toBe(45);
    expect(summary.planes).toEqual([
      {
        plane: 'single',
        dapGyCm2: 3.2,
        fluoroDapGyCm2: 2.9,
        acquisitionDapGyCm2: 0.3,
        doseRpGy: 0.0123,
        fluoroTimeS: 45,
        acquisitionTimeS: 0.8,
      },
    ]);
  });

  it('keeps each plane of a two-plane system', () => {
    const summary = read('xa-two-planes');
    expect(summary.planes.map((plane) => [plane.plane, plane.dapGyCm2, plane.fluoroTimeS, plane.doseRpGy])).toEqual([
      ['A', 2.5, 38, 0.0091],
      ['B', 1.1, 14, 0.0042],
    ]);
    expect(summary.projectionEvents.map((event) => event.plane)).toEqual(['A', 'B', 'A']);
  });

  it('names the unit it does not know and leaves the value empty', () => {
    const messages = read('ct-unknown-units').warnings.map((warning) => warning.message);
    expect(messages).toContain(
      'CT Dose Length Product Total of the accumulated CT dose is 610 in uGy.m (UCUM), a unit RootLog does not know: not used.',
    );
    expect(messages).toContain(
      'Mean CTDIvol of CT event 2 is 5.2 in mGy (99ACME), a unit RootLog does not know: not used.',
    );
  });

  it('says its findings in the reader’s language: the report’s names, units and numbers as values', () => {
    const findings = read('ct-unknown-units').warnings;
    const inLanguage = (language: Language, locale: string) =>
      findings.map((found) => say(found.words, translator(language), language, locale));
    expect(inLanguage('de', 'de-CH')).toContain(
      'Kumulierte CT-Dosis: CT Dose Length Product Total ist 610 in uGy.m (UCUM), einer Einheit, die RootLog nicht kennt; der Wert wird nicht verwendet.',
    );
    expect(inLanguage('fr', 'fr-CH')).toContain(
      'Événement CT 2 : Mean CTDIvol vaut 5,2 en mGy (99ACME), une unité que RootLog ne connaît pas : non utilisé.',
    );
    // A list of the reader's own words inside a finding, joined as the language joins them.
    const [mixed] = read('ct-two-phantoms').warnings;
    expect(mixed && say(mixed.words, translator('de'), 'de', 'de-CH')).toBe(
      'Die CTDIvol der Ereignisse wurden in verschiedenen Phantomen gemessen (32-cm-Körperphantom und 16-cm-Kopfphantom): Sie sind nicht vergleichbar; das höchste wird mit seinem Phantom angegeben.',
    );
    // Its English (the logs, the command line's JSON) is derived from the same words.
    expect(findings.map((found) => inEnglish(found.words))).toEqual(findings.map((found) => found.message));
  });

  it('refuses what is not an X-Ray Radiation Dose SR, saying what it is', () => {
    expect(() => read('not-a-dose-report')).toThrow(
      'The file is a comprehensive SR (SOP class 1.2.840.10008.5.1.4.1.1.88.33), not an X-Ray Radiation Dose SR (1.2.840.10008.5.1.4.1.1.88.67).',
    );
    expect(() => read('enhanced-xray-dose-sr')).toThrow(
      /Enhanced X-Ray Radiation Dose SR \(1\.2\.840\.10008\.5\.1\.4\.1\.1\.88\.76/,
    );
    expect(() => read('ct-image')).toThrow(/is a CT image \(SOP class 1\.2\.840\.10008\.5\.1\.4\.1\.1\.2\)/);
    expect(() => read('enhanced-sr-not-dose')).toThrow(
      'The file is a structured report but not an X-Ray Radiation Dose Report (its document is 18748-4 in LN, not 113701 in DCM).',
    );
    expect(() => readDoseReport(new TextEncoder().encode('DLP 46.59 mGy.cm\n'))).toThrow(/not a DICOM file/);
  });

  it('refuses a damaged file instead of reading half of it', () => {
    const bytes = readFileSync(fixtureFile('ct-standard'));
    expect(() => readDoseReport(bytes.subarray(0, Math.floor(bytes.length / 2)))).toThrow(/damaged/);
  });

  it('keeps the device’s time zone: a date-time’s own offset, else the report’s Timezone Offset From UTC', () => {
    expect(isoDateTime('20260312093112')).toBe('2026-03-12T09:31:12');
    expect(isoDateTime('20260312093112', '-0500')).toBe('2026-03-12T09:31:12-05:00');
    expect(isoDateTime('20260312093112.250+0100', '+0530')).toBe('2026-03-12T09:31:12+01:00');
    expect(isoDateTime('202603120931+1400')).toBe('2026-03-12T09:31:00+14:00');
    // Not an offset: the date-time is not one either; a report's bad offset is not used.
    expect(isoDateTime('20260312093112+2500')).toBeNull();
    expect(isoDateTime('20260312093112-0575')).toBeNull();
    expect(isoDateTime('20260312093112', '+25')).toBe('2026-03-12T09:31:12');
  });
});
