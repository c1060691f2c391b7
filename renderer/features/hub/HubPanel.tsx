import { useEffect, useState } from 'react';
import { formatDateTime, type HubServer, numberOrNaN } from '../../../db/model/index.js';
import { useDepartmentLocale } from '../../app/department-locale.js';
import { useSettings } from '../settings/settings-store.js';
import { ConflictsView } from './ConflictsView.js';
import { ConsoleIdentity } from './ConsoleIdentity.js';
import { useHub } from './hub-store.js';
import { RefusalsList } from './RefusalsList.js';

/** The sync's outcome in one sentence. */
function syncSentence(status: NonNullable<ReturnType<typeof useHub.getState>['status']>, locale: string): string {
  if (status.running) return 'Syncing…';
  if (status.lastError)
    return `${status.lastErrorSide === 'local' ? 'This console: ' : 'The server: '}${status.lastError}`;
  if (!status.lastSyncAt) return `Not synced yet; ${status.pending} waiting to be pushed`;
  const report = status.lastReport;
  const parts = [
    `Last sync ${formatDateTime(status.lastSyncAt, locale)}: pushed ${report?.pushed ?? 0}, received ${report?.pulled ?? 0} record(s)`,
    report && report.amendmentsPulled > 0 ? `${report.amendmentsPulled} amendment(s)` : '',
    `${status.pending} waiting to be pushed`,
    report && report.refused.length > 0 ? `${report.refused.length} refused (see below)` : '',
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
  const locale = useDepartmentLocale();
  const status = useHub((state) => state.status);
  const message = useHub((state) => state.message);
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
    <section className="form-section" aria-labelledby="settings-hub">
      <h2 id="settings-hub">Department server</h2>
      <p className="hint">
        Signed, amended and followed-up records go to the department's PostgreSQL server, each signed with this
        console's own key, and records from the other consoles come back — each accepted only when the console the
        department registered signed it. Drafts stay here. The connection is always encrypted and the server's
        certificate checked.
      </p>
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
                  port: numberOrNaN(String(form.get('port') ?? '')) ?? Number.NaN,
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
            <label htmlFor="hub-host">Server (empty: no hub)</label>
            <input id="hub-host" name="host" defaultValue={server?.host ?? ''} />
          </div>
          <div className="text-field" data-field="hubServer.port">
            <label htmlFor="hub-port">Port</label>
            <input id="hub-port" name="port" inputMode="numeric" defaultValue={server?.port ?? 5432} />
          </div>
          <div className="text-field" data-field="hubServer.database">
            <label htmlFor="hub-database">Database</label>
            <input id="hub-database" name="database" defaultValue={server?.database ?? 'rootlog'} />
          </div>
          <div className="text-field" data-field="hubServer.user">
            <label htmlFor="hub-user">User</label>
            <input id="hub-user" name="user" defaultValue={server?.user ?? ''} />
          </div>
          <div className="text-field">
            <label htmlFor="hub-password">Password (kept by this computer's keychain)</label>
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
            <label htmlFor="hub-ca">Department CA certificate (PEM; empty: the computer's own CAs)</label>
            <textarea
              id="hub-ca"
              rows={3}
              value={ca}
              spellCheck={false}
              onChange={(event) => setCaPem(event.target.value)}
            />
            <input
              type="file"
              aria-label="Read the CA certificate from a file"
              accept=".pem,.crt,.cer"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void file.text().then(setCaPem);
              }}
            />
          </div>
          <div className="text-field" data-field="hubServer.allowPlainFor">
            <label htmlFor="hub-plain">Administrator: allow unencrypted connections to this host only</label>
            <input id="hub-plain" name="allowPlainFor" defaultValue={server?.allowPlainFor ?? ''} />
            <p className="hint">
              Leave empty. Only on a trusted network, and only for the server named above: the password and records then
              cross the network in clear text.
            </p>
          </div>
        </div>
        <label className="switch">
          <input
            type="checkbox"
            name="allowKeyWithoutKeyring"
            defaultChecked={server?.allowKeyWithoutKeyring ?? false}
          />{' '}
          The department accepts keeping the signing key and password on a computer without a keyring (not recommended)
        </label>
        <button type="submit" className="primary">
          Save server
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
              Sync now
            </button>
            <p role="status" className="hub-state">
              {syncSentence(status, locale)}
            </p>
          </div>
          {status.notice && <p className="notice">{status.notice}</p>}
        </>
      )}
      {message && (
        <p className="problem" role="alert">
          {message}
        </p>
      )}
      {status && <ConsoleIdentity status={status} consoleName={settings.consoleName} />}
      <ConflictsView />
      {status && status.refusals > 0 && <RefusalsList count={status.refusals} />}
    </section>
  );
}
