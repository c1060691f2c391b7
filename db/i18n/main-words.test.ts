import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startDoseReportReceiver } from '../dose-report/receiver.js';
import { keyFileVault, memoryVault } from '../hub/console-key.js';
import { inEnglish, type Language, say, type Words } from '../model/index.js';
import { freePort } from '../testing/ports.js';
import { entryFromDataset } from '../worklist/worklist-entry.js';
import { UNSUPPORTED_KEYS_WARNING, worklistFailureWords } from '../worklist/worklist-errors.js';
import { translator } from './translator.js';

/*
 * The main process's own sentences the window shows as they come (db/model/main-messages.ts):
 * the worklist's problems, why a dose report waits, the receiver's state, where the console's
 * key is kept. Each is words, said in the reader's language; its English is as before.
 */
const said = (words: Words, language: Language, locale?: string) => say(words, translator(language), language, locale);
const peer = { host: 'ris.spital.ch', port: 11112, calledAe: 'RISWL', callingAe: 'ROOTLOG' };

describe('the worklist server’s problems and a row’s refused values', () => {
  it('says why the worklist could not be asked in German, French and Italian', () => {
    const failure = worklistFailureWords('no_answer', peer, { seconds: 30 });
    expect(inEnglish(failure)).toBe(
      'The worklist server at ris.spital.ch:11112 did not answer within 30 seconds: it may be overloaded or a firewall may be dropping the connection. The worklist keeps showing what it last received, and patients can be entered by hand.',
    );
    expect(said(failure, 'de')).toBe(
      'Der Arbeitslisten-Server unter ris.spital.ch:11112 hat nicht innert 30 Sekunden geantwortet: Er ist vielleicht überlastet, oder eine Firewall verwirft die Verbindung. Die Arbeitsliste zeigt weiter, was zuletzt empfangen wurde; Patientinnen und Patienten können von Hand erfasst werden.',
    );
    expect(said(worklistFailureWords('calling_ae_unknown', peer), 'fr')).toBe(
      'Le serveur de liste de travail à ris.spital.ch:11112 a refusé le titre AE ROOTLOG de cette console : demandez à l’informatique de l’enregistrer sur le serveur de liste de travail.',
    );
    expect(said(worklistFailureWords('query_failed', peer, {}), 'it')).toMatch(/^Il server .*\(stato sconosciuto\)/);
    expect(said(UNSUPPORTED_KEYS_WARNING, 'it')).toMatch(/^Il server della lista di lavoro non supporta/);
  });

  it('names a refused value by the record field’s label, and says why, in the reader’s language', () => {
    const read = entryFromDataset(
      { PatientID: 'K-1', PatientBirthDate: '19581399', PatientSex: 'X', AccessionNumber: 'A1' },
      1,
    );
    if (!('entry' in read)) throw new Error('expected an entry');
    expect(read.entry.problems.map((problem) => said(problem.words, 'de'))).toEqual([
      'Geburtsdatum: «19581399» ist kein Datum (YYYYMMDD) – leer gelassen',
      'Geschlecht: «X» ist nicht M, F oder O – leer gelassen',
    ]);
    const rejected = entryFromDataset({ PatientID: '', AccessionNumber: 'A1' }, 2);
    if (!('rejected' in rejected)) throw new Error('expected a refusal');
    expect(said(rejected.rejected.words.entry, 'fr')).toBe('L’entrée avec le numéro d’examen A1');
    expect(said(rejected.rejected.words.why, 'fr')).toBe(
      'ID patient manquant : impossible de commencer une intervention',
    );
  });
});

describe('the dose report receiver’s state', () => {
  it('says a taken port in Italian, its English as before', async () => {
    const port = await freePort();
    const squatter = createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => squatter.once('listening', resolve));
    try {
      const receiver = await startDoseReportReceiver(
        { enabled: true, port, host: '127.0.0.1', aeTitle: 'ROOTLOG', acceptedCallingAeTitles: ['CT1'] },
        () => ({ status: 'stored' }),
      );
      const { state } = receiver;
      if (!('message' in state)) throw new Error('expected a refusal');
      expect(inEnglish(state.message)).toMatch(new RegExp(`^Port ${port} is already in use by another program`));
      expect(said(state.message, 'it')).toBe(
        `La porta ${port} è già usata da un altro programma: i rapporti di dose non possono essere ricevuti. Scelga un’altra porta in Impostazioni → Rapporti di dose (e sullo scanner).`,
      );
    } finally {
      squatter.close();
    }
  });
});

describe('where the console’s signing key is kept', () => {
  it('is said in the reader’s language; the logbook keeps its English', () => {
    expect(inEnglish(memoryVault().keptIn)).toBe('memory (this run only)');
    expect(said(memoryVault().keptIn, 'de')).toBe('im Arbeitsspeicher (nur für diese Sitzung)');
    expect(inEnglish(keyFileVault('/data/logbook.sqlite.hub-key').keptIn)).toBe(
      'the key file /data/logbook.sqlite.hub-key',
    );
    expect(said(keyFileVault('/data/logbook.sqlite.hub-key').keptIn, 'fr')).toBe(
      'dans le fichier de clé /data/logbook.sqlite.hub-key',
    );
  });
});
