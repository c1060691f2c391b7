import { describe, expect, it, vi } from 'vitest';
import { runExport } from '../exports/run.js';
import { importFile } from '../imports/merge.js';
import { checkDatabase } from '../maintenance.js';
import { saveDraft, signProcedure } from '../procedures.js';
import { saveOperator, updateSettings } from '../settings.js';
import { completeDraft, context, EVERY_CONFIRMABLE_WARNING, tempPath, tempStore } from '../testing/fixtures.js';
import { signerOf } from '../testing/signer.js';

/*
 * A logbook that imported records before the import vouched for signer ids (review A2) holds
 * the other logbook's operator ids beside their names, sealed in its version chain. Upgraded,
 * `rootlog check` must not call that a change made outside RootLog. The import of old is
 * brought back by vouching for every id, as it did.
 */
vi.mock('../model/carried-signer.js', () => ({ signerDoubt: () => null }));

describe('an import made before signer ids were vouched for', () => {
  it('keeps its ids, and check passes: the other logbook’s claim, not tampering', async () => {
    const { store: source, operatorId: keller } = tempStore();
    updateSettings(source, { consoleName: 'CT-Elsewhere' }, context);
    const lang = saveOperator(source, { name: 'Dr. B. Lang' }, context).id;
    for (const [at, operatorId] of [keller, lang].entries()) {
      const draft = saveDraft(source, completeDraft(operatorId, { patientId: `P865432${at}` }), context);
      signProcedure(
        source,
        draft.record.id,
        { confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
        signerOf(source, operatorId),
        context,
      );
    }
    const out = tempPath('before-vouching.json');
    await runExport(source, { format: 'json', out });
    source.close();

    // This logbook has its own "Dr. A. Keller": the file's one comes under a name told apart.
    const here = tempStore().store;
    const report = await importFile(here, out, context);
    expect(report).toMatchObject({ added: 2, rejected: [] });
    const ids = here.reader
      .prepare('SELECT signer_id FROM procedure_versions WHERE signer_id IS NOT NULL')
      .pluck()
      .all();
    expect(ids.sort()).toEqual([keller, lang].sort());
    const path = here.path;
    here.close();

    const checked = checkDatabase(path);
    expect(checked.ledger?.records.problems).toEqual([]);
    expect(checked.ok).toBe(true);
  });
});
