import { useState } from 'react';
import { useClient, useQuery, type CombinedError } from 'urql';
import { afterUtcDay, Button, Card, CheckField, ErrorMessage, Field, StatusBadge, startOfUtcDay, Table, utcToday } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import type { WalletRecordFilter, WalletRecordType } from '../../gql/graphql';
import { downloadText } from '../../lib/download';
import { formatUtc, money } from '../../lib/format';
import { WALLET_CONTEXT } from './fields';

const WalletRecordRowFields = graphql(`
  fragment WalletRecordRow on WalletRecord {
    id
    seq
    type
    amount
    previousBalance
    currentBalance
    description
    reference
    requestLogId
    createdAt
  }
`);
const Records = graphql(`
  query WalletRecords($organizationId: ID!, $filter: WalletRecordFilter, $after: String) {
    walletRecords(organizationId: $organizationId, filter: $filter, first: 50, after: $after) {
      endCursor
      totals {
        count
        moneyIn
        moneyOut
      }
      nodes {
        id
        ...WalletRecordRow
      }
    }
  }
`);
const RecordsCsv = graphql(`
  query WalletRecordsCsv($organizationId: ID!, $filter: WalletRecordFilter) {
    walletRecordsCsv(organizationId: $organizationId, filter: $filter)
  }
`);

type Node = FragmentType<typeof WalletRecordRowFields> & { id: string };
interface Variables {
  organizationId: string;
  filter: WalletRecordFilter;
}

const TYPES: Array<[WalletRecordType, string]> = [
  ['RECHARGE', 'Recharge'],
  ['CONSUME', 'Consume'],
  ['REFUND', 'Refund'],
  ['ADJUSTMENT', 'Adjustment'],
];
const COLUMNS = 6;

/** The wallet's records, newest first, filtered by type and UTC day; more pages on demand, or all of them as CSV. */
export function WalletRecords({ organization }: { organization: { id: string; name: string } }) {
  const [types, setTypes] = useState<WalletRecordType[]>([]);
  const [days, setDays] = useState({ from: '', to: '' });
  // The cursors of the pages loaded after the first.
  const [more, setMore] = useState<string[]>([]);
  const [exported, setExported] = useState<{ fetching: boolean; error?: CombinedError }>({ fetching: false });
  const client = useClient();
  const variables: Variables = {
    organizationId: organization.id,
    filter: { types: types.length ? types : null, from: startOfUtcDay(days.from), to: afterUtcDay(days.to) },
  };
  const [{ data, error }] = useQuery({ query: Records, variables: { ...variables, after: null }, context: WALLET_CONTEXT });
  const toggle = (type: WalletRecordType, on: boolean) => {
    setTypes(on ? [...types, type] : types.filter((t) => t !== type));
    setMore([]);
  };
  const setDay = (key: 'from' | 'to') => (e: { target: { value: string } }) => {
    setDays({ ...days, [key]: e.target.value });
    setMore([]);
  };
  const exportCsv = async () => {
    setExported({ fetching: true });
    const result = await client.query(RecordsCsv, variables, { requestPolicy: 'network-only' }).toPromise();
    setExported({ fetching: false, error: result.error });
    if (result.data) downloadText(`wallet-${organization.name}-${utcToday()}.csv`, result.data.walletRecordsCsv);
  };
  const totals = data?.walletRecords.totals;
  return (
    <Card title="Records" label="Wallet records">
      <div className="row">
        <span className="actions" role="group" aria-label="Record types">
          Types:
          {TYPES.map(([type, label]) => (
            <CheckField key={type} label={label} checked={types.includes(type)} onChange={(on) => toggle(type, on)} />
          ))}
        </span>
        <Field label="From (UTC)">
          <input type="date" value={days.from} onChange={setDay('from')} />
        </Field>
        <Field label="To (UTC)">
          <input type="date" value={days.to} onChange={setDay('to')} />
        </Field>
        <Button variant="secondary" disabled={exported.fetching} onClick={exportCsv}>
          Export CSV
        </Button>
      </div>
      <ErrorMessage error={error ?? exported.error} />
      {totals && (
        <p aria-label="Totals">
          {totals.count} {totals.count === 1 ? 'record' : 'records'} · {money(totals.moneyIn)} in · {money(totals.moneyOut)} out
        </p>
      )}
      <Table label="Wallet records" columns={['Time (UTC)', 'Type', 'Amount', 'Balance', 'Description', 'Reference']} bodies>
        {data && (
          <RecordRows nodes={data.walletRecords.nodes} endCursor={data.walletRecords.endCursor} onMore={more.length ? undefined : (c) => setMore([c])} />
        )}
        {more.map((after, i) => (
          <MoreRecords key={after} variables={{ ...variables, after }} onMore={i === more.length - 1 ? (c) => setMore([...more, c]) : undefined} />
        ))}
      </Table>
      {data && !data.walletRecords.nodes.length && <p className="empty">No records match.</p>}
    </Card>
  );
}

/** A page after the first, under its cursor. */
function MoreRecords({ variables, onMore }: { variables: Variables & { after: string }; onMore?: (cursor: string) => void }) {
  const [{ data, error }] = useQuery({ query: Records, variables, context: WALLET_CONTEXT });
  if (!data)
    return (
      <tbody>
        <tr>
          <td colSpan={COLUMNS}>{error ? <ErrorMessage error={error} /> : 'Loading…'}</td>
        </tr>
      </tbody>
    );
  return <RecordRows nodes={data.walletRecords.nodes} endCursor={data.walletRecords.endCursor} onMore={onMore} />;
}

/** One page of records, ending with "Load more" when it is the last loaded and more exist. */
function RecordRows({ nodes, endCursor, onMore }: { nodes: readonly Node[]; endCursor?: string | null; onMore?: (cursor: string) => void }) {
  return (
    <tbody>
      {nodes.map((r) => (
        <RecordRow key={r.id} record={r} />
      ))}
      {onMore && endCursor && (
        <tr>
          <td colSpan={COLUMNS}>
            <Button variant="secondary" size="small" onClick={() => onMore(endCursor)}>
              Load more
            </Button>
          </td>
        </tr>
      )}
    </tbody>
  );
}

function RecordRow({ record: ref }: { record: Node }) {
  const r = useFragment(WalletRecordRowFields, ref);
  return (
    <tr>
      <td title={`#${r.seq}`}>{formatUtc(r.createdAt)}</td>
      <td>
        <StatusBadge status={r.type} />
      </td>
      <td>{money(r.amount)}</td>
      <td>
        {money(r.previousBalance)} → {money(r.currentBalance)}
      </td>
      <td>{r.description}</td>
      <td>{r.reference ?? (r.requestLogId ? `Request ${r.requestLogId.slice(0, 8)}` : '—')}</td>
    </tr>
  );
}
