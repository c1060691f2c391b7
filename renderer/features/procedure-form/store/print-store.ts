import { sentence } from '../../../../db/model/index.js';
import { client, refusalOf } from '../../../app/api-client.js';
import { PRINT_ACTION_MESSAGES as M } from '../form-messages.js';
import type { PrintSlice, Slice } from './form-state.js';

/*
 * Printing the record or the aftercare sheet to a PDF. Which sheet is printed is state: the
 * form marks the page for the print stylesheet from it (WindowEffects), in the render that
 * follows this set — before the main process prints the window, which needs this window to
 * finish that task first.
 */
export const printSlice: Slice<PrintSlice> = () => (set, get) => ({
  printing: false,
  printSheet: null,
  printed: null,

  printToPdf: async (sheet) => {
    if (get().printing) return;
    set({ printing: true, printSheet: sheet, printed: null });
    try {
      const result = await client.print.toPdf(sheet, get().record?.id);
      set({
        printed:
          'cancelled' in result
            ? null
            : {
                kind: 'ok',
                words: sentence(sheet === 'record' ? M.recordSaved : M.aftercareSaved, { path: result.path }),
              },
      });
    } catch (error) {
      set({ printed: { kind: 'problem', said: refusalOf(error) } });
    } finally {
      set({ printing: false, printSheet: null });
    }
  },
});
