import { describe, expect, it } from 'vitest';
import { codeMessage, declareMessages, inEnglish, PROCEDURE_FIELDS, type Words } from '../model/index.js';
import { PSEUDO, translator, wordingRefusal } from './translator.js';

const patientName = PROCEDURE_FIELDS.find((field) => field.key === 'patientName')?.label;
if (!patientName) throw new Error('patientName is declared');
const english = (words: Words | null) => (words ? inEnglish(words) : '');

describe('the translator', () => {
  it('gives a field label and a code in each language, from the declaration’s id', () => {
    expect(translator('en')(patientName)).toBe('Patient name');
    expect(translator('de')(patientName)).toBe('Name der Patientin / des Patienten');
    expect(translator('fr')(codeMessage('left'))).toBe('Gauche');
    expect(translator('it')(codeMessage('transforaminal'))).toBe('Transforaminale');
  });

  it('the pseudo-language lengthens every text and keeps the values', () => {
    const said = translator(PSEUDO)(patientName);
    expect(said.length).toBeGreaterThan('Patient name'.length * 1.3);
    expect(said).toContain('Patient name');
  });

  it('a department’s corrected wording replaces the catalogue’s, in its language only', () => {
    const wordings = { de: { [patientName.id]: 'Patientenname' } };
    expect(translator('de', wordings)(patientName)).toBe('Patientenname');
    expect(translator('fr', wordings)(patientName)).toBe('Nom du patient / de la patiente');
  });

  it('refuses a corrected wording that is not a valid message or loses a value', () => {
    expect(english(wordingRefusal(patientName.id, 'Name {patient'))).toMatch(/not a valid message/);
    expect(english(wordingRefusal('no.such.message', 'x'))).toMatch(/there is no message/);
    expect(english(wordingRefusal(patientName.id, 'Name {who}'))).toMatch(/must name no value/);
  });

  it('a message not yet in any catalogue falls back to its English with its values', () => {
    const { hello } = declareMessages('test', { hello: ['Hello {name}'] });
    expect(translator('de')(hello, { name: 'Rossi' })).toBe('Hello Rossi');
  });
});
