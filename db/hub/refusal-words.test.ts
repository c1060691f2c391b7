import { v7 as randomUUID } from 'uuid';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/main.js';
import { translator } from '../i18n/translator.js';
import { HUB_REFUSAL_MESSAGES as HR, inEnglish, say, sentence, type Words } from '../model/index.js';
import { saveDraft } from '../procedures.js';
import { updateSettings } from '../settings.js';
import { keepRefusal, keepWaiting } from '../sqlite/hub-local.js';
import type { Store } from '../store.js';
import { completeDraft, context, tempStore } from '../testing/fixtures.js';
import { type ApplyContext, applyCatalogue, applyVersion, type Outcome } from './apply.js';
import { ENTRY_FORMAT, type VersionEntry } from './entries.js';
import { hubRefusals, storedRefusalReason, storedRefusalSubject } from './local-state.js';
import { applyContext } from './pull.js';

/*
 * Why this console refused another console's row, kept as words (issue 29): stored as their
 * message ids and values (their English beside for IT), read back and said in the reader's
 * language — in Settings → Department server and by `rootlog hub refusals`. A reason an
 * earlier RootLog kept as an English sentence is shown as it was written.
 */

const de = (words: Words) => say(words, translator('de'), 'de');

function applying(store: Store, apply: (context: ApplyContext) => Outcome): Words {
  const write = store.writer;
  const context = applyContext({ store, me: 'CT-B', actor: 'hub sync', now: new Date() });
  const outcome = write.db.transaction(() => apply(context))();
  if (outcome.kind !== 'refused' && outcome.kind !== 'waiting') throw new Error(`not refused: ${outcome.kind}`);
  return outcome.reason;
}

const version = (recordId: string, number: number, content: Record<string, unknown>): VersionEntry => ({
  kind: 'version',
  format: ENTRY_FORMAT,
  recordId,
  version: number,
  console: 'CT-A',
  createdAt: '2026-06-01T08:00:00.000Z',
  createdBy: 'Dr. A. Keller',
  signedBy: 'Dr. A. Keller',
  signedAt: '2026-06-01T09:00:00.000Z',
  reason: number === 1 ? null : 'dose corrected',
  confirmedWarnings: [],
  content,
});

let seq = 0;
/** Kept as the pull keeps it (pull.ts: note). */
function kept(store: Store, reason: Words | string, subject: Words | string = 'record x version 2'): void {
  keepRefusal(store.writer, {
    hubId: 'hub-1',
    stream: 'versions',
    seq: String(++seq),
    subject: typeof subject === 'string' ? subject : storedRefusalSubject(subject),
    console: 'CT-A',
    reason: typeof reason === 'string' ? reason : storedRefusalReason(reason),
    entry: null,
    signature: null,
  });
}

describe('a refusal of another console’s row', () => {
  it('of a version whose record is a draft here is kept as words and read in German', () => {
    const { store, operatorId } = tempStore();
    const { record } = saveDraft(store, completeDraft(operatorId), context);
    const reason = applying(store, (apply) => applyVersion(apply, version(record.id, 2, {})));
    // Its English for the logs and the tests that read it, as before.
    expect(inEnglish(reason)).toBe('the record with this id is a draft here');
    kept(store, reason);
    const stored = store.reader.prepare('SELECT reason FROM hub_refusals').pluck().get() as string;
    expect(JSON.parse(stored)).toEqual({
      id: 'hubRefusal.draftHere',
      values: {},
      text: 'the record with this id is a draft here',
    });
    const [read] = hubRefusals(store, 10);
    expect(read).toMatchObject({ console: 'CT-A', waiting: false });
    expect(de(read?.reason as Words)).toBe('der Eintrag mit dieser ID ist hier ein Entwurf');
    store.close();
  });

  it('of a row not as RootLog writes it keeps its fields, nested, and says them in German', () => {
    const { store } = tempStore();
    const reason = applying(store, (apply) =>
      applyCatalogue(apply, {
        kind: 'operator',
        format: ENTRY_FORMAT,
        console: 'CT-A',
        key: 'op-2',
        version: 1,
        value: { id: 'op-2', name: 'Dr.\u200bWeber', active: 'yes' },
        at: new Date().toISOString(),
      }),
    );
    expect(inEnglish(reason)).toBe('the operator name is not as RootLog writes it; active is not as RootLog writes it');
    kept(store, reason, 'operator op-2 version 1');
    const [read] = hubRefusals(store, 10);
    expect(de(read?.reason as Words)).toBe(
      'Benutzer/in: name entspricht nicht der Form, in der RootLog es schreibt; active entspricht nicht der Form, in der RootLog es schreibt',
    );
    store.close();
  });

  it('by the check of a record says the check’s own words, field labels and all, in German', () => {
    const { store, operatorId } = tempStore();
    const draft = completeDraft(operatorId) as Record<string, unknown>;
    const reason = applying(store, (apply) => applyVersion(apply, version(randomUUID(), 1, { ...draft, painPre: 99 })));
    expect(reason.message.id).toBe('hubRefusal.recordNotSound');
    kept(store, reason);
    const [read] = hubRefusals(store, 10);
    const said = de(read?.reason as Words);
    expect(said).toBe(
      'content.painPre: Schmerz vorher (NRS): muss eine ganze Zahl zwischen 0 und 10 sein; versions[0].content.painPre: Schmerz vorher (NRS): muss eine ganze Zahl zwischen 0 und 10 sein',
    );
    // The same words as those refused, read back from their ids: nothing left in English.
    expect(said).toBe(de(reason));
    expect(said).not.toBe(inEnglish(reason));
    expect(inEnglish(read?.reason as Words)).toBe(inEnglish(reason));
    store.close();
  });

  it('that waits is kept as words too', () => {
    const { store } = tempStore();
    const reason = applying(store, (apply) => applyVersion(apply, version(randomUUID(), 2, {})));
    expect(inEnglish(reason)).toBe('its record (version 1 from "CT-A") is not here yet');
    keepWaiting(store.writer, {
      hubId: 'hub-1',
      stream: 'versions',
      seq: '7',
      subject: 'record y version 2',
      reason: storedRefusalReason(reason),
    });
    const [read] = hubRefusals(store, 10);
    expect(read).toMatchObject({ waiting: true });
    expect(de(read?.reason as Words)).toBe('ihr Eintrag (Version 1 von «CT-A») ist noch nicht hier');
    store.close();
  });

  it('an earlier RootLog kept in English, or words this version does not know, read as they were written', () => {
    const { store } = tempStore();
    kept(store, 'the record with this id is a draft here');
    kept(store, JSON.stringify({ id: 'hubRefusal.notAnyMore', values: {}, text: 'a reason no longer declared' }));
    const said = hubRefusals(store, 10).map((refusal) => de(refusal.reason));
    expect(said.sort()).toEqual(['a reason no longer declared', 'the record with this id is a draft here']);
    expect(hubRefusals(store, 10).map((refusal) => refusal.reason.message.id)).toEqual([
      'hubRefusal.asWritten',
      'hubRefusal.asWritten',
    ]);
    store.close();
  });

  it('says what the row is about in German, kept as words; a subject an earlier RootLog kept in English as written', () => {
    const { store } = tempStore();
    const subjects = [
      sentence(HR.subjectVersion, { record: 'r-1', version: '2' }),
      sentence(HR.subjectFollowUp, { followUp: 'f-1', record: 'r-1' }),
      sentence(HR.subjectOperator, { key: 'op-2', version: '1' }),
      sentence(HR.subjectDrug, { key: 'LIDO', version: '3' }),
      sentence(HR.subjectConflict, { conflict: 'c-1', record: 'r-1' }),
      sentence(HR.subjectResolution, { conflict: 'c-1' }),
    ];
    for (const subject of subjects) kept(store, 'refused', subject);
    kept(store, 'refused', 'record r-9 version 4');
    const stored = store.reader.prepare('SELECT subject FROM hub_refusals ORDER BY id').pluck().all() as string[];
    expect(JSON.parse(stored[0] as string)).toEqual({
      id: 'hubRefusal.subjectVersion',
      values: { record: 'r-1', version: '2' },
      text: 'record r-1 version 2',
    });
    // Unchanged: the row an earlier RootLog kept.
    expect(stored[6]).toBe('record r-9 version 4');
    const said = hubRefusals(store, 10).map((refusal) => de(refusal.subject));
    expect(said.sort()).toEqual(
      [
        'Eintrag r-1 Version 2',
        'Nachkontrolle f-1 von Eintrag r-1',
        'Benutzer/in op-2 Version 1',
        'Medikament LIDO Version 3',
        'Konflikt c-1 zu Eintrag r-1',
        'Entscheidung zu Konflikt c-1',
        'record r-9 version 4',
      ].sort(),
    );
    store.close();
  });

  it('is listed by rootlog hub refusals in the department’s language', async () => {
    const { store, operatorId } = tempStore();
    updateSettings(store, { language: 'de' }, context);
    const { record } = saveDraft(store, completeDraft(operatorId), context);
    kept(
      store,
      applying(store, (apply) => applyVersion(apply, version(record.id, 2, {}))),
    );
    kept(store, 'an English sentence of an earlier RootLog');
    kept(
      store,
      'the record with this id is a draft here',
      sentence(HR.subjectVersion, { record: 'r-7', version: '3' }),
    );
    const path = store.path;
    store.close();
    const out: string[] = [];
    const status = await runCli(['hub', 'refusals', '--db', path], { out: (line) => out.push(line), err: () => {} });
    expect(status).toBe(0);
    expect(out.join('\n')).toMatch(
      /ABGELEHNT {2}record x version 2.*CT-A.*: der Eintrag mit dieser ID ist hier ein Entwurf$/m,
    );
    expect(out.join('\n')).toMatch(/: an English sentence of an earlier RootLog$/m);
    // What the row is about, kept as words: in German.
    expect(out.join('\n')).toMatch(
      /ABGELEHNT {2}Eintrag r-7 Version 3 von "CT-A": the record with this id is a draft here$/m,
    );
  });
});
