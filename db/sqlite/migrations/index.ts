import { initialSchema } from './001-initial-schema.js';
import { dashboardFacts } from './002-dashboard-facts.js';
import { doseGiven } from './003-dose-given-mg.js';
import { applicationId } from './004-application-id.js';
import { hashChain } from './005-hash-chain.js';
import { signedDrugFacts } from './006-signed-drug-facts.js';
import { followUpEntries } from './007-follow-up-entries.js';
import { outcomeIndexes } from './008-outcome-indexes.js';
import { clinicalReviewFields } from './009-clinical-review-fields.js';
import { drugFormulations } from './010-drug-formulations.js';
import { doseIndex } from './011-dose-index.js';
import { syncOutbox } from './012-sync-outbox.js';
import { doseReports } from './013-dose-reports.js';
import { risOutbox } from './014-ris-outbox.js';
import { oneFollowUpModel } from './015-one-follow-up-model.js';
import { needleTipPosition } from './016-needle-tip-position.js';
import { dashboardFactsLayout2 } from './017-dashboard-facts-layout-2.js';
import { hubLocal } from './018-hub-local.js';
import { stateChain } from './019-state-chain.js';
import { verifiedSignatures } from './020-verified-signatures.js';
import { foldedLookups } from './021-folded-lookups.js';
import { usualConcentrations } from './022-usual-concentrations.js';
import { noDoseReason } from './023-no-dose-reason.js';
import { worklistAndDoseSource } from './024-worklist-and-dose-source.js';
import { operatorsChained } from './025-operators-chained.js';
import type { Migration } from './migration.js';

/*
 * Numbered migrations, one file each, frozen as they shipped: each runs in one transaction
 * together with its `PRAGMA user_version` bump, so a file is always at exactly one version.
 * Never edit a migration that has shipped: add the next one.
 */
export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  dashboardFacts,
  doseGiven,
  applicationId,
  hashChain,
  signedDrugFacts,
  followUpEntries,
  outcomeIndexes,
  clinicalReviewFields,
  drugFormulations,
  doseIndex,
  syncOutbox,
  doseReports,
  risOutbox,
  oneFollowUpModel,
  needleTipPosition,
  dashboardFactsLayout2,
  hubLocal,
  stateChain,
  verifiedSignatures,
  foldedLookups,
  usualConcentrations,
  noDoseReason,
  worklistAndDoseSource,
  operatorsChained,
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

export { ROOTLOG_APPLICATION_ID } from './004-application-id.js';
export type { Migration };
