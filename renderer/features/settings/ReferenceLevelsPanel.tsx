import { useState } from 'react';
import {
  codeMessage,
  DOSE_QUANTITY_MESSAGES,
  DOSE_QUANTITY_WORDS,
  formatDate,
  formatNumber,
  LEVEL_PROTOCOL_MESSAGES,
  numberForEntry,
  numberOrNaN,
  type ReferenceLevel,
  type ReferenceLevels,
  type Translate,
} from '../../../db/model/index.js';
import { useReaderLocale, useT } from '../../app/i18n.js';
import { type Period, PeriodFields } from '../../components/PeriodFields.js';
import { REFERENCE_LEVELS_MESSAGES as M } from './settings-messages.js';
import { useSettings } from './settings-store.js';

/*
 * Local reference levels: those in force (each marked as a starting value, adopted from the
 * department's own P75, or set by hand), and a proposal computed from the signed records of
 * a period that an administrator adopts in one action.
 */

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
/** Where a level comes from: a starting value, the department's P75 (of which period, its dates in the reader's locale), or set by hand. */
function originWords(level: ReferenceLevel, t: Translate, locale: string): string {
  if (level.origin === 'starting') return t(M.originStarting);
  if (level.origin === 'set') return t(M.originSet);
  return level.basis
    ? t(M.originAdoptedOf, {
        count: level.basis.cases,
        from: formatDate(level.basis.from, locale),
        to: formatDate(level.basis.to, locale),
      })
    : t(M.originAdopted);
}

export function ReferenceLevelsPanel() {
  const settings = useSettings((state) => state.settings);
  const proposal = useSettings((state) => state.proposal);
  const { update, propose, adopt } = useSettings.getState();
  const today = new Date();
  const [period, setPeriod] = useState<Period>({
    from: isoDay(new Date(today.getTime() - 365 * 24 * 3600 * 1000)),
    to: isoDay(today),
  });
  const [edits, setEdits] = useState<Record<number, string>>({});
  const t = useT();
  const locale = useReaderLocale();
  if (!settings) return null;
  // The words of a level's table row, in the reader's language (the quantity's name, the modality's and
  // protocol's), its figures and dates in the reader's locale.
  const quantityName = (quantity: ReferenceLevel['quantity']) => t(DOSE_QUANTITY_MESSAGES[quantity]);
  const figure = (value: number | null) => (value === null ? '–' : formatNumber(value, locale));
  const origin = (level: ReferenceLevel) => originWords(level, t, locale);
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
        const value = numberOrNaN(text, locale) ?? Number.NaN;
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
                  value={edits[index] ?? numberForEntry(level.value, locale)}
                  onChange={(event) => setEdits((current) => ({ ...current, [index]: event.target.value }))}
                />
              </td>
              <td>{origin(level)}</td>
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
          void propose(period);
        }}
      >
        <PeriodFields name="proposal" labels={{ from: t(M.from), to: t(M.to) }} period={period} onChange={setPeriod} />
        <button type="submit" className="secondary" disabled={!period.from || !period.to}>
          {t(M.compute)}
        </button>
      </form>
      {proposal && (
        <>
          <table className="reference-proposal">
            <caption>
              {t(M.proposalCaption, {
                from: formatDate(proposal.from, locale),
                to: formatDate(proposal.to, locale),
                count: proposal.minCases,
              })}
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
                  <td>{figure(entry.cases)}</td>
                  <td>{figure(entry.median)}</td>
                  <td>{entry.adoptable ? figure(entry.p75) : t(M.tooFew, { value: figure(entry.p75) })}</td>
                  <td>
                    {entry.current
                      ? t(M.currentLevel, { value: figure(entry.current.value), origin: origin(entry.current) })
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
