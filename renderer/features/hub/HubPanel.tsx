import { useEffect, useState } from 'react';
import { formatDateTime, type HubServer, type Translate, type Words } from '../../../db/model/index.js';
import { useDepartmentLocale } from '../../app/department-locale.js';
import { useReaderLocale, useRefusalWords, useSay, useT } from '../../app/i18n.js';
import { requiredSettingNumber, settingNumberText } from '../settings/setting-numbers.js';
import { useSettings } from '../settings/settings-store.js';
import { ConflictsView } from './ConflictsView.js';
import { ConsoleIdentity } from './ConsoleIdentity.js';
import { HUB_PANEL_MESSAGES as M } from './hub-messages.js';
import { useHub } from './hub-store.js';
import { RefusalsList } from './RefusalsList.js';

/** The sync's outcome in one sentence. */
function syncSentence(
  status: NonNullable<ReturnType<typeof useHub.getState>['status']>,
  locale: string,
  t: Translate,
  say: (said: Words) => string,
): string {
  if (status.running) return t(M.syncing);
  if (status.lastError)
    return t(status.lastErrorSide === 'local' ? M.errorHere : M.errorServer, { error: say(status.lastError) });
  if (!status.lastSyncAt) return t(M.notSynced, { pending: status.pending });
  const report = status.lastReport;
  const parts = [
    t(M.lastSync, {
      at: formatDateTime(status.lastSyncAt, locale),
      pushed: report?.pushed ?? 0,
      pulled: report?.pulled ?? 0,
    }),
    report && report.amendmentsPulled > 0 ? t(M.amendments, { count: report.amendmentsPulled }) : '',
    t(M.waiting, { pending: status.pending }),
    report && report.refused.length > 0 ? t(M.refused, { count: report.refused.length }) : '',
  ];
  return parts.filter(Boolean).join('; ');
}

/**
 * Settings → Department server: where this console meets the others (PostgreSQL), always over
 * TLS with the server's certificate verified (the department's CA can be given here). The
 * password and this console's signing key stay with the main process and the computer's
 * keychain — never in the logbook, a backup or an export.
 */
export function HubPanel() {
  const settings = useSettings((state) => state.settings);
  const locale = useReaderLocale();
  const departmentLocale = useDepartmentLocale();
  const t = useT();
  const say = useSay();
  const status = useHub((state) => state.status);
  const message = useHub((state) => state.message);
  const sayRefusal = useRefusalWords();
  const [password, setPassword] = useState('');
  const [caPem, setCaPem] = useState<string | null>(null);
  useEffect(() => {
    void useHub.getState().refresh();
    void useHub.getState().loadConflicts();
  }, []);
  if (!settings) return null;
  const server = settings.hubServer;
  const ca = caPem ?? server?.caPem ?? '';
  return (
    <section className="form-section hub-panel" aria-labelledby="settings-hub">
      <h2 id="settings-hub">{t(M.title)}</h2>
      <p className="hint">{t(M.hint)}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const host = String(form.get('host') ?? '').trim();
          const plainHost = String(form.get('allowPlainFor') ?? '').trim();
          const hubServer: HubServer | null =
            host === ''
              ? null
              : {
                  host,
                  port: requiredSettingNumber(String(form.get('port') ?? ''), departmentLocale),
                  database: String(form.get('database') ?? ''),
                  user: String(form.get('user') ?? ''),
                  caPem: ca.trim() === '' ? null : ca,
                  allowPlainFor: plainHost === '' ? null : plainHost,
                  allowKeyWithoutKeyring: form.get('allowKeyWithoutKeyring') === 'on',
                };
          void useSettings
            .getState()
            .update({ hubServer })
            .then(async (saved) => {
              if (saved && password !== '') {
                if (await useHub.getState().setPassword(password)) setPassword('');
              }
              await useHub.getState().refresh();
            });
        }}
      >
        <div className="row">
          <div className="text-field" data-field="hubServer.host">
            <label htmlFor="hub-host">{t(M.host)}</label>
            <input id="hub-host" name="host" defaultValue={server?.host ?? ''} />
          </div>
          <div className="text-field" data-field="hubServer.port">
            <label htmlFor="hub-port">{t(M.port)}</label>
            <input
              id="hub-port"
              name="port"
              inputMode="numeric"
              defaultValue={settingNumberText(server?.port ?? 5432, departmentLocale)}
            />
          </div>
          <div className="text-field" data-field="hubServer.database">
            <label htmlFor="hub-database">{t(M.database)}</label>
            <input id="hub-database" name="database" defaultValue={server?.database ?? 'rootlog'} />
          </div>
          <div className="text-field" data-field="hubServer.user">
            <label htmlFor="hub-user">{t(M.user)}</label>
            <input id="hub-user" name="user" defaultValue={server?.user ?? ''} />
          </div>
          <div className="text-field">
            <label htmlFor="hub-password">{t(M.password)}</label>
            <input
              id="hub-password"
              type="password"
              autoComplete="off"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
        </div>
        <div className="row">
          <div className="text-field" data-field="hubServer.caPem">
            <label htmlFor="hub-ca">{t(M.ca)}</label>
            <textarea
              id="hub-ca"
              rows={3}
              value={ca}
              spellCheck={false}
              onChange={(event) => setCaPem(event.target.value)}
            />
            <input
              type="file"
              aria-label={t(M.caFile)}
              accept=".pem,.crt,.cer"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void file.text().then(setCaPem);
              }}
            />
          </div>
          <div className="text-field" data-field="hubServer.allowPlainFor">
            <label htmlFor="hub-plain">{t(M.plain)}</label>
            <input id="hub-plain" name="allowPlainFor" defaultValue={server?.allowPlainFor ?? ''} />
            <p className="hint">{t(M.plainHint)}</p>
          </div>
        </div>
        <label className="switch">
          <input
            type="checkbox"
            name="allowKeyWithoutKeyring"
            defaultChecked={server?.allowKeyWithoutKeyring ?? false}
          />{' '}
          {t(M.noKeyring)}
        </label>
        <button type="submit" className="primary">
          {t(M.save)}
        </button>
      </form>
      {server && status && (
        <>
          <div className="row">
            <button
              type="button"
              className="secondary"
              disabled={status.running}
              onClick={() => void useHub.getState().syncNow()}
            >
              {t(M.syncNow)}
            </button>
            <p role="status" className="hub-state">
              {syncSentence(status, locale, t, say)}
            </p>
          </div>
          {status.notice && <p className="notice">{say(status.notice)}</p>}
        </>
      )}
      {message && (
        <p className="problem" role="alert">
          {sayRefusal(message)}
        </p>
      )}
      {status && <ConsoleIdentity status={status} consoleName={settings.consoleName} />}
      <ConflictsView />
      {status && status.refusals > 0 && <RefusalsList count={status.refusals} />}
    </section>
  );
}
