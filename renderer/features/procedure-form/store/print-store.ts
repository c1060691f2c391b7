import { ApiCallError, client } from '../../../app/api-client.js';
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
            : { kind: 'ok', text: `${sheet === 'record' ? 'Record' : 'Aftercare sheet'} saved as ${result.path}` },
      });
    } catch (error) {
      set({ printed: { kind: 'problem', text: error instanceof ApiCallError ? error.error.message : String(error) } });
    } finally {
      set({ printing: false, printSheet: null });
    }
  },
});
