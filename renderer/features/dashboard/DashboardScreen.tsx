import { useEffect } from 'react';
import { counted, formatNumber, MODALITIES, NRS_SCALE, type Quantiles, ROOTS } from '../../../db/model/index.js';
import { useDepartmentLocale } from '../../app/department-locale.js';
import { words } from '../../app/labels.js';
import { NO_ITEMS } from '../../app/no-items.js';
import { FilterDate } from '../../components/FilterDate.js';
import { FilterSelect } from '../../components/FilterSelect.js';
import { useSettings } from '../settings/settings-store.js';
import { ChartPanel, hatched, themeColours } from './ChartPanel.js';
import { useDashboard } from './dashboard-store.js';
import { daysCovered, monthLabel } from './month-labels.js';
import { dashboardCsv } from './numbers-csv.js';
import { OutcomesPanel } from './OutcomesPanel.js';
import { ReferencePanel } from './ReferencePanel.js';

/** The screen's figures with the department's decimal mark (de-DE: 12,5 %). */
function figuresIn(locale: string) {
  const pct = (value: number | null) =>
    value === null ? '—' : `${formatNumber(value * 100, locale, { maximumDecimals: 1, minimumDecimals: 1 })} %`;
  const num = (value: number | null) => (value === null ? '—' : formatNumber(value, locale));
  const iqr = (q: Quantiles) => (q.n === 0 ? '—' : `${num(q.median)} (${num(q.q1)}–${num(q.q3)})`);
  return { pct, num, iqr };
}

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

/** Quality review: filters, then charts with their numbers; "export this view" as PNG and CSV. */
export function DashboardScreen() {
  const { filter, data, outcomes, reference, loading, error, setFilter, load } = useDashboard();
  const { pct, num, iqr } = figuresIn(useDepartmentLocale());
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
        <h1 id="dashboard-title">Quality dashboard</h1>
        <div className="row">
          <button type="button" className="secondary" disabled={!data || data.procedures === 0} onClick={exportPng}>
            Export view as PNG
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
            Export numbers as CSV
          </button>
        </div>
      </header>
      <search className="filters row">
        <FilterDate
          id="dash-from"
          label="From"
          value={filter.from}
          onChange={(value) => setFilter({ ...filter, from: value })}
        />
        <FilterDate
          id="dash-to"
          label="To"
          value={filter.to}
          onChange={(value) => setFilter({ ...filter, to: value })}
        />
        <FilterSelect
          id="dash-operator"
          label="Operator"
          value={filter.operatorIds?.[0] ?? ''}
          options={operators.map((operator) => ({ value: operator.id, label: operator.name }))}
          onChange={(value) => pick('operatorIds', value)}
        />
        <FilterSelect
          id="dash-modality"
          label="Modality"
          value={filter.modalities?.[0] ?? ''}
          options={MODALITIES.map((modality) => ({ value: modality, label: words(modality) }))}
          onChange={(value) => pick('modalities', value)}
        />
        <FilterSelect
          id="dash-root"
          label="Root"
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
          This console only
        </label>
      </search>
      {error && (
        <p className="problem" role="alert">
          {error}
        </p>
      )}
      <p className="dashboard-total" role="status" aria-live="polite" aria-busy={loading}>
        {data ? `${data.procedures} signed procedures` : 'Loading…'}
      </p>
      {data && data.procedures === 0 && (
        <p className="empty">No signed procedures match these filters. Widen the date range or clear a filter.</p>
      )}
      {data && data.procedures > 0 && (
        <div className="dashboard-grid">
          <ChartPanel
            id="volume-month"
            title="Procedures per month"
            kind="bar"
            stacked
            tooltipFooter={(index) => {
              const month = data.volume.byMonth[index];
              return month ? daysCovered(month) : '';
            }}
            summary={`Procedures per month, ${counted(data.volume.byMonth.length, 'month')}${
              data.volume.byMonth.some((row) => row.partial)
                ? `, of which ${data.volume.byMonth.filter((row) => row.partial).length} only in part (their days in the label)`
                : ''
            }; numbers in the table beside.`}
            data={{
              labels: data.volume.byMonth.map((row) => monthLabel(row)),
              datasets: [
                {
                  label: 'Procedures in a whole month',
                  data: data.volume.byMonth.map((row) => (row.partial ? null : row.procedures)),
                  backgroundColor: colours.series[0],
                },
                {
                  label: 'Procedures in part of a month (its days below)',
                  data: data.volume.byMonth.map((row) => (row.partial ? row.procedures : null)),
                  backgroundColor: hatched(colours.series[0] ?? colours.text),
                  borderColor: colours.series[0],
                  borderWidth: 1,
                },
              ],
            }}
          >
            <table className="months-table">
              <caption>Per month: part months count their own days only</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Procedures</th>
                  <th scope="col">Days</th>
                </tr>
              </thead>
              <tbody>
                {data.volume.byMonth.map((row) => (
                  <tr key={row.month} className={row.partial ? 'partial-month' : undefined}>
                    <th scope="row">{monthLabel(row)}</th>
                    <td>{row.procedures}</td>
                    <td>{daysCovered(row)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table>
              <caption>Volume</caption>
              <tbody>
                {data.volume.byOperator.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    <td>{row.procedures}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Bilateral</th>
                  <td>{pct(data.volume.bilateralShare)}</td>
                </tr>
                <tr>
                  <th scope="row">With caudal epidural</th>
                  <td>{pct(data.volume.caudalShare)}</td>
                </tr>
              </tbody>
            </table>
          </ChartPanel>

          <ChartPanel
            id="pain-root"
            title="Immediate pain response by root (median NRS)"
            kind="bar"
            yTitle="NRS"
            yScale={{ ...NRS_SCALE, step: 1 }}
            summary="Median pain before and after by root, on the whole scale 0 to 10; quartiles and responders in the table beside."
            data={{
              labels: data.pain.byRoot.map((group) => group.label),
              datasets: [
                {
                  label: 'Before',
                  data: data.pain.byRoot.map((group) => group.pre.median ?? 0),
                  backgroundColor: colours.series[1],
                },
                {
                  label: 'After',
                  data: data.pain.byRoot.map((group) => group.post.median ?? 0),
                  backgroundColor: colours.series[0],
                },
              ],
            }}
          >
            <table>
              <caption>
                Immediate relief (minutes after: mostly the anaesthetic): NRS median (IQR), relief ≥ 50 %
              </caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                  <th scope="col">Relief %</th>
                  <th scope="col">Responders</th>
                </tr>
              </thead>
              <tbody>
                {[
                  data.pain.overall,
                  ...data.pain.byRoot,
                  ...data.pain.byIndication.map((g) => ({ ...g, label: words(g.label) })),
                  ...data.pain.byOperator,
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
            title="Contrast spread"
            kind="bar"
            yTitle="% of targets"
            summary="Share of targets with each contrast spread pattern; rates by level in the table beside."
            data={{
              labels: data.spread.patterns.map((row) => words(row.pattern)),
              datasets: [
                {
                  label: '% of targets',
                  data: data.spread.patterns.map((row) => (row.share ?? 0) * 100),
                  backgroundColor: colours.series[0],
                },
              ],
            }}
          >
            <table>
              <caption>By level</caption>
              <thead>
                <tr>
                  <th scope="col">Root</th>
                  <th scope="col">Targets</th>
                  <th scope="col">Intravascular</th>
                  <th scope="col">Intrathecal</th>
                </tr>
              </thead>
              <tbody>
                {data.spread.byRoot.map((row) => (
                  <tr key={row.root}>
                    <th scope="row">{row.root}</th>
                    <td>{row.targets}</td>
                    <td>{pct(row.intravascularRate)}</td>
                    <td>{pct(row.intrathecalRate)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Particulate steroid after intravascular spread</th>
                  <td colSpan={3}>
                    {data.spread.particulateAfterIntravascular.withParticulateSteroid} of{' '}
                    {data.spread.particulateAfterIntravascular.intravascularTargets} (
                    {pct(data.spread.particulateAfterIntravascular.share)})
                  </td>
                </tr>
              </tbody>
            </table>
          </ChartPanel>

          <ChartPanel
            id="complications"
            title="Complications"
            kind="bar"
            yTitle="% of procedures"
            summary="Complication rates by type and severity; numbers in the table beside."
            data={{
              labels: data.complications
                .filter((row) => row.complication !== 'none')
                .map((row) => `${words(row.complication)} (${row.severity})`),
              datasets: [
                {
                  label: '% of procedures',
                  data: data.complications
                    .filter((row) => row.complication !== 'none')
                    .map((row) => (row.rate ?? 0) * 100),
                  backgroundColor: colours.safety,
                },
              ],
            }}
          >
            <table>
              <caption>Rate per procedure</caption>
              <tbody>
                {data.complications.map((row) => (
                  <tr key={`${row.complication}-${row.severity}`}>
                    <th scope="row">
                      {words(row.complication)}
                      {row.severity ? ` (${row.severity})` : ''}
                    </th>
                    <td>
                      {row.procedures} ({pct(row.rate)})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartPanel>

          <ChartPanel
            id="dose-trend"
            title="Radiation dose: monthly median DLP"
            kind="line"
            yTitle="mGy·cm"
            summary={`Monthly median DLP against the reference level for one-level CT (${data.referenceLevels.ctDlpMGyCm ?? 'none set'} mGy·cm); medians, 75th percentiles and shares above reference in the table beside.`}
            tooltipFooter={(index) => {
              const month = data.dose.trend[index];
              return month ? daysCovered(month) : '';
            }}
            data={{
              labels: data.dose.trend.map((row) => monthLabel(row)),
              datasets: [
                {
                  label: 'Median DLP (hollow: part of a month)',
                  data: data.dose.trend.map((row) => row.dlpMedian),
                  borderColor: colours.series[0],
                  backgroundColor: colours.series[0],
                  pointBackgroundColor: data.dose.trend.map((row) =>
                    row.partial ? 'transparent' : (colours.series[0] ?? colours.text),
                  ),
                  pointRadius: 4,
                },
                {
                  label: 'Reference level',
                  data: data.dose.trend.map(() => data.referenceLevels.ctDlpMGyCm),
                  borderColor: colours.series[1],
                  backgroundColor: colours.series[1],
                  pointRadius: 0,
                },
              ],
            }}
          >
            <table>
              <caption>Dose: median / P75 / above reference</caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">DLP (mGy·cm)</th>
                  <th scope="col">CTDIvol (mGy)</th>
                  <th scope="col">Fluoroscopy (s)</th>
                  <th scope="col">DAP (Gy·cm²)</th>
                </tr>
              </thead>
              <tbody>
                {[...data.dose.byModality.map((g) => ({ ...g, label: words(g.label) })), ...data.dose.byOperator].map(
                  (group) => (
                    <tr key={group.key}>
                      <th scope="row">{group.label}</th>
                      <td>
                        {group.dlp.n === 0
                          ? '—'
                          : `${num(group.dlp.median)} / ${num(group.dlp.p75)} / ${pct(group.dlp.aboveReferenceShare)}`}
                      </td>
                      <td>
                        {group.ctdiVol.n === 0 ? '—' : `${num(group.ctdiVol.median)} / ${num(group.ctdiVol.p75)}`}
                      </td>
                      <td>
                        {group.fluoroTime.n === 0
                          ? '—'
                          : `${num(group.fluoroTime.median)} / ${num(group.fluoroTime.p75)} / ${pct(group.fluoroTime.aboveReferenceShare)}`}
                      </td>
                      <td>{group.dap.n === 0 ? '—' : `${num(group.dap.median)} / ${num(group.dap.p75)}`}</td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </ChartPanel>

          <ChartPanel
            id="table-time"
            title="Table time per operator (median minutes)"
            kind="bar"
            yTitle="minutes"
            summary="Median table time per operator; quartiles in the table beside."
            data={{
              labels: data.tableTime.map((row) => row.label),
              datasets: [
                {
                  label: 'Median minutes',
                  data: data.tableTime.map((row) => row.minutes.median ?? 0),
                  backgroundColor: colours.series[2],
                },
              ],
            }}
          >
            <table>
              <caption>Minutes, median (IQR)</caption>
              <tbody>
                {data.tableTime.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
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
