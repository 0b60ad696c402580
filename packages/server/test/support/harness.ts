import {
  dropDatabase,
  ensureDatabase,
  hashPassword,
  newCredentialKey,
  openOrm,
  OrganizationMember,
  Project,
  ProjectMember,
  randomBase62,
  Session,
  sha256Hex,
  User,
  withDatabase,
  Organization,
  type MikroORM,
} from '@tollgate/db';
import { OrgRole, type OrgGrant, type ProjectRole } from '@tollgate/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { createApp, createLogger, loadConfig, type App } from '../../src';
import { SESSION_COOKIE, SESSION_TOKEN_PREFIX } from '../../src/auth/auth';

export interface GraphQLResult<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string; [key: string]: unknown } }>;
}

/** A GraphQL client with its own cookie jar, as a browser or a BI tool would be. */
export class Client {
  cookie?: string;
  constructor(
    readonly url: string,
    readonly bearer?: string,
  ) {}

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    return (await response.json()) as GraphQLResult<T>;
  }
}

export interface Harness {
  url: string;
  orm: MikroORM;
  app: App;
  /** Every SQL statement the server ran, for counting queries. */
  queries: string[];
  /** The statements run since `mark` (an index into `queries`) on behalf of requests: the outbox dispatcher's polls, which may land in any window, left out. */
  requestStatements(mark: number): string[];
  anonymous(): Client;
  /** A user with a live session (no argon2 round trip: the session row is written directly). */
  signedIn(user: User): Promise<Client>;
  user(overrides?: Partial<Pick<User, 'email' | 'name' | 'isOperator'>>): Promise<User>;
  organization(admin: User, name?: string): Promise<Organization>;
  member(organization: Organization, user: User, role?: OrgRole, grants?: OrgGrant[]): Promise<OrganizationMember>;
  project(organization: Organization, name?: string, owner?: User): Promise<Project>;
  projectMember(project: Project, user: User, role: ProjectRole): Promise<ProjectMember>;
}

export const TEST_PASSWORD = 'Correct-Horse-42';
let passwordHash: Promise<string> | undefined;

/** Starts a server on a fresh database cloned from the migrated template; stops it after the file. */
export async function startHarness(env: Record<string, string> = {}, options: { logLines?: string[] } = {}): Promise<Harness> {
  const adminUrl = inject('adminDatabaseUrl');
  const database = `tollgate_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await ensureDatabase(adminUrl, database, inject('templateDatabase'));
  const queries: string[] = [];
  const orm = await openOrm({ databaseUrl: withDatabase(adminUrl, database), onQuery: (sql) => queries.push(sql) });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATABASE_URL: withDatabase(adminUrl, database),
    CREDENTIAL_KEY: newCredentialKey(),
    ...env,
  });
  // With a sink, everything the server logs (down to trace) is kept for the test to read.
  const logger = options.logLines ? createLogger('trace', { write: (line) => void options.logLines!.push(line) }) : createLogger(config.logLevel);
  const app = await createApp(config, orm, logger);
  const url = await app.listen();
  afterAll(async () => {
    await app.close();
    await orm.close();
    await dropDatabase(adminUrl, database);
  });

  const em = () => orm.em.fork();
  let counter = 0;
  const persist = async <T extends object>(entity: T) => {
    await orm.em.fork().persist(entity).flush();
    return entity;
  };
  return {
    url,
    orm,
    app,
    queries,
    requestStatements: (mark) => queries.slice(mark).filter((q) => /\b(select|insert|update|delete)\b/i.test(q) && !/\boutbox_messages\b/.test(q)),
    anonymous: () => new Client(url),
    async signedIn(user) {
      const secret = SESSION_TOKEN_PREFIX + randomBase62(40);
      const e = em();
      e.create(Session, { user: user.id, tokenHash: sha256Hex(secret), expiresAt: new Date(Date.now() + 3_600_000) });
      await e.flush();
      const client = new Client(url);
      client.cookie = `${SESSION_COOKIE}=${secret}`;
      return client;
    },
    async user(overrides = {}) {
      passwordHash ??= hashPassword(TEST_PASSWORD);
      const n = ++counter;
      const e = em();
      const user = e.create(User, {
        email: `user${n}-${randomBase62(6).toLowerCase()}@example.test`,
        name: `User ${n}`,
        passwordHash: await passwordHash,
        ...overrides,
      });
      await e.flush();
      return user;
    },
    async organization(admin, name = `org-${randomBase62(8).toLowerCase()}`) {
      const e = em();
      const organization = e.create(Organization, { name, displayName: name });
      e.create(OrganizationMember, { organization, user: admin.id, role: OrgRole.ADMIN });
      await e.flush();
      return organization;
    },
    member: (organization, user, role = OrgRole.MEMBER, grants = []) =>
      persist(em().create(OrganizationMember, { organization: organization.id, user: user.id, role, grants })),
    async project(organization, name = `p-${randomBase62(8).toLowerCase()}`, owner) {
      const e = em();
      const project = e.create(Project, { organization: organization.id, name });
      if (owner) e.create(ProjectMember, { project, user: owner.id, role: 'OWNER' });
      await e.flush();
      return project;
    },
    projectMember: (project, user, role) => persist(em().create(ProjectMember, { project: project.id, user: user.id, role })),
  };
}

/** The error code of the first error, or 'OK'. */
export const outcome = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code ?? 'OK';
