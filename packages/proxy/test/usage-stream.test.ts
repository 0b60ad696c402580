import { describe, expect, it } from 'vitest';
import { decodeUsageEntry, encodeUsageEntry, ENTRY_FIELD, organizationOf, streamKeyOf } from '../src/usage/usage-stream';
import { usageEvent } from './support/usage-event';

/** The usage streams' entry format (usage-stream.ts), without Redis: what the settle script appends and the recorders read. */
const event = usageEvent({
  organizationId: '0b6e9a52-1f7a-4a43-9d0e-5f1c2a3b4c5d',
  projectId: '1c7f0b63-2a8b-4b54-8e1f-6a2d3b4c5d6e',
  apiKeyId: '2d8a1c74-3b9c-4c65-9f2a-7b3e4c5d6e7f',
  charge: 9_007_199_254_740_993n, // above 2^53: kept exact as a string
  content: { request: { messages: [{ role: 'user', content: 'hi' }] } },
});

describe('usage stream entries', () => {
  it('round-trip an event, money exact', () => {
    const decoded = decodeUsageEntry([ENTRY_FIELD, encodeUsageEntry(event)]);
    expect(decoded).toEqual(event);
    expect(decoded!.charge).toBe(9_007_199_254_740_993n);
  });

  it('read nothing from another format, damaged JSON, or values PostgreSQL would refuse', () => {
    const json = JSON.parse(encodeUsageEntry(event)) as Record<string, unknown>;
    const entry = (patch: Record<string, unknown>) => [ENTRY_FIELD, JSON.stringify({ ...json, ...patch })];
    expect(decodeUsageEntry(['u0', encodeUsageEntry(event)])).toBeNull();
    expect(decodeUsageEntry([ENTRY_FIELD, encodeUsageEntry(event).slice(0, -1)])).toBeNull();
    for (const patch of [
      { requestId: 'not-a-uuid' },
      { status: 40_000 },
      { inputTokens: 2 ** 31 },
      { outputTokens: 1.5 },
      { cost: '12.5' },
      { charge: 12 },
      { usageSource: 'GUESSED' },
      { model: 'm'.repeat(101) },
      { time: 'yesterday' },
      { forwarded: undefined },
    ])
      expect(decodeUsageEntry(entry(patch)), JSON.stringify(patch)).toBeNull();
  });

  it('name the stream in its organization’s hash tag', () => {
    expect(streamKeyOf(event.organizationId)).toBe(`tg:{${event.organizationId}}:events`);
    expect(organizationOf(streamKeyOf(event.organizationId))).toBe(event.organizationId);
    expect(organizationOf('tg:{not-an-org}:events')).toBeNull();
    expect(organizationOf(`tg:{${event.organizationId}}:events:dead`)).toBeNull();
  });
});
