import { describe, expect, it } from 'vitest';
import { identityAfterEdit } from './worklist-identity.js';

describe('the identity a case took from the worklist', () => {
  const fromWorklist: Record<string, unknown> = {
    identitySource: 'worklist',
    patientId: 'K-1',
    patientName: 'Muster, Erika',
    painPre: 8,
  };

  it('is marked changed by hand once any identity field is edited', () => {
    expect(identityAfterEdit(fromWorklist, { ...fromWorklist, patientName: 'Muster, Erica' })).toMatchObject({
      identitySource: 'worklist_then_changed',
      patientName: 'Muster, Erica',
    });
    expect(identityAfterEdit(fromWorklist, { ...fromWorklist, patientId: undefined }).identitySource).toBe(
      'worklist_then_changed',
    );
  });

  it('stays from the worklist when only the clinical content changes, and typed stays typed', () => {
    expect(identityAfterEdit(fromWorklist, { ...fromWorklist, painPre: 3 }).identitySource).toBe('worklist');
    const typed: Record<string, unknown> = { identitySource: 'typed', patientId: 'K-1' };
    expect(identityAfterEdit(typed, { ...typed, patientId: 'K-2' }).identitySource).toBe('typed');
  });
});
