import {
  ApiKey,
  ApiToken,
  BulkInvite,
  CatalogModel,
  OrganizationVerification,
  Upstream,
  Invitation,
  InviteToken,
  Organization,
  OrganizationMember,
  Project,
  ProjectMember,
  randomBase62,
  Session,
  sha256Hex,
  User,
  WebhookEndpoint,
  type MikroORM,
} from '@tollgate/db';
import {
  API_KEY_RANDOM_LENGTH,
  apiKeyDisplay,
  formatApiKey,
  INVITATION_TOKEN_PREFIX,
  INVITE_TOKEN_PREFIX,
  OrgGrant,
  OrgRole,
  ProjectRole,
} from '@tollgate/domain';
import { API_TOKEN_PREFIX, SESSION_COOKIE, SESSION_TOKEN_PREFIX } from '../../src/auth/auth';
import { Client, type Harness } from './harness';

/** Every kind of caller the role matrix distinguishes. */
export const ACTORS = [
  'orgAdmin',
  'orgMember',
  'projectManager',
  'memberManager',
  'finance',
  'configurator',
  'projectOwner',
  'projectMember',
  'otherOrgUser',
  'readOnlyToken',
  'anonymous',
  'operator',
] as const;
export type ActorName = (typeof ACTORS)[number];

/**
 * One organization "acme" with project "alpha", a user per actor, a `target`
 * member (in alpha) and a `candidate` member (not in alpha) to act upon, and a
 * second organization whose admin is the outsider. Written in one flush.
 */
export async function buildWorld(h: Harness) {
  const em = h.orm.em.fork();
  const passwordHash = 'not-used';
  const newUser = (label: string) => em.create(User, { email: `${label}-${randomBase62(8).toLowerCase()}@example.test`, name: label, passwordHash });
  const org = em.create(Organization, { name: `acme-${randomBase62(8).toLowerCase()}`, displayName: 'Acme' });
  const otherOrg = em.create(Organization, { name: `other-${randomBase62(8).toLowerCase()}`, displayName: 'Other' });
  const project = em.create(Project, { organization: org, name: 'alpha' });
  const otherProject = em.create(Project, { organization: otherOrg, name: 'beta' });
  const users = Object.fromEntries(
    [
      'orgAdmin',
      'orgMember',
      'projectManager',
      'memberManager',
      'finance',
      'configurator',
      'projectOwner',
      'projectMember',
      'otherOrgUser',
      'target',
      'candidate',
      'operator',
    ].map((l) => [l, newUser(l)]),
  ) as Record<string, User>;
  users.operator!.isOperator = true;
  const join = (user: User, role: OrgRole, grants: OrgGrant[] = [], organization = org) => em.create(OrganizationMember, { organization, user, role, grants });
  join(users.orgAdmin!, OrgRole.ADMIN);
  join(users.orgMember!, OrgRole.MEMBER);
  join(users.projectManager!, OrgRole.MEMBER, [OrgGrant.PROJECT_MANAGEMENT]);
  join(users.memberManager!, OrgRole.MEMBER, [OrgGrant.MEMBER_MANAGEMENT]);
  join(users.finance!, OrgRole.MEMBER, [OrgGrant.FINANCE]);
  join(users.configurator!, OrgRole.MEMBER, [OrgGrant.CONFIGURATION]);
  join(users.projectOwner!, OrgRole.MEMBER);
  join(users.projectMember!, OrgRole.MEMBER);
  join(users.target!, OrgRole.MEMBER);
  join(users.candidate!, OrgRole.MEMBER);
  join(users.otherOrgUser!, OrgRole.ADMIN, [], otherOrg);
  em.create(ProjectMember, { project, user: users.projectOwner!, role: ProjectRole.OWNER });
  em.create(ProjectMember, { project, user: users.projectMember!, role: ProjectRole.MEMBER });
  em.create(ProjectMember, { project, user: users.target!, role: ProjectRole.MEMBER });

  // Something of each kind to act upon: a pending invitation, an invite link (with its secret), an upload report.
  const invitation = em.create(Invitation, {
    organization: org,
    email: `invitee-${randomBase62(8).toLowerCase()}@example.test`,
    name: 'Invitee',
    role: OrgRole.MEMBER,
    tokenHash: sha256Hex(INVITATION_TOKEN_PREFIX + randomBase62(32)),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  const inviteTokenSecret = INVITE_TOKEN_PREFIX + randomBase62(32);
  const inviteToken = em.create(InviteToken, { organization: org, tokenHash: sha256Hex(inviteTokenSecret), prefix: inviteTokenSecret.slice(0, 12) });
  const bulkInvite = em.create(BulkInvite, { organization: org, status: 'COMPLETED', totalCount: 0, successCount: 0, failureCount: 0, records: [] });

  // The catalog: one upstream, one model in group "general", granted to the organization by group.
  const upstream = em.create(Upstream, { name: `up-${randomBase62(8)}`, baseUrl: 'http://127.0.0.1:9/v1' });
  const model = em.create(CatalogModel, {
    name: `model-${randomBase62(8)}`,
    upstream,
    upstreamModel: 'm',
    inputPricePerMillion: 1_000_000n,
    outputPricePerMillion: 2_000_000n,
    contextWindow: 8192,
    defaultMaxOutputTokens: 1024,
    groups: ['general'],
  });
  org.grantedGroups = ['general'];
  // A proxy key for each actor who may hold one in alpha (the read-only token acts as the admin).
  const apiKey = (user: User) => {
    const secret = formatApiKey(randomBase62(API_KEY_RANDOM_LENGTH));
    return em.create(ApiKey, { project, organizationId: org.id, createdBy: user, name: 'key', keyHash: sha256Hex(secret), ...apiKeyDisplay(secret) });
  };
  const adminKey = apiKey(users.orgAdmin!);
  const ownKeys = {
    orgAdmin: adminKey,
    readOnlyToken: adminKey,
    projectOwner: apiKey(users.projectOwner!),
    projectMember: apiKey(users.projectMember!),
  } as Partial<Record<ActorName, ApiKey>>;
  const keyOf = (actor: ActorName) => (ownKeys[actor] ?? adminKey).id;
  // A pending verification request, on the other organization so "acme" can still submit one.
  const verification = em.create(OrganizationVerification, {
    organization: otherOrg,
    companyName: 'Other Ltd',
    registrationNumber: 'R1',
    contactName: 'O',
    contactEmail: 'o@example.test',
    country: 'GB',
  });

  // A webhook endpoint of acme's alerts (its secret is never read by the operations acting on it here).
  const webhookEndpoint = em.create(WebhookEndpoint, { organizationId: org.id, url: 'https://hooks.example.com/acme', secret: 'not-used' });

  const clients = {} as Record<ActorName, Client>;
  const ownTokens = {} as Record<ActorName, string | null>;
  for (const actor of ACTORS) {
    if (actor === 'anonymous') {
      clients[actor] = new Client(h.url);
      ownTokens[actor] = null;
      continue;
    }
    if (actor === 'readOnlyToken') {
      const secret = API_TOKEN_PREFIX + randomBase62(40);
      const token = em.create(ApiToken, { user: users.orgAdmin!, name: 'bi', readOnly: true, tokenHash: sha256Hex(secret), prefix: secret.slice(0, 10) });
      clients[actor] = new Client(h.url, secret);
      ownTokens[actor] = token.id;
      continue;
    }
    const user = users[actor]!;
    const secret = SESSION_TOKEN_PREFIX + randomBase62(40);
    em.create(Session, { user, tokenHash: sha256Hex(secret), expiresAt: new Date(Date.now() + 3_600_000) });
    const client = new Client(h.url);
    client.cookie = `${SESSION_COOKIE}=${secret}`;
    clients[actor] = client;
    const own = em.create(ApiToken, { user, name: 'own', readOnly: false, tokenHash: sha256Hex(randomBase62(40)), prefix: 'tgb_own' });
    ownTokens[actor] = own.id;
  }
  await em.flush();
  return {
    org,
    otherOrg,
    project,
    otherProject,
    users,
    clients,
    ownTokens,
    invitation,
    inviteToken,
    inviteTokenSecret,
    bulkInvite,
    upstream,
    model,
    keyOf,
    verification,
    webhookEndpoint,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
export type { MikroORM };
