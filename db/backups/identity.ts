import { v7 as uuidv7 } from 'uuid';
import { readSetting, writeSetting } from '../settings.js';
import { readSettingOfFile } from '../sqlite/settings-rows.js';
import type { Store } from '../store.js';

/*
 * Which logbook a backup is of. Several consoles may back up into one network folder: rotation
 * removes only this logbook's own copies, recognised by RootLog's application id and by the
 * logbook's id, made once and carried inside every backup (and by a restored logbook).
 */

const LOGBOOK_ID = 'logbookId';

/** This logbook's id, made the first time it is asked for. */
export function logbookId(store: Store): string {
  const known = readSetting<string>(store, LOGBOOK_ID);
  if (known) return known;
  const write = store.writer;
  return write.db
    .transaction(() => {
      const again = readSetting<string>(write, LOGBOOK_ID);
      if (again) return again;
      const id = uuidv7();
      writeSetting(write, LOGBOOK_ID, id);
      return id;
    })
    .immediate();
}

/** The logbook a file is a backup of, or null when it is not a readable RootLog file (then it is never touched). */
export function logbookIdOfFile(path: string): string | null {
  return readSettingOfFile<string>(path, LOGBOOK_ID) || null;
}
