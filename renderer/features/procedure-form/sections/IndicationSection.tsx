import {
  ANTICOAGULANT_CLASSES,
  ANTICOAGULATION,
  CONSENT,
  CONTRAST_ALLERGY,
  codeInSentence,
  codeMessage,
  fieldOf,
  formatNumber,
  INDICATIONS,
  POSITIONS,
  PREGNANCY_EXCLUDED,
  PROCEDURE_FIELDS,
  type ProcedureInput,
  SEDATIONS,
  SYMPTOM_SIDES,
  type Translate,
  YES_NO,
} from '../../../../db/model/index.js';
import { useReader } from '../../../app/i18n.js';
import { ChoiceGroup } from '../../../components/ChoiceGroup.js';
import { NumberField } from '../../../components/NumberField.js';
import { toggle } from '../draft-edits.js';
import { INDICATION_SECTION_MESSAGES as M } from '../form-messages.js';
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
  t: Translate,
) => {
  if (draft.timeOutLevelVerified == null && draft.timeOutSideMarked == null) return t(M.notRecorded);
  return [
    t(draft.timeOutLevelVerified ? M.timeOutLevelVerified : M.timeOutLevelNotVerified),
    t(draft.timeOutSideMarked ? M.timeOutSideMarked : M.timeOutSideNotMarked),
  ].join(', ');
};

/** A field's label as its declaration words it, in the reader's language. */
const labelOf = (t: Translate, key: string) => t(fieldOf(PROCEDURE_FIELDS, key).label);

/** Indication and the safety checks asked before the needle goes in. */
export function IndicationSection({ locked }: { locked: boolean }) {
  const draft = useProcedureForm((state) => state.draft);
  const update = useProcedureForm((state) => state.update);
  const reader = useReader();
  const { t } = reader;
  const label = (key: string) => labelOf(t, key);
  const single =
    <K extends keyof typeof draft>(key: K) =>
    (value: NonNullable<(typeof draft)[K]>) =>
      update((current) => ({ ...current, [key]: current[key] === value ? undefined : value }));
  const one = <T,>(value: T | null | undefined): T[] => (value == null ? [] : [value]);
  return (
    <section aria-labelledby="section-indication" className="form-section">
      <h2 id="section-indication">{t(M.title)}</h2>
      <ChoiceGroup
        label={label('indications')}
        field="indications"
        options={INDICATIONS}
        selected={draft.indications ?? []}
        onToggle={(value) => update((current) => ({ ...current, indications: toggle(current.indications, value) }))}
        multiple
        disabled={locked}
      />
      <div className="row">
        <ChoiceGroup
          label={label('consent')}
          field="consent"
          options={CONSENT}
          selected={one(draft.consent)}
          onToggle={single('consent')}
          keys={{ o: 'obtained' }}
          disabled={locked}
          compact
        />
        <ChoiceGroup
          label={label('symptomSide')}
          field="symptomSide"
          options={SYMPTOM_SIDES}
          selected={one(draft.symptomSide)}
          onToggle={single('symptomSide')}
          keys={{ l: 'left', r: 'right', b: 'bilateral' }}
          disabled={locked}
          compact
        />
        <ChoiceGroup
          label={label('anticoagulation')}
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
          label={label('contrastAllergy')}
          field="contrastAllergy"
          options={CONTRAST_ALLERGY}
          selected={one(draft.contrastAllergy)}
          onToggle={single('contrastAllergy')}
          disabled={locked}
          compact
        />
        <ChoiceGroup
          label={t(M.pregnancy)}
          field="pregnancyExcluded"
          options={PREGNANCY_EXCLUDED}
          selected={one(draft.pregnancyExcluded)}
          onToggle={single('pregnancyExcluded')}
          optionLabel={(value) => (value === 'yes' ? t(M.excluded) : t(codeMessage(value)))}
          disabled={locked}
          compact
        />
        <ChoiceGroup
          label={label('diabetes')}
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
          {t(M.safetyLine, {
            timeOut: timeOutWords(draft, t),
            anticoagulant: codeInSentence(reader, draft.anticoagulantClass) || t(M.notRecorded),
            weight: draft.weightKg ? `${formatNumber(draft.weightKg, reader.locale)} kg` : t(M.notRecorded),
          })}
        </summary>
        <div className="row">
          <ChoiceGroup
            label={label('anticoagulantClass')}
            field="anticoagulantClass"
            options={ANTICOAGULANT_CLASSES}
            selected={one(draft.anticoagulantClass)}
            onToggle={single('anticoagulantClass')}
            disabled={locked}
            compact
          />
        </div>
        <fieldset className="row time-out">
          <legend>{t(M.timeOut)}</legend>
          {(
            [
              ['timeOutLevelVerified', t(M.levelVerified)],
              ['timeOutSideMarked', t(M.sideMarked)],
              ['transitionalVertebra', label('transitionalVertebra')],
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
            label={label('steroidAllergy')}
            field="steroidAllergy"
            options={YES_NO}
            selected={one(draft.steroidAllergy)}
            onToggle={single('steroidAllergy')}
            disabled={locked}
            compact
          />
          <ChoiceGroup
            label={label('localAnaestheticAllergy')}
            field="localAnaestheticAllergy"
            options={YES_NO}
            selected={one(draft.localAnaestheticAllergy)}
            onToggle={single('localAnaestheticAllergy')}
            disabled={locked}
            compact
          />
          <ChoiceGroup
            label={label('sedation')}
            field="sedation"
            options={SEDATIONS}
            selected={one(draft.sedation)}
            onToggle={single('sedation')}
            disabled={locked}
            compact
          />
          <NumberField
            label={label('weightKg')}
            field="weightKg"
            value={draft.weightKg}
            onChange={(weightKg) => update((current) => ({ ...current, weightKg }))}
            disabled={locked}
          />
        </div>
      </details>
      <details className="more-details">
        <summary>
          {t(M.positionLine, {
            position: codeInSentence(reader, draft.position) || t(M.notRecorded),
            prior: draft.priorInfiltrations ?? t(M.notRecorded),
          })}
        </summary>
        <div className="row">
          <ChoiceGroup
            label={label('position')}
            field="position"
            options={POSITIONS}
            selected={one(draft.position)}
            onToggle={single('position')}
            disabled={locked}
            compact
          />
          <NumberField
            label={t(M.priorInfiltrations)}
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
