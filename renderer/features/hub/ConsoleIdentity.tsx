import { formatDate, type HubStatus } from '../../../db/model/index.js';
import { useReaderLocale, useSay, useT } from '../../app/i18n.js';
import { HUB_KEY_MESSAGES as M } from './hub-messages.js';
import { useHub } from './hub-store.js';

/**
 * This console's signing key as IT compares it with the hub's registration (the fingerprint
 * read aloud), and the consoles the hub lists with theirs.
 */
export function ConsoleIdentity({ status, consoleName }: { status: HubStatus; consoleName: string }) {
  const key = status.consoleKey;
  const registered = status.consoles?.find((entry) => entry.name === consoleName);
  const t = useT();
  const say = useSay();
  const locale = useReaderLocale();
  const day = (iso: string) => formatDate(iso.slice(0, 10), locale);
  return (
    <section aria-labelledby="hub-identity">
      <h3 id="hub-identity">{t(M.title)}</h3>
      {key.fingerprint ? (
        <p>
          {t(M.fingerprint)} <code className="hub-fingerprint">{key.fingerprint}</code> —{' '}
          {t(M.keptIn, { where: say(key.keptIn) })}
          {registered && ` ${t(registered.fingerprint === key.fingerprint ? M.registered : M.otherKey)}`}
        </p>
      ) : (
        <p>{t(M.noKey)}</p>
      )}
      {key.problem && (
        <>
          <p className="problem" role="alert">
            {say(key.problem)}
          </p>
          <button type="button" className="secondary" onClick={() => void useHub.getState().replaceKey()}>
            {t(M.newKey)}
          </button>
        </>
      )}
      {status.consoles && status.consoles.length > 0 && (
        <table className="drug-table">
          <caption>{t(M.consoles)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(M.console)}</th>
              <th scope="col">{t(M.keyFingerprint)}</th>
              <th scope="col">{t(M.registeredAt)}</th>
              <th scope="col">{t(M.retiredAt)}</th>
            </tr>
          </thead>
          <tbody>
            {status.consoles.map((entry) => (
              <tr key={entry.name}>
                <td>{entry.name === consoleName ? t(M.thisConsole, { name: entry.name }) : entry.name}</td>
                <td>{entry.fingerprint}</td>
                <td>{day(entry.registeredAt)}</td>
                <td>{entry.retiredAt ? day(entry.retiredAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
