import { useQuery } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql';
import { ModelsSection } from './ModelsSection';
import { UpstreamsSection } from './UpstreamsSection';

const Catalog = graphql(`
  query Catalog {
    upstreams { id name baseUrl hasCredential createdAt }
    catalogModels {
      id name upstreamModel inputPricePerMillion cachedInputPricePerMillion outputPricePerMillion contextWindow defaultMaxOutputTokens groups enabled
      upstream { id name }
    }
  }
`);

/** Operators manage the upstream endpoints and the models routed to them. */
export function CatalogPage() {
  const [{ data, error }, refetch] = useQuery({ query: Catalog });
  if (error) return <main><h1>Model catalog</h1><ErrorMessage error={error} /></main>;
  if (!data) return <p>Loading…</p>;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <main>
      <h1>Model catalog</h1>
      <UpstreamsSection upstreams={data.upstreams} onSaved={reload} />
      <ModelsSection models={data.catalogModels} upstreams={data.upstreams} onSaved={reload} />
    </main>
  );
}
