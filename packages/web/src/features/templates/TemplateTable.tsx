import { Table } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { listOf } from '../../lib/format';
import { QuotaSummary } from '../limits/QuotaFields';

const TemplateRowFields = graphql(`
  fragment TemplateRow on ProjectTemplate {
    id
    name
    description
    category
    tags
    isSystem
    isPublic
    usageCount
    config {
      quota {
        ...QuotaValues
      }
      access {
        models
        groups
      }
      apiKeyNames
    }
  }
`);
type TemplateRef = FragmentType<typeof TemplateRowFields>;

export function TemplateTable({ templates }: { templates: ReadonlyArray<TemplateRef & { id: string }> }) {
  return (
    <Table label="Project templates" columns={['Name', 'Category', 'Tags', 'Quota', 'Models', 'API keys', 'Used', 'Source']}>
      {templates.map((t) => (
        <TemplateRow key={t.id} template={t} />
      ))}
    </Table>
  );
}

function TemplateRow({ template: ref }: { template: TemplateRef }) {
  const t = useFragment(TemplateRowFields, ref);
  const access = t.config.access;
  return (
    <tr>
      <td>
        <strong>{t.name}</strong>
        {t.description && (
          <>
            <br />
            <small>{t.description}</small>
          </>
        )}
      </td>
      <td>{t.category}</td>
      <td>{listOf(t.tags)}</td>
      <td>
        <QuotaSummary quota={t.config.quota} />
      </td>
      <td>{access ? `Models ${listOf(access.models)}; groups ${listOf(access.groups)}` : "All of the organization's"}</td>
      <td>{listOf(t.config.apiKeyNames)}</td>
      <td>{t.usageCount}</td>
      <td>{t.isSystem ? 'Built-in' : t.isPublic ? 'Public' : 'This organization'}</td>
    </tr>
  );
}
