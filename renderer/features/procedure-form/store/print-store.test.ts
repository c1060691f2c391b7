import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../../../db/model/index.js';
import { formUnderTest } from '../../../testing/form-under-test.js';

/* Printing says which sheet is being printed as state (the page is marked by the form, not by the store). */

describe('printing a sheet', () => {
  it('names the sheet while it prints, then says where it went', async () => {
    let answer: (value: unknown) => void = () => {};
    const { form } = formUnderTest({ 'print.toPdf': () => new Promise((resolve) => (answer = resolve)) });
    const printing = form.getState().printToPdf('aftercare');
    expect(form.getState()).toMatchObject({ printing: true, printSheet: 'aftercare' });
    // A second press while printing prints nothing more.
    await form.getState().printToPdf('record');
    expect(form.getState().printSheet).toBe('aftercare');
    answer({ path: '/tmp/aftercare.pdf' });
    await printing;
    const { printed } = form.getState();
    expect(form.getState()).toMatchObject({ printing: false, printSheet: null, printed: { kind: 'ok' } });
    // Words, said in the reader's language; their English names the sheet and the file.
    expect(printed?.kind === 'ok' && inEnglish(printed.words)).toBe('Aftercare sheet saved as /tmp/aftercare.pdf');
  });
});
