import { describe, expect, it } from 'vitest';
import { getSettings, updateSettings } from './settings.js';
import { context, tempStore } from './testing/fixtures.js';

/* The department the printed sheets name (Settings → Department): kept, audited, refused at its field when wrong. */
describe('the department on the printed sheets', () => {
  it('is empty until set, then kept and audited', () => {
    const { store } = tempStore();
    expect(getSettings(store).department).toEqual({ name: '', address: '', phone: '' });
    const department = {
      name: 'Institut für Radiologie, Kantonsspital Musterstadt',
      address: 'Spitalstrasse 1\n8000 Musterstadt',
      phone: '+41 44 123 45 67',
    };
    expect(updateSettings(store, { department }, context).department).toEqual(department);
    const changes = store.reader
      .prepare("SELECT changes FROM audit_log WHERE entity = 'settings' ORDER BY seq DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(changes)).toMatchObject({
      'department.name': { before: '', after: department.name },
      'department.phone': { before: '', after: department.phone },
    });
    store.close();
  });

  it('a phone number that is not one is refused at its field, nothing saved', () => {
    const { store } = tempStore();
    expect(() =>
      updateSettings(store, { department: { name: 'Radiologie', address: '', phone: 'call us' } }, context),
    ).toThrow(
      expect.objectContaining({
        problems: [
          {
            field: 'department.phone',
            message: 'Phone number must be a phone number: digits, spaces and + ( ) / . -',
            // A schema's own English, until it is declared, is a value inside declared words.
            words: expect.objectContaining({ message: expect.objectContaining({ id: 'problem.fieldRule' }) }),
          },
        ],
      }),
    );
    expect(getSettings(store).department.name).toBe('');
    store.close();
  });
});
