import { beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.js';
import { tempStore } from '../testing/fixtures.js';
import { type ExportJson, importEdited, seededExport, unlinked } from '../testing/import-files.js';

/*
 * Import files that would write what was never signed (issue 23, items 5, 7 and 8): each is
 * rejected alone, naming the field and the rule, the other records arrive, and the logbook
 * still checks.
 */

type Json = ExportJson;
let file: Json;

beforeAll(async () => {
  file = await seededExport({ count: 12, seed: 31 });
});

async function importSpoiled(spoil: (record: Json) => void) {
  const data = structuredClone(file);
  const record = data.procedures.find((candidate: Json) => candidate.life.status === 'signed');
  spoil(record);
  const { store } = tempStore();
  const report = await importEdited(store, data);
  const ledger = verifyLedger(store.reader.db);
  store.close();
  return { report, id: record.id as string, total: data.procedures.length, ledger };
}

const cases: [string, RegExp, (record: Json) => void][] = [
  [
    'a fabricated amendment in the history of a version-1 record',
    /history\[\d+\]/,
    (record) => {
      const sign = record.history.find((entry: Json) => entry.action === 'sign');
      record.history.push({
        ...unlinked(sign),
        at: record.life.signedAt,
        actor: 'Dr. Ghost',
        action: 'amend',
        version: 1,
        changes: { painPost: { before: 2, after: 9 } },
        reason: 'forged',
      });
    },
  ],
  [
    'signed before it was performed',
    /life\.signedAt.*before/,
    (record) => {
      const before = new Date(Date.parse(record.content.performedAt) - 86_400_000).toISOString();
      record.life.signedAt = before;
      record.versions[0] = { ...unlinked(record.versions[0]), signedAt: before };
      record.history = record.history.map((entry: Json) =>
        entry.action === 'sign' ? { ...unlinked(entry), at: before } : entry,
      );
    },
  ],
  [
    'created after it was signed',
    /life\.createdAt.*after/,
    (record) => {
      record.life.createdAt = new Date(Date.parse(record.life.signedAt) + 3_600_000).toISOString();
    },
  ],
  [
    'a patient born in 1850',
    /content\.birthDate.*120 years/,
    (record) => {
      record.content.birthDate = '1850-03-01';
      record.versions[0] = {
        ...unlinked(record.versions[0]),
        content: { ...record.versions[0].content, birthDate: '1850-03-01' },
      };
    },
  ],
  [
    'a procedure performed in 1985',
    /content\.performedAt.*2000/,
    (record) => {
      const performedAt = `1985${record.content.performedAt.slice(4)}`;
      record.followUps = [];
      record.history = record.history.filter((entry: Json) => entry.action !== 'follow_up');
      record.content.performedAt = performedAt;
      record.versions[0] = { ...unlinked(record.versions[0]), content: { ...record.versions[0].content, performedAt } };
    },
  ],
  [
    'a lone surrogate in a history entry (stored as U+FFFD, while its hash was over the escape)',
    /history\[\d+\].*well-formed/,
    (record) => {
      const entry = record.history[0];
      record.history[0] = {
        ...unlinked(entry),
        changes: { ...entry.changes, notes: { before: null, after: '\ud800' } },
      };
    },
  ],
  [
    "a lone surrogate in a signed version's notes",
    /well-formed/,
    (record) => {
      record.content.notes = 'a\udc00b';
      record.versions[0] = {
        ...unlinked(record.versions[0]),
        content: { ...record.versions[0].content, notes: 'a\udc00b' },
      };
    },
  ],
];

describe('an import writes only what was signed', () => {
  for (const [name, expected, spoil] of cases) {
    it(`rejects ${name}, alone, and the logbook still checks`, async () => {
      const { report, id, total, ledger } = await importSpoiled(spoil);
      const entry = report.rejected.find((rejected) => rejected.id === id);
      expect(entry, `${name} is rejected`).toBeDefined();
      const said = entry?.problems.map((found) => `${found.field} ${found.message}`).join('; ');
      expect(said).toMatch(expected);
      expect(report.added).toBe(total - 1);
      expect(ledger.ok, JSON.stringify(ledger.records)).toBe(true);
    });
  }
});
