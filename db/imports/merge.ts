import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { appendAudit, diff } from '../audit.js';
import { JSON_FORMAT, JSON_FORMAT_VERSION } from '../exports/json.js';
import type { ExportedRecord } from '../exports/records.js';
import {
  canonicalDraft,
  drugSchema,
  type FieldProblem,
  operatorSchema,
  type ProcedureDraft,
  problemsFromZod,
  procedureDraftSchema,
  procedureIdSchema,
  RootLogError,
  STATUSES,
  signingProblems,
  warnings,
} from '../model/index.js';
import { clinicalContent } from '../procedures.js';
import { drugCatalogue, listOperators, referenceLevels } from '../settings.js';
import { type LifeColumns, readProcedure, writeProcedure } from '../sqlite/procedure-rows.js';
import { appendVersion } from '../sqlite/versions.js';
import type { ServiceContext, Store } from '../store.js';

/*
 * Merging a JSON export from another console, by record id, in one transaction:
 * new records are added with their signed versions and history; identical ones are
 * skipped; a record that differs from the one here is reported as a conflict and never
 * overwrites it. Running the same import twice changes nothing.
 */

export interface ImportConflict {
  id: string;
  reason: string;
}

export interface ImportReport {
  added: number;
  skipped: number;
  conflicts: ImportConflict[];
  rejected: { id: string; problems: FieldProblem[] }[];
}

const lifeSchema = z.object({
  status: z.enum(STATUSES),
  version: z.number().int().min(1),
  consoleName: z.string().min(1).max(200),
  createdAt: z.string().min(1),
  createdBy: z.string().min(1),
  updatedAt: z.string().min(1),
  signedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
  amendedBy: z.string().nullable(),
  amendedAt: z.string().nullable(),
  amendReason: z.string().nullable(),
});

const recordSchema = z.object({
  id: procedureIdSchema,
  life: lifeSchema,
  content: z.unknown(),
  versions: z.array(
    z.object({
      version: z.number().int().min(1),
      signedBy: z.string(),
      signedAt: z.string(),
      reason: z.string().nullable(),
      content: z.unknown(),
    }),
  ),
  history: z.array(
    z.object({
      at: z.string(),
      actor: z.string().min(1),
      action: z.enum(['create', 'update', 'sign', 'amend', 'delete', 'settings', 'import']),
      version: z.number().nullable(),
      changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
      reason: z.string().nullable(),
    }),
  ),
  operatorName: z.string().nullable(),
});

const fileSchema = z.object({
  format: z.literal(JSON_FORMAT, { error: `is not a RootLog JSON export (format must be "${JSON_FORMAT}")` }),
  formatVersion: z
    .number()
    .int()
    .max(JSON_FORMAT_VERSION, {
      error: `is from a newer RootLog (this one reads format version ${JSON_FORMAT_VERSION})`,
    }),
  // The exporting database's schema, for the record only: what a file holds is fixed by its
  // format version, so a console whose database is newer (its dashboard facts, say) can still
  // hand its records to one that is not.
  schemaVersion: z.number().int(),
  pseudonymized: z.literal(false, {
    error: 'is pseudonymised: pseudonymised exports cannot be merged (their identifiers are hashes)',
  }),
  operators: z.array(operatorSchema),
  drugCatalogue: z.array(drugSchema),
  procedures: z.array(z.unknown()),
});

/** Same clinical meaning: compared field by field, so key order and absent-vs-null do not matter. */
const same = (a: unknown, b: unknown) => Object.keys(diff(a, b)).length === 0;

function parseContent(value: unknown): { content?: ProcedureDraft; problems: FieldProblem[] } {
  const parsed = procedureDraftSchema.safeParse(value);
  return parsed.success
    ? { content: canonicalDraft(parsed.data), problems: [] }
    : { problems: problemsFromZod(parsed.error) };
}

export function importFile(store: Store, path: string, context: ServiceContext): ImportReport {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new RootLogError(
      'validation',
      `Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
      { field: 'in' },
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new RootLogError('validation', `${path} is not valid JSON, so it is not a RootLog export.`, { field: 'in' });
  }
  return importExport(store, data, context, createHash('sha256').update(text).digest('hex'));
}

export function importExport(store: Store, data: unknown, context: ServiceContext, fileHash = ''): ImportReport {
  const file = fileSchema.safeParse(data);
  if (!file.success) {
    const problems = problemsFromZod(file.error).map((problem) => ({
      ...problem,
      message: `The file's ${problem.message}`,
    }));
    throw RootLogError.invalid(problems);
  }
  const report: ImportReport = { added: 0, skipped: 0, conflicts: [], rejected: [] };
  const now = new Date().toISOString();

  const write = store.writer;
  write.db
    .transaction(() => {
      // Operators and drugs the records need: added when missing, never changed when present.
      let catalogueGrew = false;
      const operatorIds = new Set(listOperators(write).map((operator) => operator.id));
      for (const operator of file.data.operators) {
        if (operatorIds.has(operator.id)) continue;
        write
          .prepare('INSERT INTO operators (id, name, active) VALUES (?, ?, ?)')
          .run(operator.id, operator.name, operator.active ? 1 : 0);
        operatorIds.add(operator.id);
        catalogueGrew = true;
      }
      const drugCodes = new Set(drugCatalogue(write).map((drug) => drug.code));
      for (const drug of file.data.drugCatalogue) {
        if (drugCodes.has(drug.code)) continue;
        write
          .prepare(
            `INSERT INTO drug_catalogue (code, name, drug_class, particulate, dosing, default_concentration_mg_per_ml, usual_dose_mg, max_dose_mg, active)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            drug.code,
            drug.name,
            drug.drugClass,
            drug.particulate ? 1 : 0,
            drug.dosing,
            drug.defaultConcentrationMgPerMl ?? null,
            drug.usualDoseMg ?? null,
            drug.maxDoseMg ?? null,
            drug.active ? 1 : 0,
          );
        drugCodes.add(drug.code);
        catalogueGrew = true;
      }
      const signingContext = { operatorIds, drugCatalogue: drugCatalogue(write) };
      const ruleSettings = { referenceLevels: referenceLevels(write), drugCatalogue: signingContext.drugCatalogue };

      file.data.procedures.forEach((raw, index) => {
        const parsed = recordSchema.safeParse(raw);
        const rawId =
          typeof raw === 'object' && raw !== null && 'id' in raw
            ? String((raw as { id: unknown }).id)
            : `#${index + 1}`;
        if (!parsed.success) {
          report.rejected.push({ id: rawId, problems: problemsFromZod(parsed.error) });
          return;
        }
        const incoming = parsed.data as unknown as ExportedRecord;
        const { content, problems } = parseContent({ ...(parsed.data.content as object), id: incoming.id });
        const versions = parsed.data.versions.map((version) => ({
          ...version,
          parsed: parseContent({ ...(version.content as object), id: incoming.id }),
        }));
        const badVersion = versions.find((version) => version.parsed.problems.length > 0);
        if (!content || badVersion) {
          report.rejected.push({ id: incoming.id, problems: content ? (badVersion?.parsed.problems ?? []) : problems });
          return;
        }
        if (incoming.life.status !== 'draft') {
          const unsignable = signingProblems(content, signingContext);
          if (unsignable.length > 0 || versions.length !== incoming.life.version) {
            report.rejected.push({
              id: incoming.id,
              problems:
                unsignable.length > 0
                  ? unsignable
                  : [
                      {
                        field: 'versions',
                        message: `Versions: ${versions.length} given for a record at version ${incoming.life.version}`,
                      },
                    ],
            });
            return;
          }
        }

        const existing = readProcedure(write.db, incoming.id);
        if (existing) {
          const here = {
            status: existing.life.status,
            version: existing.life.version,
            content: clinicalContent(existing.record),
          };
          if (same(here, { status: incoming.life.status, version: incoming.life.version, content })) {
            report.skipped++;
          } else {
            report.conflicts.push({
              id: incoming.id,
              reason:
                here.version !== incoming.life.version || here.status !== incoming.life.status
                  ? `here ${here.status} version ${here.version}, in the file ${incoming.life.status} version ${incoming.life.version}; the record here was kept`
                  : 'same version with different content; the record here was kept',
            });
          }
          return;
        }

        const life: LifeColumns = {
          ...incoming.life,
          performedAtUtc: content.performedAt ? new Date(content.performedAt).toISOString() : incoming.life.createdAt,
          performedDate: content.performedAt ? content.performedAt.slice(0, 10) : incoming.life.createdAt.slice(0, 10),
          warningCodes: warnings(content, ruleSettings)
            .map((warning) => warning.code)
            .join(','),
        };
        // Parts are written while the row is a draft; then the versions, then the signature.
        writeProcedure(
          write.db,
          incoming.id,
          content,
          {
            ...life,
            status: 'draft',
            version: 1,
            signedBy: null,
            signedAt: null,
            amendedBy: null,
            amendedAt: null,
            amendReason: null,
          },
          false,
        );
        for (const version of versions) {
          appendVersion(write, {
            procedureId: incoming.id,
            version: version.version,
            content: version.parsed.content,
            signedBy: version.signedBy,
            signedAt: version.signedAt,
            reason: version.reason,
          });
        }
        if (incoming.life.status !== 'draft') {
          write
            .prepare(
              `UPDATE procedures SET status = ?, version = ?, signed_by = ?, signed_at = ?, amended_by = ?, amended_at = ?, amend_reason = ?, updated_at = ?
                WHERE id = ? AND status = 'draft'`,
            )
            .run(
              incoming.life.status,
              incoming.life.version,
              incoming.life.signedBy,
              incoming.life.signedAt,
              incoming.life.amendedBy,
              incoming.life.amendedAt,
              incoming.life.amendReason,
              incoming.life.updatedAt,
              incoming.id,
            );
        }
        for (const entry of parsed.data.history) {
          appendAudit(write, { ...entry, entity: 'procedure', entityId: incoming.id });
        }
        report.added++;
      });

      // An import that changed nothing leaves no trace, so running it again changes nothing.
      if (report.added === 0 && !catalogueGrew) return;
      appendAudit(write, {
        at: now,
        actor: context.actor,
        action: 'import',
        entity: 'import',
        entityId: fileHash || now,
        changes: {
          added: { before: null, after: report.added },
          skipped: { before: null, after: report.skipped },
          conflicts: { before: null, after: report.conflicts.map((conflict) => conflict.id) },
          rejected: { before: null, after: report.rejected.map((rejection) => rejection.id) },
          operatorsOrDrugsAdded: { before: null, after: catalogueGrew },
        },
      });
    })
    .immediate();
  return report;
}
