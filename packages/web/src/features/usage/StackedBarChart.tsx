import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { LegendOrdinal } from '@visx/legend';
import { scaleBand, scaleLinear, scaleOrdinal } from '@visx/scale';
import { BarStack } from '@visx/shape';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { EmptyState, Table } from '../../components';

export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartColumn {
  /** What the column is, as a reader says it ("Mon, Dec 1"). */
  label: string;
  /** Its exact total, as the server summed it. */
  total: string;
}

interface Props {
  /** The chart's name: the figure's caption and its data table's label ("… data"). */
  title: string;
  /** The heading of the data table's first column ("Day (Europe/Paris)"). */
  columnHeading: string;
  columns: ChartColumn[];
  series: ChartSeries[];
  /** A segment's height: geometry only, never shown. */
  value: (column: number, series: string) => number;
  /** A segment's exact value, as shown in the tooltip and the table; null for none. */
  text: (column: number, series: string) => string | null;
  /** Tick labels of the value axis. */
  tick: (value: number) => string;
  /** The table's last row: each series' total and the grand total, exact. */
  totals: { series: Record<string, string>; all: string };
  /** Shown instead of the chart when every value is zero. */
  empty: { title: string; hint?: string };
}

const WIDTH = 1000;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 12, bottom: 36, left: 72 };
/** One colour token per series, in legend order; past the eighth they repeat. */
const PALETTE = Array.from({ length: 8 }, (_, i) => `var(--color-chart-${i + 1})`);

/**
 * Bars over time, stacked by series, with a legend, a tooltip of exact values
 * (on hover, and on focus with the arrow keys), and the numbers in a data
 * table under it: the table is what assistive technology reads, the picture
 * is an image labelled by it.
 */
export function StackedBarChart({ title, columnHeading, columns, series, value, text, tick, totals, empty }: Props) {
  const id = useId();
  const [active, setActive] = useState<number | null>(null);
  const keys = series.map((s) => s.key);
  const data = useMemo(() => columns.map((_, i) => Object.fromEntries([['column', String(i)], ...keys.map((k) => [k, value(i, k)])])), [columns, keys, value]);
  const max = Math.max(0, ...columns.map((_, i) => keys.reduce((sum, k) => sum + value(i, k), 0)));
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleBand<string>({ domain: columns.map((_, i) => String(i)), range: [0, innerWidth], padding: 0.2 });
  const y = scaleLinear<number>({ domain: [0, max || 1], range: [innerHeight, 0], nice: true });
  const color = scaleOrdinal<string, string>({ domain: keys, range: PALETTE });
  const legendLabels = scaleOrdinal<string, string>({ domain: series.map((s) => s.label), range: keys.map((k) => color(k)) });
  const step = Math.ceil(columns.length / 10);

  const onKey = (event: KeyboardEvent) => {
    const last = columns.length - 1;
    const next = { ArrowRight: (active ?? -1) + 1, ArrowLeft: (active ?? last + 1) - 1, Home: 0, End: last }[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setActive(Math.max(0, Math.min(last, next)));
    } else if (event.key === 'Escape') setActive(null);
  };

  const table = (
    <details className="chart-data">
      <summary>Data table</summary>
      <Table label={`${title} data`} columns={[columnHeading, ...series.map((s) => s.label), 'Total']} bodies>
        <tbody>
          {columns.map((c, i) => (
            <tr key={i}>
              <th scope="row">{c.label}</th>
              {keys.map((k) => (
                <td key={k} className="number">
                  {text(i, k) ?? '—'}
                </td>
              ))}
              <td className="number">{c.total}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {keys.map((k) => (
              <td key={k} className="number">
                {totals.series[k] ?? '—'}
              </td>
            ))}
            <td className="number">{totals.all}</td>
          </tr>
        </tfoot>
      </Table>
    </details>
  );

  if (max === 0)
    return (
      <figure className="chart" aria-label={title}>
        <EmptyState title={empty.title}>{empty.hint}</EmptyState>
        {table}
      </figure>
    );

  const center = active === null ? 0 : MARGIN.left + (x(String(active)) ?? 0) + x.bandwidth() / 2;
  return (
    <figure className="chart" aria-label={title}>
      <LegendOrdinal scale={legendLabels} direction="row" labelMargin="0 16px 0 4px" shapeWidth={12} shapeHeight={12} className="chart-legend" />
      <div className="chart-plot">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-label={`${title}: a bar chart over ${columns.length} windows. The data table below holds its numbers; the arrow keys read it window by window.`}
          aria-describedby={active === null ? undefined : `${id}-tip`}
          tabIndex={0}
          onKeyDown={onKey}
          onFocus={() => setActive((a) => a ?? columns.length - 1)}
          onBlur={() => setActive(null)}
          onMouseLeave={() => setActive(null)}
        >
          <Group left={MARGIN.left} top={MARGIN.top}>
            {active !== null && <rect className="chart-active" x={(x(String(active)) ?? 0) - 2} y={0} width={x.bandwidth() + 4} height={innerHeight} />}
            <BarStack data={data} keys={keys} x={(d) => d.column as string} xScale={x} yScale={y} color={color}>
              {(stacks) =>
                stacks.map((stack) =>
                  stack.bars.map((bar) => (
                    <rect key={`${stack.index}-${bar.index}`} x={bar.x} y={bar.y} width={bar.width} height={Math.max(0, bar.height)} fill={bar.color} />
                  )),
                )
              }
            </BarStack>
            {columns.map((_, i) => (
              <rect
                key={i}
                x={(x(String(i)) ?? 0) - (x.step() - x.bandwidth()) / 2}
                y={0}
                width={x.step()}
                height={innerHeight}
                fill="transparent"
                onMouseEnter={() => setActive(i)}
              />
            ))}
            <AxisLeft scale={y} numTicks={5} tickFormat={(v) => tick(Number(v))} stroke="var(--color-border-strong)" tickStroke="var(--color-border-strong)" />
            <AxisBottom
              top={innerHeight}
              scale={x}
              tickValues={columns.map((_, i) => String(i)).filter((i) => Number(i) % step === 0)}
              tickFormat={(i) => columns[Number(i)]?.label ?? ''}
              stroke="var(--color-border-strong)"
              tickStroke="var(--color-border-strong)"
            />
          </Group>
        </svg>
        {active !== null && columns[active] && (
          <div
            id={`${id}-tip`}
            className="chart-tooltip"
            role="status"
            style={{
              left: `${(center / WIDTH) * 100}%`,
              transform: center > WIDTH * 0.66 ? 'translateX(-100%)' : center < WIDTH * 0.33 ? 'none' : 'translateX(-50%)',
            }}
          >
            <strong>{columns[active].label}</strong>
            <dl>
              {series
                .filter((s) => text(active, s.key) !== null)
                .map((s) => (
                  <div key={s.key}>
                    <dt>
                      <span className="swatch" style={{ background: color(s.key) }} />
                      {s.label}
                    </dt>
                    <dd>{text(active, s.key)}</dd>
                  </div>
                ))}
              <div className="chart-tooltip-total">
                <dt>Total</dt>
                <dd>{columns[active].total}</dd>
              </div>
            </dl>
          </div>
        )}
      </div>
      {table}
    </figure>
  );
}
