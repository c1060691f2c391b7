import { useState } from 'react';
import {
  ABNORMAL_SPREAD_ACTIONS,
  APPROACHES,
  codeInSentence,
  codeMessage,
  FORAMINA,
  fieldOf,
  isUnsafeSpread,
  NEEDLE_GAUGES,
  NEEDLE_TIP_POSITIONS,
  PROCEDURE_FIELDS,
  PROVOKED_PAIN,
  ROOTS,
  SIDES,
  SPREAD_PATTERNS,
  TARGET_FIELDS,
} from '../../../../db/model/index.js';
import { useReader, useT } from '../../../app/i18n.js';
import { NO_ITEMS } from '../../../app/no-items.js';
import { ChoiceGroup } from '../../../components/ChoiceGroup.js';
import { FieldMessages } from '../../../components/FieldMessages.js';
import { NumberField } from '../../../components/NumberField.js';
import {
  type DrugsOfRemovedTarget,
  drugsAtTarget,
  hasOtherSide,
  type TargetInput,
  toggle,
  withOtherSide,
  withRoot,
} from '../draft-edits.js';
import { FORM_SECTION_MESSAGES, TARGETS_SECTION_MESSAGES as M } from '../form-messages.js';
import { useProcedureForm } from '../form-store.js';
import { RemovalNotice } from '../RemovalNotice.js';

const ROOT_KEYS = { '1': 'L1', '2': 'L2', '3': 'L3', '4': 'L4', '5': 'L5', s: 'S1' } as const;
const SIDE_KEYS = { l: 'left', r: 'right' } as const;

/** Targets in the order they are treated; root and side as quick picks, bilateral in one action. */
export function TargetsSection({ locked }: { locked: boolean }) {
  const reader = useReader();
  const { t } = reader;
  // Labels as the fields' declarations word them; a target's own with its number.
  const label = (key: string) => t(fieldOf(TARGET_FIELDS, key).label);
  const caudalLabel = (key: string) => t(fieldOf(PROCEDURE_FIELDS, key).label);
  const ofTarget = (key: string, index: number) => t(M.ofTarget, { label: label(key), number: index + 1 });
  const targets = useProcedureForm((state) => state.draft.targets ?? NO_ITEMS);
  const caudal = useProcedureForm((state) => state.draft.caudalEpidural ?? false);
  const caudalSpread = useProcedureForm((state) => state.draft.caudalSpread ?? NO_ITEMS);
  const caudalProvokedPain = useProcedureForm((state) => state.draft.caudalProvokedPain);
  const caudalAction = useProcedureForm((state) => state.draft.caudalAbnormalSpreadAction);
  const update = useProcedureForm((state) => state.update);
  const removeTarget = useProcedureForm((state) => state.removeTarget);
  const removal = useProcedureForm((state) => state.removal);
  const [asking, setAsking] = useState<number | null>(null);
  const setTarget = (index: number, edit: (target: TargetInput) => TargetInput) =>
    update((draft) => ({
      ...draft,
      targets: (draft.targets ?? []).map((target, i) => (i === index ? edit(target) : target)),
    }));
  return (
    <section aria-labelledby="section-targets" className="form-section">
      <h2 id="section-targets">{t(FORM_SECTION_MESSAGES.targets)}</h2>
      <FieldMessages field="targets" />
      {removal?.section === 'targets' && !locked && <RemovalNotice />}
      {targets.map((target, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a target is its position in the list (drugs refer to it by number)
        <div key={index} className="target" data-field={`targets[${index}]`}>
          <div className="target-header">
            <h3>
              {target.root && target.side
                ? t(M.targetAt, { number: index + 1, root: target.root, side: codeInSentence(reader, target.side) })
                : t(M.target, { number: index + 1 })}
            </h3>
            {!locked && (
              <div className="target-actions">
                <button
                  type="button"
                  className="secondary"
                  disabled={!target.side || hasOtherSide(targets, index)}
                  title={
                    hasOtherSide(targets, index)
                      ? t(M.alreadyTarget, {
                          root: target.root ?? t(M.thisRoot),
                          side: codeInSentence(reader, target.side === 'left' ? 'right' : 'left'),
                        })
                      : undefined
                  }
                  onClick={() => {
                    update((draft) => ({ ...draft, targets: withOtherSide(draft.targets ?? [], index) }));
                    // The button is disabled now (the other side is there): the focus goes on to what the targets still need.
                    useProcedureForm.getState().requestFocus({ kind: 'next-needed', after: `targets[${index}].side` });
                  }}
                >
                  {t(M.bilateral, {
                    side: target.side === 'left' ? 'right' : target.side === 'right' ? 'left' : 'other',
                  })}
                </button>
                {targets.length > 1 && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() =>
                      drugsAtTarget(useProcedureForm.getState().draft, index) > 0
                        ? setAsking(index)
                        : removeTarget(index, 'remove')
                    }
                  >
                    {t(M.removeTarget, { number: index + 1 })}
                  </button>
                )}
              </div>
            )}
          </div>
          {asking === index && (
            <RemovalQuestion
              index={index}
              drugs={drugsAtTarget(useProcedureForm.getState().draft, index)}
              onAnswer={(answer) => {
                setAsking(null);
                if (answer) removeTarget(index, answer);
              }}
            />
          )}
          <div className="row">
            <ChoiceGroup
              label={label('root')}
              field={`targets[${index}].root`}
              options={ROOTS}
              selected={target.root ? [target.root] : []}
              onToggle={(root) => setTarget(index, (t) => withRoot(t, root))}
              keys={ROOT_KEYS}
              optionLabel={String}
              disabled={locked}
              compact
            />
            <ChoiceGroup
              label={label('side')}
              field={`targets[${index}].side`}
              options={SIDES}
              selected={target.side ? [target.side] : []}
              onToggle={(side) => setTarget(index, (t) => ({ ...t, side }))}
              keys={SIDE_KEYS}
              disabled={locked}
              compact
            />
            <div className="text-field" data-field={`targets[${index}].foramen`}>
              <label htmlFor={`field-foramen-${index}`}>{label('foramen')}</label>
              <select
                id={`field-foramen-${index}`}
                value={target.foramen ?? ''}
                disabled={locked}
                onChange={(event) =>
                  setTarget(index, (t) => ({
                    ...t,
                    foramen: (event.target.value || undefined) as TargetInput['foramen'],
                  }))
                }
              >
                <option value="">—</option>
                {FORAMINA.map((foramen) => (
                  <option key={foramen} value={foramen}>
                    {foramen}
                  </option>
                ))}
              </select>
            </div>
            <div className="text-field">
              <label htmlFor={`field-approach-${index}`}>{label('approach')}</label>
              <select
                id={`field-approach-${index}`}
                value={target.approach ?? ''}
                disabled={locked}
                onChange={(event) =>
                  setTarget(index, (t) => ({
                    ...t,
                    approach: (event.target.value || undefined) as TargetInput['approach'],
                  }))
                }
              >
                <option value="">—</option>
                {APPROACHES.map((approach) => (
                  <option key={approach} value={approach}>
                    {t(codeMessage(approach))}
                  </option>
                ))}
              </select>
            </div>
            <div className="text-field">
              <label htmlFor={`field-needle-tip-${index}`}>{label('needleTipPosition')}</label>
              <select
                id={`field-needle-tip-${index}`}
                value={target.needleTipPosition ?? ''}
                disabled={locked}
                onChange={(event) =>
                  setTarget(index, (t) => ({
                    ...t,
                    needleTipPosition: (event.target.value || undefined) as TargetInput['needleTipPosition'],
                  }))
                }
              >
                <option value="">—</option>
                {NEEDLE_TIP_POSITIONS.map((position) => (
                  <option key={position} value={position}>
                    {t(codeMessage(position))}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <ChoiceGroup
            label={ofTarget('spread', index)}
            field={`targets[${index}].spread`}
            options={SPREAD_PATTERNS}
            selected={target.spread ?? []}
            onToggle={(pattern) => setTarget(index, (t) => ({ ...t, spread: toggle(t.spread, pattern) }))}
            multiple
            disabled={locked}
          />
          {(target.spread ?? []).some(isUnsafeSpread) && (
            <ChoiceGroup
              label={ofTarget('abnormalSpreadAction', index)}
              field={`targets[${index}].abnormalSpreadAction`}
              options={ABNORMAL_SPREAD_ACTIONS}
              selected={target.abnormalSpreadAction ? [target.abnormalSpreadAction] : []}
              onToggle={(action) =>
                setTarget(index, (t) => ({
                  ...t,
                  abnormalSpreadAction: t.abnormalSpreadAction === action ? undefined : action,
                }))
              }
              disabled={locked}
              compact
            />
          )}
          <ChoiceGroup
            label={label('provokedPain')}
            field={`targets[${index}].provokedPain`}
            options={PROVOKED_PAIN}
            selected={target.provokedPain ? [target.provokedPain] : []}
            onToggle={(pain) =>
              setTarget(index, (t) => ({ ...t, provokedPain: t.provokedPain === pain ? undefined : pain }))
            }
            disabled={locked}
            compact
          />
          <label className="switch" data-field={`targets[${index}].injectionSlowed`}>
            <input
              type="checkbox"
              checked={target.injectionSlowed ?? false}
              disabled={locked}
              onChange={(event) =>
                setTarget(index, (t) => ({ ...t, injectionSlowed: event.target.checked || undefined }))
              }
            />
            {t(M.injectionSlowed)}
          </label>
          {/* The needle: rarely changed from the department's usual, so out of the standard path until opened. */}
          <details className="more-details" open={needleRecorded(target)}>
            <summary>{t(M.needleDetails)}</summary>
            <div className="row">
              <ChoiceGroup
                label={ofTarget('needleGauge', index)}
                field={`targets[${index}].needleGauge`}
                options={NEEDLE_GAUGES}
                selected={target.needleGauge ? [target.needleGauge] : []}
                onToggle={(gauge) =>
                  setTarget(index, (t) => ({ ...t, needleGauge: t.needleGauge === gauge ? undefined : gauge }))
                }
                optionLabel={(gauge) => `${gauge} G`}
                disabled={locked}
                compact
              />
              <NumberField
                label={ofTarget('needleLengthMm', index)}
                field={`targets[${index}].needleLengthMm`}
                value={target.needleLengthMm}
                onChange={(needleLengthMm) => setTarget(index, (t) => ({ ...t, needleLengthMm }))}
                disabled={locked}
              />
              <NumberField
                label={ofTarget('needleRepositionings', index)}
                field={`targets[${index}].needleRepositionings`}
                value={target.needleRepositionings}
                onChange={(needleRepositionings) => setTarget(index, (t) => ({ ...t, needleRepositionings }))}
                disabled={locked}
              />
            </div>
          </details>
        </div>
      ))}
      {!locked && (
        <div className="row">
          <button
            type="button"
            className="secondary"
            onClick={() =>
              update((draft) => ({
                ...draft,
                targets: [...(draft.targets ?? []), { approach: 'transforaminal', spread: [] }],
              }))
            }
          >
            {t(M.addTarget)}
          </button>
        </div>
      )}
      {/* The tick box is its own field on the Enter path: the caudal spread after it is another. */}
      <div className="caudal">
        <label className="switch" data-field="caudalEpidural">
          <input
            type="checkbox"
            checked={caudal}
            disabled={locked}
            onChange={(event) =>
              update((draft) => ({
                ...draft,
                caudalEpidural: event.target.checked,
                caudalSpread: event.target.checked ? draft.caudalSpread : [],
              }))
            }
          />
          {t(M.caudalAsWell)}
        </label>
        {caudal && (
          <ChoiceGroup
            label={caudalLabel('caudalSpread')}
            field="caudalSpread"
            options={SPREAD_PATTERNS}
            selected={caudalSpread}
            onToggle={(pattern) => update((draft) => ({ ...draft, caudalSpread: toggle(draft.caudalSpread, pattern) }))}
            multiple
            disabled={locked}
          />
        )}
        {caudal && caudalSpread.some(isUnsafeSpread) && (
          <ChoiceGroup
            label={caudalLabel('caudalAbnormalSpreadAction')}
            field="caudalAbnormalSpreadAction"
            options={ABNORMAL_SPREAD_ACTIONS}
            selected={caudalAction ? [caudalAction] : []}
            onToggle={(action) =>
              update((draft) => ({
                ...draft,
                caudalAbnormalSpreadAction: draft.caudalAbnormalSpreadAction === action ? undefined : action,
              }))
            }
            disabled={locked}
            compact
          />
        )}
        {caudal && (
          <ChoiceGroup
            label={caudalLabel('caudalProvokedPain')}
            field="caudalProvokedPain"
            options={PROVOKED_PAIN}
            selected={caudalProvokedPain ? [caudalProvokedPain] : []}
            onToggle={(pain) =>
              update((draft) => ({
                ...draft,
                caudalProvokedPain: draft.caudalProvokedPain === pain ? undefined : pain,
              }))
            }
            disabled={locked}
            compact
          />
        )}
      </div>
    </section>
  );
}

/** Asked before a target with drugs goes: its drugs never silently move to another root. */
function RemovalQuestion(props: {
  index: number;
  drugs: number;
  onAnswer: (answer: DrugsOfRemovedTarget | null) => void;
}) {
  const t = useT();
  const count = props.drugs;
  return (
    <div className="warning warning-safety" role="alertdialog" aria-labelledby={`remove-target-${props.index}`}>
      <p id={`remove-target-${props.index}`}>{t(M.drugsGiven, { count, number: props.index + 1 })}</p>
      <div className="row">
        {/* biome-ignore lint/a11y/noAutofocus: the question needs an answer before anything else */}
        <button type="button" className="secondary" autoFocus onClick={() => props.onAnswer('remove')}>
          {t(M.removeWithDrugs, { count })}
        </button>
        <button type="button" className="secondary" onClick={() => props.onAnswer('unassign')}>
          {t(M.keepDrugs, { count })}
        </button>
        <button type="button" className="secondary" onClick={() => props.onAnswer(null)}>
          {t(M.keepTarget)}
        </button>
      </div>
    </div>
  );
}

/** Open the needle details when something is recorded there (a loaded record, a preset). */
const needleRecorded = (target: TargetInput) =>
  target.needleGauge != null || target.needleLengthMm != null || target.needleRepositionings != null;
