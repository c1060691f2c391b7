import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getSettings } from '../settings.js';
import { openStore } from '../store.js';
import { tempPath, tempStore } from '../testing/fixtures.js';
import { runCli } from './main.js';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

describe('rootlog wordings', () => {
  it('sets a department’s corrected wording, audited, and shows it back as a file --set takes', async () => {
    const { store } = tempStore();
    const db = store.path;
    store.close();
    const file = tempPath('wordings.json');
    writeFileSync(
      file,
      JSON.stringify({ de: { 'aftercare.todoShower': 'Duschen ja, Baden und Schwimmen heute nicht.' } }),
    );
    const set = await cli('wordings', '--db', db, '--set', file);
    expect(set.status, set.err).toBe(0);
    expect(set.out).toContain('1 corrected wording in the logbook');
    const shown = await cli('wordings', '--db', db, '--show');
    expect(JSON.parse(shown.out)).toEqual({
      de: { 'aftercare.todoShower': 'Duschen ja, Baden und Schwimmen heute nicht.' },
    });
    const again = openStore(db);
    const audit = again.reader
      .prepare("SELECT changes FROM audit_log WHERE action = 'settings' ORDER BY seq DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(audit).toContain('wordings');
    again.close();
  });

  it('refuses a wording that loses a value or names no message, in words, and keeps what was there', async () => {
    const { store } = tempStore();
    const db = store.path;
    store.close();
    const file = tempPath('bad.json');
    writeFileSync(file, JSON.stringify({ it: { 'aftercare.callUs': 'Ci chiami.', 'no.such': 'x' } }));
    const refused = await cli('wordings', '--db', db, '--set', file);
    expect(refused.status).toBe(1);
    expect(refused.err).toMatch(/must name \{phone\}/);
    const again = openStore(db);
    expect(getSettings(again.reader).wordings).toEqual({});
    again.close();
  });
});
