import { CredentialCipher, enabledModels } from '@tollgate/db';
import type { ModelPrices } from '@tollgate/domain';
import type { Pool as PgPool } from 'pg';
import { Pool } from 'undici';
import type { ProxyConfig } from './config';

export interface Upstream {
  id: string;
  /** Path prefix of the base URL, e.g. "/v1", that routes are appended to. */
  basePath: string;
  authorization: string | null;
  pool: Pool;
}

export interface ModelRoute {
  name: string;
  groups: string[];
  upstreamModel: string;
  prices: ModelPrices;
  /** No bound on a call's tokens may exceed it. */
  contextWindow: number;
  defaultMaxOutputTokens: number;
  upstream: Upstream;
}

/**
 * The enabled models and their upstreams, held in memory and reloaded on
 * any catalog change. One keep-alive undici pool per upstream origin.
 */
export class Catalog {
  private routes = new Map<string, ModelRoute>();
  private pools = new Map<string, Pool>();
  private readonly cipher: CredentialCipher | null;
  /** Bumped on every reload, so key entries computed from an older catalog are recomputed. */
  version = 0;

  constructor(
    private readonly db: PgPool,
    private readonly config: ProxyConfig,
  ) {
    this.cipher = config.credentialKey ? new CredentialCipher(config.credentialKey) : null;
  }

  get models(): ModelRoute[] {
    return [...this.routes.values()];
  }

  route(name: string): ModelRoute | undefined {
    return this.routes.get(name);
  }

  async reload(): Promise<void> {
    const rows = await enabledModels(this.db);
    const upstreams = new Map<string, Upstream>();
    const routes = new Map<string, ModelRoute>();
    for (const row of rows) {
      let upstream = upstreams.get(row.upstream_id);
      if (!upstream) {
        const url = new URL(row.base_url);
        const credential = row.credential_ciphertext && this.cipher ? this.cipher.decrypt(row.credential_ciphertext) : null;
        upstream = {
          id: row.upstream_id,
          basePath: url.pathname.replace(/\/$/, ''),
          authorization: credential ? `Bearer ${credential}` : null,
          pool: this.poolFor(url.origin),
        };
        upstreams.set(row.upstream_id, upstream);
      }
      routes.set(row.name, {
        name: row.name,
        groups: row.groups,
        upstreamModel: row.upstream_model,
        upstream,
        prices: {
          inputPerMillion: BigInt(row.input_price_per_million),
          cachedInputPerMillion: row.cached_input_price_per_million === null ? null : BigInt(row.cached_input_price_per_million),
          outputPerMillion: BigInt(row.output_price_per_million),
        },
        contextWindow: row.context_window,
        defaultMaxOutputTokens: row.default_max_output_tokens,
      });
    }
    this.routes = routes;
    this.version++;
  }

  private poolFor(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: 256,
        keepAliveTimeout: 30_000,
        connect: { timeout: this.config.connectTimeoutMs },
        headersTimeout: this.config.readTimeoutMs,
        bodyTimeout: this.config.readTimeoutMs,
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.close()));
  }
}
