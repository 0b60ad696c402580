import { emQueryable, fireOnce, randomBase62, rulesFor } from '@tollgate/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../src';
import { outcome, startHarness, TEST_PASSWORD, type Client } from './support/harness';
import { liveClient, subscribe } from './support/live-client';
import { ACTORS, buildWorld, type ActorName, type World } from './support/world';

const h = await startHarness();

interface Operation {
  document: string;
  /** Subscriptions run over WebSocket; the outcome is their first message's. */
  subscription?: true;
  variables: (w: World, actor: ActorName) => Record<string, unknown>;
  /** Expected outcome per actor, in the order of ACTORS. */
  expect: string[];
  /** For a subscription without a first message of its own: makes one happen (run until it arrives, as the subscribe step may still be running). */
  trigger?: (w: World) => Promise<void>;
}

const OK = 'OK',
  NO = 'FORBIDDEN',
  NF = 'NOT_FOUND',
  UA = 'UNAUTHENTICATED';
//                                  admin member projMgr membMgr finance config owner projMember outsider readOnly anon operator
const PUBLIC = [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK];
const SIGNED_IN = [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, UA, OK];
const SIGNED_IN_WRITE = [OK, OK, OK, OK, OK, OK, OK, OK, OK, NO, UA, OK];
const ORG_VIEW = [OK, OK, OK, OK, OK, OK, OK, OK, NF, OK, UA, NF];
const ADMIN_ONLY_READ = [OK, NO, NO, NO, NO, NO, NO, NO, NF, OK, UA, NF];
const ADMIN_ONLY_WRITE = [OK, NO, NO, NO, NO, NO, NO, NO, NF, NO, UA, NF];
const CONFIGURE_ORG = [OK, NO, NO, NO, NO, OK, NO, NO, NF, NO, UA, NF];
const MANAGE_MEMBERS = [OK, NO, NO, OK, NO, NO, NO, NO, NF, NO, UA, NF];
const MANAGE_PROJECTS = [OK, NO, OK, NO, NO, NO, NO, NO, NF, NO, UA, NF];
const PROJECT_VIEW = [OK, NO, NO, NO, NO, NO, OK, OK, NF, OK, UA, NF];
const PROJECT_OWNER_READ = [OK, NO, NO, NO, NO, NO, OK, NO, NF, OK, UA, NF];
const MANAGE_MEMBERS_READ = [OK, NO, NO, OK, NO, NO, NO, NO, NF, OK, UA, NF];
const OPERATOR_ONLY_READ = [NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, UA, OK];
const OPERATOR_ONLY_WRITE = [NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, UA, OK];
const PROJECT_KEYS_READ = [OK, NO, NO, NO, NO, NO, OK, OK, NF, OK, UA, NF];
const PROJECT_KEYS_WRITE = [OK, NO, NO, NO, NO, NO, OK, OK, NF, NO, UA, NF];
const PROJECT_OWNER_WRITE = [OK, NO, NO, NO, NO, NO, OK, NO, NF, NO, UA, NF];
const FINANCE_READ = [OK, NO, NO, NO, OK, NO, NO, NO, NF, OK, UA, NF];
// organization.alerts.manage: ADMIN and FINANCE, as the wallet.
const ALERTS_MANAGE = [OK, NO, NO, NO, OK, NO, NO, NO, NF, NO, UA, NF];
// Alerts: balance ones for ADMIN and FINANCE, the organization's quota ones for CONFIGURATION too, a project's for who may view it; nothing at all is FORBIDDEN.
const ALERTS_VIEW = [OK, NO, NO, NO, OK, OK, OK, OK, NF, OK, UA, NF];
// Past the gate, a made-up code is refused as a bad input.
const VA = 'VALIDATION';
const VERIFY_CODE = [VA, VA, VA, VA, VA, VA, VA, VA, VA, NO, UA, VA];
// Usage: the whole organization for ADMIN and FINANCE, their projects for project OWNERs and MEMBERs, nothing (FORBIDDEN) for the rest.
const USAGE_READ = [OK, NO, NO, NO, OK, NO, OK, OK, NF, OK, UA, NF];
// Past the gate, a made-up code answers as unavailable: the matrix only shows who gets that far.
const RU = 'REDEMPTION_CODE_UNAVAILABLE';
const FINANCE_REDEEM = [RU, NO, NO, NO, RU, NO, NO, NO, NF, NO, UA, NF];

const org = (w: World) => ({ organizationId: w.org.id });
const proj = (w: World) => ({ projectId: w.project.id });
const endpoint = (w: World) => ({ organizationId: w.org.id, id: w.webhookEndpoint.id });
const ALERT_CHANNELS = 'emailEnabled: true, smsEnabled: false';

/** A test alert of each kind there is a rule for (BALANCE comes with the wallet), so every actor who may see one hears of it. */
async function fireEveryKind(w: World) {
  await h.orm.em.fork().transactional(async (em) => {
    const db = emQueryable(em);
    await db.query(
      `insert into alert_rules (id, organization_id, project_id, kind, period, thresholds) values
        (gen_random_uuid(), $1, null, 'QUOTA', null, '{80}'), (gen_random_uuid(), $1, $2, 'CONSUMPTION', 'DAY', '{1000000}') on conflict do nothing`,
      [w.org.id, w.project.id],
    );
    for (const rule of await rulesFor(db, [w.org.id], [w.project.id])) {
      await fireOnce(db, rule, { threshold: BigInt(rule.thresholds[0]!), periodKey: '', periodEnd: null, metric: '', value: 0n, limit: null, test: true });
    }
  });
}

/** Every root field of the schema, with the caller who may reach it. */
const OPERATIONS: Record<string, Operation> = {
  me: { document: '{ me { id } }', variables: () => ({}), expect: PUBLIC },
  signUp: {
    document: 'mutation($email: String!) { signUp(input: {email: $email, name: "New", password: "Sturdy-Pass-1"}) { id } }',
    variables: () => ({ email: `new-${randomBase62(10).toLowerCase()}@example.test` }),
    expect: PUBLIC,
  },
  signIn: {
    document: `mutation($email: String!) { signIn(input: {email: $email, password: "${TEST_PASSWORD}"}) { id } }`,
    variables: () => ({ email: signInEmail }),
    expect: PUBLIC,
  },
  signOut: { document: 'mutation { signOut }', variables: () => ({}), expect: PUBLIC },
  apiTokens: { document: '{ apiTokens { id } }', variables: () => ({}), expect: SIGNED_IN },
  createApiToken: { document: 'mutation { createApiToken(input: {name: "bi"}) { secret } }', variables: () => ({}), expect: SIGNED_IN_WRITE },
  revokeApiToken: {
    document: 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }',
    variables: (w, a) => ({ id: w.ownTokens[a] ?? w.ownTokens.orgAdmin }),
    expect: SIGNED_IN_WRITE,
  },
  myOrganizations: { document: '{ myOrganizations { id } }', variables: () => ({}), expect: SIGNED_IN },
  createOrganization: {
    document: 'mutation($name: String!) { createOrganization(input: {name: $name, displayName: "New"}) { id } }',
    variables: () => ({ name: `new-${randomBase62(10).toLowerCase()}` }),
    expect: SIGNED_IN_WRITE,
  },
  organization: { document: 'query($id: ID!) { organization(id: $id) { id } }', variables: (w) => ({ id: w.org.id }), expect: ORG_VIEW },
  updateOrganization: {
    document: 'mutation($id: ID!) { updateOrganization(id: $id, input: {displayName: "Renamed"}) { id } }',
    variables: (w) => ({ id: w.org.id }),
    expect: CONFIGURE_ORG,
  },
  members: { document: 'query($organizationId: ID!) { members(organizationId: $organizationId) { total } }', variables: org, expect: ORG_VIEW },
  updateMemberRole: {
    document: 'mutation($organizationId: ID!, $userId: ID!) { updateMemberRole(organizationId: $organizationId, userId: $userId, role: MEMBER) { id } }',
    variables: (w) => ({ ...org(w), userId: w.users.target!.id }),
    expect: MANAGE_MEMBERS,
  },
  setMemberGrants: {
    document: 'mutation($organizationId: ID!, $userId: ID!) { setMemberGrants(organizationId: $organizationId, userId: $userId, grants: [FINANCE]) { id } }',
    variables: (w) => ({ ...org(w), userId: w.users.target!.id }),
    // Grants are admin power: a MEMBER_MANAGEMENT holder passes the matrix but is refused handing them out.
    expect: ADMIN_ONLY_WRITE,
  },
  removeMember: {
    document: 'mutation($organizationId: ID!, $userId: ID!) { removeMember(organizationId: $organizationId, userId: $userId) }',
    variables: (w) => ({ ...org(w), userId: w.users.target!.id }),
    expect: MANAGE_MEMBERS,
  },
  projects: { document: 'query($organizationId: ID!) { projects(organizationId: $organizationId) { id name } }', variables: org, expect: ORG_VIEW },
  project: { document: 'query($id: ID!) { project(id: $id) { id description } }', variables: (w) => ({ id: w.project.id }), expect: PROJECT_VIEW },
  createProject: {
    document: 'mutation($organizationId: ID!) { createProject(organizationId: $organizationId, input: {name: "gamma"}) { id } }',
    variables: org,
    expect: MANAGE_PROJECTS,
  },
  updateProject: {
    document: 'mutation($id: ID!) { updateProject(id: $id, input: {description: "new"}) { id } }',
    variables: (w) => ({ id: w.project.id }),
    expect: PROJECT_OWNER_WRITE,
  },
  archiveProject: { document: 'mutation($id: ID!) { archiveProject(id: $id) { id } }', variables: (w) => ({ id: w.project.id }), expect: MANAGE_PROJECTS },
  deleteProject: { document: 'mutation($id: ID!) { deleteProject(id: $id) }', variables: (w) => ({ id: w.project.id }), expect: MANAGE_PROJECTS },
  addProjectMember: {
    document: 'mutation($projectId: ID!, $userId: ID!) { addProjectMember(projectId: $projectId, userId: $userId, role: MEMBER) { id } }',
    variables: (w) => ({ ...proj(w), userId: w.users.candidate!.id }),
    expect: PROJECT_OWNER_WRITE,
  },
  updateProjectMemberRole: {
    document: 'mutation($projectId: ID!, $userId: ID!) { updateProjectMemberRole(projectId: $projectId, userId: $userId, role: OWNER) { id } }',
    variables: (w) => ({ ...proj(w), userId: w.users.target!.id }),
    expect: PROJECT_OWNER_WRITE,
  },
  removeProjectMember: {
    document: 'mutation($projectId: ID!, $userId: ID!) { removeProjectMember(projectId: $projectId, userId: $userId) }',
    variables: (w) => ({ ...proj(w), userId: w.users.target!.id }),
    expect: PROJECT_OWNER_WRITE,
  },
  auditEvents: { document: 'query($organizationId: ID!) { auditEvents(organizationId: $organizationId) { id } }', variables: org, expect: ADMIN_ONLY_READ },
  invitations: {
    document: 'query($organizationId: ID!) { invitations(organizationId: $organizationId) { id status } }',
    variables: org,
    expect: MANAGE_MEMBERS_READ,
  },
  inviteMembers: {
    document:
      'mutation($organizationId: ID!, $email: String!) { inviteMembers(organizationId: $organizationId, invitations: [{email: $email, name: "New", role: MEMBER}]) { inviteUrl } }',
    variables: (w) => ({ ...org(w), email: `new-${randomBase62(10).toLowerCase()}@example.test` }),
    expect: MANAGE_MEMBERS,
  },
  resendInvitation: {
    document: 'mutation($organizationId: ID!, $id: ID!) { resendInvitation(organizationId: $organizationId, id: $id) { inviteUrl } }',
    variables: (w) => ({ ...org(w), id: w.invitation.id }),
    expect: MANAGE_MEMBERS,
  },
  revokeInvitation: {
    document: 'mutation($organizationId: ID!, $id: ID!) { revokeInvitation(organizationId: $organizationId, id: $id) { status } }',
    variables: (w) => ({ ...org(w), id: w.invitation.id }),
    expect: MANAGE_MEMBERS,
  },
  bulkInviteMembers: {
    document: 'mutation($organizationId: ID!, $csv: String!) { bulkInviteMembers(organizationId: $organizationId, csv: $csv) { successCount } }',
    variables: (w) => ({ ...org(w), csv: `email,name,role\nbulk-${randomBase62(10).toLowerCase()}@example.test,Bulk,member\n` }),
    expect: MANAGE_MEMBERS,
  },
  previewBulkInvite: {
    document: 'query($organizationId: ID!, $csv: String!) { previewBulkInvite(organizationId: $organizationId, csv: $csv) { successCount } }',
    variables: (w) => ({ ...org(w), csv: 'email,name,role\npreview@example.test,Preview,member\n' }),
    expect: MANAGE_MEMBERS_READ,
  },
  bulkInviteReport: {
    document: 'query($organizationId: ID!, $id: ID!) { bulkInviteReport(organizationId: $organizationId, id: $id) { id csv } }',
    variables: (w) => ({ ...org(w), id: w.bulkInvite.id }),
    expect: MANAGE_MEMBERS_READ,
  },
  inviteTokens: {
    document: 'query($organizationId: ID!) { inviteTokens(organizationId: $organizationId) { id status } }',
    variables: org,
    expect: MANAGE_MEMBERS_READ,
  },
  createInviteToken: {
    document: 'mutation($organizationId: ID!) { createInviteToken(organizationId: $organizationId, input: {maxUsageCount: 5}) { token } }',
    variables: org,
    expect: MANAGE_MEMBERS,
  },
  revokeInviteToken: {
    document: 'mutation($organizationId: ID!, $id: ID!) { revokeInviteToken(organizationId: $organizationId, id: $id) { revokedAt } }',
    variables: (w) => ({ ...org(w), id: w.inviteToken.id }),
    expect: MANAGE_MEMBERS,
  },
  invitationPreview: {
    document: 'query($token: String!) { invitationPreview(token: $token) { organizationDisplayName } }',
    variables: (w) => ({ token: w.inviteTokenSecret }),
    expect: PUBLIC,
  },
  // Anyone signed in may follow a link they were given; members already in are answered as joined.
  acceptInvite: {
    document: 'mutation($token: String!) { acceptInvite(token: $token) { id } }',
    variables: (w) => ({ token: w.inviteTokenSecret }),
    expect: SIGNED_IN_WRITE,
  },
  outboxMessages: { document: '{ outboxMessages { id } }', variables: () => ({}), expect: OPERATOR_ONLY_READ },
  apiKeys: { document: 'query($projectId: ID!) { apiKeys(projectId: $projectId) { id status effectiveModels } }', variables: proj, expect: PROJECT_KEYS_READ },
  createApiKey: {
    document: 'mutation($projectId: ID!) { createApiKey(projectId: $projectId, input: {name: "ci"}) { secret } }',
    variables: proj,
    expect: PROJECT_KEYS_WRITE,
  },
  revokeApiKey: {
    document: 'mutation($projectId: ID!, $id: ID!) { revokeApiKey(projectId: $projectId, id: $id) { status } }',
    variables: (w, a) => ({ ...proj(w), id: w.keyOf(a) }),
    expect: PROJECT_KEYS_WRITE,
  },
  setApiKeyLimits: {
    document:
      'mutation($projectId: ID!, $id: ID!) { setApiKeyLimits(projectId: $projectId, id: $id, limits: {rpm: 60, dailyBudget: "1.00"}) { limits { rpm dailyBudget } } }',
    variables: (w, a) => ({ ...proj(w), id: w.keyOf(a) }),
    expect: PROJECT_KEYS_WRITE,
  },
  rotateApiKey: {
    document:
      'mutation($projectId: ID!, $id: ID!, $requestId: String!) { rotateApiKey(projectId: $projectId, id: $id, gracePeriodSeconds: 60, requestId: $requestId) { secret } }',
    variables: (w, a) => ({ ...proj(w), id: w.keyOf(a), requestId: randomBase62(12) }),
    expect: PROJECT_KEYS_WRITE,
  },
  upstreams: { document: '{ upstreams { id hasCredential } }', variables: () => ({}), expect: OPERATOR_ONLY_READ },
  createUpstream: {
    document: 'mutation($name: String!) { createUpstream(input: {name: $name, baseUrl: "https://llm.example/v1", credential: "sk-upstream"}) { id } }',
    variables: () => ({ name: `up-${randomBase62(10)}` }),
    expect: OPERATOR_ONLY_WRITE,
  },
  updateUpstream: {
    document: 'mutation($id: ID!, $name: String!) { updateUpstream(id: $id, input: {name: $name, baseUrl: "https://llm2.example/v1"}) { id } }',
    variables: (w) => ({ id: w.upstream.id, name: w.upstream.name }),
    expect: OPERATOR_ONLY_WRITE,
  },
  catalogModels: { document: '{ catalogModels { id upstreamModel } }', variables: () => ({}), expect: OPERATOR_ONLY_READ },
  createModel: {
    document: `mutation($upstreamId: ID!, $name: String!) { createModel(input: {name: $name, upstreamId: $upstreamId, upstreamModel: "m", inputPricePerMillion: "0.50",
      outputPricePerMillion: "1.50", contextWindow: 8192, defaultMaxOutputTokens: 512, groups: ["general"]}) { id } }`,
    variables: (w) => ({ upstreamId: w.upstream.id, name: `m-${randomBase62(10)}` }),
    expect: OPERATOR_ONLY_WRITE,
  },
  updateModel: {
    document: `mutation($id: ID!, $upstreamId: ID!, $name: String!) { updateModel(id: $id, input: {name: $name, upstreamId: $upstreamId, upstreamModel: "m2", inputPricePerMillion: "1",
      outputPricePerMillion: "2", contextWindow: 8192, defaultMaxOutputTokens: 512, groups: ["general"]}) { id } }`,
    variables: (w) => ({ id: w.model.id, upstreamId: w.upstream.id, name: w.model.name }),
    expect: OPERATOR_ONLY_WRITE,
  },
  availableModels: { document: 'query($projectId: ID!) { availableModels(projectId: $projectId) { name } }', variables: proj, expect: PROJECT_VIEW },
  setOrganizationModelAccess: {
    document: 'mutation($organizationId: ID!) { setOrganizationModelAccess(organizationId: $organizationId, access: {groups: ["general"]}) { id } }',
    variables: org,
    expect: OPERATOR_ONLY_WRITE,
  },
  setProjectModelAccess: {
    document: 'mutation($projectId: ID!) { setProjectModelAccess(projectId: $projectId, access: {groups: ["general"]}) { id } }',
    variables: proj,
    expect: PROJECT_OWNER_WRITE,
  },
  submitOrganizationVerification: {
    document: `mutation($organizationId: ID!) { submitOrganizationVerification(organizationId: $organizationId, input: {companyName: "Acme Inc", registrationNumber: "HRB 1",
      contactName: "Ada", contactEmail: "ada@acme.test", country: "de"}) { status } }`,
    variables: org,
    expect: CONFIGURE_ORG,
  },
  organizationVerifications: { document: '{ organizationVerifications { id } }', variables: () => ({}), expect: OPERATOR_ONLY_READ },
  approveOrganizationVerification: {
    document: 'mutation($id: ID!) { approveOrganizationVerification(id: $id) { status } }',
    variables: (w) => ({ id: w.verification.id }),
    expect: OPERATOR_ONLY_WRITE,
  },
  rejectOrganizationVerification: {
    document: 'mutation($id: ID!) { rejectOrganizationVerification(id: $id, reason: "Registration number unknown") { status } }',
    variables: (w) => ({ id: w.verification.id }),
    expect: OPERATOR_ONLY_WRITE,
  },
  setOrganizationCaps: {
    document:
      'mutation($organizationId: ID!) { setOrganizationCaps(organizationId: $organizationId, caps: {apiKeysPerProject: 10}) { caps { apiKeysPerProject } } }',
    variables: org,
    expect: OPERATOR_ONLY_WRITE,
  },
  allOrganizations: { document: '{ allOrganizations { id } }', variables: () => ({}), expect: OPERATOR_ONLY_READ },
  projectTemplates: {
    document: 'query($organizationId: ID!) { projectTemplates(organizationId: $organizationId) { id usageCount } }',
    variables: org,
    expect: ORG_VIEW,
  },
  createProjectTemplate: {
    document:
      'mutation($organizationId: ID!) { createProjectTemplate(organizationId: $organizationId, input: {name: "Ours", config: {apiKeyNames: ["ci"]}}) { id } }',
    variables: org,
    expect: MANAGE_PROJECTS,
  },
  createPublicProjectTemplate: {
    document: 'mutation { createPublicProjectTemplate(input: {name: "Everyone", config: {}}) { id } }',
    variables: () => ({}),
    expect: OPERATOR_ONLY_WRITE,
  },
  createProjectFromTemplate: {
    document:
      'mutation($organizationId: ID!, $name: String!) { createProjectFromTemplate(organizationId: $organizationId, templateId: "00000000-0000-4000-8000-00000000a001", input: {name: $name}) { project { id } } }',
    variables: (w) => ({ ...org(w), name: `tpl-${randomBase62(8).toLowerCase()}` }),
    expect: MANAGE_PROJECTS,
  },
  wallet: { document: 'query($organizationId: ID!) { wallet(organizationId: $organizationId) { balance } }', variables: org, expect: FINANCE_READ },
  walletRecords: {
    document: 'query($organizationId: ID!) { walletRecords(organizationId: $organizationId) { totals { count } } }',
    variables: org,
    expect: FINANCE_READ,
  },
  walletRecordsCsv: { document: 'query($organizationId: ID!) { walletRecordsCsv(organizationId: $organizationId) }', variables: org, expect: FINANCE_READ },
  creditWallet: {
    document: 'mutation($organizationId: ID!) { creditWallet(organizationId: $organizationId, amount: "1.00", reference: "matrix") { balance } }',
    variables: org,
    expect: OPERATOR_ONLY_WRITE,
  },
  setWalletActive: {
    document: 'mutation($organizationId: ID!) { setWalletActive(organizationId: $organizationId, isActive: true) { isActive } }',
    variables: org,
    expect: OPERATOR_ONLY_WRITE,
  },
  issueRedemptionCodes: {
    document: 'mutation { issueRedemptionCodes(amount: "1.00", count: 1, expiresAt: "2099-01-01T00:00:00Z") { codes } }',
    variables: () => ({}),
    expect: OPERATOR_ONLY_WRITE,
  },
  redeemCode: {
    document: 'mutation($organizationId: ID!) { redeemCode(organizationId: $organizationId, code: "TGR-2222-2222-2222-2222") { balance } }',
    variables: org,
    expect: FINANCE_REDEEM,
  },
  organizationLimits: {
    document: 'query($organizationId: ID!) { organizationLimits(organizationId: $organizationId) { rpm dailyBudget } }',
    variables: org,
    expect: ORG_VIEW,
  },
  setOrganizationLimits: {
    document:
      'mutation($organizationId: ID!) { setOrganizationLimits(organizationId: $organizationId, input: {rpm: 100000, monthlyBudget: "100000"}) { rpm } }',
    variables: org,
    expect: CONFIGURE_ORG,
  },
  projectQuota: {
    document: 'query($projectId: ID!) { projectQuota(projectId: $projectId) { quota { dailyRequestLimit } effective { dailyRequestLimit } } }',
    variables: proj,
    expect: PROJECT_VIEW,
  },
  setProjectQuota: {
    document: 'mutation($projectId: ID!) { setProjectQuota(projectId: $projectId, input: {dailyRequestLimit: 100000}) { effective { dailyRequestLimit } } }',
    variables: proj,
    expect: PROJECT_OWNER_WRITE,
  },
  usage: {
    document:
      'query($organizationId: ID!) { usage(organizationId: $organizationId, from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z", window: HOUR, groupBy: [PROJECT]) { rows { projectId requests } totals { cost } } }',
    variables: org,
    expect: USAGE_READ,
  },
  setOrganizationTimeZone: {
    document: 'mutation($organizationId: ID!) { setOrganizationTimeZone(organizationId: $organizationId, timeZone: "Asia/Kolkata") { timeZone } }',
    variables: org,
    expect: CONFIGURE_ORG,
  },
  quotaUsage: {
    document: 'query($projectId: ID!) { quotaUsage(projectId: $projectId, period: DAY) { dailyUsage { requestCount } quotaLimitRemaining { dailyRequests } } }',
    variables: proj,
    expect: PROJECT_VIEW,
  },
  requestLogs: {
    document: 'query($projectId: ID!) { requestLogs(projectId: $projectId) { nodes { id content } endCursor } }',
    variables: proj,
    expect: PROJECT_VIEW,
  },
  setAuditContentPolicy: {
    document:
      'mutation($organizationId: ID!) { setAuditContentPolicy(organizationId: $organizationId, policy: METADATA, retentionDays: 7) { auditContent { policy } } }',
    variables: org,
    expect: CONFIGURE_ORG,
  },
  projectAuditEvents: { document: 'query($projectId: ID!) { projectAuditEvents(projectId: $projectId) { id } }', variables: proj, expect: PROJECT_OWNER_READ },
  usageTicks: {
    document: 'subscription($organizationId: ID!) { usageTicks(organizationId: $organizationId) { snapshot today { requests cost } todayRows { projectId } } }',
    variables: org,
    expect: USAGE_READ,
    subscription: true,
  },
  quotaChanged: {
    document: 'subscription($projectId: ID!) { quotaChanged(projectId: $projectId) { dailyUsage { requestCount } } }',
    variables: proj,
    expect: PROJECT_VIEW,
    subscription: true,
  },
  walletChanged: {
    document: 'subscription($organizationId: ID!) { walletChanged(organizationId: $organizationId) { balance frozenAmount } }',
    variables: org,
    expect: FINANCE_READ,
    subscription: true,
  },
  balanceAlerts: {
    document: 'query($organizationId: ID!) { balanceAlerts(organizationId: $organizationId) { thresholds maxDailyAlerts } }',
    variables: org,
    expect: FINANCE_READ,
  },
  setBalanceAlerts: {
    document: `mutation($organizationId: ID!) { setBalanceAlerts(organizationId: $organizationId, input: {thresholds: ["10", "5"], ${ALERT_CHANNELS}, maxDailyAlerts: 3}) { thresholds } }`,
    variables: org,
    expect: ALERTS_MANAGE,
  },
  consumptionAlerts: {
    document: 'query($projectId: ID!) { consumptionAlerts(projectId: $projectId) { dailyAmounts monthlyAmounts } }',
    variables: proj,
    expect: PROJECT_VIEW,
  },
  setConsumptionAlerts: {
    document: `mutation($projectId: ID!) { setConsumptionAlerts(projectId: $projectId, input: {dailyAmounts: ["1"], monthlyAmounts: ["20"], ${ALERT_CHANNELS}}) { dailyAmounts } }`,
    variables: proj,
    expect: PROJECT_OWNER_WRITE,
  },
  quotaAlerts: { document: 'query($projectId: ID!) { quotaAlerts(projectId: $projectId) { shares } }', variables: proj, expect: PROJECT_VIEW },
  setQuotaAlerts: {
    document: `mutation($projectId: ID!) { setQuotaAlerts(projectId: $projectId, input: {shares: [80, 100], ${ALERT_CHANNELS}}) { shares } }`,
    variables: proj,
    expect: PROJECT_OWNER_WRITE,
  },
  organizationQuotaAlerts: {
    document: 'query($organizationId: ID!) { organizationQuotaAlerts(organizationId: $organizationId) { shares } }',
    variables: org,
    expect: ORG_VIEW,
  },
  setOrganizationQuotaAlerts: {
    document: `mutation($organizationId: ID!) { setOrganizationQuotaAlerts(organizationId: $organizationId, input: {shares: [90], ${ALERT_CHANNELS}}) { shares } }`,
    variables: org,
    expect: CONFIGURE_ORG,
  },
  sendTestAlert: {
    document: 'mutation($organizationId: ID!) { sendTestAlert(organizationId: $organizationId, kind: BALANCE) { test deliveries { channel } } }',
    variables: org,
    // The gate is membership; a BALANCE test needs organization.alerts.manage.
    expect: ALERTS_MANAGE,
  },
  alerts: {
    document: 'query($organizationId: ID!) { alerts(organizationId: $organizationId) { nodes { id kind deliveries { channel to } } endCursor } }',
    variables: org,
    expect: ALERTS_VIEW,
  },
  alertFired: {
    document: 'subscription($organizationId: ID!) { alertFired(organizationId: $organizationId) { id kind test } }',
    variables: org,
    expect: ALERTS_VIEW,
    subscription: true,
    trigger: fireEveryKind,
  },
  webhookEndpoints: {
    document: 'query($organizationId: ID!) { webhookEndpoints(organizationId: $organizationId) { id url customHeaders { name value } } }',
    variables: org,
    expect: FINANCE_READ,
  },
  webhookEndpointChoices: {
    document: 'query($projectId: ID!) { webhookEndpointChoices(projectId: $projectId) { id host } }',
    variables: proj,
    expect: PROJECT_OWNER_READ,
  },
  createWebhookEndpoint: {
    document:
      'mutation($organizationId: ID!) { createWebhookEndpoint(organizationId: $organizationId, input: {url: "https://hooks.example.com/new", description: "new"}) { secret } }',
    variables: org,
    expect: ALERTS_MANAGE,
  },
  updateWebhookEndpoint: {
    document:
      'mutation($organizationId: ID!, $id: ID!) { updateWebhookEndpoint(organizationId: $organizationId, id: $id, input: {url: "https://hooks.example.com/v2"}) { url } }',
    variables: endpoint,
    expect: ALERTS_MANAGE,
  },
  rotateWebhookSecret: {
    document: 'mutation($organizationId: ID!, $id: ID!) { rotateWebhookSecret(organizationId: $organizationId, id: $id) { secret } }',
    variables: endpoint,
    expect: ALERTS_MANAGE,
  },
  disableWebhookEndpoint: {
    document: 'mutation($organizationId: ID!, $id: ID!) { disableWebhookEndpoint(organizationId: $organizationId, id: $id) { disabledAt } }',
    variables: endpoint,
    expect: ALERTS_MANAGE,
  },
  enableWebhookEndpoint: {
    document: 'mutation($organizationId: ID!, $id: ID!) { enableWebhookEndpoint(organizationId: $organizationId, id: $id) { disabledAt } }',
    variables: endpoint,
    expect: ALERTS_MANAGE,
  },
  deleteWebhookEndpoint: {
    document: 'mutation($organizationId: ID!, $id: ID!) { deleteWebhookEndpoint(organizationId: $organizationId, id: $id) }',
    variables: endpoint,
    expect: ALERTS_MANAGE,
  },
  setMobileNumber: {
    document: 'mutation { setMobileNumber(number: "+14155550123") { mobileNumber mobileVerified } }',
    variables: () => ({}),
    expect: SIGNED_IN_WRITE,
  },
  verifyMobileNumber: { document: 'mutation { verifyMobileNumber(code: "123456") { mobileVerified } }', variables: () => ({}), expect: VERIFY_CODE },
};

/** A subscription's outcome: its first message's (a refused subscribe answers its errors, then completes). */
async function firstMessageOutcome(client: Client, document: string, variables: Record<string, unknown>, trigger?: () => Promise<void>): Promise<string> {
  const ws = liveClient(h.url, client.bearer ? { bearer: client.bearer } : client);
  const sub = subscribe(ws, document, variables);
  let waiting = true;
  const triggering = (async () => {
    for (let i = 0; trigger && waiting && i < 20; i++) {
      await trigger();
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  try {
    const first = await Promise.race([sub.next().catch(() => null), sub.ended]).finally(() => (waiting = false));
    await triggering;
    return first?.errors?.[0]?.extensions?.code ?? (first && 'data' in first ? 'OK' : 'ENDED');
  } finally {
    sub.unsubscribe();
    await ws.dispose();
  }
}

let signInEmail = '';
beforeAll(async () => {
  signInEmail = (await h.user()).email;
});

async function rootFields(): Promise<string[]> {
  const schema = await buildSchema();
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) => (type ? Object.keys(type.getFields()) : []));
}

describe('every operation declares who may call it', () => {
  it('has a permission declaration on every Query, Mutation and Subscription field', async () => {
    const schema = await buildSchema();
    const undeclared = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
      .flatMap((type) => (type ? Object.values(type.getFields()) : []))
      .filter((field) => !field.extensions?.permission)
      .map((field) => field.name);
    expect(undeclared).toEqual([]);
  });

  it('keeps the declarations as reviewed (a change shows up in this snapshot)', async () => {
    const schema = await buildSchema();
    const declarations = Object.fromEntries(
      [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
        .flatMap((type) => (type ? Object.values(type.getFields()) : []))
        .map((field) => [field.name, field.extensions?.permission])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
    expect(declarations).toMatchSnapshot();
  });

  it('covers every operation of the schema in the role-matrix table', async () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual((await rootFields()).sort());
  });
});

describe.each(Object.entries(OPERATIONS))('%s', (name, operation) => {
  it.each(ACTORS.map((actor, i) => [actor, operation.expect[i]!] as const))('as %s answers %s', async (actor, expected) => {
    const world = await buildWorld(h);
    // A prepaid organization, so wallet operations have a wallet to act on.
    await h.orm.em.getConnection().execute('insert into wallets (organization_id) values (?)', [world.org.id]);
    const client = world.clients[actor];
    if (operation.subscription) {
      const trigger = operation.trigger && (() => operation.trigger!(world));
      return void expect(await firstMessageOutcome(client, operation.document, operation.variables(world, actor), trigger)).toBe(expected);
    }
    const result = await client.gql(operation.document, operation.variables(world, actor));
    expect(outcome(result), JSON.stringify(result.errors)).toBe(expected);
  });
});
