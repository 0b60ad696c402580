import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../src/graphql/build-schema';
import { createCostEstimator, operationCost } from '../src/graphql/edge/cost';

const schema = await buildSchema();
const estimator = createCostEstimator(schema);
const costOf = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  return operationCost(schema, estimator, document, document.definitions[0] as OperationDefinitionNode, variables);
};

const ROW = 'windowStart windowEnd projectId apiKeyId userId model status requests errors inputTokens cachedInputTokens outputTokens reasoningTokens cost';
const FIGURES = 'requests errors inputTokens cachedInputTokens outputTokens reasoningTokens cost';
const usage = (first: number, extra = '') =>
  `query($o: ID!) { usage(organizationId: $o, from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z", window: DAY, first: ${first}) { rows { ${ROW} } ${extra} endCursor } }`;

describe('the cost of a page', () => {
  it("multiplies the page's lists by its size, and its totals and cursor once", () => {
    const rowsOnly = costOf(usage(1000), { o: 'x' })!;
    const withTotals = costOf(usage(1000, `totals { ${FIGURES} }`), { o: 'x' })!;
    // usage 1 + endCursor 1 + rows (1 + 14 fields) × 1,000 ...
    expect(rowsOnly).toBe(1 + 1 + 15 * 1000);
    // ... and totals (1 + 7 fields) once, not 1,000 times.
    expect(withTotals - rowsOnly).toBe(8);
    // A BI tool's full page fits the default limit (20,000).
    expect(withTotals).toBeLessThan(20_000);
  });

  it('still counts every item of a plain sized list', () => {
    const events = (limit: number) => costOf(`query($o: ID!) { auditEvents(organizationId: $o, limit: ${limit}) { id action } }`, { o: 'x' })!;
    expect(events(100)).toBe(1 + 100 * 2);
  });
});
