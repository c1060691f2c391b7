import { beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.js';
import { tempStore } from '../testing/fixtures.js';
import { type ExportJson, importEdited, seededExport } from '../testing/import-files.js';

/*
 * A follow-up belongs to one record (issue 23, item 6): a record that claims another record's
 * follow-up id is rejected alone, in words, and never takes the import down with it.
 */

type Json = ExportJson;
let file: Json;

beforeAll(async () => {
  file = await seededExport({ count: 40, seed: 7 });
});

const withFollowUps = (data: Json): Json[] =>
  data.procedures.filter((record: Json) => record.followUps.length > 0 && record.followUps.length < 3);

/** `thief` takes `owner`'s first follow-up id for a follow-up of its own, as a tool without hash links writes it. */
function steal(thief: Json, owner: Json): string {
  const taken = owner.followUps[0].id as string;
  const own = thief.followUps[0];
  const before = own.id as string;
  const { hash: _h, previousHash: _p, ...link } = own;
  thief.followUps[0] = { ...link, id: taken };
  thief.history = thief.history.map((entry: Json) => {
    if (entry.action !== 'follow_up' || !(`followUp ${before}` in entry.changes)) return entry;
    const { hash: _eh, previousHash: _ep, ...plain } = entry;
    const { [`followUp ${before}`]: change, ...changes } = entry.changes;
    return { ...plain, changes: { ...changes, [`followUp ${taken}`]: change } };
  });
  return taken;
}

const said = (report: Json, id: string) =>
  report.rejected
    .filter((rejected: Json) => rejected.id === id)
    .flatMap((rejected: Json) => rejected.problems.map((found: Json) => `${found.field} ${found.message}`))
    .join('; ');

describe('a follow-up id taken by another record', () => {
  it('rejects the record that claims it, naming the field, and adds every other record', async () => {
    const data = structuredClone(file);
    const [owner, thief] = withFollowUps(data);
    steal(thief, owner);
    const { store } = tempStore();
    const first = await importEdited(store, { ...data, procedures: [owner] });
    expect(first.added).toBe(1);
    const report = await importEdited(store, data);
    expect(said(report, thief.id)).toMatch(/followUps\[0\]\.id .*another record/);
    expect(report.added).toBe(data.procedures.length - 2);
    expect(report.skipped).toBe(1);
    expect(verifyLedger(store.reader.db).ok).toBe(true);
    store.close();
  });

  it('in the same file: the later record is rejected in words, the database is never left to refuse it', async () => {
    const data = structuredClone(file);
    const [owner, thief] = withFollowUps(data);
    steal(thief, owner);
    const { store } = tempStore();
    const report = await importEdited(store, data);
    const claims = [said(report, owner.id), said(report, thief.id)].join(' ');
    expect(claims).toMatch(/followUps\[0\]\.id .*another record/);
    expect(claims).not.toMatch(/UNIQUE|constraint/);
    expect(report.added).toBe(data.procedures.length - 1);
    expect(verifyLedger(store.reader.db).ok).toBe(true);
    store.close();
  });

  it('a new follow-up of a record already here with a taken id rejects that record alone; the import goes on', async () => {
    const data = structuredClone(file);
    const [owner, thief] = withFollowUps(data);
    const { store } = tempStore();
    const first = await importEdited(store, { ...data, procedures: [owner, thief] });
    expect(first.added).toBe(2);
    // The thief, already here, comes back with one more follow-up: another record's id.
    const { hash: _h, previousHash: _p, ...link } = thief.followUps[0];
    const extra = { ...link, id: owner.followUps[0].id, supersedes: null, reason: null };
    thief.followUps.push(extra);
    const entry = thief.history.find((item: Json) => item.action === 'follow_up');
    const { hash: _eh, previousHash: _ep, ...plain } = entry;
    thief.history.push({
      ...plain,
      seq: undefined,
      changes: { [`followUp ${extra.id}`]: { before: null, after: 'recorded' } },
    });
    const report = await importEdited(store, data);
    expect(said(report, thief.id)).toMatch(/followUps\[\d+\]\.id .*another record/);
    expect(report.added).toBe(data.procedures.length - 2);
    expect(verifyLedger(store.reader.db).ok).toBe(true);
    store.close();
  });
});
