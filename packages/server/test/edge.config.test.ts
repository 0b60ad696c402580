import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src';

describe("the GraphQL edge's configuration", () => {
  it('has the documented defaults, introspection open outside production', () => {
    expect(loadConfig({}).graphql).toEqual({
      introspection: 'anonymous',
      allowedOrigins: [],
      maxDepth: 12,
      maxAliases: 30,
      maxCost: 20_000,
      maxDocumentBytes: 102_400,
      maxTokens: 5_000,
      maxBodyBytes: 2_097_152,
      maxSubscriptionsPerConnection: 25,
      connectionInitTimeoutMs: 3_000,
    });
  });

  it('closes introspection to anonymous callers under NODE_ENV=production, unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphql.introspection).toBe('authenticated');
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'anonymous' }).graphql.introspection).toBe('anonymous');
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'off' }).graphql.introspection).toBe('off');
    expect(() => loadConfig({ GRAPHQL_INTROSPECTION: 'public' })).toThrow(/GRAPHQL_INTROSPECTION/);
  });

  it('reads every limit from the environment', () => {
    const env = {
      GRAPHQL_MAX_DEPTH: '8',
      GRAPHQL_MAX_ALIASES: '5',
      GRAPHQL_MAX_COST: '500',
      GRAPHQL_MAX_DOCUMENT_BYTES: '2048',
      GRAPHQL_MAX_TOKENS: '300',
      GRAPHQL_MAX_BODY_BYTES: '65536',
      GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION: '3',
      GRAPHQL_WS_INIT_TIMEOUT_MS: '500',
    };
    expect(loadConfig(env).graphql).toMatchObject({
      maxDepth: 8,
      maxAliases: 5,
      maxCost: 500,
      maxDocumentBytes: 2048,
      maxTokens: 300,
      maxBodyBytes: 65_536,
      maxSubscriptionsPerConnection: 3,
      connectionInitTimeoutMs: 500,
    });
    expect(() => loadConfig({ GRAPHQL_MAX_DEPTH: '0' })).toThrow(/GRAPHQL_MAX_DEPTH/);
  });

  it('takes allowed origins as a comma-separated list of origins and refuses anything else', () => {
    expect(loadConfig({ GRAPHQL_ALLOWED_ORIGINS: 'https://admin.example, http://localhost:5173/' }).graphql.allowedOrigins).toEqual([
      'https://admin.example',
      'http://localhost:5173',
    ]);
    for (const entry of ['*', 'admin.example', 'https://admin.example/path', 'ftp://admin.example']) {
      expect(() => loadConfig({ GRAPHQL_ALLOWED_ORIGINS: entry }), entry).toThrow(/GRAPHQL_ALLOWED_ORIGINS/);
    }
  });
});
