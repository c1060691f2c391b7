import { useEffect } from 'react';
import { useRefusalWords, useSay, useT } from '../../app/i18n.js';
import { FORM_SECTION_MESSAGES, RIS_AGAIN_MESSAGES } from './form-messages.js';
import { useProcedureForm } from './form-store.js';
import { risLines, useRisDelivery } from './ris-store.js';

/** While a report waits, how often the record asks the outbox again (the logbook, no network). */
const ASK_EVERY_MS = 5_000;

/**
 * Whether the signed record's report reached the RIS: waiting (since when, the next try),
 * sent (at the RIS's acknowledgement), refused (the RIS's own words), or no RIS set up; one
 * line per signed version. Send now sends whatever waits at once.
 */
export function RisDeliveryPanel() {
  const t = useT();
  const refusal = useRefusalWords();
  const say = useSay();
  const id = useProcedureForm((state) => state.record?.id ?? null);
  const version = useProcedureForm((state) => state.record?.version ?? 0);
  const deliveries = useRisDelivery((state) => (state.procedureId === id ? state.deliveries : null));
  const problem = useRisDelivery((state) => (state.procedureId === id ? state.problem : null));
  const sending = useRisDelivery((state) => state.sending);
  const load = useRisDelivery((state) => state.load);
  const sendNow = useRisDelivery((state) => state.sendNow);
  const sendAgain = useRisDelivery((state) => state.sendAgain);
  const sentAgain = useRisDelivery((state) => state.sentAgain);
  const waiting = deliveries?.deliveries.some((delivery) => delivery.state === 'waiting') ?? false;

  // Asked when the record opens or gains a version, and again now and then while a report waits.
  useEffect(() => {
    if (!id) return;
    if (version > 0) void load(id);
  }, [id, version, load]);
  useEffect(() => {
    if (!id || !waiting) return;
    const timer = setInterval(() => void load(id), ASK_EVERY_MS);
    return () => clearInterval(timer);
  }, [id, waiting, load]);

  if (!id || (!deliveries && !problem)) return null;
  return (
    <section className="form-section ris-delivery" aria-labelledby="ris-delivery-title">
      <h2 id="ris-delivery-title">{t(FORM_SECTION_MESSAGES.risDelivery)}</h2>
      <ul className="ris-lines" aria-label={t(FORM_SECTION_MESSAGES.risDelivery)}>
        {risLines(deliveries, new Date()).map((line) => (
          <li key={line.key} className={`ris-line ris-${line.state}`} data-state={line.state}>
            {say(line.words)}
            {line.again && line.version !== null && (
              <>
                {' '}
                <button
                  type="button"
                  className="secondary"
                  disabled={sending}
                  onClick={() => line.version !== null && void sendAgain(line.version)}
                >
                  {t(RIS_AGAIN_MESSAGES.sendAgain)}
                </button>
              </>
            )}
            {line.version !== null && line.version === sentAgain && line.state === 'waiting' && (
              <span className="saved" role="status">
                {' '}
                {t(RIS_AGAIN_MESSAGES.sentAgain)}
              </span>
            )}
          </li>
        ))}
      </ul>
      {problem && <p className="warning">{refusal(problem)}</p>}
      {waiting && deliveries?.configured && (
        <button type="button" className="secondary" disabled={sending} onClick={() => void sendNow()}>
          {t(sending ? RIS_AGAIN_MESSAGES.sending : RIS_AGAIN_MESSAGES.sendNow)}
        </button>
      )}
    </section>
  );
}
