import { useEffect } from 'react';
import { CONNECTION_SETTINGS_FIELDS, type ConnectionSettings } from '../../../db/model/connection-settings.js';
import { numberOrNaN } from '../../../db/model/number-entry.js';
import { DoseReceiverState } from '../dose-reports/DoseInbox.js';
import { useConnections } from './connections-store.js';

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

const HELP: Record<Section, string> = {
  worklistServer:
    "The RIS's DICOM Modality Worklist: today's patients for this station, beside the procedure list (Alt+W). Leave the server empty to enter patients by hand.",
  risServer:
    'Signed reports go back to the RIS as HL7 v2 ORU^R01 over MLLP, retried until it acknowledges them. Leave the server empty to copy reports by hand.',
  doseReceiver:
    "The scanners send their dose reports (RDSR) here, to RootLog's own DICOM receiver: the dose fields fill from them. Set the scanner to send the X-Ray Radiation Dose SR to this console's address, port and AE title.",
  pacsServer:
    "The department's PACS, asked for the open record's dose report (Fetch dose report from the PACS, Alt+D): it sends the report to RootLog's receiver above, so the receiver must be on with the PACS's AE title among those allowed to send. Leave the server empty if reports come only from the scanners.",
};

/** A stored value as the field shows it (a list of AE titles with commas). */
const shown = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));

/**
 * Settings → Worklist and → RIS, drawn from their declaration (db/model/connection-settings.ts):
 * each field's label, help and rule are written there once. Saved through the main process
 * (audited); the worklist's connection is tested with a C-ECHO.
 */
export function ConnectionsPanel() {
  const { connections, problems, saved, test, testing, load, save, testWorklist } = useConnections();
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
          onSave={(value) => void save({ [section]: value }, CONNECTION_SETTINGS_FIELDS[section].label)}
        >
          {section === 'doseReceiver' && <DoseReceiverState />}
          {section === 'worklistServer' && connections.worklistServer && (
            <>
              <button type="button" className="secondary" onClick={() => void testWorklist()} disabled={testing}>
                {testing ? 'Testing…' : 'Test the connection'}
              </button>
              {test && (
                <p className={test.ok ? 'saved' : 'problem'} role="status">
                  {test.message}
                </p>
              )}
            </>
          )}
        </ConnectionForm>
      ))}
      {saved && (
        <p className="saved" role="status">
          {saved}
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
  problems: Record<string, string>;
  onSave: (value: Record<string, unknown> | null) => void;
  children?: React.ReactNode;
}) {
  const { label, fields, offWhenEmpty } = CONNECTION_SETTINGS_FIELDS[section];
  const id = (key: string) => `connection-${section}-${key}`;
  return (
    <section className="form-section" aria-labelledby={`settings-${section}`}>
      <h2 id={`settings-${section}`}>{label}</h2>
      <p className="hint">{HELP[section]}</p>
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
                return [[key, numeric(spec) ? (numberOrNaN(text) ?? Number.NaN) : text]];
              }),
            ),
          );
        }}
      >
        {Object.entries(fields).map(([key, spec]) => {
          const value = current ? shown((current as Record<string, unknown>)[key]) : declaredDefault(spec);
          const problem = problems[`${section}.${key}`];
          const choices = choicesOf(spec);
          return (
            <div className="text-field" key={`${key}-${value}`}>
              <label htmlFor={id(key)}>{spec.label}</label>
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
                {spec.help}
              </small>
              {problem && <span className="problem">{problem}</span>}
            </div>
          );
        })}
        <button type="submit" className="primary">
          Save the {label} connection
        </button>
        {children}
      </form>
    </section>
  );
}
