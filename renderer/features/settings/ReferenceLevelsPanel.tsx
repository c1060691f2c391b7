import { useState } from 'react';
import {
  codeMessage,
  DOSE_QUANTITY_WORDS,
  LEVEL_PROTOCOL_MESSAGES,
  numberOrNaN,
  type ReferenceLevel,
  type ReferenceLevels,
  type Translate,
  WARNING_MESSAGES,
} from '../../../db/model/index.js';
import { useT } from '../../app/i18n.js';
import { REFERENCE_LEVELS_MESSAGES as M } from './settings-messages.js';
import { useSettings } from './settings-store.js';

/*
 * Local reference levels: those in force (each marked as a starting value, adopted from the
 * department's own P75, or set by hand), and a proposal computed from the signed records of
 * a period that an administrator adopts in one action.
 */

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
/** Where a level comes from: a starting value, the department's P75 (of which period), or set by hand. */
function originWords(level: ReferenceLevel, t: Translate): string {
  if (level.origin === 'starting') return t(M.originStarting);
  if (level.origin === 'set') return t(M.originSet);
  return level.basis
    ? t(M.originAdoptedOf, { count: level.basis.cases, from: level.basis.from, to: level.basis.to })
    : t(M.originAdopted);
}

export function ReferenceLevelsPanel() {
  const settings = useSettings((state) => state.settings);
  const proposal = useSettings((state) => state.proposal);
  const { update, propose, adopt } = useSettings.getState();
  const today = new Date();
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 365 * 24 * 3600 * 1000)));
  const [to, setTo] = useState(isoDay(today));
  const [edits, setEdits] = useState<Record<number, string>>({});
  const t = useT();
  if (!settings) return null;
  // The words of a level's table row, in the reader's language (the quantity's name, the modality's and protocol's).
  const quantityName = (quantity: ReferenceLevel['quantity']) =>
    quantity === 'fluoroTimeS' ? t(WARNING_MESSAGES.doseNameFluoroTime) : DOSE_QUANTITY_WORDS[quantity].name;
  const quantityWords = (quantity: ReferenceLevel['quantity']) =>
    `${quantityName(quantity)} (${DOSE_QUANTITY_WORDS[quantity].unit})`;
  const modality = (code: string) => t(codeMessage(code));
  const protocol = (code: ReferenceLevel['protocol']) => t(LEVEL_PROTOCOL_MESSAGES[code]);
  const levels = settings.referenceLevels.levels;

  const saveEdits = () => {
    const edited: ReferenceLevels = {
      levels: levels.map((level, index) => {
        const text = edits[index];
        if (text === undefined) return level;
        const value = numberOrNaN(text) ?? Number.NaN;
        return value === level.value ? level : { ...level, value, origin: 'set', basis: null };
      }),
    };
    void update({ referenceLevels: edited }).then((saved) => {
      if (saved) setEdits({});
    });
  };

  return (
    <section className="form-section" aria-labelledby="settings-reference-levels">
      <h2 id="settings-reference-levels">{t(M.title)}</h2>
      <p className="hint">{t(M.hint)}</p>
      <table className="reference-levels">
        <caption>{t(M.inForce)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(M.modality)}</th>
            <th scope="col">{t(M.protocol)}</th>
            <th scope="col">{t(M.quantity)}</th>
            <th scope="col">{t(M.level)}</th>
            <th scope="col">{t(M.origin)}</th>
          </tr>
        </thead>
        <tbody>
          {levels.map((level, index) => (
            <tr key={`${level.modality}-${level.protocol}-${level.quantity}`} data-origin={level.origin}>
              <td>{modality(level.modality)}</td>
              <td>{protocol(level.protocol)}</td>
              <td>{quantityWords(level.quantity)}</td>
              <td>
                <input
                  aria-label={t(M.levelOf, {
                    quantity: quantityName(level.quantity),
                    modality: modality(level.modality),
                    protocol: protocol(level.protocol),
                  })}
                  inputMode="decimal"
                  size={7}
                  value={edits[index] ?? String(level.value)}
                  onChange={(event) => setEdits((current) => ({ ...current, [index]: event.target.value }))}
                />
              </td>
              <td>{originWords(level, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary" disabled={Object.keys(edits).length === 0} onClick={saveEdits}>
        {t(M.save)}
      </button>

      <h3>{t(M.proposed)}</h3>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void propose({ from, to });
        }}
      >
        <div className="text-field">
          <label htmlFor="proposal-from">{t(M.from)}</label>
          <input id="proposal-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </div>
        <div className="text-field">
          <label htmlFor="proposal-to">{t(M.to)}</label>
          <input id="proposal-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </div>
        <button type="submit" className="secondary">
          {t(M.compute)}
        </button>
      </form>
      {proposal && (
        <>
          <table className="reference-proposal">
            <caption>
              {t(M.proposalCaption, { from: proposal.from, to: proposal.to, count: proposal.minCases })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(M.modality)}</th>
                <th scope="col">{t(M.protocol)}</th>
                <th scope="col">{t(M.quantity)}</th>
                <th scope="col">{t(M.cases)}</th>
                <th scope="col">{t(M.median)}</th>
                <th scope="col">{t(M.proposedLevel)}</th>
                <th scope="col">{t(M.current)}</th>
              </tr>
            </thead>
            <tbody>
              {proposal.proposals.map((entry) => (
                <tr
                  key={`${entry.modality}-${entry.protocol}-${entry.quantity}`}
                  className={entry.adoptable ? '' : 'too-few'}
                >
                  <td>{modality(entry.modality)}</td>
                  <td>{protocol(entry.protocol)}</td>
                  <td>{quantityWords(entry.quantity)}</td>
                  <td>{entry.cases}</td>
                  <td>{entry.median ?? '–'}</td>
                  <td>{entry.adoptable ? entry.p75 : t(M.tooFew, { value: entry.p75 ?? '–' })}</td>
                  <td>
                    {entry.current
                      ? t(M.currentLevel, { value: entry.current.value, origin: originWords(entry.current, t) })
                      : t(M.noLevel)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            className="primary"
            disabled={!proposal.proposals.some((entry) => entry.adoptable)}
            onClick={() => void adopt({ from: proposal.from, to: proposal.to })}
          >
            {t(M.adopt)}
          </button>
        </>
      )}
    </section>
  );
}
