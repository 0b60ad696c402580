import type { Pool } from 'pg';

const RECENT = 10_000;

/**
 * Which organization and model made each Responses API answer, so that
 * `GET /v1/responses/{id}` goes to the upstream that made it, and only for
 * the organization it was made for (the upstream's account is the platform's:
 * without this check any tenant could read another's stored answers by id).
 * The request log keeps the id; the answers this proxy made but has not
 * written yet are remembered here.
 */
export class ResponseDirectory {
  private readonly recent = new Map<string, { organizationId: string; model: string }>();

  constructor(private readonly db: Pool) {}

  made(id: string, organizationId: string, model: string): void {
    if (this.recent.size >= RECENT) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(id, { organizationId, model });
  }

  /** The model that made response `id` for this organization, or null: another organization's answers are missing ones. */
  async modelOf(id: string, organizationId: string): Promise<string | null> {
    const recent = this.recent.get(id);
    if (recent) return recent.organizationId === organizationId ? recent.model : null;
    const { rows } = await this.db.query<{ model: string }>('select model from request_logs where response_id = $1 and organization_id = $2 limit 1', [
      id,
      organizationId,
    ]);
    return rows[0]?.model ?? null;
  }
}
