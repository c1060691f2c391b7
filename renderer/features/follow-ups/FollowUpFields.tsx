import { useEffect, useRef } from 'react';
import { codeMessage, FOLLOW_UP_CONTACTS, GLOBAL_IMPRESSIONS } from '../../../db/model/index.js';
import { useReader, useSay } from '../../app/i18n.js';
import { DateField } from '../../components/DateField.js';
import { BadgeScan } from '../session/BadgeScan.js';
import { useSession } from '../session/session-store.js';
import { useSettings } from '../settings/settings-store.js';
import { FOLLOW_UP_FIELD_MESSAGES as M } from './follow-ups-messages.js';
import { useFollowUps } from './follow-ups-store.js';

/**
 * The scores of one follow-up call, in the order they are asked: leg pain, back pain, the
 * patient's impression; how and when below. Enter in any field saves (the form's submit).
 */
export function FollowUpFields({ idPrefix, autoFocus }: { idPrefix: string; autoFocus?: boolean }) {
  const form = useFollowUps((state) => state.form);
  const problems = useFollowUps((state) => state.problems);
  const edit = useFollowUps((state) => state.edit);
  const { t } = useReader();
  const say = useSay();
  const field = (name: keyof typeof form) => `${idPrefix}-${name}`;
  const error = (name: keyof typeof form) =>
    problems[name] ? (
      <p id={`${field(name)}-error`} className="field-error" role="alert">
        {say(problems[name])}
      </p>
    ) : null;
  const described = (name: keyof typeof form) => (problems[name] ? `${field(name)}-error` : undefined);
  const settings = useSettings((state) => state.settings);
  const pinInput = useRef<HTMLInputElement>(null);
  // Enter before the PIN was typed (or after a wrong one): the PIN is asked where it is typed.
  useEffect(() => {
    if (problems.pin) pinInput.current?.focus();
  }, [problems.pin]);
  const sessionOperatorId = useSession((state) => state.session?.operatorId ?? '');
  // Who may record a call: radiologists, and technologists where the department allows it; each with a PIN.
  const recorders = (settings?.operators ?? []).filter(
    (operator) =>
      operator.active &&
      operator.pinSet &&
      (operator.role === 'radiologist' || settings?.technologistsRecordFollowUps === true),
  );
  return (
    <div className="follow-up-fields">
      <div className="text-field">
        <label htmlFor={field('legNrs')}>{t(M.legNrs)}</label>
        <input
          id={field('legNrs')}
          inputMode="numeric"
          autoComplete="off"
          // biome-ignore lint/a11y/noAutofocus: the call starts at the first question, so one hand types the scores
          autoFocus={autoFocus}
          value={form.legNrs}
          aria-invalid={Boolean(problems.legNrs)}
          aria-describedby={described('legNrs')}
          onChange={(event) => edit({ legNrs: event.target.value })}
        />
        {error('legNrs')}
      </div>
      <div className="text-field">
        <label htmlFor={field('backNrs')}>{t(M.backNrs)}</label>
        <input
          id={field('backNrs')}
          inputMode="numeric"
          autoComplete="off"
          value={form.backNrs}
          aria-invalid={Boolean(problems.backNrs)}
          aria-describedby={described('backNrs')}
          onChange={(event) => edit({ backNrs: event.target.value })}
        />
        {error('backNrs')}
      </div>
      <div className="text-field">
        <label htmlFor={field('globalImpression')}>{t(M.impression)}</label>
        <select
          id={field('globalImpression')}
          value={form.globalImpression}
          onChange={(event) => edit({ globalImpression: event.target.value })}
        >
          <option value="">—</option>
          {GLOBAL_IMPRESSIONS.map((code, index) => (
            <option key={code} value={code}>
              {index + 1} {t(codeMessage(code))}
            </option>
          ))}
        </select>
      </div>
      <div className="text-field">
        <label htmlFor={field('method')}>{t(M.method)}</label>
        <select
          id={field('method')}
          value={form.method}
          onChange={(event) => edit({ method: event.target.value as typeof form.method })}
        >
          {FOLLOW_UP_CONTACTS.map((code) => (
            <option key={code} value={code}>
              {t(codeMessage(code))}
            </option>
          ))}
        </select>
      </div>
      <div className="follow-up-date">
        {/* Typed in the department's order and said back in words, as the form's dates: never the OS's control. */}
        <DateField
          id={field('contactDate')}
          field={`followUp.${field('contactDate')}`}
          label={t(M.date)}
          value={form.contactDate || null}
          onChange={(contactDate) => edit({ contactDate: contactDate ?? '' })}
          // Text that is not a date yet is no date: the call is not saved with the one shown before.
          onPending={(pending) => {
            if (pending) edit({ contactDate: '' });
          }}
        />
        {error('contactDate')}
      </div>
      <div className="text-field wide">
        <label htmlFor={field('notes')}>{t(M.notes)}</label>
        <input
          id={field('notes')}
          value={form.notes}
          maxLength={2000}
          onChange={(event) => edit({ notes: event.target.value })}
        />
      </div>
      {recorders.some((operator) => operator.badge) && (
        // A badge scanned (the card reader types its number and Enter) chooses who records; their PIN proves it.
        <BadgeScan
          id={`${idPrefix}-badge`}
          refusal={(holder) =>
            recorders.some((operator) => operator.id === holder.id)
              ? null
              : `${holder.name} may not record follow-up calls here: choose who records it.`
          }
          onHolder={(holder) => {
            edit({ recordedById: holder.id });
            pinInput.current?.focus();
          }}
        />
      )}
      <div className="text-field">
        <label htmlFor={field('recordedById')}>{t(M.recordedBy)}</label>
        <select
          id={field('recordedById')}
          value={form.recordedById || sessionOperatorId}
          aria-invalid={Boolean(problems.recordedById)}
          aria-describedby={described('recordedById')}
          onChange={(event) => edit({ recordedById: event.target.value })}
        >
          <option value="" disabled>
            {t(M.choose)}
          </option>
          {recorders.map((operator) => (
            <option key={operator.id} value={operator.id}>
              {operator.name}
            </option>
          ))}
        </select>
        {error('recordedById')}
      </div>
      <div className="text-field">
        <label htmlFor={field('pin')}>{t(M.pin)}</label>
        <input
          ref={pinInput}
          id={field('pin')}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={form.pin}
          aria-invalid={Boolean(problems.pin)}
          aria-describedby={described('pin')}
          onChange={(event) => edit({ pin: event.target.value })}
        />
        {error('pin')}
      </div>
    </div>
  );
}
