import { beforeEach, describe, expect, it } from 'vitest';
import { auditHistory } from './audit.js';
import { saveDraft } from './procedures.js';
import { getSettings, pseudonymKey, saveDrug, saveOperator, updateSettings } from './settings.js';
import type { Store } from './store.js';
import { completeDraft, context, tempStore } from './testing/fixtures.js';

let store: Store;
let operatorId: string;
beforeEach(() => {
  ({ store, operatorId } = tempStore());
});

describe('department settings', () => {
  it('start with the defaults of the data dictionary, and never show the key', () => {
    const settings = getSettings(store);
    expect(settings.referenceLevels).toEqual({ ctDlpMGyCm: 200, fluoroTimeS: 60 });
    expect(settings.drugCatalogue).toHaveLength(8);
    expect(settings.consoleName.length).toBeGreaterThan(0);
    expect(JSON.stringify(settings)).not.toContain(pseudonymKey(store));
  });

  it('change reference levels, console name and default operator, with an audit row', () => {
    updateSettings(
      store,
      { referenceLevels: { ctDlpMGyCm: 150, fluoroTimeS: 45 }, consoleName: 'CT 2', defaultOperatorId: operatorId },
      context,
    );
    expect(getSettings(store)).toMatchObject({
      referenceLevels: { ctDlpMGyCm: 150, fluoroTimeS: 45 },
      consoleName: 'CT 2',
      defaultOperatorId: operatorId,
    });
    const [entry] = auditHistory(store, 'settings', 'department');
    expect(entry?.changes['referenceLevels.ctDlpMGyCm']).toEqual({ before: 200, after: 150 });
  });

  it('new reference levels change the warnings of the next save', () => {
    expect(saveDraft(store, completeDraft(operatorId, { dlpMGyCm: 180 }), context).warnings).toEqual([]);
    updateSettings(store, { referenceLevels: { ctDlpMGyCm: 150, fluoroTimeS: 60 } }, context);
    expect(
      saveDraft(store, completeDraft(operatorId, { patientId: 'P2', dlpMGyCm: 180 }), context).warnings.map(
        (w) => w.code,
      ),
    ).toEqual(['dlp_above_reference']);
  });

  it('refuse bad settings with the field and change nothing', () => {
    expect(() => updateSettings(store, { referenceLevels: { ctDlpMGyCm: -5, fluoroTimeS: 60 } }, context)).toThrowError(
      expect.objectContaining({ field: 'referenceLevels.ctDlpMGyCm' }),
    );
    expect(() => updateSettings(store, { defaultOperatorId: 'ghost' }, context)).toThrowError(
      expect.objectContaining({ field: 'defaultOperatorId' }),
    );
    expect(() => updateSettings(store, { pseudonymKey: 'mine' }, context)).toThrowError(
      expect.objectContaining({ field: 'pseudonymKey' }),
    );
    expect(getSettings(store).referenceLevels).toEqual({ ctDlpMGyCm: 200, fluoroTimeS: 60 });
  });

  it('edit operators and the drug catalogue with audit rows', () => {
    saveOperator(store, { id: operatorId, name: 'Dr. A. Keller-Roth' }, context);
    expect(getSettings(store).operators.map((o) => o.name)).toEqual(['Dr. A. Keller-Roth']);
    saveDrug(
      store,
      {
        code: 'dexamethasone',
        name: 'Dexamethasone',
        drugClass: 'steroid',
        particulate: false,
        dosing: 'mg',
        usualDoseMg: 8,
        maxDoseMg: 12,
      },
      context,
    );
    expect(getSettings(store).drugCatalogue.find((d) => d.code === 'dexamethasone')?.maxDoseMg).toBe(12);
    expect(auditHistory(store, 'drug', 'dexamethasone')[0]?.changes.maxDoseMg).toEqual({ before: 15, after: 12 });
    expect(() => saveDrug(store, { code: 'X', name: '', drugClass: 'vitamin' }, context)).toThrowError(
      expect.objectContaining({ code: 'validation' }),
    );
    expect(() =>
      saveDrug(
        store,
        {
          code: 'newdrug',
          name: 'New',
          drugClass: 'steroid',
          particulate: false,
          dosing: 'mg',
          usualDoseMg: 20,
          maxDoseMg: 10,
        },
        context,
      ),
    ).toThrowError(expect.objectContaining({ field: 'usualDoseMg' }));
    expect(() => saveOperator(store, { id: 'ghost', name: 'Nobody' }, context)).toThrowError(
      expect.objectContaining({ code: 'not_found' }),
    );
  });
});
