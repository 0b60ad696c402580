import type { CombinedError } from 'urql';
import { useLiveStatus, type LiveStatus } from './live';

const TEXT: Record<LiveStatus | 'stopped', string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  stopped: 'Not live',
};
const TITLE: Record<LiveStatus | 'stopped', string> = {
  connecting: 'Opening the live connection',
  live: 'The figures on this page update as calls are made',
  reconnecting: 'The live connection dropped: trying again; the figures may be behind until it is back',
  stopped: 'Live updates stopped: reload the page to try again',
};

/**
 * Whether the page's figures are following the calls: the live connection's
 * state in words (a colour only repeats it), announced politely when it
 * changes. `errors`: the page's subscriptions' results; one that ended in an
 * error makes the page "Not live", whatever the connection does.
 */
export function LiveIndicator({ errors = [] }: { errors?: Array<CombinedError | undefined> }) {
  const connection = useLiveStatus();
  const state = errors.some(Boolean) ? 'stopped' : connection;
  return (
    <span className={`live-indicator live-${state}`} role="status" aria-live="polite" title={TITLE[state]}>
      <span className="live-dot" aria-hidden="true" />
      {TEXT[state]}
    </span>
  );
}
