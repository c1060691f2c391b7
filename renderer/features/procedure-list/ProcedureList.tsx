import { useEffect } from 'react';
import { codeMessage, MODALITIES, ROOTS, STATUSES } from '../../../db/model/index.js';
import { FILTER_MESSAGES } from '../../app/app-messages.js';
import { useSay, useT } from '../../app/i18n.js';
import { useNavigation } from '../../app/navigation-store.js';
import { NO_ITEMS } from '../../app/no-items.js';
import { FilterDate } from '../../components/FilterDate.js';
import { FilterSelect } from '../../components/FilterSelect.js';
import { DoseInboxSummary } from '../dose-reports/DoseInbox.js';
import { useSettings } from '../settings/settings-store.js';
import { WorklistPanel } from '../worklist/WorklistPanel.js';
import { EarlierDrafts } from './EarlierDrafts.js';
import { LIST_MESSAGES as M } from './list-messages.js';
import { today, useProcedureList } from './list-store.js';
import { ProcedureRows } from './ProcedureRows.js';

/** Today at this console, with search and filters; opens a record with Enter or a click. */
export function ProcedureList() {
  const { filter, items, nextCursor, loading, error, setFilter, reload, loadMore } = useProcedureList();
  const operators = useSettings((state) => state.settings?.operators ?? NO_ITEMS);
  const go = useNavigation((state) => state.go);
  const t = useT();
  const say = useSay();
  useEffect(() => {
    void reload();
  }, [reload]);
  const onlyToday = filter.from === today() && filter.to === today();
  const thisConsoleOnly = useProcedureList((state) => state.thisConsoleOnly);
  const setThisConsoleOnly = useProcedureList((state) => state.setThisConsoleOnly);
  const consoleName = useSettings((state) => state.settings?.consoleName);
  const pick = <K extends keyof typeof filter>(key: K, value: string) =>
    setFilter({ ...filter, [key]: value === '' ? undefined : [value] } as typeof filter);
  return (
    <div className="list-with-worklist">
      <section className="list-screen" aria-labelledby="list-title">
        <header className="list-header">
          <h1 id="list-title">
            {thisConsoleOnly && consoleName
              ? t(onlyToday ? M.titleToday_at : M.title_at, { console: consoleName })
              : t(onlyToday ? M.titleToday : M.title)}
          </h1>
          <button
            type="button"
            className="primary big"
            onClick={() => go({ name: 'procedure', id: null })}
            aria-keyshortcuts="Alt+N"
          >
            {t(M.newProcedure)} <kbd>Alt+N</kbd>
          </button>
        </header>
        <search className="filters row">
          <div className="text-field">
            <label htmlFor="filter-text">{t(M.search)}</label>
            <input
              id="filter-text"
              type="search"
              value={filter.text ?? ''}
              onChange={(event) => setFilter({ ...filter, text: event.target.value || undefined })}
            />
          </div>
          <FilterDate
            id="filter-from"
            label={t(M.from)}
            value={filter.from}
            onChange={(value) => setFilter({ ...filter, from: value })}
          />
          <FilterDate
            id="filter-to"
            label={t(M.to)}
            value={filter.to}
            onChange={(value) => setFilter({ ...filter, to: value })}
          />
          <FilterSelect
            id="filter-operator"
            label={t(M.operator)}
            value={filter.operatorIds?.[0] ?? ''}
            options={operators.map((operator) => ({ value: operator.id, label: operator.name }))}
            onChange={(value) => pick('operatorIds', value)}
          />
          <FilterSelect
            id="filter-root"
            label={t(M.root)}
            value={filter.roots?.[0] ?? ''}
            options={ROOTS.map((root) => ({ value: root, label: root }))}
            onChange={(value) => pick('roots', value)}
          />
          <FilterSelect
            id="filter-modality"
            label={t(M.modality)}
            value={filter.modalities?.[0] ?? ''}
            options={MODALITIES.map((modality) => ({ value: modality, label: t(codeMessage(modality)) }))}
            onChange={(value) => pick('modalities', value)}
          />
          <div className="text-field">
            <label htmlFor="filter-status">{t(M.status)}</label>
            <select
              id="filter-status"
              value={filter.statuses?.[0] ?? ''}
              onChange={(event) => pick('statuses', event.target.value)}
            >
              <option value="">{t(FILTER_MESSAGES.all)}</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(codeMessage(status))}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="secondary"
            onClick={() => setFilter(onlyToday ? {} : { from: today(), to: today() })}
          >
            {t(onlyToday ? M.allDates : M.todayOnly)}
          </button>
          <label className="switch">
            <input
              type="checkbox"
              checked={thisConsoleOnly}
              onChange={(event) => setThisConsoleOnly(event.target.checked)}
            />
            {t(M.thisConsole)}
          </label>
        </search>
        <EarlierDrafts />
        <DoseInboxSummary />
        {error && (
          <p className="problem" role="alert">
            {say(error)}
          </p>
        )}
        {items.length === 0 && !loading ? (
          <p className="empty">{t(onlyToday ? M.noneToday : M.noneMatch)}</p>
        ) : (
          <ProcedureRows
            items={items}
            onlyToday={onlyToday}
            hasMore={nextCursor !== null}
            loadMore={loadMore}
            open={(id) => go({ name: 'procedure', id })}
          />
        )}
      </section>
      <WorklistPanel />
    </div>
  );
}
