import { useQuery } from 'urql';
import { ErrorMessage, Loading, PageHeader } from '../../components';
import { graphql } from '../../gql';
import { ModelsSection } from './ModelsSection';
import { UpstreamsSection } from './UpstreamsSection';

const Catalog = graphql(`
  query Catalog {
    upstreams {
      id
      name
      ...UpstreamRow
    }
    catalogModels {
      id
      ...CatalogModelRow
    }
  }
`);

/** Operators manage the upstream endpoints and the models routed to them. */
export function CatalogPage() {
  const [{ data, error }, refetch] = useQuery({ query: Catalog });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <main>
      <PageHeader title="Model catalog" />
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {data && (
        <>
          <UpstreamsSection upstreams={data.upstreams} onSaved={reload} />
          <ModelsSection models={data.catalogModels} upstreams={data.upstreams} onSaved={reload} />
        </>
      )}
    </main>
  );
}
