import { useState } from 'react';
import {
  counted,
  DOSE_PROTOCOL_WORDS,
  DOSE_QUANTITY_WORDS,
  numberOrNaN,
  type ReferenceLevel,
  type ReferenceLevels,
} from '../../../db/model/index.js';
import { words } from '../../app/labels.js';
import { useSettings } from './settings-store.js';

/*
 * Local reference levels: those in force (each marked as a starting value, adopted from the
 * department's own P75, or set by hand), and a proposal computed from the signed records of
 * a period that an administrator adopts in one action.
 */

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const originWords = (level: ReferenceLevel) =>
  level.origin === 'starting'
    ? 'Starting value (a published figure, not yet the department’s own)'
    : level.origin === 'adopted'
      ? `Adopted: 75th percentile${level.basis ? ` of ${counted(level.basis.cases, 'case')}, ${level.basis.from} to ${level.basis.to}` : ''}`
      : 'Set by the department';
const quantityWords = (quantity: ReferenceLevel['quantity']) =>
  `${DOSE_QUANTITY_WORDS[quantity].name} (${DOSE_QUANTITY_WORDS[quantity].unit})`;

export function ReferenceLevelsPanel() {
  const settings = useSettings((state) => state.settings);
  const proposal = useSettings((state) => state.proposal);
  const { update, propose, adopt } = useSettings.getState();
  const today = new Date();
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 365 * 24 * 3600 * 1000)));
  const [to, setTo] = useState(isoDay(today));
  const [edits, setEdits] = useState<Record<number, string>>({});
  if (!settings) return null;
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
      <h2 id="settings-reference-levels">Reference levels</h2>
      <p className="hint">
        There is no national reference level for these procedures: a department sets its own as the 75th percentile of
        its practice. A procedure above its level asks for a reason when it is signed.
      </p>
      <table className="reference-levels">
        <caption>Levels in force</caption>
        <thead>
          <tr>
            <th scope="col">Modality</th>
            <th scope="col">Protocol</th>
            <th scope="col">Quantity</th>
            <th scope="col">Level</th>
            <th scope="col">Where it comes from</th>
          </tr>
        </thead>
        <tbody>
          {levels.map((level, index) => (
            <tr key={`${level.modality}-${level.protocol}-${level.quantity}`} data-origin={level.origin}>
              <td>{words(level.modality)}</td>
              <td>{DOSE_PROTOCOL_WORDS[level.protocol]}</td>
              <td>{quantityWords(level.quantity)}</td>
              <td>
                <input
                  aria-label={`${DOSE_QUANTITY_WORDS[level.quantity].name} level, ${words(level.modality)}, ${DOSE_PROTOCOL_WORDS[level.protocol]}`}
                  inputMode="decimal"
                  size={7}
                  value={edits[index] ?? String(level.value)}
                  onChange={(event) => setEdits((current) => ({ ...current, [index]: event.target.value }))}
                />
              </td>
              <td>{originWords(level)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary" disabled={Object.keys(edits).length === 0} onClick={saveEdits}>
        Save levels
      </button>

      <h3>Proposed local levels</h3>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void propose({ from, to });
        }}
      >
        <div className="text-field">
          <label htmlFor="proposal-from">From</label>
          <input id="proposal-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </div>
        <div className="text-field">
          <label htmlFor="proposal-to">To</label>
          <input id="proposal-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </div>
        <button type="submit" className="secondary">
          Compute proposal
        </button>
      </form>
      {proposal && (
        <>
          <table className="reference-proposal">
            <caption>
              75th percentile of the signed procedures from {proposal.from} to {proposal.to} (at least{' '}
              {counted(proposal.minCases, 'case')} to adopt)
            </caption>
            <thead>
              <tr>
                <th scope="col">Modality</th>
                <th scope="col">Protocol</th>
                <th scope="col">Quantity</th>
                <th scope="col">Cases</th>
                <th scope="col">Median</th>
                <th scope="col">Proposed level (P75)</th>
                <th scope="col">In force</th>
              </tr>
            </thead>
            <tbody>
              {proposal.proposals.map((entry) => (
                <tr
                  key={`${entry.modality}-${entry.protocol}-${entry.quantity}`}
                  className={entry.adoptable ? '' : 'too-few'}
                >
                  <td>{words(entry.modality)}</td>
                  <td>{DOSE_PROTOCOL_WORDS[entry.protocol]}</td>
                  <td>{quantityWords(entry.quantity)}</td>
                  <td>{entry.cases}</td>
                  <td>{entry.median ?? '–'}</td>
                  <td>{entry.adoptable ? entry.p75 : `${entry.p75 ?? '–'} (too few cases)`}</td>
                  <td>{entry.current ? `${entry.current.value} (${entry.current.origin})` : 'none'}</td>
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
            Adopt proposed levels
          </button>
        </>
      )}
    </section>
  );
}
