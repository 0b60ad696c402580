import { useState } from 'react';
import { useClient, useMutation } from 'urql';
import { downloadText } from '../../components/CopyButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../../gql';

const PreviewBulkInvite = graphql(`
  query PreviewBulkInvite($organizationId: ID!, $csv: String!) {
    previewBulkInvite(organizationId: $organizationId, csv: $csv) { id status totalCount successCount failureCount csv records { row email name status code reason inviteUrl } }
  }
`);
const BulkInviteMembers = graphql(`
  mutation BulkInviteMembers($organizationId: ID!, $csv: String!) {
    bulkInviteMembers(organizationId: $organizationId, csv: $csv) { id status totalCount successCount failureCount csv records { row email name status code reason inviteUrl } }
  }
`);
type Report = ResultOf<typeof BulkInviteMembers>['bulkInviteMembers'];

/** CSV upload: choose a file, see what would happen row by row, then invite and download the report. */
export function BulkInvite({ organizationId }: { organizationId: string }) {
  const client = useClient();
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ report?: Report; error?: Parameters<typeof ErrorMessage>[0]['error'] }>({});
  const [uploaded, upload] = useMutation(BulkInviteMembers);
  const choose = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    setCsv(text);
    const result = await client.query(PreviewBulkInvite, { organizationId, csv: text }, { requestPolicy: 'network-only' }).toPromise();
    setPreview({ report: result.data?.previewBulkInvite, error: result.error });
  };
  const report = uploaded.data?.bulkInviteMembers ?? preview.report;
  return (
    <section>
      <h2>Invite from a CSV file</h2>
      <p>Columns <code>email,name,role</code>, optionally <code>project,projectRole</code>; at most 500 rows.</p>
      <label className="row">CSV file<input type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} /></label>
      <ErrorMessage error={preview.error ?? uploaded.error} />
      {report && (
        <>
          <p className="row">
            <strong>{report.status === 'PREVIEW' ? 'Preview' : 'Report'}:</strong>
            <span aria-label="Bulk invite summary">{report.successCount} {report.status === 'PREVIEW' ? 'to invite' : 'invited'}, {report.failureCount} not invited, of {report.totalCount} rows</span>
            {report.status === 'PREVIEW' && csv && (
              <button disabled={uploaded.fetching || report.successCount === 0} onClick={() => void upload({ organizationId, csv })}>Invite {report.successCount}</button>
            )}
            {report.status !== 'PREVIEW' && <button onClick={() => downloadText(`invite-report-${report.id}.csv`, report.csv)}>Download report</button>}
          </p>
          <table aria-label="Bulk invite rows">
            <thead><tr><th>Row</th><th>Email</th><th>Name</th><th>Status</th><th>Reason</th><th>Link</th></tr></thead>
            <tbody>
              {report.records.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td><td>{r.email}</td><td>{r.name}</td><td>{r.status}</td>
                  <td>{r.reason ?? ''}</td><td>{r.inviteUrl ? <code>{r.inviteUrl}</code> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
