import { fieldOf, PROCEDURE_FIELDS, reliefPercent } from '../../../../db/model/index.js';
import { useT } from '../../../app/i18n.js';
import { NrsPicker } from '../../../components/NrsPicker.js';
import { NumberField } from '../../../components/NumberField.js';
import { FORM_SECTION_MESSAGES, PAIN_SECTION_MESSAGES as M } from '../form-messages.js';
import { useProcedureForm } from '../form-store.js';

/** Immediate pain response: NRS before and after, as pickers with digit shortcuts. */
export function PainSection({ locked }: { locked: boolean }) {
  const t = useT();
  const draft = useProcedureForm((state) => state.draft);
  const update = useProcedureForm((state) => state.update);
  const relief = reliefPercent(draft.painPre, draft.painPost);
  return (
    <section aria-labelledby="section-pain" className="form-section">
      <h2 id="section-pain">{t(FORM_SECTION_MESSAGES.pain)}</h2>
      <NrsPicker
        label={t(M.before)}
        field="painPre"
        value={draft.painPre}
        onChange={(painPre) => update((d) => ({ ...d, painPre }))}
        disabled={locked}
      />
      <NrsPicker
        label={t(M.after)}
        field="painPost"
        value={draft.painPost}
        onChange={(painPost) => update((d) => ({ ...d, painPost }))}
        disabled={locked}
      />
      <div className="row">
        <NumberField
          label={t(fieldOf(PROCEDURE_FIELDS, 'painPostMinutes').label)}
          field="painPostMinutes"
          value={draft.painPostMinutes}
          onChange={(painPostMinutes) => update((d) => ({ ...d, painPostMinutes }))}
          disabled={locked}
        />
        <p className="relief" aria-live="polite">
          {t(M.relief)} <strong>{relief === undefined ? '—' : `${relief} %`}</strong>
        </p>
      </div>
    </section>
  );
}
