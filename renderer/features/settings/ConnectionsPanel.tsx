import { useEffect } from 'react';
import { CONNECTION_SETTINGS_FIELDS, type ConnectionSettings } from '../../../db/model/connection-settings.js';
import type { Said } from '../../../db/model/index.js';
import { useDepartmentLocale } from '../../app/department-locale.js';
import { useRefusalWords, useSay, useT } from '../../app/i18n.js';
import { DoseReceiverState } from '../dose-reports/DoseInbox.js';
import { CONNECTION_MESSAGES, CONNECTIONS_PANEL_MESSAGES as M } from './connections-messages.js';
import { useConnections } from './connections-store.js';
import { requiredSettingNumber, settingNumberText } from './setting-numbers.js';

type Section = keyof typeof CONNECTION_SETTINGS_FIELDS;
type FieldSpec = (typeof CONNECTION_SETTINGS_FIELDS)[Section]['fields'][string];

/** A field's choices when its declaration is a list of words (the RIS's character set), else null. */
function choicesOf(spec: FieldSpec): readonly string[] | null {
  const schema = spec.schema as unknown as { options?: unknown; def?: { innerType?: { options?: unknown } } };
  const options = schema.options ?? schema.def?.innerType?.options;
  // A union's options are schemas, not words: only an enum's are all text.
  return Array.isArray(options) && options.every((option) => typeof option === 'string') ? options : null;
}
/** What the declaration fills in when a field is left out ('' when it has no default). */
function declaredDefault(spec: FieldSpec): string {
  const parsed = spec.schema.safeParse(undefined);
  return parsed.success && parsed.data !== undefined ? String(parsed.data) : '';
}
/** A field the declaration takes as a number (a port, days ahead). */
const numeric = (spec: FieldSpec) => spec.schema.safeParse(104).success;

/** A stored value as the field shows it (a list of AE titles with commas, a number in the department's locale). */
const shown = (value: unknown, locale: string) =>
  Array.isArray(value)
    ? value.join(', ')
    : typeof value === 'number'
      ? settingNumberText(value, locale)
      : String(value ?? '');

/**
 * Settings → Worklist, RIS, Dose reports and PACS, drawn from their declaration
 * (db/model/connection-settings.ts): each field's label, help and rule are written there once,
 * its words translated as the messages derived from it (connections-messages.ts). Saved through the main process
 * (audited); the worklist's connection is tested with a C-ECHO.
 */
export function ConnectionsPanel() {
  const { connections, problems, saved, test, testing, load, save, testWorklist } = useConnections();
  const t = useT();
  const say = useSay();
  const refusal = useRefusalWords();
  useEffect(() => {
    void load();
  }, [load]);
  if (!connections) return null;
  return (
    <>
      {(Object.keys(CONNECTION_SETTINGS_FIELDS) as Section[]).map((section) => (
        <ConnectionForm
          key={section}
          section={section}
          current={connections[section]}
          problems={problems}
          onSave={(value) => void save(section, value as ConnectionSettings[Section])}
        >
          {section === 'doseReceiver' && <DoseReceiverState />}
          {section === 'worklistServer' && connections.worklistServer && (
            <>
              <button type="button" className="secondary" onClick={() => void testWorklist()} disabled={testing}>
                {t(testing ? M.testing : M.test)}
              </button>
              {test && (
                <p className={test.ok ? 'saved' : 'problem'} role="status">
                  {refusal(test)}
                </p>
              )}
            </>
          )}
        </ConnectionForm>
      ))}
      {saved && (
        <p className="saved" role="status">
          {say(saved)}
        </p>
      )}
    </>
  );
}

function ConnectionForm({
  section,
  current,
  problems,
  onSave,
  children,
}: {
  section: Section;
  current: ConnectionSettings[Section];
  problems: Record<string, Said>;
  onSave: (value: Record<string, unknown> | null) => void;
  children?: React.ReactNode;
}) {
  const { fields, offWhenEmpty } = CONNECTION_SETTINGS_FIELDS[section];
  const words = CONNECTION_MESSAGES[section];
  const t = useT();
  const refusal = useRefusalWords();
  const locale = useDepartmentLocale();
  const id = (key: string) => `connection-${section}-${key}`;
  return (
    <section className="form-section" aria-labelledby={`settings-${section}`}>
      <h2 id={`settings-${section}`}>{t(words.title)}</h2>
      <p className="hint">{t(words.help)}</p>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          if (String(form.get(offWhenEmpty) ?? '').trim() === '') return onSave(null);
          onSave(
            Object.fromEntries(
              Object.entries(fields).flatMap(([key, spec]) => {
                const text = String(form.get(key) ?? '').trim();
                // Left empty: the declaration's default, if it has one (its rule says what is missing otherwise).
                if (text === '' && declaredDefault(spec) !== '') return [];
                return [[key, numeric(spec) ? requiredSettingNumber(text, locale) : text]];
              }),
            ),
          );
        }}
      >
        {Object.entries(fields).map(([key, spec]) => {
          const value = current ? shown((current as Record<string, unknown>)[key], locale) : declaredDefault(spec);
          const problem = problems[`${section}.${key}`];
          const choices = choicesOf(spec);
          const field = words.fields[key];
          return (
            <div className="text-field" key={`${key}-${value}`}>
              <label htmlFor={id(key)}>{field ? t(field.label) : spec.label}</label>
              {choices ? (
                <select id={id(key)} name={key} defaultValue={value || choices[choices.length - 1]}>
                  {choices.map((choice) => (
                    <option key={choice}>{choice}</option>
                  ))}
                </select>
              ) : (
                <input
                  id={id(key)}
                  name={key}
                  defaultValue={value}
                  inputMode={numeric(spec) ? 'numeric' : undefined}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={`${id(key)}-help`}
                />
              )}
              <small id={`${id(key)}-help`} className="hint">
                {field ? t(field.help) : spec.help}
              </small>
              {problem && <span className="problem">{refusal(problem)}</span>}
            </div>
          );
        })}
        <button type="submit" className="primary">
          {t(M.save, { connection: t(words.title) })}
        </button>
        {children}
      </form>
    </section>
  );
}
