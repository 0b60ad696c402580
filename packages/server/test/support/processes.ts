import { afterAll } from 'vitest';
import { killRunning, spawnEntrypoint as spawn, type Spawned } from '../../../cli/src/topology/processes';

// One home for starting an entrypoint as its own process: the topology run's (packages/cli/src/topology).
// Whatever a test file started and did not stop is killed when the file ends.
afterAll(killRunning);

export type { Spawned };

/**
 * One of the packages' entrypoints as its own process, as a deployment runs it:
 * `packages/server/src/main.ts`, `packages/proxy/src/main.ts` or
 * `packages/mock-upstream/src/main.ts`. Resolves with the URL it prints after `<READY_WORD> `.
 */
export const spawnEntrypoint = (path: string, readyWord: string, env: Record<string, string>): Promise<Spawned> => spawn({ path, readyWord, env });
