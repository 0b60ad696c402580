/** What the three processes of `pnpm bench:live` tell each other, and the delay histogram. */

export interface ServerSample {
  type: 'sample';
  at: number;
  cpu: NodeJS.CpuUsage;
  memory: NodeJS.MemoryUsage;
  hub: { subscribers: number; organizations: number; quotaProjects: number; users: number };
  sockets: number;
  /** The server's event-loop delay since the previous sample. */
  loopP99Ms: number;
  loopMaxMs: number;
}

export type ToServer = { type: 'sample'; gc?: boolean } | { type: 'profile'; file: string | null } | { type: 'stop' };

/** One subscriber: its organization (an index) and how it signs in. */
export interface SubscriberSpec {
  organization: number;
  /** What today's totals count: the whole organization (-1) or one project (its index), as the subscriber may see. */
  scope: number;
  organizationId: string;
  projectId: string | null;
  cookie?: string;
  bearer?: string;
  /** The SPA's document (light) or a BI tool's (every row). */
  document: 'spa' | 'bi';
}

export type ToClients =
  | { type: 'start'; url: string; origin: string; organizations: number; projects: number }
  | { type: 'add'; subscribers: SubscriberSpec[] }
  /** A batch committed: the calls today after it of each organization (scope -1) and project (its index) it moved, and when. */
  | { type: 'commit'; at: number; totals: Array<[organization: number, scope: number, total: number]> }
  | { type: 'measure'; on: boolean }
  | { type: 'stop' };

export interface ClientReport {
  type: 'report';
  /** Delay in ms from a call's batch commit to each subscriber's message that first holds it: one count per call per subscriber. */
  histogram: number[];
  samples: number;
  messages: number;
  /** The clients' CPU over the window, and the window. */
  cpu: NodeJS.CpuUsage;
  wallMs: number;
  loopP99Ms: number;
  open: number;
  failed: number;
  /** Messages whose totals were not a commit's (they should not be). */
  unmatched: number;
}

export type FromClients = { type: 'added'; open: number; failed: number; ms: number; errors: string[] } | ClientReport | { type: 'stopped' };

/** Delays in whole milliseconds up to a minute; the last bucket holds everything later. */
export const HISTOGRAM_MS = 60_000;

export function quantileOf(histogram: ArrayLike<number>, q: number): number {
  let total = 0;
  for (let i = 0; i < histogram.length; i++) total += histogram[i]!;
  const rank = Math.ceil(total * q);
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i]!;
    if (seen >= rank && histogram[i]) return i;
  }
  return NaN;
}

export function maxOf(histogram: ArrayLike<number>): number {
  for (let i = histogram.length - 1; i >= 0; i--) if (histogram[i]) return i;
  return NaN;
}
