import type { Queryable } from '../ledger/consumes';

/** An enabled model with its upstream, as the proxy routes and prices it. */
export interface CatalogRow {
  name: string;
  groups: string[];
  upstream_model: string;
  input_price_per_million: string;
  cached_input_price_per_million: string | null;
  output_price_per_million: string;
  context_window: number;
  default_max_output_tokens: number;
  upstream_id: string;
  base_url: string;
  credential_ciphertext: string | null;
}

/** Every enabled model and its upstream (the catalog is small and read whole on any change of it). */
export async function enabledModels(db: Queryable): Promise<CatalogRow[]> {
  const { rows } = await db.query<CatalogRow>(
    `select m.name, m.groups, m.upstream_model, m.input_price_per_million, m.cached_input_price_per_million, m.output_price_per_million,
            m.context_window, m.default_max_output_tokens, u.id as upstream_id, u.base_url, u.credential_ciphertext
       from models m join upstreams u on u.id = m.upstream_id where m.enabled`,
  );
  return rows;
}
