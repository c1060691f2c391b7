import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { recordFollowUp } from '../follow-ups.js';
import { amendProcedure, saveDraft, signProcedure } from '../procedures.js';
import { completeDraft, EVERY_CONFIRMABLE_WARNING, tempPath, tempStore } from '../testing/fixtures.js';
import { recordSigner, someSigner } from '../testing/signer.js';
import { neutralise } from './formula.js';
import { runExport } from './run.js';

const BREAKS = { LF: '\n', CRLF: '\r\n', CR: '\r' } as const;
const FORMULAS = ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(1,2)'];
/** A text that splits a row, and starts a line with a live formula, wherever it lands. */
const hostile = (label: string, lineBreak: string, formula: string) =>
  `${label} tolerated well${lineBreak}${formula}${lineBreak}third line`;

describe('CSV keeps one record per row whatever the text holds', () => {
  it('neutralises a formula at the start of every line, leaving numbers alone', () => {
    expect(neutralise('Tolerated well\n=cmd\r\n+1\r@x')).toBe("Tolerated well\n'=cmd\r\n'+1\r'@x");
    expect(neutralise('-5 mg')).toBe("'-5 mg");
    expect(neutralise(-5)).toBe(-5);
    expect(neutralise('dexamethasone 8 mg')).toBe('dexamethasone 8 mg');
  });

  for (const [breakName, lineBreak] of Object.entries(BREAKS)) {
    it(`every free-text field with ${breakName} line breaks, standard and European, main and detail files`, async () => {
      const { store, operatorId } = tempStore();
      const actor = { actor: hostile('signer', lineBreak, '=HYPERLINK("http://x")') };
      // A signed and amended record, with every multi-line field the form allows.
      const signed = saveDraft(
        store,
        completeDraft(operatorId, {
          notes: hostile('notes', lineBreak, FORMULAS[0] as string),
        }),
        actor,
      ).record;
      signProcedure(
        store,
        signed.id,
        { confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
        recordSigner(store, signed.id),
        actor,
      );
      amendProcedure(
        store,
        {
          ...completeDraft(operatorId, {
            notes: hostile('notes', lineBreak, FORMULAS[0] as string),
            noDrugReason: hostile('no drug', lineBreak, '=1+1'),
          }),
          id: signed.id,
        },
        { reason: hostile('reason', lineBreak, FORMULAS[2] as string), confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
        someSigner(store),
        actor,
      );
      // A follow-up call and its correction, notes and reason multi-line, the recorder's name too.
      const call = recordFollowUp(
        store,
        {
          procedureId: signed.id,
          contactDate: '2026-03-16',
          method: 'phone',
          legNrs: 3,
          notes: hostile('call', lineBreak, FORMULAS[1] as string),
        },
        someSigner(store),
        actor,
      );
      recordFollowUp(
        store,
        {
          procedureId: signed.id,
          contactDate: '2026-03-16',
          method: 'phone',
          legNrs: 4,
          supersedes: call.id,
          reason: hostile('correction', lineBreak, FORMULAS[2] as string),
        },
        someSigner(store),
        actor,
      );
      // A draft whose every stored text holds line breaks and formulas (as an import or a
      // damaged record could): single-line fields included, written past the model.
      const draft = saveDraft(store, completeDraft(operatorId, { patientId: 'P-DRAFT' }), actor).record;
      const db = store.writer.db;
      const text = (label: string) => hostile(label, lineBreak, FORMULAS[3] as string);
      db.prepare(
        `UPDATE procedures SET patient_name = ?, assistant = ?, no_drug_reason = ?, notes = ?, console_name = ?,
           accession_number = ? WHERE id = ?`,
      ).run(text('name'), text('assistant'), text('no drug'), text('notes'), text('console'), text('acc'), draft.id);
      db.prepare('UPDATE drug_administrations SET lot = ? WHERE procedure_id = ?').run(text('lot'), draft.id);
      db.prepare('UPDATE operators SET name = ? WHERE id = ?').run(text('operator'), operatorId);

      for (const european of [false, true]) {
        const out = tempPath(`hostile-${breakName}${european ? '-eu' : ''}.csv`);
        const result = await runExport(store, { format: 'csv', out, european, detailFiles: true, includeDrafts: true });
        // The main file, its detail tables (the dose report's events among them since schema 24) and the dictionary.
        expect(result.files).toHaveLength(6);
        for (const file of result.files) {
          const content = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
          // Read the way Excel and Python's csv module read: any unquoted CR, LF or CR LF ends a
          // row, and a row with more or fewer cells than the header throws.
          const rows = parse(content, {
            delimiter: european ? ';' : ',',
            record_delimiter: ['\r\n', '\n', '\r'],
            relax_column_count: false,
          }) as string[][];
          const header = rows[0] as string[];
          for (const row of rows) expect(row.length, `${file}: ${row.join('|').slice(0, 80)}`).toBe(header.length);
          for (const cell of rows.flat()) {
            for (const line of cell.split(/\r\n|\r|\n/)) {
              expect(/^[=+@]/.test(line) || /^-\d/.test(line), `${file}: a line starts a formula: ${line}`).toBe(false);
            }
          }
          if (file === out) {
            // One row per target (each record has one), and the hostile texts arrived whole.
            expect(rows).toHaveLength(3);
            expect(content).toContain('notes tolerated well');
            expect(content).toContain(`'=cmd|' /C calc'!A0`);
          }
        }
      }
      store.close();
    });
  }
});
