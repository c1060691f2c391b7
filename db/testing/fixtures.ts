import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PresentedCredential } from '../credentials.js';
import type { WarningCode } from '../model/index.js';
import { saveOperator } from '../settings.js';
import { openStore, type ServiceContext, type Store } from '../store.js';
import { signerOf } from './signer.js';

export const tempPath = (name = 'rootlog.sqlite'): string => join(mkdtempSync(join(tmpdir(), 'rootlog-test-')), name);

export { completeDraft } from './drafts.js';

export const context: ServiceContext = { actor: 'Dr. Test' };

/** A fresh database file with one operator who has a PIN, as a department would have after setup; `signer` is their proof. */
export function tempStore(): { store: Store; operatorId: string; signer: PresentedCredential } {
  const store = openStore(tempPath());
  const { id } = saveOperator(store, { name: 'Dr. A. Keller', administrator: true }, context);
  return { store, operatorId: id, signer: signerOf(store, id) };
}

/** Every warning that signing asks to confirm: for tests that amend records to arbitrary values. */
export const EVERY_CONFIRMABLE_WARNING: WarningCode[] = [
  'particulate_after_unsafe_spread',
  'dose_above_maximum',
  'day_steroid_above_maximum',
  'side_differs_from_symptoms',
  'anticoagulation_continued',
  'pain_worse_after',
  'gadolinium_contrast',
  'local_anaesthetic_after_intrathecal',
  'steroid_without_spread_check',
  'root_foramen_mismatch',
  'pregnancy_not_excluded',
  'home_after_intrathecal_or_motor_block',
  'intravascular_complication_mismatch',
  'contrast_reaction_not_premedicated',
  'steroid_given_despite_allergy',
  'local_anaesthetic_given_despite_allergy',
  'anticoagulant_not_paused',
  'pregnancy_positive',
  'local_anaesthetic_above_mg_per_kg',
  'time_out_incomplete',
  'abnormal_spread_without_action',
  'dlp_implausible',
  'ctdivol_implausible',
  'dap_implausible',
  'fluoro_time_implausible',
  'concentration_implausible',
  'table_time_implausible',
  'performed_outside_table_time',
  'same_root_same_day',
];
