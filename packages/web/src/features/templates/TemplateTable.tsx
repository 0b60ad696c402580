import { quotaSummary, type Quota } from '../limits/QuotaFields';

export interface Template {
  id: string; name: string; description: string; category: string; tags: string[];
  isSystem: boolean; isPublic: boolean; usageCount: number;
  config: { quota: Quota; access?: { models: string[]; groups: string[] } | null; apiKeyNames: string[] };
}

const source = (t: Template) => (t.isSystem ? 'Built-in' : t.isPublic ? 'Public' : 'This organization');
const accessSummary = (access: Template['config']['access']) =>
  access ? `Models ${access.models.join(', ') || '—'}; groups ${access.groups.join(', ') || '—'}` : 'All of the organization\'s';

export function TemplateTable({ templates }: { templates: Template[] }) {
  return (
    <table aria-label="Project templates">
      <thead><tr><th>Name</th><th>Category</th><th>Tags</th><th>Quota</th><th>Models</th><th>API keys</th><th>Used</th><th>Source</th></tr></thead>
      <tbody>
        {templates.map((t) => (
          <tr key={t.id}>
            <td><strong>{t.name}</strong>{t.description && <><br /><small>{t.description}</small></>}</td>
            <td>{t.category}</td>
            <td>{t.tags.join(', ') || '—'}</td>
            <td>{quotaSummary(t.config.quota)}</td>
            <td>{accessSummary(t.config.access)}</td>
            <td>{t.config.apiKeyNames.join(', ') || '—'}</td>
            <td>{t.usageCount}</td>
            <td>{source(t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
