import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { Button, Card, ErrorMessage, Field, Loading } from '../../components';
import { graphql } from '../../gql';
import type { UsageDimension, UsageFilter } from '../../gql/graphql';
import { clockIn, count, customRange, dayOf, exactMoney, micros, moneyGeometry, presetRange, RANGES, share, windowLabel, type RangeKey } from './ranges';
import { StackedBarChart } from './StackedBarChart';
import { usageCsvHref, useUsage, type UsageArgs, type UsageRow } from './useUsage';
import './usage.css';

export interface DashboardScope {
  organizationId: string;
  /** Set: one project's dashboard. */
  projectId?: string;
  /** The organization's zone: every window and label follows it. */
  timeZone: string;
  /** Names for ids, from the normal fields (projects, members). */
  projectNames: ReadonlyMap<string, string>;
  memberNames: ReadonlyMap<string, string>;
}

type StackBy = 'PROJECT' | 'MODEL' | 'API_KEY';
const STACK_LABEL: Record<StackBy, string> = { PROJECT: 'Project', MODEL: 'Model', API_KEY: 'API key' };

interface DashboardProps {
  scope: DashboardScope;
  /** The dashboard's clock (useLiveUsage): every usage query runs again when it moves. */
  now: number;
  summary?: ReactNode;
  /** Above everything: the live indicator. */
  status?: ReactNode;
}

/**
 * The body both overview pages share: spend over time stacked by a dimension,
 * requests and errors over time, and the top projects, keys, members and
 * models with their share, for a range in the organization's zone.
 */
export function UsageDashboard({ scope, now, summary, status }: DashboardProps) {
  const zone = scope.timeZone;
  const [rangeKey, setRangeKey] = useState<RangeKey>('7d');
  const [custom, setCustom] = useState(() => ({ from: dayOf(zone, now - 13 * 86_400_000), to: dayOf(zone, now) }));
  const stackChoices: StackBy[] = scope.projectId ? ['MODEL', 'API_KEY'] : ['PROJECT', 'MODEL'];
  const [stackBy, setStackBy] = useState<StackBy>(stackChoices[0]!);
  const range = rangeKey === 'custom' ? customRange(custom.from, custom.to, zone) : presetRange(rangeKey, zone, now);
  const filter: UsageFilter | null = scope.projectId ? { projectIds: [scope.projectId] } : null;

  return (
    <>
      {status && <div className="dashboard-status">{status}</div>}
      {summary}
      <Card label="Range">
        <div className="row range-picker">
          <div role="group" aria-label="Range" className="segmented">
            {RANGES.map((r) => (
              <Button
                key={r.key}
                variant={r.key === rangeKey ? 'primary' : 'secondary'}
                size="small"
                aria-pressed={r.key === rangeKey}
                onClick={() => setRangeKey(r.key)}
              >
                {r.label}
              </Button>
            ))}
          </div>
          {rangeKey === 'custom' && (
            <>
              <Field label="From day">
                <input type="date" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
              </Field>
              <Field label="Through day" error={range ? undefined : 'Pick a day on or after the first.'}>
                <input type="date" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
              </Field>
            </>
          )}
          <Field label="Stack spend by">
            <select value={stackBy} onChange={(e) => setStackBy(e.target.value as StackBy)}>
              {stackChoices.map((c) => (
                <option key={c} value={c}>
                  {STACK_LABEL[c]}
                </option>
              ))}
            </select>
          </Field>
          <span className="spacer" />
          <small className="muted">Times in {zone}</small>
        </div>
      </Card>
      {range && (
        <RangeCharts
          scope={scope}
          base={{ organizationId: scope.organizationId, ...range, timeZone: zone, groupBy: null, filter }}
          stackBy={stackBy}
          refresh={now}
        />
      )}
    </>
  );
}

/** A link to the same figures as CSV: `/api/usage.csv` with the chart's arguments. */
export function CsvLink({ args, label }: { args: UsageArgs; label: string }) {
  return (
    <a className="button button-secondary button-small" href={usageCsvHref(args)} download aria-label={`Download ${label} as CSV`}>
      CSV
    </a>
  );
}

function RangeCharts({ scope, base, stackBy, refresh }: { scope: DashboardScope; base: UsageArgs; stackBy: StackBy; refresh: number }) {
  const series = useUsage(base, refresh);
  const stackedArgs = useMemo(() => ({ ...base, groupBy: [stackBy] as UsageDimension[] }), [base, stackBy]);
  // The stack and its groups show no totals of their own (the series has them).
  const stacked = useUsage(stackedArgs, refresh, { totals: false });
  const total = (groupBy: UsageDimension[]): UsageArgs => ({ ...base, window: null, groupBy });
  const groupArgs = useMemo(() => ({ ...base, window: null, groupBy: [stackBy] as UsageDimension[] }), [base, stackBy]);
  const groups = useUsage(groupArgs, refresh, { totals: false });
  const name = useNamer(scope);
  const zone = base.timeZone;
  const s = series.data;

  return (
    <>
      <Card
        title="Spend over time"
        label="Spend over time"
        description={s ? `Up to ${clockIn(zone, s.asOf)}: the current minute is still open.` : undefined}
        actions={<CsvLink args={stackedArgs} label="spend over time" />}
      >
        {s && (
          <dl className="kpis" aria-label="Range totals">
            <Kpi term="Spend" value={exactMoney(s.totals.cost)} />
            <Kpi term="Requests" value={count(s.totals.requests)} />
            <Kpi term="Errors" value={`${count(s.totals.errors)} (${share(s.totals.errors, s.totals.requests)})`} />
            <Kpi term="Tokens in / out" value={`${count(s.totals.inputTokens)} / ${count(s.totals.outputTokens)}`} />
          </dl>
        )}
        <ChartState results={[series, stacked, groups]}>
          {s && stacked.data && groups.data && (
            <SpendChart
              windows={s.rows}
              totalsCost={s.totals.cost}
              stacked={stacked.data.rows}
              groups={groups.data.rows}
              stackBy={stackBy}
              projectNames={scope.projectNames}
              window={base.window}
              zone={zone}
            />
          )}
        </ChartState>
      </Card>
      <Card title="Requests and errors" label="Requests and errors" actions={<CsvLink args={base} label="requests and errors" />}>
        <ChartState results={[series]}>{s && <RequestsChart windows={s.rows} totals={s.totals} window={base.window} zone={zone} />}</ChartState>
      </Card>
      <div className="top-grid">
        {!scope.projectId && <TopCard title="Top projects" dimension="PROJECT" args={total(['PROJECT'])} name={name} refresh={refresh} />}
        <TopCard title="Top API keys" dimension="API_KEY" args={total(['PROJECT', 'API_KEY'])} name={name} refresh={refresh} />
        <TopCard title="Top members" dimension="USER" args={total(['USER'])} name={name} refresh={refresh} />
        <TopCard title="Top models" dimension="MODEL" args={total(['MODEL'])} name={name} refresh={refresh} />
      </div>
    </>
  );
}

function Kpi({ term, value, children }: { term: string; value: ReactNode; children?: ReactNode }) {
  return (
    <div className="kpi">
      <dt>{term}</dt>
      <dd>{value}</dd>
      {children}
    </div>
  );
}

/** Loading until every result is in (then the last figures stay while new ones load); the first error. */
function ChartState({ results, children }: { results: Array<{ data: unknown; error: unknown }>; children: ReactNode }) {
  const error = results.find((r) => r.error)?.error as Parameters<typeof ErrorMessage>[0]['error'];
  if (error) return <ErrorMessage error={error} />;
  if (results.some((r) => !r.data)) return <Loading />;
  return <>{children}</>;
}

type Dimension = 'PROJECT' | 'API_KEY' | 'USER' | 'MODEL';
type Namer = (dimension: Dimension, row: UsageRow) => ReactNode;

const idOf = (dimension: Dimension, row: UsageRow) =>
  dimension === 'PROJECT' ? row.projectId : dimension === 'API_KEY' ? row.apiKeyId : dimension === 'USER' ? row.userId : row.model;

/** Names for the ids in rows: projects and members from the page's lists, keys from their project's key list. */
function useNamer(scope: DashboardScope): Namer {
  return useCallback(
    (dimension, row) => {
      const id = idOf(dimension, row);
      switch (dimension) {
        case 'PROJECT':
          return scope.projectNames.get(id!) ?? `Project ${id?.slice(0, 8)}`;
        case 'USER':
          return id ? (scope.memberNames.get(id) ?? `Member ${id.slice(0, 8)}`) : 'Service keys';
        case 'API_KEY':
          return <KeyName projectId={row.projectId} apiKeyId={id!} />;
        case 'MODEL':
          return id ?? '—';
      }
    },
    [scope.projectNames, scope.memberNames],
  );
}

/** A plain-text name, for chart legends and table headings. */
function textName(dimension: Dimension, row: UsageRow, projectNames: ReadonlyMap<string, string>): string {
  const id = idOf(dimension, row) ?? '—';
  if (dimension === 'PROJECT') return projectNames.get(id) ?? `Project ${id.slice(0, 8)}`;
  if (dimension === 'API_KEY') return `Key …${id.slice(-6)}`;
  return id;
}

const KeyNames = graphql(`
  query UsageKeyNames($projectId: ID!) {
    apiKeys(projectId: $projectId) {
      id
      name
      lastFour
    }
  }
`);

/** A key's name from its project's key list (a project MEMBER sees their own keys' names; others by id). */
function KeyName({ projectId, apiKeyId }: { projectId: string | null; apiKeyId: string }) {
  const [{ data }] = useQuery({ query: KeyNames, variables: { projectId: projectId ?? '' }, pause: !projectId });
  const key = data?.apiKeys.find((k) => k.id === apiKeyId);
  return <>{key ? `${key.name} (…${key.lastFour})` : `Key ${apiKeyId.slice(0, 8)}`}</>;
}

interface SpendChartProps {
  /** The ungrouped rows: every window, zero-filled by the server. */
  windows: UsageRow[];
  totalsCost: string;
  /** The same range grouped by `stackBy`, per window. */
  stacked: UsageRow[];
  /** The same range grouped by `stackBy`, one row per group: the legend's order and the table's last row. */
  groups: UsageRow[];
  stackBy: StackBy;
  projectNames: ReadonlyMap<string, string>;
  window: UsageArgs['window'];
  zone: string;
}

/** Spend per window stacked by group: every number is a row the server summed; the browser only places them. */
function SpendChart({ windows, totalsCost, stacked, groups, stackBy, projectNames, window, zone }: SpendChartProps) {
  const dimension = stackBy as Dimension;
  const index = new Map(windows.map((w, i) => [w.windowStart, i]));
  const cells = new Map<string, string>();
  for (const row of stacked) cells.set(`${index.get(row.windowStart)}|${idOf(dimension, row) ?? 'none'}`, row.cost);
  const ordered = [...groups].sort(bySpend);
  const series = ordered.map((row) => ({ key: idOf(dimension, row) ?? 'none', label: textName(dimension, row, projectNames) }));
  const seriesTotals = Object.fromEntries(ordered.map((row) => [idOf(dimension, row) ?? 'none', exactMoney(row.cost)]));
  const value = (i: number, key: string) => moneyGeometry(cells.get(`${i}|${key}`) ?? '0');
  const text = (i: number, key: string) => {
    const c = cells.get(`${i}|${key}`);
    return c ? exactMoney(c) : null;
  };
  return (
    <StackedBarChart
      title={`Spend by ${STACK_LABEL[stackBy].toLowerCase()}`}
      columnHeading={`${window === 'HOUR' ? 'Hour' : 'Day'} (${zone})`}
      columns={windows.map((w) => ({ label: windowLabel(w.windowStart, window, zone), total: exactMoney(w.cost) }))}
      series={series}
      value={value}
      text={text}
      tick={dollarsTick}
      totals={{ series: seriesTotals, all: exactMoney(totalsCost) }}
      empty={{ title: 'No spend in this range', hint: 'Calls through the proxy show up here within a minute.' }}
    />
  );
}

/** An axis label: cents from a dollar up, two significant digits below (micro-dollar calls are common). */
const dollarsTick = (v: number) => `$${v.toLocaleString('en-US', v >= 1 || v === 0 ? { maximumFractionDigits: 2 } : { maximumSignificantDigits: 2 })}`;

function RequestsChart({
  windows,
  totals,
  window,
  zone,
}: {
  windows: UsageRow[];
  totals: { requests: number; errors: number };
  window: UsageArgs['window'];
  zone: string;
}) {
  const value = (i: number, key: string) => (key === 'errors' ? windows[i]!.errors : windows[i]!.requests - windows[i]!.errors);
  return (
    <StackedBarChart
      title="Requests"
      columnHeading={`${window === 'HOUR' ? 'Hour' : 'Day'} (${zone})`}
      columns={windows.map((w) => ({ label: windowLabel(w.windowStart, window, zone), total: count(w.requests) }))}
      series={[
        { key: 'ok', label: 'Succeeded' },
        { key: 'errors', label: 'Errors (status 400 or more)' },
      ]}
      value={value}
      text={(i, key) => count(value(i, key))}
      tick={(v) => v.toLocaleString('en-US')}
      totals={{ series: { ok: count(totals.requests - totals.errors), errors: count(totals.errors) }, all: count(totals.requests) }}
      empty={{ title: 'No requests in this range' }}
    />
  );
}

const TOP_SHOWN = 10;

/** Most spend first, then most requests. */
function bySpend(a: UsageRow, b: UsageRow): number {
  const d = micros(b.cost) - micros(a.cost);
  return d > 0n ? 1 : d < 0n ? -1 : b.requests - a.requests;
}

/** One dimension's groups over the range, by spend, with their share of the range's spend, requests and error rate. */
function TopCard({ title, dimension, args, name, refresh }: { title: string; dimension: Dimension; args: UsageArgs; name: Namer; refresh: number }) {
  const { data, error } = useUsage(args, refresh);
  const [all, setAll] = useState(false);
  const rows = useMemo(() => [...(data?.rows ?? [])].sort(bySpend), [data]);
  const shown = all ? rows : rows.slice(0, TOP_SHOWN);
  const whole = data ? micros(data.totals.cost) : 0n;
  return (
    <Card title={title} label={title} actions={<CsvLink args={args} label={title.toLowerCase()} />}>
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {data && (
        <div className="table-wrap">
          <table className="table" aria-label={title}>
            <thead>
              <tr>
                <th>Name</th>
                <th className="number">Spend</th>
                <th>Share</th>
                <th className="number">Requests</th>
                <th className="number">Error rate</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row, i) => (
                <tr key={`${idOf(dimension, row)}-${row.projectId}-${i}`}>
                  <th scope="row">{name(dimension, row)}</th>
                  <td className="number">{exactMoney(row.cost)}</td>
                  <td>
                    <span className="share">
                      <span className="share-bar" aria-hidden="true">
                        <span style={{ width: whole === 0n ? 0 : `${Number((micros(row.cost) * 1000n) / whole) / 10}%` }} />
                      </span>
                      {share(micros(row.cost), whole)}
                    </span>
                  </td>
                  <td className="number">{count(row.requests)}</td>
                  <td className="number">{share(row.errors, row.requests)}</td>
                </tr>
              ))}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={5} className="empty-cell">
                    No calls in this range.
                  </td>
                </tr>
              )}
            </tbody>
            {rows.length > 0 && (
              <tfoot>
                <tr>
                  <th scope="row">All ({count(rows.length)})</th>
                  <td className="number">{exactMoney(data.totals.cost)}</td>
                  <td>100.0%</td>
                  <td className="number">{count(data.totals.requests)}</td>
                  <td className="number">{share(data.totals.errors, data.totals.requests)}</td>
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
      {rows.length > TOP_SHOWN && (
        <Button variant="ghost" size="small" onClick={() => setAll(!all)}>
          {all ? `Show the top ${TOP_SHOWN}` : `Show all ${count(rows.length)}`}
        </Button>
      )}
      {data?.truncated && <small className="muted">Only the first 10,000 groups are listed.</small>}
    </Card>
  );
}
