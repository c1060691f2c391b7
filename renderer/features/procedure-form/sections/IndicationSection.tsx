import {
  ANTICOAGULANT_CLASSES,
  ANTICOAGULATION,
  CONSENT,
  CONTRAST_ALLERGY,
  INDICATIONS,
  POSITIONS,
  PREGNANCY_EXCLUDED,
  type ProcedureInput,
  SEDATIONS,
  SYMPTOM_SIDES,
  YES_NO,
} from '../../../../db/model/index.js';
import { words } from '../../../app/labels.js';
import { ChoiceGroup } from '../../../components/ChoiceGroup.js';
import { NumberField } from '../../../components/NumberField.js';
import { toggle } from '../draft-edits.js';
import { useProcedureForm } from '../form-store.js';

/** Open when something in it needs attention: a time-out answered "no" or an allergy. */
const safetyDetailsOpen = (
  draft: Pick<
    ProcedureInput,
    'timeOutLevelVerified' | 'timeOutSideMarked' | 'steroidAllergy' | 'localAnaestheticAllergy'
  >,
) =>
  draft.timeOutLevelVerified === false ||
  draft.timeOutSideMarked === false ||
  draft.steroidAllergy === 'yes' ||
  draft.localAnaestheticAllergy === 'yes' ||
  undefined;

const timeOutWords = (
  draft: Pick<
    ProcedureInput,
    'timeOutLevelVerified' | 'timeOutSideMarked' | 'steroidAllergy' | 'localAnaestheticAllergy'
  >,
) => {
  if (draft.timeOutLevelVerified == null && draft.timeOutSideMarked == null) return 'not recorded';
  return [
    draft.timeOutLevelVerified ? 'level verified' : 'level NOT verified',
    draft.timeOutSideMarked ? 'side marked' : 'side NOT marked',
  ].join(', ');
};

/** Indication and the safety checks asked before the needle goes in. */
export function IndicationSection({ locked }: { locked: boolean }) {
  const draft = useProcedureForm((state) => state.draft);
  const update = useProcedureForm((state) => state.update);
  const single =
    <K extends keyof typeof draft>(key: K) =>
    (value: NonNullable<(typeof draft)[K]>) =>
      update((current) => ({ ...current, [key]: current[key] === value ? undefined : value }));
  const one = <T,>(value: T | null | undefined): T[] => (value == null ? [] : [value]);
  return (
    <section aria-labelledby="section-indication" className="form-section">
      <h2 id="section-indication">Indication and safety checks</h2>
      <ChoiceGroup
        label="Indication"
        field="indications"
        options={INDICATIONS}
        selected={draft.indications ?? []}
        onToggle={(value) => update((current) => ({ ...current, indications: toggle(current.indications, value) }))}
        multiple
        disabled={locked}
      />
      <div className="row">
        <ChoiceGroup
          label="Consent"
          field="consent"
          options={CONSENT}
          selected={one(draft.consent)}
          onToggle={single('consent')}
          keys={{ o: 'obtained' }}
          disabled={locked}
          compact
        />
        <ChoiceGroup
          label="Symptom side"
          field="symptomSide"
          options={SYMPTOM_SIDES}
          selected={one(draft.symptomSide)}
          onToggle={single('symptomSide')}
          keys={{ l: 'left', r: 'right', b: 'bilateral' }}
          disabled={locked}
          compact
        />
        <ChoiceGroup
          label="Anticoagulation"
          field="anticoagulation"
          options={ANTICOAGULATION}
          selected={one(draft.anticoagulation)}
          onToggle={single('anticoagulation')}
          disabled={locked}
          compact
        />
      </div>
      <div className="row">
        <ChoiceGroup
          label="Contrast allergy"
          field="contrastAllergy"
          options={CONTRAST_ALLERGY}
          selected={one(draft.contrastAllergy)}
          onToggle={single('contrastAllergy')}
          disabled={locked}
          compact
        />
        <ChoiceGroup
          label="Pregnancy"
          field="pregnancyExcluded"
          options={PREGNANCY_EXCLUDED}
          selected={one(draft.pregnancyExcluded)}
          onToggle={single('pregnancyExcluded')}
          optionLabel={(value) => (value === 'yes' ? 'Excluded' : words(value))}
          disabled={locked}
          compact
        />
        <ChoiceGroup
          label="Diabetes"
          field="diabetes"
          options={YES_NO}
          selected={one(draft.diabetes)}
          onToggle={single('diabetes')}
          disabled={locked}
          compact
        />
      </div>
      {/* Usually prone and a first infiltration: shown in the summary line, opened to change. */}
      {/* Asked of every patient but rarely other than usual: a summary line, opened to record. */}
      <details className="more-details" open={safetyDetailsOpen(draft)}>
        <summary>
          Time-out: {timeOutWords(draft)}; anticoagulant:{' '}
          {words(draft.anticoagulantClass).toLowerCase() || 'not recorded'}; allergies, sedation, weight:{' '}
          {draft.weightKg ? `${draft.weightKg} kg` : 'not recorded'}
        </summary>
        <div className="row">
          <ChoiceGroup
            label="Anticoagulant or antiplatelet"
            field="anticoagulantClass"
            options={ANTICOAGULANT_CLASSES}
            selected={one(draft.anticoagulantClass)}
            onToggle={single('anticoagulantClass')}
            disabled={locked}
            compact
          />
        </div>
        <fieldset className="row time-out">
          <legend>Time-out</legend>
          {(
            [
              ['timeOutLevelVerified', 'Level verified on the images'],
              ['timeOutSideMarked', 'Side marked'],
              ['transitionalVertebra', 'Transitional vertebra noted'],
            ] as const
          ).map(([field, label]) => (
            <ChoiceGroup
              key={field}
              label={label}
              field={field}
              options={YES_NO}
              selected={draft[field] == null ? [] : [draft[field] ? 'yes' : 'no']}
              onToggle={(value) =>
                update((current) => {
                  const answer = value === 'yes';
                  return { ...current, [field]: current[field] === answer ? undefined : answer };
                })
              }
              disabled={locked}
              compact
            />
          ))}
        </fieldset>
        <div className="row">
          <ChoiceGroup
            label="Steroid allergy"
            field="steroidAllergy"
            options={YES_NO}
            selected={one(draft.steroidAllergy)}
            onToggle={single('steroidAllergy')}
            disabled={locked}
            compact
          />
          <ChoiceGroup
            label="Local anaesthetic allergy"
            field="localAnaestheticAllergy"
            options={YES_NO}
            selected={one(draft.localAnaestheticAllergy)}
            onToggle={single('localAnaestheticAllergy')}
            disabled={locked}
            compact
          />
          <ChoiceGroup
            label="Sedation"
            field="sedation"
            options={SEDATIONS}
            selected={one(draft.sedation)}
            onToggle={single('sedation')}
            disabled={locked}
            compact
          />
          <NumberField
            label="Weight (kg)"
            field="weightKg"
            value={draft.weightKg}
            onChange={(weightKg) => update((current) => ({ ...current, weightKg }))}
            disabled={locked}
          />
        </div>
      </details>
      <details className="more-details">
        <summary>
          Position: {draft.position ? words(draft.position).toLowerCase() : 'not recorded'}; prior infiltrations:{' '}
          {draft.priorInfiltrations ?? 'not recorded'}
        </summary>
        <div className="row">
          <ChoiceGroup
            label="Position"
            field="position"
            options={POSITIONS}
            selected={one(draft.position)}
            onToggle={single('position')}
            disabled={locked}
            compact
          />
          <NumberField
            label="Prior infiltrations (this indication)"
            field="priorInfiltrations"
            value={draft.priorInfiltrations}
            onChange={(priorInfiltrations) => update((current) => ({ ...current, priorInfiltrations }))}
            disabled={locked}
          />
        </div>
      </details>
    </section>
  );
}
