import { describe, expect, it } from 'vitest';
import { getSettings, updateSettings } from './settings.js';
import { context, tempStore } from './testing/fixtures.js';

/* How the department writes dates and numbers (Settings → Dates and numbers): kept, audited, refused when unknown. */
describe('the department’s locale', () => {
  it('is de-CH until chosen, then kept and audited', () => {
    const { store } = tempStore();
    expect(getSettings(store).locale).toBe('de-CH');
    expect(updateSettings(store, { locale: 'de-DE' }, context).locale).toBe('de-DE');
    expect(getSettings(store).locale).toBe('de-DE');
    const changes = store.reader
      .prepare("SELECT changes FROM audit_log WHERE entity = 'settings' ORDER BY seq DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(changes)).toEqual({ locale: { before: 'de-CH', after: 'de-DE' } });
    store.close();
  });

  it('a locale the department cannot choose is refused at its field, nothing saved', () => {
    const { store } = tempStore();
    expect(() => updateSettings(store, { locale: 'de' }, context)).toThrow(
      expect.objectContaining({
        problems: [
          expect.objectContaining({
            field: 'locale',
            message: 'Dates and numbers must be one of: de-CH, de-DE, de-AT, fr-CH, it-CH, en-GB, en-US',
          }),
        ],
      }),
    );
    expect(getSettings(store).locale).toBe('de-CH');
    store.close();
  });
});
