import type { HubStatus } from '../../../db/model/index.js';
import { useHub } from './hub-store.js';

/**
 * This console's signing key as IT compares it with the hub's registration (the fingerprint
 * read aloud), and the consoles the hub lists with theirs.
 */
export function ConsoleIdentity({ status, consoleName }: { status: HubStatus; consoleName: string }) {
  const key = status.consoleKey;
  const registered = status.consoles?.find((entry) => entry.name === consoleName);
  return (
    <section aria-labelledby="hub-identity">
      <h3 id="hub-identity">This console's signing key</h3>
      {key.fingerprint ? (
        <p>
          Fingerprint <code className="hub-fingerprint">{key.fingerprint}</code> — kept in {key.keptIn}; the private key
          never leaves this computer.
          {registered &&
            (registered.fingerprint === key.fingerprint
              ? ' The hub has this key registered for this console.'
              : ' The hub holds another key for this console: IT registers this one again.')}
        </p>
      ) : (
        <p>No key yet: it is made at the first sync.</p>
      )}
      {key.problem && (
        <>
          <p className="problem" role="alert">
            {key.problem}
          </p>
          <button type="button" className="secondary" onClick={() => void useHub.getState().replaceKey()}>
            Make a new key (IT registers it again)
          </button>
        </>
      )}
      {status.consoles && status.consoles.length > 0 && (
        <table className="drug-table">
          <caption>Consoles the department registered</caption>
          <thead>
            <tr>
              <th scope="col">Console</th>
              <th scope="col">Key fingerprint</th>
              <th scope="col">Registered</th>
              <th scope="col">Retired</th>
            </tr>
          </thead>
          <tbody>
            {status.consoles.map((entry) => (
              <tr key={entry.name}>
                <td>{entry.name === consoleName ? `${entry.name} (this console)` : entry.name}</td>
                <td>{entry.fingerprint}</td>
                <td>{new Date(entry.registeredAt).toLocaleDateString()}</td>
                <td>{entry.retiredAt ? new Date(entry.retiredAt).toLocaleDateString() : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
