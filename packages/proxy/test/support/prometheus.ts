/** One sample line of a Prometheus text exposition. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A scrape, parsed: the families its # TYPE lines declare, and sums over its samples. */
export interface Scrape {
  types: Map<string, string>;
  samples: Sample[];
  /** Sum of the samples named `name` whose labels include `where`. */
  sum(name: string, where?: Record<string, string>): number;
  /** A histogram's observations (its `_count` samples) whose labels include `where`. */
  count(name: string, where?: Record<string, string>): number;
  /** The label sets of the samples named `name`. */
  labels(name: string): Array<Record<string, string>>;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/gy;

/**
 * Parses Prometheus's text format (0.0.4) strictly: a line that is neither a
 * comment nor `name{labels} value` fails, and so does a sample of a family
 * whose # TYPE came before another's samples began.
 */
export function parseScrape(text: string): Scrape {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    if (line.startsWith('# TYPE ')) {
      const [, , name, type] = line.split(' ');
      if (types.has(name!)) throw new Error(`family declared twice: ${name}`);
      types.set(name!, type!);
      continue;
    }
    if (line.startsWith('#')) continue;
    const match = LINE.exec(line);
    if (!match) throw new Error(`not a sample line: ${JSON.stringify(line)}`);
    const labels: Record<string, string> = {};
    const body = match[2] ?? '';
    let read = 0;
    LABEL.lastIndex = 0;
    for (let label = LABEL.exec(body); label; label = LABEL.exec(body)) {
      labels[label[1]!] = label[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
      read = LABEL.lastIndex;
    }
    if (read !== body.length) throw new Error(`malformed labels: ${JSON.stringify(line)}`);
    const name = match[1]!;
    const family = types.has(name) ? name : name.replace(/_(bucket|sum|count)$/, '');
    if (!types.has(family)) throw new Error(`sample without a # TYPE: ${name}`);
    samples.push({ name, labels, value: Number(match[3]) });
  }
  const where = (name: string, labels: Record<string, string>) =>
    samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return {
    types,
    samples,
    sum: (name, labels = {}) => where(name, labels).reduce((n, s) => n + s.value, 0),
    count: (name, labels = {}) => where(`${name}_count`, labels).reduce((n, s) => n + s.value, 0),
    labels: (name) => where(name, {}).map((s) => s.labels),
  };
}
