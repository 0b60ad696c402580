import { UsageSource } from '@tollgate/domain';
import { randomUUID } from 'node:crypto';
import type { UsageEvent } from '../../src/usage/recorder';

/** A successful, charged usage event as the pipeline records it: tests say only what they care about. */
export const usageEvent = (event: Pick<UsageEvent, 'organizationId' | 'projectId' | 'apiKeyId' | 'charge'> & Partial<UsageEvent>): UsageEvent => ({
  requestId: randomUUID(),
  time: new Date(),
  userId: null,
  model: 'mock-small',
  status: 200,
  inputTokens: 3,
  cachedInputTokens: 0,
  outputTokens: 5,
  reasoningTokens: 0,
  usageSource: UsageSource.UPSTREAM,
  responseId: null,
  cost: event.charge,
  latencyMs: 1,
  upstreamLatencyMs: 1,
  stream: false,
  errorCode: null,
  content: null,
  forwarded: true,
  ...event,
});
