/** A GraphQL client with a session cookie, as the SPA is; any error in an answer throws with its code. */
export class GraphQLClient {
  private cookie = '';
  constructor(public serverUrl: string) {}

  async request<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${this.serverUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const body = (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    const error = body.errors?.[0];
    if (error || !body.data)
      throw new Error(`GraphQL ${error?.extensions?.code ?? response.status}: ${error?.message ?? 'no data'} (${query.trim().split(/\s+/, 3).join(' ')})`);
    return body.data;
  }
}
