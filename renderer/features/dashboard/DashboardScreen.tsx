import { useEffect } from 'react';
import {
  DASHBOARD_COMPLICATION_MESSAGES as C,
  DASHBOARD_MESSAGES as D,
  DASHBOARD_PAIN_MESSAGES as P,
  DASHBOARD_DOSE_MESSAGES as R,
  DASHBOARD_SPREAD_MESSAGES as S,
  DASHBOARD_TABLE_TIME_MESSAGES as T,
  DASHBOARD_VOLUME_MESSAGES as V,
} from '../../../db/model/dashboard-messages.js';
import { codeMessage, MODALITIES, NRS_SCALE, ROOTS, type Translate } from '../../../db/model/index.js';
import { useLanguage, useReaderLocale, useT } from '../../app/i18n.js';
import { NO_ITEMS } from '../../app/no-items.js';
import { FilterDate } from '../../components/FilterDate.js';
import { FilterSelect } from '../../components/FilterSelect.js';
import { useSettings } from '../settings/settings-store.js';
import { ChartPanel, hatched, themeColours } from './ChartPanel.js';
import { useDashboard } from './dashboard-store.js';
import { figuresIn, groupWords, monthsLocale } from './dashboard-words.js';
import { daysCovered, monthLabel } from './month-labels.js';
import { dashboardCsv } from './numbers-csv.js';
import { OutcomesPanel } from './OutcomesPanel.js';
import { ReferencePanel } from './ReferencePanel.js';

function download(name: string, href: string) {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.click();
}

/** Every chart of the view stacked into one PNG, each under its title. */
function exportPng() {
  const panels = [...document.querySelectorAll<HTMLElement>('.chart-panel')];
  const canvases = panels
    .map((panel) => ({ title: panel.querySelector('h2')?.textContent ?? '', canvas: panel.querySelector('canvas') }))
    .filter((p) => p.canvas);
  const width = Math.max(...canvases.map((p) => p.canvas?.width ?? 0), 400);
  const height = canvases.reduce((sum, p) => sum + (p.canvas?.height ?? 0) + 40, 20);
  const output = document.createElement('canvas');
  output.width = width;
  output.height = height;
  const context = output.getContext('2d');
  if (!context) return;
  const colours = themeColours();
  context.fillStyle = getComputedStyle(document.body).backgroundColor;
  context.fillRect(0, 0, width, height);
  let y = 10;
  for (const { title, canvas } of canvases) {
    context.fillStyle = colours.text;
    context.font = 'bold 18px sans-serif';
    context.fillText(title, 10, y + 20);
    y += 30;
    if (canvas) context.drawImage(canvas, 0, y);
    y += (canvas?.height ?? 0) + 10;
  }
  download(`rootlog-dashboard-${new Date().toISOString().slice(0, 10)}.png`, output.toDataURL('image/png'));
}

/** A complication and its severity in the reader's words ("Vasovagale Reaktion (leicht)"). */
const complicationWords = (t: Translate, row: { complication: string; severity: string | null }) =>
  row.severity
    ? t(C.label, { complication: t(codeMessage(row.complication)), severity: t(codeMessage(row.severity)) })
    : t(codeMessage(row.complication));

/** Quality review: filters, then charts with their numbers; "export this view" as PNG and CSV. */
export function DashboardScreen() {
  const { filter, data, outcomes, reference, loading, error, setFilter, load } = useDashboard();
  const t = useT();
  const locale = useReaderLocale();
  const months = monthsLocale(useLanguage(), locale);
  const { pct, num, iqr } = figuresIn(locale);
  const named = groupWords(t);
  const operators = useSettings((state) => state.settings?.operators ?? NO_ITEMS);
  const consoleName = useSettings((state) => state.settings?.consoleName);
  useEffect(() => {
    void load();
  }, [load]);
  const colours = themeColours();
  const pick = (key: 'operatorIds' | 'modalities' | 'roots', value: string) =>
    setFilter({ ...filter, [key]: value ? [value] : undefined });

  return (
    <section className="dashboard-screen" aria-labelledby="dashboard-title">
      <header className="list-header">
        <h1 id="dashboard-title">{t(D.title)}</h1>
        <div className="row">
          <button type="button" className="secondary" disabled={!data || data.procedures === 0} onClick={exportPng}>
            {t(D.exportPng)}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!data}
            onClick={() =>
              data &&
              download(
                `rootlog-dashboard-${new Date().toISOString().slice(0, 10)}.csv`,
                `data:text/csv;charset=utf-8,${encodeURIComponent(dashboardCsv(data))}`,
              )
            }
          >
            {t(D.exportCsv)}
          </button>
        </div>
      </header>
      <search className="filters row">
        <FilterDate
          id="dash-from"
          label={t(D.from)}
          value={filter.from}
          onChange={(value) => setFilter({ ...filter, from: value })}
        />
        <FilterDate
          id="dash-to"
          label={t(D.to)}
          value={filter.to}
          onChange={(value) => setFilter({ ...filter, to: value })}
        />
        <FilterSelect
          id="dash-operator"
          label={t(D.operator)}
          value={filter.operatorIds?.[0] ?? ''}
          options={operators.map((operator) => ({ value: operator.id, label: operator.name }))}
          onChange={(value) => pick('operatorIds', value)}
        />
        <FilterSelect
          id="dash-modality"
          label={t(D.modality)}
          value={filter.modalities?.[0] ?? ''}
          options={MODALITIES.map((modality) => ({ value: modality, label: t(codeMessage(modality)) }))}
          onChange={(value) => pick('modalities', value)}
        />
        <FilterSelect
          id="dash-root"
          label={t(D.root)}
          value={filter.roots?.[0] ?? ''}
          options={ROOTS.map((root) => ({ value: root, label: root }))}
          onChange={(value) => pick('roots', value)}
        />
        {/* Synced records from the other consoles are counted too, unless asked otherwise. */}
        <label className="switch">
          <input
            type="checkbox"
            checked={(filter.consoleNames?.length ?? 0) > 0}
            onChange={(event) =>
              setFilter({ ...filter, consoleNames: event.target.checked && consoleName ? [consoleName] : undefined })
            }
          />
          {t(D.thisConsole)}
        </label>
      </search>
      {error && (
        <p className="problem" role="alert">
          {error}
        </p>
      )}
      <p className="dashboard-total" role="status" aria-live="polite" aria-busy={loading}>
        {data ? t(D.total, { count: data.procedures }) : t(D.loading)}
      </p>
      {data && data.procedures === 0 && <p className="empty">{t(D.empty)}</p>}
      {data && data.procedures > 0 && (
        <div className="dashboard-grid">
          <ChartPanel
            id="volume-month"
            title={t(V.title)}
            kind="bar"
            stacked
            locale={locale}
            tooltipFooter={(index) => {
              const month = data.volume.byMonth[index];
              return month ? daysCovered(month, t) : '';
            }}
            summary={
              data.volume.byMonth.some((row) => row.partial)
                ? t(V.summaryPartial, {
                    months: data.volume.byMonth.length,
                    partial: data.volume.byMonth.filter((row) => row.partial).length,
                  })
                : t(V.summary, { months: data.volume.byMonth.length })
            }
            data={{
              labels: data.volume.byMonth.map((row) => monthLabel(row, months)),
              datasets: [
                {
                  label: t(V.wholeMonth),
                  data: data.volume.byMonth.map((row) => (row.partial ? null : row.procedures)),
                  backgroundColor: colours.series[0],
                },
                {
                  label: t(V.partMonth),
                  data: data.volume.byMonth.map((row) => (row.partial ? row.procedures : null)),
                  backgroundColor: hatched(colours.series[0] ?? colours.text),
                  borderColor: colours.series[0],
                  borderWidth: 1,
                },
              ],
            }}
          >
            <table className="months-table">
              <caption>{t(V.monthsCaption)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(V.month)}</th>
                  <th scope="col">{t(V.procedures)}</th>
                  <th scope="col">{t(V.days)}</th>
                </tr>
              </thead>
              <tbody>
                {data.volume.byMonth.map((row) => (
                  <tr key={row.month} className={row.partial ? 'partial-month' : undefined}>
                    <th scope="row">{monthLabel(row, months)}</th>
                    <td>{num(row.procedures)}</td>
                    <td>{daysCovered(row, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table>
              <caption>{t(V.volumeCaption)}</caption>
              <tbody>
                {data.volume.byOperator.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{named.operator(row)}</th>
                    <td>{num(row.procedures)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t(V.bilateral)}</th>
                  <td>{pct(data.volume.bilateralShare)}</td>
                </tr>
                <tr>
                  <th scope="row">{t(V.caudal)}</th>
                  <td>{pct(data.volume.caudalShare)}</td>
                </tr>
              </tbody>
            </table>
          </ChartPanel>

          <ChartPanel
            id="pain-root"
            title={t(P.title)}
            kind="bar"
            yTitle={t(P.axis)}
            yScale={{ ...NRS_SCALE, step: 1 }}
            locale={locale}
            summary={t(P.summary)}
            data={{
              labels: data.pain.byRoot.map((group) => group.label),
              datasets: [
                {
                  label: t(P.before),
                  data: data.pain.byRoot.map((group) => group.pre.median ?? 0),
                  backgroundColor: colours.series[1],
                },
                {
                  label: t(P.after),
                  data: data.pain.byRoot.map((group) => group.post.median ?? 0),
                  backgroundColor: colours.series[0],
                },
              ],
            }}
          >
            <table>
              <caption>{t(P.caption)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(D.group)}</th>
                  <th scope="col">{t(P.before)}</th>
                  <th scope="col">{t(P.after)}</th>
                  <th scope="col">{t(P.relief)}</th>
                  <th scope="col">{t(P.responders)}</th>
                </tr>
              </thead>
              <tbody>
                {[
                  { ...data.pain.overall, label: named.all() },
                  ...data.pain.byRoot,
                  ...data.pain.byIndication.map((g) => ({ ...g, label: named.code(g.label) })),
                  ...data.pain.byOperator.map((g) => ({ ...g, label: named.operator(g) })),
                ].map((group) => (
                  <tr key={group.key}>
                    <th scope="row">{group.label}</th>
                    <td>{iqr(group.pre)}</td>
                    <td>{iqr(group.post)}</td>
                    <td>{iqr(group.relief)}</td>
                    <td>{pct(group.responderShare)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartPanel>

          <ChartPanel
            id="spread"
            title={t(S.title)}
            kind="bar"
            yTitle={t(S.axis)}
            locale={locale}
            summary={t(S.summary)}
            data={{
              labels: data.spread.patterns.map((row) => t(codeMessage(row.pattern))),
              datasets: [
                {
                  label: t(S.axis),
                  data: data.spread.patterns.map((row) => (row.share ?? 0) * 100),
                  backgroundColor: colours.series[0],
                },
              ],
            }}
          >
            <table>
              <caption>{t(S.caption)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(S.root)}</th>
                  <th scope="col">{t(S.targets)}</th>
                  <th scope="col">{t(S.intravascular)}</th>
                  <th scope="col">{t(S.intrathecal)}</th>
                </tr>
              </thead>
              <tbody>
                {data.spread.byRoot.map((row) => (
                  <tr key={row.root}>
                    <th scope="row">{row.root}</th>
                    <td>{num(row.targets)}</td>
                    <td>{pct(row.intravascularRate)}</td>
                    <td>{pct(row.intrathecalRate)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t(S.particulate)}</th>
                  <td colSpan={3}>
                    {t(D.ofTotalShare, {
                      count: num(data.spread.particulateAfterIntravascular.withParticulateSteroid),
                      total: num(data.spread.particulateAfterIntravascular.intravascularTargets),
                      share: pct(data.spread.particulateAfterIntravascular.share),
                    })}
                  </td>
                </tr>
              </tbody>
            </table>
          </ChartPanel>

          <ChartPanel
            id="complications"
            title={t(C.title)}
            kind="bar"
            yTitle={t(C.axis)}
            locale={locale}
            summary={t(C.summary)}
            data={{
              labels: data.complications
                .filter((row) => row.complication !== 'none')
                .map((row) => complicationWords(t, row)),
              datasets: [
                {
                  label: t(C.axis),
                  data: data.complications
                    .filter((row) => row.complication !== 'none')
                    .map((row) => (row.rate ?? 0) * 100),
                  backgroundColor: colours.safety,
                },
              ],
            }}
          >
            <table>
              <caption>{t(C.caption)}</caption>
              <tbody>
                {data.complications.map((row) => (
                  <tr key={`${row.complication}-${row.severity}`}>
                    <th scope="row">{complicationWords(t, row)}</th>
                    <td>
                      {num(row.procedures)} ({pct(row.rate)})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartPanel>

          <ChartPanel
            id="dose-trend"
            title={t(R.title)}
            kind="line"
            yTitle="mGy·cm"
            locale={locale}
            summary={
              data.referenceLevels.ctDlpMGyCm === null
                ? t(R.summaryNoLevel)
                : t(R.summary, { level: num(data.referenceLevels.ctDlpMGyCm) })
            }
            tooltipFooter={(index) => {
              const month = data.dose.trend[index];
              return month ? daysCovered(month, t) : '';
            }}
            data={{
              labels: data.dose.trend.map((row) => monthLabel(row, months)),
              datasets: [
                {
                  label: t(R.median),
                  data: data.dose.trend.map((row) => row.dlpMedian),
                  borderColor: colours.series[0],
                  backgroundColor: colours.series[0],
                  pointBackgroundColor: data.dose.trend.map((row) =>
                    row.partial ? 'transparent' : (colours.series[0] ?? colours.text),
                  ),
                  pointRadius: 4,
                },
                {
                  label: t(R.level),
                  data: data.dose.trend.map(() => data.referenceLevels.ctDlpMGyCm),
                  borderColor: colours.series[1],
                  backgroundColor: colours.series[1],
                  pointRadius: 0,
                },
              ],
            }}
          >
            <table>
              <caption>{t(R.caption)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(D.group)}</th>
                  <th scope="col">{t(R.dlp)}</th>
                  <th scope="col">{t(R.ctdi)}</th>
                  <th scope="col">{t(R.fluoroscopy)}</th>
                  <th scope="col">{t(R.dap)}</th>
                </tr>
              </thead>
              <tbody>
                {[
                  ...data.dose.byModality.map((g) => ({ ...g, label: named.code(g.label) })),
                  ...data.dose.byOperator.map((g) => ({ ...g, label: named.operator(g) })),
                ].map((group) => (
                  <tr key={group.key}>
                    <th scope="row">{group.label}</th>
                    <td>
                      {group.dlp.n === 0
                        ? '—'
                        : `${num(group.dlp.median)} / ${num(group.dlp.p75)} / ${pct(group.dlp.aboveReferenceShare)}`}
                    </td>
                    <td>{group.ctdiVol.n === 0 ? '—' : `${num(group.ctdiVol.median)} / ${num(group.ctdiVol.p75)}`}</td>
                    <td>
                      {group.fluoroTime.n === 0
                        ? '—'
                        : `${num(group.fluoroTime.median)} / ${num(group.fluoroTime.p75)} / ${pct(group.fluoroTime.aboveReferenceShare)}`}
                    </td>
                    <td>{group.dap.n === 0 ? '—' : `${num(group.dap.median)} / ${num(group.dap.p75)}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartPanel>

          <ChartPanel
            id="table-time"
            title={t(T.title)}
            kind="bar"
            yTitle={t(T.axis)}
            locale={locale}
            summary={t(T.summary)}
            data={{
              labels: data.tableTime.map((row) => named.operator(row)),
              datasets: [
                {
                  label: t(T.median),
                  data: data.tableTime.map((row) => row.minutes.median ?? 0),
                  backgroundColor: colours.series[2],
                },
              ],
            }}
          >
            <table>
              <caption>{t(T.caption)}</caption>
              <tbody>
                {data.tableTime.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{named.operator(row)}</th>
                    <td>{iqr(row.minutes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartPanel>
        </div>
      )}
      {outcomes && <OutcomesPanel outcomes={outcomes} />}
      {reference && <ReferencePanel rows={reference} />}
    </section>
  );
}
