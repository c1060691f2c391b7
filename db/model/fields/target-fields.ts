import { z } from 'zod';
import { RULE_MESSAGES as R } from '../rule-messages.js';
import {
  ABNORMAL_SPREAD_ACTIONS,
  APPROACHES,
  FORAMINA,
  NEEDLE_GAUGES,
  NEEDLE_TIP_POSITIONS,
  PROVOKED_PAIN,
  ROOTS,
  SIDES,
  SPREAD_PATTERNS,
} from '../vocabularies.js';
import { codeInSentence } from '../vocabulary-words.js';
import { rule } from '../zod-words.js';
import { declareFields } from './field.js';
import { kind } from './kinds.js';
import { targetInWords, SUMMARY_VALUE_MESSAGES as VALUE } from './summary-words.js';

/** A target: one root on one side (bilateral = two targets). Table `targets`, one row per target. */
export const TARGET_FIELDS = declareFields('target', [
  {
    key: 'ordinal',
    role: 'derived',
    type: 'integer',
    label: 'Target number',
    export: {
      header: 'target_number',
      description: 'Position of the target in the record (1 = first).',
      read: (value) => (value == null ? null : Number(value) + 1),
    },
    summary: false,
  },
  {
    key: 'root',
    ...kind.code(ROOTS),
    label: 'Root',
    export: { description: 'Nerve root treated.' },
    plan: 'copy',
    summary: {
      write: (root: string | null | undefined, target: { side?: string | null }, context) =>
        targetInWords(context, root, target.side),
    },
  },
  {
    key: 'side',
    ...kind.code(SIDES),
    label: 'Side',
    export: { description: 'Side of the target.' },
    plan: 'copy',
    // Written with the root ("L5 left").
    summary: false,
  },
  {
    key: 'foramen',
    ...kind.code(FORAMINA),
    label: 'Foramen',
    export: { description: 'Foramen approached.' },
    plan: 'copy',
    summary: { write: (foramen: string, _, { t }) => t(VALUE.foramen, { foramen }) },
  },
  {
    key: 'approach',
    ...kind.code(APPROACHES),
    label: 'Approach',
    export: { description: 'Needle approach.' },
    plan: 'copy',
  },
  {
    key: 'needleGauge',
    type: 'code',
    values: NEEDLE_GAUGES,
    schema: z
      .union(
        NEEDLE_GAUGES.map((gauge) => z.literal(gauge)),
        rule(R.needleGauge, { gauges: NEEDLE_GAUGES.join(', ') }),
      )
      .nullish(),
    label: 'Needle gauge',
    unit: 'G',
    export: { description: 'Needle gauge.' },
    plan: 'copy',
  },
  {
    key: 'needleLengthMm',
    ...kind.whole(50, 200),
    label: 'Needle length (mm)',
    unit: 'mm',
    export: { description: 'Needle length.' },
    plan: 'copy',
  },
  {
    key: 'needleRepositionings',
    ...kind.whole(0, 50),
    label: 'Needle repositionings',
    export: { description: 'Times the needle was repositioned.' },
    summary: { write: (count: number, _, { t }) => (count ? t(VALUE.repositionings, { count }) : null) },
  },
  {
    key: 'spread',
    ...kind.codes(SPREAD_PATTERNS),
    column: false,
    label: 'Contrast spread',
    export: {
      description: 'Contrast spread at this target, ";"-separated; intravascular_* and intrathecal are safety events.',
      column: 'spread_text',
    },
    plan: 'clear',
    summary: {
      write: (spread: readonly string[], _, context) =>
        spread.length > 0
          ? context.t(VALUE.spread, { patterns: spread.map((pattern) => codeInSentence(context, pattern)).join(', ') })
          : null,
    },
  },
  {
    key: 'provokedPain',
    ...kind.code(PROVOKED_PAIN),
    label: 'Provoked pain',
    export: { description: 'Pain provoked by the contrast injection.' },
    summary: {
      write: (pain: string, _, context) =>
        context.t(VALUE.provokedPain, { pain: codeInSentence(context, pain, PROVOKED_PAIN) }),
    },
  },
  {
    key: 'injectionSlowed',
    ...kind.yesNo(),
    label: 'Injection slowed',
    export: { description: 'The radiologist waited and injected more slowly.' },
    summary: { write: (slowed: boolean, _, { t }) => (slowed ? t(VALUE.injectionSlowed) : null) },
  },
  {
    key: 'drugs',
    role: 'derived',
    type: 'text',
    column: 'drugs_text',
    label: 'Drugs at this target',
    export: {
      header: 'target_drugs',
      description: 'drug code and mg per administration at this target, ";"-separated (e.g. "dexamethasone 8 mg").',
    },
    summary: false,
  },
  {
    key: 'abnormalSpreadAction',
    ...kind.code(ABNORMAL_SPREAD_ACTIONS),
    label: 'Action after abnormal spread',
    export: { description: 'What was done after intravascular or intrathecal spread at this target.' },
    summary: {
      write: (action: string, _, context) => context.t(VALUE.thenAction, { action: codeInSentence(context, action) }),
    },
  },
  {
    // Last: a column added later goes to the end of the exported rows, where scripts that read
    // columns by position do not see it move the others.
    key: 'needleTipPosition',
    ...kind.code(NEEDLE_TIP_POSITIONS),
    label: 'Needle tip',
    export: {
      description: 'Where the needle tip lay at injection (extraforaminal tips have fewer intravascular hits).',
    },
    plan: 'copy',
    summary: {
      write: (position: string, _, context) => context.t(VALUE.tip, { position: codeInSentence(context, position) }),
    },
    fhirExtension: true,
  },
]);
