import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempPath } from '../testing/fixtures.js';

/* The command line as IT runs it: the built file, a real process, real exit codes. */
const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli', 'rootlog.cjs');

const run = (...args: string[]) => {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
};

describe('rootlog command line', () => {
  it('seeds, checks and backs up a database', () => {
    const db = tempPath();
    const seeded = run('seed', '--db', db, '--count', '300', '--seed', '5');
    expect(seeded).toMatchObject({ code: 0 });
    expect(seeded.out).toMatch(/seeded 300 signed procedures/);

    const check = run('check', '--db', db);
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/integrity:\s+ok/);
    expect(check.out).toMatch(/procedures\s+300\n/);
    expect(check.out).toMatch(/check passed/);

    const out = tempPath('backup.sqlite');
    const backup = run('backup', '--db', db, '--out', out);
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/300 procedures.*integrity ok/);
    expect(run('check', '--db', out).code).toBe(0);
    expect(existsSync(`${out}.partial`)).toBe(false);
    expect(run('backup', '--db', db, '--out', out)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/already exists/),
    });
  });

  it('fails check with exit 1 and a clear message on a damaged file, without changing it', () => {
    const db = tempPath();
    writeFileSync(db, Buffer.alloc(8192, 7));
    const before = readFileSync(db);
    const check = run('check', '--db', db);
    expect(check.code).toBe(1);
    expect(check.err).toMatch(/damaged or is not a RootLog database/);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it("fails check when a signed record's dashboard facts are edited, naming the record and the tampering", () => {
    const db = tempPath();
    expect(run('seed', '--db', db, '--count', '30', '--seed', '2').code).toBe(0);
    expect(run('check', '--db', db).out).toMatch(/dashboard facts: ok/);
    const raw = new Database(db);
    const id = raw.prepare('SELECT id FROM procedures LIMIT 1').pluck().get() as string;
    // Tampering by hand: only possible with the immutability trigger lifted (and put back).
    const trigger = raw
      .prepare("SELECT sql FROM sqlite_schema WHERE name = 'signed_procedure_no_update'")
      .pluck()
      .get();
    raw.exec('DROP TRIGGER signed_procedure_no_update');
    raw.prepare('UPDATE procedures SET dashboard_facts = ? WHERE id = ?').run('A'.repeat(96), id);
    raw.exec(String(trigger));
    raw.close();
    const check = run('check', '--db', db);
    expect(check.code).toBe(1);
    expect(check.out).toContain(`dashboard facts: 1 procedure disagrees with its record (${id})`);
    // A derived column of a signed record differs from what its signed version gives: tampering.
    expect(check.out).toContain(`procedure ${id}: procedures.dashboard_facts differs from what signed version 1 gives`);
    expect(check.err).toMatch(/changed outside RootLog/);
  });

  it('check prints the tamper evidence and the chain head, and proves a kept head later', () => {
    const db = tempPath();
    expect(run('seed', '--db', db, '--count', '20', '--seed', '4').code).toBe(0);
    const first = run('check', '--db', db);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/triggers:\s+ok/);
    const rows = Number(/audit chain:\s+ok \((\d+) rows\)/.exec(first.out)?.[1]);
    expect(rows).toBeGreaterThan(40); // a create and a sign per record, and the seeded operators
    expect(first.out).toMatch(/version chain:\s+ok \(20 signed versions\)/);
    expect(first.out).toMatch(/signed records:\s+ok \(20 match their signed versions\)/);
    const head = /chain head:\s+(.+)/.exec(first.out)?.[1] ?? '';
    expect(head).toMatch(
      new RegExp(
        `^audit:${rows}:[0-9a-f]{64} versions:20:[0-9a-f]{64} follow-ups:\\d+:[0-9a-f]{64} state:\\d+:[0-9a-f]{64} key:[0-9a-f]{16}$`,
      ),
    );
    expect(run('seed', '--db', db, '--count', '5', '--seed', '5').code).toBe(0);
    const later = run('check', '--db', db, '--expect-head', head);
    expect(later.out).toMatch(/kept head:\s+ok/);
    expect(later.code).toBe(0);

    const raw = new Database(db);
    raw.exec(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = ${rows}`);
    raw.close();
    const tampered = run('check', '--db', db, '--expect-head', head);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(/trigger audit_log_no_delete is missing/);
    expect(tampered.out).toContain(`audit chain:     BROKEN: audit row ${rows - 1} is followed by row ${rows + 1}`);
    expect(tampered.err).toMatch(/changed outside RootLog/);
    expect(run('check', '--db', db, '--expect-head', 'nonsense').err).toMatch(/--expect-head|Expected head/);
  });

  it('exports in every format and merges a JSON export into another database', () => {
    const db = tempPath();
    expect(run('seed', '--db', db, '--count', '120', '--seed', '3').code).toBe(0);
    for (const format of ['csv', 'xlsx', 'json', 'fhir']) {
      const out = tempPath(`export.${format}`);
      const result = run(
        'export',
        '--db',
        db,
        '--format',
        format,
        '--out',
        out,
        '--from',
        '2000-01-01',
        '--pseudonymize',
      );
      expect(result, format).toMatchObject({
        code: 0,
        out: expect.stringMatching(/exported 120 procedures as \w+ \(pseudonymised\)/),
        // Nothing on stderr for a scheduled job's log to alarm anyone (exceljs warned of Buffer()).
        err: '',
      });
      expect(existsSync(out)).toBe(true);
    }
    const json = tempPath('merge.json');
    expect(run('export', '--db', db, '--format', 'json', '--out', json).code).toBe(0);
    const other = tempPath('other.sqlite');
    expect(run('import', '--db', other, '--in', json)).toMatchObject({
      code: 0,
      out: 'added 120, skipped 0 (already here), conflicts 0, rejected 0\n',
    });
    expect(run('import', '--db', other, '--in', json)).toMatchObject({
      code: 0,
      out: 'added 0, skipped 120 (already here), conflicts 0, rejected 0\n',
    });
    expect(run('export', '--db', db, '--format', 'pdf', '--out', tempPath())).toMatchObject({
      code: 1,
      err: expect.stringMatching(/Export format must be one of|format/),
    });
    expect(run('export', '--db', db, '--format', 'csv')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--out is required/),
    });
  });

  it('lists who is due for a follow-up, and the outcomes in stats', () => {
    const db = tempPath();
    expect(run('seed', '--db', db, '--count', '200', '--seed', '6').code).toBe(0);
    const raw = new Database(db, { readonly: true });
    const newest = raw.prepare('SELECT max(performed_date) FROM procedures').pluck().get() as string;
    raw.close();
    const nextDay = new Date(Date.parse(`${newest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const due = run('follow-ups-due', '--db', db, '--date', nextDay);
    expect(due.code).toBe(0);
    expect(due.out).toMatch(/\d+ follow-ups? due:/);
    expect(due.out).toMatch(/(OVERDUE|due) +(day 1–3 call|week 2–6 review) +day +\d+ +procedure \d{4}-\d{2}-\d{2}/);
    expect(run('follow-ups-due', '--db', db, '--date', '29.11.2026').code).toBe(2);
    // A day that does not exist is refused as the app refuses it, not answered with an empty list.
    const impossible = run('follow-ups-due', '--db', db, '--date', '2026-02-30');
    expect(impossible.code).toBe(2);
    expect(impossible.err).toMatch(/--date must be a real date as YYYY-MM-DD/);
    const stats = JSON.parse(run('stats', '--db', db, '--json').out);
    expect(stats.followUpOutcomes.overall.late.followedUp).toBeGreaterThan(0);
    expect(run('stats', '--db', db).out).toMatch(/Outcome at follow-up/);
  });

  it('prints the dashboard aggregates as text or JSON', () => {
    const db = tempPath();
    expect(run('seed', '--db', db, '--count', '200', '--seed', '4').code).toBe(0);
    const text = run('stats', '--db', db);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/procedures \(signed\): 200/);
    expect(text.out).toMatch(/Immediate pain response/);
    const json = run('stats', '--db', db, '--json', '--from', '2000-01-01');
    expect(JSON.parse(json.out)).toMatchObject({ procedures: 200, pain: { overall: { procedures: 200 } } });
    expect(run('stats', '--db', db, '--from', 'yesterday')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/From date must be a date as YYYY-MM-DD/),
    });
    expect(run('stats', '--db', tempPath('missing.sqlite'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/does not exist/),
    });
  });

  it('answers unknown commands and bad flags with usage and exit 2', () => {
    expect(run('frobnicate')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/unknown command "frobnicate"[\s\S]*Usage: rootlog/),
    });
    expect(run()).toMatchObject({ code: 2, err: expect.stringMatching(/no command given/) });
    expect(run('seed', '--db', tempPath())).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--count is required/),
    });
    expect(run('seed', '--db', tempPath(), '--count', '-3')).toMatchObject({ code: 2 });
    expect(run('check', '--db', 'x', '--verbose')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/Unknown option '--verbose'/),
    });
    expect(run('--help')).toMatchObject({ code: 0, out: expect.stringMatching(/Usage: rootlog/) });
  });
});
