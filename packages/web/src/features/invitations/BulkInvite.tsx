import { useState } from 'react';
import { useClient, useMutation, type CombinedError } from 'urql';
import { Button, Card, ErrorMessage, Field, StatusBadge, Table } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { downloadText } from '../../lib/download';

const BulkInviteReportFields = graphql(`
  fragment BulkInviteReport on BulkInviteReport {
    id
    status
    totalCount
    successCount
    failureCount
    csv
    records {
      row
      email
      name
      status
      code
      reason
      inviteUrl
    }
  }
`);
const PreviewBulkInvite = graphql(`
  query PreviewBulkInvite($organizationId: ID!, $csv: String!) {
    previewBulkInvite(organizationId: $organizationId, csv: $csv) {
      id
      ...BulkInviteReport
    }
  }
`);
const BulkInviteMembers = graphql(`
  mutation BulkInviteMembers($organizationId: ID!, $csv: String!) {
    bulkInviteMembers(organizationId: $organizationId, csv: $csv) {
      id
      ...BulkInviteReport
    }
  }
`);
type ReportRef = FragmentType<typeof BulkInviteReportFields>;

/** CSV upload: choose a file, see what would happen row by row, then invite and download the report. */
export function BulkInvite({ organizationId }: { organizationId: string }) {
  const client = useClient();
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ report?: ReportRef; error?: CombinedError }>({});
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
    <Card
      title="Invite from a CSV file"
      description={
        <>
          Columns <code>email,name,role</code>, optionally <code>project,projectRole</code>; at most 500 rows.
        </>
      }
    >
      <div className="row">
        <Field label="CSV file">
          <input type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} />
        </Field>
      </div>
      <ErrorMessage error={preview.error ?? uploaded.error} />
      {report && <BulkInviteReport report={report} inviting={uploaded.fetching} onInvite={csv ? () => void upload({ organizationId, csv }) : undefined} />}
    </Card>
  );
}

/** A preview (with the button that invites) or the report of an upload (with its CSV). */
function BulkInviteReport({ report: ref, inviting, onInvite }: { report: ReportRef; inviting: boolean; onInvite?: () => void }) {
  const report = useFragment(BulkInviteReportFields, ref);
  const preview = report.status === 'PREVIEW';
  return (
    <>
      <p className="row" style={{ alignItems: 'center' }}>
        <strong>{preview ? 'Preview' : 'Report'}:</strong>
        <span aria-label="Bulk invite summary">
          {report.successCount} {preview ? 'to invite' : 'invited'}, {report.failureCount} not invited, of {report.totalCount} rows
        </span>
        {preview && onInvite && (
          <Button disabled={inviting || report.successCount === 0} onClick={onInvite}>
            Invite {report.successCount}
          </Button>
        )}
        {!preview && (
          <Button variant="secondary" onClick={() => downloadText(`invite-report-${report.id}.csv`, report.csv)}>
            Download report
          </Button>
        )}
      </p>
      <Table label="Bulk invite rows" columns={['Row', 'Email', 'Name', 'Status', 'Reason', 'Link']}>
        {report.records.map((r) => (
          <tr key={r.row}>
            <td>{r.row}</td>
            <td>{r.email}</td>
            <td>{r.name}</td>
            <td>
              <StatusBadge status={r.status} />
            </td>
            <td>{r.reason ?? ''}</td>
            <td>{r.inviteUrl ? <code>{r.inviteUrl}</code> : ''}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}
