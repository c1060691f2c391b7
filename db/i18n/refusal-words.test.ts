import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fetchRecordDoseReports } from '../dose-report/record-fetch.js';
import { exportOptionsSchema } from '../exports/options.js';
import {
  type FieldProblem,
  inEnglish,
  type Language,
  patientIdProblem,
  problem,
  problemsFromZod,
  procedureDraftSchema,
  RootLogError,
  say,
  signingProblems,
  siteProblem,
  unwritable,
} from '../model/index.js';
import { sendReportAgain } from '../ris/outbox.js';
import { connectionSettings } from '../settings.js';
import { completeDraft, context, tempStore } from '../testing/fixtures.js';
import { translator } from './translator.js';

/*
 * The refusals said in the reader's language (errors.ts, signing.ts, zod-words.ts): each carries
 * its message and values, whose English is its `message` (the command line, the hub), and the
 * window says them as the warnings are said (useRefusalWords).
 */
const empty = procedureDraftSchema.parse({ targets: [{}], drugs: [{ drug: 'triamcinolone', doseSalt: 'phosphate' }] });
const inLanguage = (problems: readonly FieldProblem[], language: Language, locale?: string) =>
  problems.map((found) => {
    if (!found.words) throw new Error(`${found.field} has no words: ${found.message}`);
    return say(found.words, translator(language), language, locale);
  });
/** A schema without words of its own: zod's words are RootLog's (zod-words.ts); the labels are the fields'. */
const plain = z.object({
  painPre: z.number().int().max(10),
  notes: z.string().max(5000),
  targets: z.array(z.string()),
});
const zodProblems = (input: unknown) => {
  const parsed = plain.safeParse(input);
  if (parsed.success) throw new Error('expected a refusal');
  return problemsFromZod(parsed.error);
};

describe('refusals in the reader’s language', () => {
  it('every signing rule has words whose English is its message', () => {
    const problems = signingProblems(empty, undefined, new Date('2026-03-14T10:00:00Z'));
    expect(problems.length).toBeGreaterThan(8);
    expect(inLanguage(problems, 'en')).toEqual(problems.map((found) => found.message));
    expect(problems.map((found) => found.message)).toContain('Side (target 1) is required to sign');
  });

  it('German, French and Italian: the rule and the field’s label, with the list item', () => {
    const problems = signingProblems(empty, undefined, new Date('2026-03-14T10:00:00Z'));
    const de = inLanguage(problems, 'de');
    expect(de).toContain('Patienten-ID: für die Unterschrift erforderlich');
    expect(de).toContain('Seite (Ziel 1): für die Unterschrift erforderlich');
    expect(de).toContain('Dosis angegeben als (Medikament 1): gilt nur für Dexamethason');
    expect(inLanguage(problems, 'fr')).toContain('Côté (cible 1) : requis pour signer');
    expect(inLanguage(problems, 'it').join('\n')).toContain('(bersaglio 1): obbligatorio per firmare');
    expect(de.join('\n')).not.toMatch(/required|to sign/);
  });

  it('the impossible dates, with their numbers', () => {
    const problems = signingProblems(
      procedureDraftSchema.parse(
        completeDraft('op-1', { birthDate: '1890-01-01', performedAt: '2026-03-14T09:30:00+01:00' }),
      ),
      undefined,
      new Date('2026-03-14T10:00:00Z'),
    ).filter((found) => found.field === 'birthDate');
    expect(problems.map((found) => found.message)).toEqual([
      'Birth date must be at most 120 years before the procedure',
    ]);
    expect(inLanguage(problems, 'de')[0]).toMatch(/: darf höchstens 120 Jahre vor dem Eingriff liegen$/);
  });

  it('zod’s words: the rule and the label translated, the numbers in the reader’s locale', () => {
    const problems = zodProblems({ painPre: 11, notes: 'x'.repeat(5001), targets: [] });
    expect(problems.map((found) => found.message)).toEqual(
      expect.arrayContaining(['Pain before (NRS) must be 10 or less', 'Notes must have at most 5000 characters']),
    );
    const de = inLanguage(problems, 'de', 'de-CH');
    expect(de).toContain('Schmerz vorher (NRS): muss 10 oder weniger sein');
    expect(de.join('\n')).toMatch(/^Bemerkungen: darf höchstens 5.?000 Zeichen haben$/m);
    expect(inLanguage(problems, 'fr', 'fr-CH')).toContain('Douleur avant (EN) : doit être de 10 ou moins');
  });

  it('a value of another kind and a field that is missing are said too', () => {
    expect(inLanguage(zodProblems({ notes: 'x', targets: [] }), 'de')).toEqual([
      'Schmerz vorher (NRS): ist erforderlich',
    ]);
    const de = inLanguage(zodProblems({ painPre: 'viel', notes: 'x', targets: 'L5' }), 'de');
    expect(de).toContain('Schmerz vorher (NRS): muss eine Zahl sein');
    expect(de).toContain('Zielwurzeln: muss eine Liste sein');
  });

  it('a refusal of several fields counts them in the language and lists each', () => {
    const problems = signingProblems(empty).slice(0, 2);
    const error = RootLogError.invalid(problems);
    expect(error.message).toBe(`2 fields need attention: ${problems.map((found) => found.message).join('; ')}`);
    const json = error.toJSON();
    expect(json.words && inEnglish(json.words)).toBe(error.message);
    const fr = json.words ? say(json.words, translator('fr'), 'fr') : '';
    expect(fr).toMatch(/^2 champs à revoir : ID patient : requis pour signer; /);
  });

  it('the model’s checks and the export’s options: words in every language, their English as before', () => {
    const offPattern = patientIdProblem('12', { case: 'upper', pattern: 'K-\\d{6}', example: 'K-100301' });
    if (!offPattern) throw new Error('expected the pattern to refuse');
    const options = exportOptionsSchema.safeParse({ format: 'fhir', out: '/tmp/x.json', includeDrafts: true });
    if (options.success) throw new Error('expected a refusal');
    const problems = [
      siteProblem(0, 3, 1) as FieldProblem,
      problem('patientId', offPattern),
      ...problemsFromZod(options.error),
    ];
    expect(problems.map((found) => found.message)).toEqual([
      'Injection site (drug 1) refers to target 4, which does not exist',
      'Patient ID does not look like this department’s patient IDs: type it like K-100301',
      'Include drafts cannot be chosen for FHIR: a FHIR export carries signed records only (a draft is not a finished record)',
    ]);
    expect(inLanguage(problems, 'en')).toEqual(problems.map((found) => found.message));
    const de = inLanguage(problems, 'de');
    expect(de[0]).toContain('verweist auf Ziel 4, das es nicht gibt');
    expect(de[1]).toBe(
      'Patienten-ID: sieht nicht wie eine Patienten-ID dieser Abteilung aus: Geben Sie sie wie K-100301 ein',
    );
    expect(de[2]).toContain('kann für FHIR nicht gewählt werden');
    expect(inLanguage(problems, 'fr')[0]).toContain('renvoie à la cible 4');
    expect(inLanguage(problems, 'it')[2]).toContain('non può essere scelto per FHIR');
  });

  it('an export stopped by a value names it in the language', () => {
    const error = unwritable('R1', 'Performed', 'yesterday', 'which is not a date and time');
    expect(error.message).toMatch(/^Record R1: Performed holds "yesterday", which is not a date and time\. Nothing/);
    expect(error.words && say(error.words, translator('de'), 'de')).toMatch(
      /^Eintrag R1: Performed enthält «yesterday»/,
    );
  });
});

describe('the PACS fetch’s and Send again’s refusals in the reader’s language', () => {
  const refusalOf = async (act: () => unknown) => {
    try {
      await act();
    } catch (error) {
      if (error instanceof RootLogError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  };
  const inGerman = (error: RootLogError) => (error.words ? say(error.words, translator('de'), 'de') : '');

  it('no PACS set up: its English as before, its words in German', async () => {
    const { store } = tempStore();
    const error = await refusalOf(() =>
      fetchRecordDoseReports(store, connectionSettings(store), 'R1', { receiverListening: false }, context),
    );
    expect(error.message).toMatch(/^No PACS is set up \(Settings → PACS\)/);
    expect(inGerman(error)).toMatch(/^Es ist kein PACS eingerichtet \(Einstellungen → PACS\)/);
  });

  it('Send again of a version never queued names the version in French', async () => {
    const { store } = tempStore();
    const error = await refusalOf(() => sendReportAgain(store, { procedureId: 'R1', version: 2 }, context, null));
    expect(error.message).toBe('Version 2 of this record was never queued for the RIS.');
    expect(error.words && say(error.words, translator('fr'), 'fr')).toBe(
      'La version 2 de ce dossier n’a jamais été mise en file d’attente pour le RIS.',
    );
  });
});
