import { describe, expect, it } from 'vitest';
import { translator } from '../../../db/i18n/translator.js';
import { formHeading } from './form-heading.js';

describe('the form’s heading', () => {
  it('says the status as its language makes it agree with the procedure', () => {
    const signed = { status: 'signed', version: 1 } as const;
    const amended = { status: 'amended', version: 2 } as const;
    expect(formHeading(translator('en'), signed, false)).toBe('Procedure — Signed');
    expect(formHeading(translator('en'), amended, false)).toBe('Procedure — Amended, version 2');
    expect(formHeading(translator('en'), amended, true)).toBe('Procedure — Amended, version 2, being amended');
    // Intervention is feminine in French.
    expect(formHeading(translator('fr'), signed, false)).toBe('Intervention — signée');
    expect(formHeading(translator('fr'), amended, false)).toBe('Intervention — rectifiée, version 2');
    expect(formHeading(translator('fr'), { status: 'draft', version: 1 }, false)).toBe('Intervention — brouillon');
    expect(formHeading(translator('it'), signed, false)).toBe('Intervento — firmato');
    expect(formHeading(translator('de'), signed, false)).toBe('Eingriff — unterzeichnet');
  });
});
