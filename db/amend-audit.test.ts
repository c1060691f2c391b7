import { expect, it } from 'vitest';
import { auditHistory } from './audit.js';
import { amendProcedure, saveDraft, signProcedure } from './procedures.js';
import { completeDraft, context, EVERY_CONFIRMABLE_WARNING, tempStore } from './testing/fixtures.js';
import { recordSigner, someSigner } from './testing/signer.js';

it('an amendment keeps in its audit row the warnings the amender confirmed, as signing does', () => {
  const { store, operatorId } = tempStore();
  const { record } = saveDraft(store, completeDraft(operatorId), context);
  signProcedure(store, record.id, {}, recordSigner(store, record.id), context);
  // The amendment raises a DLP above the reference level: a warning answered with a reason.
  amendProcedure(
    store,
    { ...completeDraft(operatorId, { dlpMGyCm: 900, doseExceedanceReason: 'repositioning' }), id: record.id },
    { reason: 'DLP read from the dose report', confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
    someSigner(store),
    context,
  );
  const amendment = auditHistory(store, 'procedure', record.id).find((entry) => entry.action === 'amend');
  expect(amendment?.changes.confirmedWarnings?.after).toEqual(
    expect.arrayContaining([expect.stringMatching(/dlp|dose/)]),
  );
  expect(amendment?.changes.dlpMGyCm).toEqual({ before: 150, after: 900 });
  store.close();
});
