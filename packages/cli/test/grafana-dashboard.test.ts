import { ProxyMetrics } from '@tollgate/proxy';
import { createLogger, ServerMetrics } from '@tollgate/server';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;
const dashboard = JSON.parse(readFileSync(`${root}docs/grafana/tollgate.json`, 'utf8')) as { panels: Panel[]; templating: { list: Array<{ name: string }> } };

interface Panel {
  title: string;
  type: string;
  datasource?: { uid: string };
  targets?: Array<{ expr: string; datasource?: { uid: string } }>;
  panels?: Panel[];
}

/** PromQL's functions, aggregations and keywords the dashboard may use: any other name in an expression must be a metric. */
const PROMQL = new Set(
  [
    'sum avg min max count topk bottomk quantile stddev stdvar group count_values rate irate increase delta idelta deriv histogram_quantile',
    'clamp clamp_min clamp_max abs ceil floor round sqrt exp ln log2 log10 time vector scalar label_replace label_join absent absent_over_time',
    'avg_over_time max_over_time min_over_time sum_over_time count_over_time by without on ignoring group_left group_right bool and or unless offset',
  ]
    .join(' ')
    .split(' '),
);

/** The metric names an expression reads: what is left once strings, label matchers, ranges and grouping labels are taken out. */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '')
    .replace(/\b\d+(\.\d+)?(e\d+)?\b/g, '');
  return [...bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)].map((m) => m[0]).filter((name) => !PROMQL.has(name));
}

/** The sample names an exposition declares: each # TYPE's family, a histogram's as _bucket, _sum and _count. */
function exposed(text: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const [, family, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.set(family! + suffix, family!);
    else if (type === 'summary') for (const suffix of ['', '_sum', '_count']) names.set(family! + suffix, family!);
    else names.set(family!, family!);
  }
  return names;
}

const panels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]).filter((p) => p.type !== 'row');

describe('docs/grafana/tollgate.json', () => {
  it('reads only metrics the proxy and the server expose, and shows every metric of ours', async () => {
    const proxy = await new ProxyMetrics({ tenantLabels: false, token: null, usageBufferEvents: () => 0 }).scrape();
    const server = await new ServerMetrics({ outboxPending: async () => 0, openSubscriptions: () => 0 }, createLogger('silent'), null).scrape();
    const names = new Map([...exposed(proxy), ...exposed(server)]);
    expect(names.has('tollgate_proxy_added_latency_seconds_bucket')).toBe(true);
    expect(names.has('tollgate_server_outbox_pending')).toBe(true);

    const read = new Set<string>();
    for (const panel of panels) {
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      for (const { expr } of panel.targets!) {
        const used = metricNames(expr);
        expect(used.length, `${panel.title}: ${expr}`).toBeGreaterThan(0);
        for (const name of used) {
          expect(names.has(name), `${panel.title}: ${name} is not exposed`).toBe(true);
          read.add(names.get(name)!);
        }
      }
    }
    const ours = [...new Set(names.values())].filter((family) => family.startsWith('tollgate_'));
    expect(ours.filter((family) => !read.has(family))).toEqual([]);
  });

  it('asks its Prometheus data source through the dashboard variable on every panel and query', () => {
    expect(dashboard.templating.list.map((v) => v.name)).toContain('datasource');
    for (const panel of panels) {
      expect(panel.datasource?.uid, panel.title).toBe('${datasource}');
      for (const target of panel.targets!) expect(target.datasource?.uid, panel.title).toBe('${datasource}');
    }
  });

  it('finds the metric names in PromQL as the check above relies on', () => {
    expect(metricNames('histogram_quantile(0.99, sum by (le, model) (rate(a_bucket{job=~"x|y"}[$__rate_interval])))')).toEqual(['a_bucket']);
    expect(metricNames('sum(rate(b_total[5m])) * 3600 / 1e6 + max(c)')).toEqual(['b_total', 'c']);
  });
});
