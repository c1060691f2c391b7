import { useState } from 'react';
import { formatDateTime, type HubServer, numberOrNaN } from '../../../db/model/index.js';
import { useDepartmentLocale } from '../../app/department-locale.js';
import { useSettings } from '../settings/settings-store.js';
import { useHub } from './hub-store.js';

/**
 * Settings → Department server: where this console meets the others (PostgreSQL). The password
 * goes to the main process, which keeps it with the operating system's keychain — never in the
 * logbook, a backup or an export.
 */
export function HubPanel() {
  const settings = useSettings((state) => state.settings);
  const locale = useDepartmentLocale();
  const status = useHub((state) => state.status);
  const message = useHub((state) => state.message);
  const [password, setPassword] = useState('');
  if (!settings) return null;
  const server = settings.hubServer;
  return (
    <section className="form-section" aria-labelledby="settings-hub">
      <h2 id="settings-hub">Department server</h2>
      <p className="hint">
        Signed, amended and followed-up records go to the department's PostgreSQL server and records from the other
        consoles come back, in the background; drafts stay here. The password is kept by this computer's keychain.
      </p>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const host = String(form.get('host') ?? '').trim();
          const hubServer: HubServer | null =
            host === ''
              ? null
              : {
                  host,
                  port: numberOrNaN(String(form.get('port') ?? '')) ?? Number.NaN,
                  database: String(form.get('database') ?? ''),
                  user: String(form.get('user') ?? ''),
                  tls: form.get('tls') === 'on',
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
          <label htmlFor="hub-password">Password (kept by this computer)</label>
          <input
            id="hub-password"
            type="password"
            autoComplete="off"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <label className="switch">
          <input type="checkbox" name="tls" defaultChecked={server?.tls ?? false} /> TLS with certificate check
        </label>
        <button type="submit" className="primary">
          Save server
        </button>
      </form>
      {server && (
        <div className="row">
          <button
            type="button"
            className="secondary"
            disabled={status?.running}
            onClick={() => void useHub.getState().syncNow()}
          >
            Sync now
          </button>
          <p role="status" className="hub-state">
            {status?.running
              ? 'Syncing…'
              : status?.lastError
                ? status.lastError
                : status?.lastSyncAt
                  ? `Last sync ${formatDateTime(status.lastSyncAt, locale)}: pushed ${status.lastReport?.pushed ?? 0}, received ${status.lastReport?.pulled ?? 0} record(s); ${status.pending} waiting to be pushed${status.lastReport && status.lastReport.conflicts.length > 0 ? `; ${status.lastReport.conflicts.length} conflict(s): ${status.lastReport.conflicts.map((c) => c.reason).join('; ')}` : ''}`
                  : `Not synced yet; ${status?.pending ?? 0} waiting to be pushed`}
          </p>
        </div>
      )}
      {message && (
        <p className="problem" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
