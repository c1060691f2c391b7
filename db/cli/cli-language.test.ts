import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { fixtureFile } from '../dose-report/fixtures/fixture-files.js';
import { risServerSchema } from '../model/connection-settings.js';
import { saveDraft, signProcedure } from '../procedures.js';
import { updateConnectionSettings, updateSettings } from '../settings.js';
import { openStore } from '../store.js';
import { startWlmscpfs } from '../testing/dicom-peers.js';
import { completeDraft, context, tempPath, tempStore } from '../testing/fixtures.js';
import { startMllpPeer } from '../testing/mllp-peer.js';
import { freePort } from '../testing/ports.js';
import { recordSigner, TEST_PIN } from '../testing/signer.js';
import { runCli } from './main.js';

/*
 * The command line's human-readable output in the department's language of the logbook opened,
 * else the one asked (--language), else English; its JSON output is codes in every language.
 */
async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

/** A logbook of three signed demo procedures, its department speaking `language` (none: not chosen). */
async function logbook(language?: 'de' | 'fr') {
  const db = tempPath('logbook.sqlite');
  expect((await cli('seed', '--db', db, '--count', '3')).status).toBe(0);
  if (language) {
    const store = openStore(db);
    updateSettings(store, { language }, { actor: 'test' });
    store.close();
  }
  return db;
}

describe('the command line in the department’s language', () => {
  it('check: its report in German, the labels aligned, codes and figures unchanged', async () => {
    const db = await logbook('de');
    const check = await cli('check', '--db', db);
    expect(check.status, check.err).toBe(0);
    expect(check.out).toMatch(/^Datenbank: +.*logbook\.sqlite$/m);
    expect(check.out).toMatch(/^Integrität: +ok$/m);
    expect(check.out).toMatch(/^Versionskette: +ok \(3 signierte Versionen\)$/m);
    expect(check.out).toMatch(/^signierte Einträge: +ok \(3 stimmen mit ihren signierten Versionen überein\)$/m);
    expect(check.out).toMatch(/Prüfung bestanden$/);
    // Every value starts in the same column.
    const starts = check.out
      .split('\n')
      .filter((line) => /^\S[^:]*: /.test(line))
      .map((line) => line.search(/(?<=: +)\S/));
    expect(new Set(starts).size).toBe(1);
    expect(check.out).not.toMatch(/check passed|signed version/);
  });

  it('English when the department has chosen no language, the language asked with --language', async () => {
    const db = await logbook();
    expect((await cli('check', '--db', db)).out).toMatch(/^version chain: +ok \(3 signed versions\)$/m);
    const french = await cli('check', '--db', db, '--language', 'fr');
    expect(french.out).toMatch(/^chaîne des versions: +ok \(3 versions signées\)$/m);
    expect(french.out).toMatch(/vérification réussie$/);
    // The department's choice comes first.
    const german = await logbook('de');
    expect((await cli('check', '--db', german, '--language', 'fr')).out).toMatch(/Prüfung bestanden$/);
    expect((await cli('check', '--db', db, '--language', 'pt')).status).toBe(2);
  });

  it('export: the summary line in German, the files’ headers and codes unchanged', async () => {
    const db = await logbook('de');
    const out = tempPath('export.csv');
    const exported = await cli('export', '--db', db, '--format', 'csv', '--out', out, '--pseudonymize');
    expect(exported.status, exported.err).toBe(0);
    expect(exported.out).toMatch(/^3 Eingriffe als csv \(pseudonymisiert\) in \d+\.\d s exportiert:$/m);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/^record_pseudonym,status,version,/);
  });

  it('import: the report in the logbook’s language', async () => {
    const from = await logbook('de');
    const file = tempPath('records.json');
    expect((await cli('export', '--db', from, '--format', 'json', '--out', file)).status).toBe(0);
    const into = await logbook('fr');
    const imported = await cli('import', '--db', into, '--in', file);
    expect(imported.status, imported.err).toBe(0);
    expect(imported.out).toMatch(/^ajoutés 3, ignorés 0 \(déjà présents\), conflits 0, refusés 0$/m);
    const again = await cli('import', '--db', into, '--in', file);
    expect(again.out).toMatch(/^ajoutés 0, ignorés 3 \(déjà présents\)/m);
  });

  it('seed, backup and wordings: their lines in the language', async () => {
    const db = tempPath('seeded.sqlite');
    const seeded = await cli('seed', '--db', db, '--count', '3', '--language', 'de');
    expect(seeded.status, seeded.err).toBe(0);
    expect(seeded.out).toMatch(
      /^3 signierte Demo-Eingriffe in .*seeded\.sqlite geschrieben, in \d+\.\d s \(\d+ pro Sekunde\)$/,
    );
    const french = await logbook('fr');
    const copy = tempPath('copy.sqlite');
    const backup = await cli('backup', '--db', french, '--out', copy);
    expect(backup.status, backup.err).toBe(0);
    expect(backup.out).toMatch(/^sauvegarde écrite dans .*copy\.sqlite : 3 interventions, \d+ octets, intégrité ok$/);
    const file = tempPath('wordings.json');
    writeFileSync(file, JSON.stringify({ it: { 'app.lock': 'Blocca' } }));
    const wordings = await cli('wordings', '--db', french, '--set', file, '--language', 'it');
    expect(wordings.status, wordings.err).toBe(0);
    // The department's language first: French, not the Italian asked.
    expect(wordings.out).toBe(
      '1 formulation corrigée dans le journal ; la modification figure dans le journal d’audit',
    );
  });

  it('the error line in the language of the logbook named, else the one asked', async () => {
    expect((await cli('nope', '--language', 'fr')).err).toMatch(/^rootlog : commande inconnue « nope »$/m);
    expect((await cli('', '--language', 'it')).err).toMatch(
      /^rootlog: comando sconosciuto|^rootlog: nessun comando indicato$/m,
    );
    expect((await cli('nope')).err).toMatch(/^rootlog: unknown command "nope"$/m);
    const german = await logbook('de');
    const refused = await cli('export', '--db', german, '--format', 'csv');
    expect(refused.status).toBe(2);
    expect(refused.err).toMatch(/^rootlog export: --out fehlt$/m);
  });

  it('a usage error’s reason in the language, options and their forms kept', async () => {
    expect((await cli('worklist', '--ae', 'ROOTLOG', '--language', 'fr')).err).toMatch(
      /^rootlog worklist : --server est obligatoire$/m,
    );
    expect((await cli('worklist', '--server', 'dicom://127.0.0.1:104', '--ae', 'X', '--language', 'de')).err).toMatch(
      /^rootlog worklist: --server muss die Form dicom:\/\/CALLED_AE@HOST:PORT haben$/m,
    );
    // A connection setting's rule, named by the setting's label: both in the language.
    const longTitle = ['--server', 'dicom://RISWL@127.0.0.1:104', '--ae', 'A_CONSOLE_TITLE_TOO_LONG'];
    expect((await cli('worklist', ...longTitle, '--language', 'de')).err).toMatch(
      /^rootlog worklist: .*AE-Titel dieser Konsole: darf höchstens 16 Zeichen lang sein \(ein DICOM-AE-Titel\)$/m,
    );
    expect((await cli('worklist', ...longTitle, '--language', 'fr')).err).toMatch(
      /Titre AE de ce poste : doit comporter au plus 16 caractères \(un titre AE DICOM\)$/m,
    );
    expect((await cli('hub', '--language', 'it')).err).toMatch(
      /^rootlog hub: quale comando hub\? \(init, add-console, retire-console, consoles, key, refusals\)$/m,
    );
    expect((await cli('dose-report', '--language', 'de')).err).toMatch(/^rootlog dose-report: --in fehlt$/m);
    expect((await cli('ris-send', '--db', 'x.sqlite', '--server', 'http://h:1', '--language', 'it')).err).toMatch(
      /^rootlog ris-send: --server deve avere la forma mllp:\/\/HOST:PORT$/m,
    );
    const german = await logbook('de');
    expect((await cli('follow-ups-due', '--db', german, '--date', '2026-02-30')).err).toMatch(
      /^rootlog follow-ups-due: --date muss ein gültiges Datum im Format YYYY-MM-DD sein$/m,
    );
    expect((await cli('seed', '--db', german, '--count', '0')).err).toMatch(
      /^rootlog seed: --count muss eine ganze Zahl von 1 bis 10000000 sein$/m,
    );
    // The logbook's department first, the language asked after.
    expect((await cli('key', '--db', german, '--language', 'en')).err).toMatch(
      /^rootlog key: geben Sie entweder --show oder --set HEX an$/m,
    );
    // English as before.
    expect((await cli('dose-report')).err).toMatch(/^rootlog dose-report: --in is required$/m);
  });

  it('the usage text: what each command does in the language, its syntax as typed', async () => {
    const german = await cli('--help', '--language', 'de');
    expect(german.status).toBe(0);
    expect(german.out).toMatch(/^Aufruf: rootlog <command> \[options\]$/m);
    expect(german.out).toMatch(/^Befehle:$/m);
    expect(german.out).toMatch(
      /^ {2}seed {4}--db FILE --count N \[--seed S\] \[--as OPERATOR\]\n {43}N realistische signierte Demo-Eingriffe hinzufügen$/m,
    );
    expect(german.out).toMatch(/^ {2}check {3}--db FILE \[--expect-head HEAD\] {3}Integrität, Schemaversion,/m);
    expect(german.out).toMatch(/^ {2}hub refusals --db LOGBOOK {16}Zeilen des Hubs, die diese Konsole abgelehnt hat/m);
    expect(german.out).toMatch(
      /^ {10}--as OPERATOR: wer es ausführt \(Name oder ID\), bestätigt durch die PIN \(abgefragt, oder ROOTLOG_PIN\)$/m,
    );
    // Every description line starts in the same column, and none is wider than the text.
    const lines = german.out.split('\n');
    expect(Math.max(...lines.filter((line) => /^ {43}\S/.test(line)).map((line) => line.length))).toBeLessThanOrEqual(
      101,
    );
    expect(german.out).not.toMatch(/add N realistic|show this message/);
    const refused = await cli('dose-report', '--language', 'fr');
    expect(refused.err).toMatch(/^Utilisation :\n {2}dose-report --in FILE \[--json\] {11}lire le rapport de dose/m);
    const english = await cli('--help');
    expect(english.out).toMatch(/^Usage: rootlog <command> \[options\]$/m);
    expect(english.out).toMatch(
      /^ {2}check {3}--db FILE \[--expect-head HEAD\] {3}integrity, schema version, row counts/m,
    );
  });

  it('stats: its headings, labels and codes in the language, numbers as the language writes them', async () => {
    const german = await cli('stats', '--db', await logbook('de'));
    expect(german.status, german.err).toBe(0);
    expect(german.out).toMatch(/^Eingriffe \(signiert\): 3$/m);
    expect(german.out).toMatch(/^Unmittelbares Schmerzansprechen \(NRS\)$/m);
    expect(german.out).toMatch(/^ {2}Alle Eingriffe +vorher Median /m);
    expect(german.out).toMatch(/^Ergebnis bei der Nachkontrolle /m);
    // A heading the dashboard shows too is the dashboard's message, its words the same.
    expect(german.out).toMatch(/^Fallzahlen$/m);
    expect(german.out).toMatch(/^Kontrastmittelverteilung$/m);
    expect(german.out).toMatch(/ \d+ Zielwurzeln?$/m);
    expect(german.out).not.toMatch(/Umfang|Ausbreitung|Zielhöhe/);
    expect(german.out).not.toMatch(/procedures|median|Outcome|left|right/);
    // A French department in Romandy: fr-CH writes a decimal comma.
    const romandy = await logbook('fr');
    const store = openStore(romandy);
    updateSettings(store, { locale: 'fr-CH' }, { actor: 'test' });
    store.close();
    const french = await cli('stats', '--db', romandy);
    expect(french.status, french.err).toBe(0);
    expect(french.out).toMatch(/^interventions \(signées\) : 3$/m);
    expect(french.out).toMatch(/^ {2}Toutes les interventions +avant médiane /m);
    expect(french.out).toMatch(/bilatéral \d+,\d %/);
    expect(french.out).not.toMatch(/\d\.\d %/);
    const english = await cli('stats', '--db', await logbook());
    expect(english.out).toMatch(/^procedures \(signed\): 3$/m);
    expect(english.out).toMatch(/bilateral \d+\.\d %, with caudal epidural/);
  });

  it('stats --json stays codes whatever the language', async () => {
    const db = await logbook('de');
    const stats = await cli('stats', '--db', db, '--json');
    expect(stats.status, stats.err).toBe(0);
    expect(() => JSON.parse(stats.out)).not.toThrow();
    expect(stats.out).not.toMatch(/Eingriff/);
  });

  it('dose-report: its totals in the language asked, figures as the language writes them, units kept', async () => {
    // de-CH writes a decimal point, fr-CH a comma.
    const german = await cli('dose-report', '--in', fixtureFile('ct-broken-items'), '--language', 'de');
    expect(german.status, german.err).toBe(0);
    expect(german.out).toMatch(/^CT-Dosisbericht von /m);
    expect(german.out).toMatch(/^DLP gesamt +61 mGy·cm$/m);
    expect(german.out).toMatch(/^CTDIvol +5\.2 mGy \(höchstes Ereignis; Phantom nicht angegeben\)$/m);
    expect(german.out).toMatch(/^Ereignisse +2$/m);
    // The reader's findings too, the report's own names and values kept.
    expect(german.out).toMatch(
      /^ {2}- Bericht: Start of X-Ray Irradiation ist keine DICOM-Datums- und Zeitangabe \("2026-03-12 15:45"\) und wird nicht verwendet\.$/m,
    );
    const french = await cli('dose-report', '--in', fixtureFile('xa-two-planes'), '--language', 'fr');
    expect(french.out).toMatch(/^Rapport de dose de radiologie par projection de Philips/m);
    expect(french.out).toMatch(/^PDS total +3,6 Gy·cm²$/m);
    expect(french.out).toMatch(/^ {2}plan A : PDS /m);
    const english = await cli('dose-report', '--in', fixtureFile('ct-broken-items'));
    expect(english.out).toMatch(/^CTDIvol {8}5\.2 mGy \(highest event; phantom not given\)$/m);
    const missing = await cli('dose-report', '--in', '/nonexistent/report.dcm', '--language', 'it');
    expect(missing.status).toBe(1);
    expect(missing.err).toMatch(/^rootlog dose-report: Il file \/nonexistent\/report\.dcm non esiste\.$/m);
  });
});

/** Who runs a command that writes: the logbook's operator, proven by their PIN (ROOTLOG_PIN). */
const AS = ['--as', 'Dr. A. Keller'];

describe('the command line’s talk with other systems, in the language asked', () => {
  it('worklist: the heading, a patient’s words and a server not reached', async () => {
    const server = await startWlmscpfs({
      aeTitle: 'RISWL',
      items: [
        {
          charset: 'ISO_IR 100',
          patientId: 'P-4711',
          patientName: 'Müller^Jürg',
          accessionNumber: 'ACC-1',
          studyInstanceUid: '1.2.826.0.1.3680043.10.999.1',
          requestedProcedure: 'PRT L5 links',
          stationAe: 'CT1',
          modality: 'CT',
          date: '20260312',
          time: '104500',
        },
      ],
    });
    try {
      const url = `dicom://RISWL@127.0.0.1:${server.port}`;
      const asked = ['--server', url, '--ae', 'ROOTLOG', '--date', '2026-03-12'];
      const german = await cli('worklist', ...asked, '--days', '1', '--language', 'de');
      expect(german.status, german.err).toBe(0);
      expect(german.out).toMatch(
        /^1 geplant am 2026-03-12 bis 2026-03-13 \(CT, alle Stationen\) bei RISWL@127\.0\.0\.1:\d+:$/m,
      );
      expect(german.out).toContain('Müller, Jürg  Auftragsnummer ACC-1  PRT L5 links');
      const echo = await cli('worklist', '--server', url, '--ae', 'ROOTLOG', '--echo', '--language', 'fr');
      expect(echo.out).toMatch(
        /^le serveur de worklist RISWL@127\.0\.0\.1:\d+ a répondu au test de connexion \(C-ECHO\) en \d+ ms$/,
      );
    } finally {
      await server.stop();
    }
    const port = await freePort();
    const down = await cli(
      'worklist',
      '--server',
      `dicom://RISWL@127.0.0.1:${port}`,
      '--ae',
      'ROOTLOG',
      '--language',
      'it',
    );
    expect(down.status).toBe(1);
    expect(down.err).toMatch(/^rootlog worklist: /);
    expect(down.err).not.toMatch(/cannot be reached/);
  });

  it('ris-send: what the RIS acknowledged and refused, and a RIS not reached', async () => {
    vi.stubEnv('ROOTLOG_PIN', TEST_PIN);
    /** A logbook with the RIS set up and two signed reports waiting, its department speaking `language`. */
    const waiting = (language?: 'de') => {
      const { store, operatorId } = tempStore();
      if (language) updateSettings(store, { language }, context);
      const ris = {
        host: '127.0.0.1',
        port: 1,
        sendingFacility: 'RADIOLOGIE',
        receivingApplication: 'RIS',
        receivingFacility: 'KSB',
        charset: 'ISO-8859-1',
      };
      updateConnectionSettings(store, { risServer: risServerSchema.parse(ris) }, context);
      for (const patientId of ['P-1', 'P-2']) {
        const { record } = saveDraft(store, completeDraft(operatorId, { patientId }), context);
        signProcedure(store, record.id, {}, recordSigner(store, record.id), context);
      }
      store.close();
      return store.path;
    };
    const peer = await startMllpPeer({ encoding: 'latin1' });
    try {
      peer.answer((message) =>
        message.getSegment('PID')?.getField(3)?.toString() === 'P-2'
          ? { code: 'AR', text: 'Patient P-2 not found' }
          : { code: 'AA' },
      );
      const sent = await cli('ris-send', '--db', waiting('de'), '--server', `mllp://127.0.0.1:${peer.port}`, ...AS);
      expect(sent.status, sent.err).toBe(1);
      expect(sent.out).toMatch(
        /^ {2}bestätigt: Patient P-1, Auftragsnummer \S+, Befund \(Nachricht RL[0-9A-F]{18}\)$/m,
      );
      expect(sent.out).toMatch(
        /^ {2}vom RIS abgelehnt \(AR\): Patient P-2, Auftragsnummer \S+, Befund: .*Patient P-2 not found$/m,
      );
      expect(sent.out).toMatch(/^gesendet 1, abgelehnt 1, nicht sendbar 0; wartend 0$/m);
    } finally {
      await peer.stop();
    }
    const port = await freePort();
    const down = await cli(
      'ris-send',
      '--db',
      waiting(),
      '--server',
      `mllp://127.0.0.1:${port}`,
      ...AS,
      '--language',
      'fr',
    );
    expect(down.status).toBe(1);
    expect(down.out).toBe('envoyés 0, refusés 0, non envoyables 0 ; en attente 2');
    expect(down.err).toMatch(
      new RegExp(
        `^rootlog ris-send : le RIS à 127\\.0\\.0\\.1:${port} n’a pas été atteint \\(.+\\) : ce qui attend sera envoyé la prochaine fois, rien n’est perdu$`,
      ),
    );
    vi.unstubAllEnvs();
  });
});
