/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me { id name email isOperator }\n    myOrganizations { id displayName }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignOut { signOut }\n": typeof types.SignOutDocument,
    "\n  query OrganizationTabsViewer($organizationId: ID!) {\n    organization(id: $organizationId) { id viewer { permissions } }\n  }\n": typeof types.OrganizationTabsViewerDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { id email name isOperator }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) { id email name isOperator }\n  }\n": typeof types.SignInDocument,
    "\n  query PreviewBulkInvite($organizationId: ID!, $csv: String!) {\n    previewBulkInvite(organizationId: $organizationId, csv: $csv) { id status totalCount successCount failureCount csv records { row email name status code reason inviteUrl } }\n  }\n": typeof types.PreviewBulkInviteDocument,
    "\n  mutation BulkInviteMembers($organizationId: ID!, $csv: String!) {\n    bulkInviteMembers(organizationId: $organizationId, csv: $csv) { id status totalCount successCount failureCount csv records { row email name status code reason inviteUrl } }\n  }\n": typeof types.BulkInviteMembersDocument,
    "\n  query PendingInvitations($organizationId: ID!) {\n    invitations(organizationId: $organizationId) { id email name role status expiresAt invitedBy { name } }\n  }\n": typeof types.PendingInvitationsDocument,
    "\n  mutation InviteMembers($organizationId: ID!, $invitations: [InvitationInput!]!) {\n    inviteMembers(organizationId: $organizationId, invitations: $invitations) { inviteUrl invitation { id email } }\n  }\n": typeof types.InviteMembersDocument,
    "\n  mutation ResendInvitation($organizationId: ID!, $id: ID!) {\n    resendInvitation(organizationId: $organizationId, id: $id) { inviteUrl invitation { id status expiresAt } }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($organizationId: ID!, $id: ID!) {\n    revokeInvitation(organizationId: $organizationId, id: $id) { id status }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  query InviteTokens($organizationId: ID!) {\n    inviteTokens(organizationId: $organizationId) { id description prefix usageCount maxUsageCount expiresAt status createdBy { name } }\n  }\n": typeof types.InviteTokensDocument,
    "\n  mutation CreateInviteToken($organizationId: ID!, $input: CreateInviteTokenInput!) {\n    createInviteToken(organizationId: $organizationId, input: $input) { id token inviteUrl maxUsageCount usageCount expiresAt }\n  }\n": typeof types.CreateInviteTokenDocument,
    "\n  mutation RevokeInviteToken($organizationId: ID!, $id: ID!) {\n    revokeInviteToken(organizationId: $organizationId, id: $id) { id status revokedAt }\n  }\n": typeof types.RevokeInviteTokenDocument,
    "\n  query JoinPreview($token: String!) {\n    invitationPreview(token: $token) { kind organizationDisplayName email name role expiresAt }\n    me { id email }\n  }\n": typeof types.JoinPreviewDocument,
    "\n  mutation AcceptInvite($token: String!) {\n    acceptInvite(token: $token) { id displayName }\n  }\n": typeof types.AcceptInviteDocument,
    "\n  mutation SignUpAndJoin($input: SignUpInput!) {\n    signUp(input: $input) { id }\n  }\n": typeof types.SignUpAndJoinDocument,
    "\n  mutation RevokeApiKey($projectId: ID!, $id: ID!) {\n    revokeApiKey(projectId: $projectId, id: $id) { id status revokedAt }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation RotateApiKey($projectId: ID!, $id: ID!, $gracePeriodSeconds: Int!, $requestId: String!) {\n    rotateApiKey(projectId: $projectId, id: $id, gracePeriodSeconds: $gracePeriodSeconds, requestId: $requestId) {\n      secret\n      apiKey { id }\n      previous { id expiresAt status }\n    }\n  }\n": typeof types.RotateApiKeyDocument,
    "\n  query ProjectApiKeys($projectId: ID!) {\n    project(id: $projectId) { id name viewer { permissions } }\n    apiKeys(projectId: $projectId) {\n      id name prefix lastFour owner createdAt lastUsedAt expiresAt status effectiveModels rotatedFromId\n      createdBy { id name }\n      limits { rpm tpm dailyBudget }\n    }\n    availableModels(projectId: $projectId) { id name }\n    me { id }\n  }\n": typeof types.ProjectApiKeysDocument,
    "\n  mutation CreateApiKey($projectId: ID!, $input: CreateApiKeyInput!) {\n    createApiKey(projectId: $projectId, input: $input) { secret apiKey { id } }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation SetOrganizationLimits($organizationId: ID!, $input: OrganizationLimitsInput!) {\n    setOrganizationLimits(organizationId: $organizationId, input: $input) { rpm tpm rph rpd tpd dailyBudget monthlyBudget }\n  }\n": typeof types.SetOrganizationLimitsDocument,
    "\n  query OrganizationLimitsDetails($organizationId: ID!) {\n    organization(id: $organizationId) { id displayName viewer { permissions } }\n    organizationLimits(organizationId: $organizationId) { rpm tpm rph rpd tpd dailyBudget monthlyBudget }\n  }\n": typeof types.OrganizationLimitsDetailsDocument,
    "\n  mutation SetProjectQuota($projectId: ID!, $input: ProjectQuotaInput!) {\n    setProjectQuota(projectId: $projectId, input: $input) {\n      projectId\n      quota { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n      effective { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n    }\n  }\n": typeof types.SetProjectQuotaDocument,
    "\n  query ProjectQuotaDetails($projectId: ID!) {\n    project(id: $projectId) { id name viewer { permissions } }\n    projectQuota(projectId: $projectId) {\n      projectId\n      quota { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n      effective { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n    }\n  }\n": typeof types.ProjectQuotaDetailsDocument,
    "\n  query QuotaUsage($projectId: ID!) {\n    quotaUsage(projectId: $projectId, period: MONTH) {\n      projectId\n      dailyUsage { requestCount tokenCount spent date }\n      monthlyUsage { requestCount tokenCount spent resetDay periodStart }\n      effective { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n    }\n  }\n": typeof types.QuotaUsageDocument,
    "\n  query OrganizationMembers($organizationId: ID!, $page: Int!, $size: Int!, $search: String, $role: OrgRole) {\n    organization(id: $organizationId) { id displayName viewer { role permissions } }\n    members(organizationId: $organizationId, page: $page, size: $size, search: $search, role: $role) {\n      total page size\n      data { id userId role grants status joinedAt user { id name email } }\n    }\n    me { id }\n  }\n": typeof types.OrganizationMembersDocument,
    "\n  mutation UpdateMemberRole($organizationId: ID!, $userId: ID!, $role: OrgRole!) {\n    updateMemberRole(organizationId: $organizationId, userId: $userId, role: $role) { id role }\n  }\n": typeof types.UpdateMemberRoleDocument,
    "\n  mutation RemoveMember($organizationId: ID!, $userId: ID!) {\n    removeMember(organizationId: $organizationId, userId: $userId)\n  }\n": typeof types.RemoveMemberDocument,
    "\n  query Catalog {\n    upstreams { id name baseUrl hasCredential createdAt }\n    catalogModels {\n      id name upstreamModel inputPricePerMillion cachedInputPricePerMillion outputPricePerMillion contextWindow defaultMaxOutputTokens groups enabled\n      upstream { id name }\n    }\n  }\n": typeof types.CatalogDocument,
    "\n  mutation CreditWallet($organizationId: ID!, $amount: Money!, $reference: String!, $description: String) {\n    creditWallet(organizationId: $organizationId, amount: $amount, reference: $reference, description: $description) { organizationId balance availableAmount isActive }\n  }\n": typeof types.CreditWalletDocument,
    "\n  mutation CreateModel($input: ModelInput!) {\n    createModel(input: $input) { id }\n  }\n": typeof types.CreateModelDocument,
    "\n  mutation UpdateModel($id: ID!, $input: ModelInput!) {\n    updateModel(id: $id, input: $input) { id name enabled }\n  }\n": typeof types.UpdateModelDocument,
    "\n  mutation SetOrganizationModelAccess($organizationId: ID!, $access: ModelAccessInput!) {\n    setOrganizationModelAccess(organizationId: $organizationId, access: $access) { id modelAccess { models groups } }\n  }\n": typeof types.SetOrganizationModelAccessDocument,
    "\n  mutation SetOrganizationCaps($organizationId: ID!, $caps: OrganizationCapsInput!) {\n    setOrganizationCaps(organizationId: $organizationId, caps: $caps) { id caps { projectsPerOrganization apiKeysPerProject } }\n  }\n": typeof types.SetOrganizationCapsDocument,
    "\n  query AllOrganizations($search: String) {\n    allOrganizations(search: $search) {\n      id name displayName verificationTier createdAt\n      caps { projectsPerOrganization apiKeysPerProject }\n      modelAccess { models groups }\n      verification { id status }\n    }\n  }\n": typeof types.AllOrganizationsDocument,
    "\n  query Outbox($to: String) {\n    outboxMessages(to: $to, first: 200) { id to subject text status attempts lastError createdAt sentAt }\n  }\n": typeof types.OutboxDocument,
    "\n  mutation IssueRedemptionCodes($amount: Money!, $count: Int!, $expiresAt: DateTime!, $description: String) {\n    issueRedemptionCodes(amount: $amount, count: $count, expiresAt: $expiresAt, description: $description) {\n      batch { id amount count expiresAt description }\n      codes\n    }\n  }\n": typeof types.IssueRedemptionCodesDocument,
    "\n  mutation CreateUpstream($input: UpstreamInput!) {\n    createUpstream(input: $input) { id }\n  }\n": typeof types.CreateUpstreamDocument,
    "\n  mutation UpdateUpstream($id: ID!, $input: UpstreamInput!) {\n    updateUpstream(id: $id, input: $input) { id name baseUrl hasCredential }\n  }\n": typeof types.UpdateUpstreamDocument,
    "\n  query VerificationQueue {\n    organizationVerifications(status: PENDING) {\n      id companyName registrationNumber contactName contactEmail country createdAt\n      organization { id displayName name }\n    }\n  }\n": typeof types.VerificationQueueDocument,
    "\n  mutation ApproveVerification($id: ID!) {\n    approveOrganizationVerification(id: $id) { id status }\n  }\n": typeof types.ApproveVerificationDocument,
    "\n  mutation RejectVerification($id: ID!, $reason: String!) {\n    rejectOrganizationVerification(id: $id, reason: $reason) { id status rejectionReason }\n  }\n": typeof types.RejectVerificationDocument,
    "\n  mutation SetWalletActive($organizationId: ID!, $isActive: Boolean!) {\n    setWalletActive(organizationId: $organizationId, isActive: $isActive) { organizationId balance isActive }\n  }\n": typeof types.SetWalletActiveDocument,
    "\n  query WalletOrganizations {\n    allOrganizations { id name displayName }\n  }\n": typeof types.WalletOrganizationsDocument,
    "\n  mutation SetAuditContentPolicy($organizationId: ID!, $policy: AuditContentPolicy!, $retentionDays: Int!) {\n    setAuditContentPolicy(organizationId: $organizationId, policy: $policy, retentionDays: $retentionDays) { id auditContent { policy retentionDays } }\n  }\n": typeof types.SetAuditContentPolicyDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { id displayName }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id displayName verificationTier\n      caps { projectsPerOrganization apiKeysPerProject }\n      modelAccess { models groups }\n      auditContent { policy retentionDays }\n      verification { id status companyName registrationNumber contactName contactEmail country rejectionReason createdAt reviewedAt }\n      viewer { permissions }\n    }\n  }\n": typeof types.OrganizationSettingsDocument,
    "\n  mutation SubmitOrganizationVerification($organizationId: ID!, $input: OrganizationVerificationInput!) {\n    submitOrganizationVerification(organizationId: $organizationId, input: $input) { id status }\n  }\n": typeof types.SubmitOrganizationVerificationDocument,
    "\n  query OrganizationModelAccess($organizationId: ID!) {\n    organization(id: $organizationId) { id modelAccess { models groups } }\n  }\n": typeof types.OrganizationModelAccessDocument,
    "\n  mutation SetProjectModelAccess($projectId: ID!, $access: ModelAccessInput) {\n    setProjectModelAccess(projectId: $projectId, access: $access) { id modelAccess { models groups } }\n  }\n": typeof types.SetProjectModelAccessDocument,
    "\n  query ProjectModels($projectId: ID!) {\n    availableModels(projectId: $projectId) { id name inputPricePerMillion cachedInputPricePerMillion outputPricePerMillion contextWindow }\n    project(id: $projectId) { id modelAccess { models groups } }\n  }\n": typeof types.ProjectModelsDocument,
    "\n  query ProjectDetails($id: ID!, $organizationId: ID!) {\n    project(id: $id) {\n      id name description status environment primaryWorkload expectedMonthlySpend escalationContact\n      viewer { role permissions }\n      members { id userId role user { id name email } }\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) { data { userId user { id name email } } }\n  }\n": typeof types.ProjectDetailsDocument,
    "\n  mutation AddProjectMember($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    addProjectMember(projectId: $projectId, userId: $userId, role: $role) { id }\n  }\n": typeof types.AddProjectMemberDocument,
    "\n  mutation UpdateProjectMemberRole($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    updateProjectMemberRole(projectId: $projectId, userId: $userId, role: $role) { id role }\n  }\n": typeof types.UpdateProjectMemberRoleDocument,
    "\n  mutation RemoveProjectMember($projectId: ID!, $userId: ID!) {\n    removeProjectMember(projectId: $projectId, userId: $userId)\n  }\n": typeof types.RemoveProjectMemberDocument,
    "\n  query OrganizationProjects($organizationId: ID!) {\n    organization(id: $organizationId) { id displayName viewer { role permissions } }\n    projects(organizationId: $organizationId) { id name status environment viewer { role } }\n  }\n": typeof types.OrganizationProjectsDocument,
    "\n  mutation CreateProject($organizationId: ID!, $input: CreateProjectInput!) {\n    createProject(organizationId: $organizationId, input: $input) { id name status environment viewer { role } }\n  }\n": typeof types.CreateProjectDocument,
    "\n  query RequestFilters($projectId: ID!) {\n    project(id: $projectId) { id name }\n    apiKeys(projectId: $projectId) { id name prefix lastFour }\n    availableModels(projectId: $projectId) { name }\n  }\n": typeof types.RequestFiltersDocument,
    "\n  query RequestLogs($projectId: ID!, $filter: RequestLogFilter, $after: String) {\n    requestLogs(projectId: $projectId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      nodes { id time apiKeyId model status inputTokens cachedInputTokens outputTokens reasoningTokens usageSource cost latencyMs upstreamLatencyMs stream errorCode content }\n    }\n  }\n": typeof types.RequestLogsDocument,
    "\n  mutation CreateProjectFromTemplate($organizationId: ID!, $templateId: ID!, $input: CreateProjectInput!) {\n    createProjectFromTemplate(organizationId: $organizationId, templateId: $templateId, input: $input) {\n      project { id name }\n      apiKeys { secret apiKey { id name } }\n    }\n  }\n": typeof types.CreateProjectFromTemplateDocument,
    "\n  mutation CreateProjectTemplate($organizationId: ID!, $input: CreateProjectTemplateInput!) {\n    createProjectTemplate(organizationId: $organizationId, input: $input) { id name }\n  }\n": typeof types.CreateProjectTemplateDocument,
    "\n  query OrganizationTemplates($organizationId: ID!) {\n    organization(id: $organizationId) { id displayName viewer { permissions } }\n    projectTemplates(organizationId: $organizationId) {\n      id name description category tags isSystem isPublic usageCount organizationId\n      config {\n        quota { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n        access { models groups }\n        apiKeyNames\n      }\n    }\n  }\n": typeof types.OrganizationTemplatesDocument,
    "\n  mutation RedeemCode($organizationId: ID!, $code: String!) {\n    redeemCode(organizationId: $organizationId, code: $code) { organizationId balance frozenAmount availableAmount currency isActive }\n  }\n": typeof types.RedeemCodeDocument,
    "\n  query OrganizationWallet($organizationId: ID!) {\n    organization(id: $organizationId) { id name displayName }\n    wallet(organizationId: $organizationId) { organizationId balance frozenAmount availableAmount currency isActive }\n  }\n": typeof types.OrganizationWalletDocument,
    "\n  query WalletRecords($organizationId: ID!, $filter: WalletRecordFilter, $after: String) {\n    walletRecords(organizationId: $organizationId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      totals { count moneyIn moneyOut }\n      nodes { id seq type amount previousBalance currentBalance description reference requestLogId createdAt }\n    }\n  }\n": typeof types.WalletRecordsDocument,
    "\n  query WalletRecordsCsv($organizationId: ID!, $filter: WalletRecordFilter) {\n    walletRecordsCsv(organizationId: $organizationId, filter: $filter)\n  }\n": typeof types.WalletRecordsCsvDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me { id name email isOperator }\n    myOrganizations { id displayName }\n  }\n": types.MeDocument,
    "\n  mutation SignOut { signOut }\n": types.SignOutDocument,
    "\n  query OrganizationTabsViewer($organizationId: ID!) {\n    organization(id: $organizationId) { id viewer { permissions } }\n  }\n": types.OrganizationTabsViewerDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { id email name isOperator }\n  }\n": types.SignUpDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) { id email name isOperator }\n  }\n": types.SignInDocument,
    "\n  query PreviewBulkInvite($organizationId: ID!, $csv: String!) {\n    previewBulkInvite(organizationId: $organizationId, csv: $csv) { id status totalCount successCount failureCount csv records { row email name status code reason inviteUrl } }\n  }\n": types.PreviewBulkInviteDocument,
    "\n  mutation BulkInviteMembers($organizationId: ID!, $csv: String!) {\n    bulkInviteMembers(organizationId: $organizationId, csv: $csv) { id status totalCount successCount failureCount csv records { row email name status code reason inviteUrl } }\n  }\n": types.BulkInviteMembersDocument,
    "\n  query PendingInvitations($organizationId: ID!) {\n    invitations(organizationId: $organizationId) { id email name role status expiresAt invitedBy { name } }\n  }\n": types.PendingInvitationsDocument,
    "\n  mutation InviteMembers($organizationId: ID!, $invitations: [InvitationInput!]!) {\n    inviteMembers(organizationId: $organizationId, invitations: $invitations) { inviteUrl invitation { id email } }\n  }\n": types.InviteMembersDocument,
    "\n  mutation ResendInvitation($organizationId: ID!, $id: ID!) {\n    resendInvitation(organizationId: $organizationId, id: $id) { inviteUrl invitation { id status expiresAt } }\n  }\n": types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($organizationId: ID!, $id: ID!) {\n    revokeInvitation(organizationId: $organizationId, id: $id) { id status }\n  }\n": types.RevokeInvitationDocument,
    "\n  query InviteTokens($organizationId: ID!) {\n    inviteTokens(organizationId: $organizationId) { id description prefix usageCount maxUsageCount expiresAt status createdBy { name } }\n  }\n": types.InviteTokensDocument,
    "\n  mutation CreateInviteToken($organizationId: ID!, $input: CreateInviteTokenInput!) {\n    createInviteToken(organizationId: $organizationId, input: $input) { id token inviteUrl maxUsageCount usageCount expiresAt }\n  }\n": types.CreateInviteTokenDocument,
    "\n  mutation RevokeInviteToken($organizationId: ID!, $id: ID!) {\n    revokeInviteToken(organizationId: $organizationId, id: $id) { id status revokedAt }\n  }\n": types.RevokeInviteTokenDocument,
    "\n  query JoinPreview($token: String!) {\n    invitationPreview(token: $token) { kind organizationDisplayName email name role expiresAt }\n    me { id email }\n  }\n": types.JoinPreviewDocument,
    "\n  mutation AcceptInvite($token: String!) {\n    acceptInvite(token: $token) { id displayName }\n  }\n": types.AcceptInviteDocument,
    "\n  mutation SignUpAndJoin($input: SignUpInput!) {\n    signUp(input: $input) { id }\n  }\n": types.SignUpAndJoinDocument,
    "\n  mutation RevokeApiKey($projectId: ID!, $id: ID!) {\n    revokeApiKey(projectId: $projectId, id: $id) { id status revokedAt }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation RotateApiKey($projectId: ID!, $id: ID!, $gracePeriodSeconds: Int!, $requestId: String!) {\n    rotateApiKey(projectId: $projectId, id: $id, gracePeriodSeconds: $gracePeriodSeconds, requestId: $requestId) {\n      secret\n      apiKey { id }\n      previous { id expiresAt status }\n    }\n  }\n": types.RotateApiKeyDocument,
    "\n  query ProjectApiKeys($projectId: ID!) {\n    project(id: $projectId) { id name viewer { permissions } }\n    apiKeys(projectId: $projectId) {\n      id name prefix lastFour owner createdAt lastUsedAt expiresAt status effectiveModels rotatedFromId\n      createdBy { id name }\n      limits { rpm tpm dailyBudget }\n    }\n    availableModels(projectId: $projectId) { id name }\n    me { id }\n  }\n": types.ProjectApiKeysDocument,
    "\n  mutation CreateApiKey($projectId: ID!, $input: CreateApiKeyInput!) {\n    createApiKey(projectId: $projectId, input: $input) { secret apiKey { id } }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation SetOrganizationLimits($organizationId: ID!, $input: OrganizationLimitsInput!) {\n    setOrganizationLimits(organizationId: $organizationId, input: $input) { rpm tpm rph rpd tpd dailyBudget monthlyBudget }\n  }\n": types.SetOrganizationLimitsDocument,
    "\n  query OrganizationLimitsDetails($organizationId: ID!) {\n    organization(id: $organizationId) { id displayName viewer { permissions } }\n    organizationLimits(organizationId: $organizationId) { rpm tpm rph rpd tpd dailyBudget monthlyBudget }\n  }\n": types.OrganizationLimitsDetailsDocument,
    "\n  mutation SetProjectQuota($projectId: ID!, $input: ProjectQuotaInput!) {\n    setProjectQuota(projectId: $projectId, input: $input) {\n      projectId\n      quota { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n      effective { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n    }\n  }\n": types.SetProjectQuotaDocument,
    "\n  query ProjectQuotaDetails($projectId: ID!) {\n    project(id: $projectId) { id name viewer { permissions } }\n    projectQuota(projectId: $projectId) {\n      projectId\n      quota { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n      effective { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n    }\n  }\n": types.ProjectQuotaDetailsDocument,
    "\n  query QuotaUsage($projectId: ID!) {\n    quotaUsage(projectId: $projectId, period: MONTH) {\n      projectId\n      dailyUsage { requestCount tokenCount spent date }\n      monthlyUsage { requestCount tokenCount spent resetDay periodStart }\n      effective { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n    }\n  }\n": types.QuotaUsageDocument,
    "\n  query OrganizationMembers($organizationId: ID!, $page: Int!, $size: Int!, $search: String, $role: OrgRole) {\n    organization(id: $organizationId) { id displayName viewer { role permissions } }\n    members(organizationId: $organizationId, page: $page, size: $size, search: $search, role: $role) {\n      total page size\n      data { id userId role grants status joinedAt user { id name email } }\n    }\n    me { id }\n  }\n": types.OrganizationMembersDocument,
    "\n  mutation UpdateMemberRole($organizationId: ID!, $userId: ID!, $role: OrgRole!) {\n    updateMemberRole(organizationId: $organizationId, userId: $userId, role: $role) { id role }\n  }\n": types.UpdateMemberRoleDocument,
    "\n  mutation RemoveMember($organizationId: ID!, $userId: ID!) {\n    removeMember(organizationId: $organizationId, userId: $userId)\n  }\n": types.RemoveMemberDocument,
    "\n  query Catalog {\n    upstreams { id name baseUrl hasCredential createdAt }\n    catalogModels {\n      id name upstreamModel inputPricePerMillion cachedInputPricePerMillion outputPricePerMillion contextWindow defaultMaxOutputTokens groups enabled\n      upstream { id name }\n    }\n  }\n": types.CatalogDocument,
    "\n  mutation CreditWallet($organizationId: ID!, $amount: Money!, $reference: String!, $description: String) {\n    creditWallet(organizationId: $organizationId, amount: $amount, reference: $reference, description: $description) { organizationId balance availableAmount isActive }\n  }\n": types.CreditWalletDocument,
    "\n  mutation CreateModel($input: ModelInput!) {\n    createModel(input: $input) { id }\n  }\n": types.CreateModelDocument,
    "\n  mutation UpdateModel($id: ID!, $input: ModelInput!) {\n    updateModel(id: $id, input: $input) { id name enabled }\n  }\n": types.UpdateModelDocument,
    "\n  mutation SetOrganizationModelAccess($organizationId: ID!, $access: ModelAccessInput!) {\n    setOrganizationModelAccess(organizationId: $organizationId, access: $access) { id modelAccess { models groups } }\n  }\n": types.SetOrganizationModelAccessDocument,
    "\n  mutation SetOrganizationCaps($organizationId: ID!, $caps: OrganizationCapsInput!) {\n    setOrganizationCaps(organizationId: $organizationId, caps: $caps) { id caps { projectsPerOrganization apiKeysPerProject } }\n  }\n": types.SetOrganizationCapsDocument,
    "\n  query AllOrganizations($search: String) {\n    allOrganizations(search: $search) {\n      id name displayName verificationTier createdAt\n      caps { projectsPerOrganization apiKeysPerProject }\n      modelAccess { models groups }\n      verification { id status }\n    }\n  }\n": types.AllOrganizationsDocument,
    "\n  query Outbox($to: String) {\n    outboxMessages(to: $to, first: 200) { id to subject text status attempts lastError createdAt sentAt }\n  }\n": types.OutboxDocument,
    "\n  mutation IssueRedemptionCodes($amount: Money!, $count: Int!, $expiresAt: DateTime!, $description: String) {\n    issueRedemptionCodes(amount: $amount, count: $count, expiresAt: $expiresAt, description: $description) {\n      batch { id amount count expiresAt description }\n      codes\n    }\n  }\n": types.IssueRedemptionCodesDocument,
    "\n  mutation CreateUpstream($input: UpstreamInput!) {\n    createUpstream(input: $input) { id }\n  }\n": types.CreateUpstreamDocument,
    "\n  mutation UpdateUpstream($id: ID!, $input: UpstreamInput!) {\n    updateUpstream(id: $id, input: $input) { id name baseUrl hasCredential }\n  }\n": types.UpdateUpstreamDocument,
    "\n  query VerificationQueue {\n    organizationVerifications(status: PENDING) {\n      id companyName registrationNumber contactName contactEmail country createdAt\n      organization { id displayName name }\n    }\n  }\n": types.VerificationQueueDocument,
    "\n  mutation ApproveVerification($id: ID!) {\n    approveOrganizationVerification(id: $id) { id status }\n  }\n": types.ApproveVerificationDocument,
    "\n  mutation RejectVerification($id: ID!, $reason: String!) {\n    rejectOrganizationVerification(id: $id, reason: $reason) { id status rejectionReason }\n  }\n": types.RejectVerificationDocument,
    "\n  mutation SetWalletActive($organizationId: ID!, $isActive: Boolean!) {\n    setWalletActive(organizationId: $organizationId, isActive: $isActive) { organizationId balance isActive }\n  }\n": types.SetWalletActiveDocument,
    "\n  query WalletOrganizations {\n    allOrganizations { id name displayName }\n  }\n": types.WalletOrganizationsDocument,
    "\n  mutation SetAuditContentPolicy($organizationId: ID!, $policy: AuditContentPolicy!, $retentionDays: Int!) {\n    setAuditContentPolicy(organizationId: $organizationId, policy: $policy, retentionDays: $retentionDays) { id auditContent { policy retentionDays } }\n  }\n": types.SetAuditContentPolicyDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { id displayName }\n  }\n": types.CreateOrganizationDocument,
    "\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id displayName verificationTier\n      caps { projectsPerOrganization apiKeysPerProject }\n      modelAccess { models groups }\n      auditContent { policy retentionDays }\n      verification { id status companyName registrationNumber contactName contactEmail country rejectionReason createdAt reviewedAt }\n      viewer { permissions }\n    }\n  }\n": types.OrganizationSettingsDocument,
    "\n  mutation SubmitOrganizationVerification($organizationId: ID!, $input: OrganizationVerificationInput!) {\n    submitOrganizationVerification(organizationId: $organizationId, input: $input) { id status }\n  }\n": types.SubmitOrganizationVerificationDocument,
    "\n  query OrganizationModelAccess($organizationId: ID!) {\n    organization(id: $organizationId) { id modelAccess { models groups } }\n  }\n": types.OrganizationModelAccessDocument,
    "\n  mutation SetProjectModelAccess($projectId: ID!, $access: ModelAccessInput) {\n    setProjectModelAccess(projectId: $projectId, access: $access) { id modelAccess { models groups } }\n  }\n": types.SetProjectModelAccessDocument,
    "\n  query ProjectModels($projectId: ID!) {\n    availableModels(projectId: $projectId) { id name inputPricePerMillion cachedInputPricePerMillion outputPricePerMillion contextWindow }\n    project(id: $projectId) { id modelAccess { models groups } }\n  }\n": types.ProjectModelsDocument,
    "\n  query ProjectDetails($id: ID!, $organizationId: ID!) {\n    project(id: $id) {\n      id name description status environment primaryWorkload expectedMonthlySpend escalationContact\n      viewer { role permissions }\n      members { id userId role user { id name email } }\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) { data { userId user { id name email } } }\n  }\n": types.ProjectDetailsDocument,
    "\n  mutation AddProjectMember($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    addProjectMember(projectId: $projectId, userId: $userId, role: $role) { id }\n  }\n": types.AddProjectMemberDocument,
    "\n  mutation UpdateProjectMemberRole($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    updateProjectMemberRole(projectId: $projectId, userId: $userId, role: $role) { id role }\n  }\n": types.UpdateProjectMemberRoleDocument,
    "\n  mutation RemoveProjectMember($projectId: ID!, $userId: ID!) {\n    removeProjectMember(projectId: $projectId, userId: $userId)\n  }\n": types.RemoveProjectMemberDocument,
    "\n  query OrganizationProjects($organizationId: ID!) {\n    organization(id: $organizationId) { id displayName viewer { role permissions } }\n    projects(organizationId: $organizationId) { id name status environment viewer { role } }\n  }\n": types.OrganizationProjectsDocument,
    "\n  mutation CreateProject($organizationId: ID!, $input: CreateProjectInput!) {\n    createProject(organizationId: $organizationId, input: $input) { id name status environment viewer { role } }\n  }\n": types.CreateProjectDocument,
    "\n  query RequestFilters($projectId: ID!) {\n    project(id: $projectId) { id name }\n    apiKeys(projectId: $projectId) { id name prefix lastFour }\n    availableModels(projectId: $projectId) { name }\n  }\n": types.RequestFiltersDocument,
    "\n  query RequestLogs($projectId: ID!, $filter: RequestLogFilter, $after: String) {\n    requestLogs(projectId: $projectId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      nodes { id time apiKeyId model status inputTokens cachedInputTokens outputTokens reasoningTokens usageSource cost latencyMs upstreamLatencyMs stream errorCode content }\n    }\n  }\n": types.RequestLogsDocument,
    "\n  mutation CreateProjectFromTemplate($organizationId: ID!, $templateId: ID!, $input: CreateProjectInput!) {\n    createProjectFromTemplate(organizationId: $organizationId, templateId: $templateId, input: $input) {\n      project { id name }\n      apiKeys { secret apiKey { id name } }\n    }\n  }\n": types.CreateProjectFromTemplateDocument,
    "\n  mutation CreateProjectTemplate($organizationId: ID!, $input: CreateProjectTemplateInput!) {\n    createProjectTemplate(organizationId: $organizationId, input: $input) { id name }\n  }\n": types.CreateProjectTemplateDocument,
    "\n  query OrganizationTemplates($organizationId: ID!) {\n    organization(id: $organizationId) { id displayName viewer { permissions } }\n    projectTemplates(organizationId: $organizationId) {\n      id name description category tags isSystem isPublic usageCount organizationId\n      config {\n        quota { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n        access { models groups }\n        apiKeyNames\n      }\n    }\n  }\n": types.OrganizationTemplatesDocument,
    "\n  mutation RedeemCode($organizationId: ID!, $code: String!) {\n    redeemCode(organizationId: $organizationId, code: $code) { organizationId balance frozenAmount availableAmount currency isActive }\n  }\n": types.RedeemCodeDocument,
    "\n  query OrganizationWallet($organizationId: ID!) {\n    organization(id: $organizationId) { id name displayName }\n    wallet(organizationId: $organizationId) { organizationId balance frozenAmount availableAmount currency isActive }\n  }\n": types.OrganizationWalletDocument,
    "\n  query WalletRecords($organizationId: ID!, $filter: WalletRecordFilter, $after: String) {\n    walletRecords(organizationId: $organizationId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      totals { count moneyIn moneyOut }\n      nodes { id seq type amount previousBalance currentBalance description reference requestLogId createdAt }\n    }\n  }\n": types.WalletRecordsDocument,
    "\n  query WalletRecordsCsv($organizationId: ID!, $filter: WalletRecordFilter) {\n    walletRecordsCsv(organizationId: $organizationId, filter: $filter)\n  }\n": types.WalletRecordsCsvDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { id name email isOperator }\n    myOrganizations { id displayName }\n  }\n"): (typeof documents)["\n  query Me {\n    me { id name email isOperator }\n    myOrganizations { id displayName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut { signOut }\n"): (typeof documents)["\n  mutation SignOut { signOut }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationTabsViewer($organizationId: ID!) {\n    organization(id: $organizationId) { id viewer { permissions } }\n  }\n"): (typeof documents)["\n  query OrganizationTabsViewer($organizationId: ID!) {\n    organization(id: $organizationId) { id viewer { permissions } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { id email name isOperator }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { id email name isOperator }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) { id email name isOperator }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) { id email name isOperator }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewBulkInvite($organizationId: ID!, $csv: String!) {\n    previewBulkInvite(organizationId: $organizationId, csv: $csv) { id status totalCount successCount failureCount csv records { row email name status code reason inviteUrl } }\n  }\n"): (typeof documents)["\n  query PreviewBulkInvite($organizationId: ID!, $csv: String!) {\n    previewBulkInvite(organizationId: $organizationId, csv: $csv) { id status totalCount successCount failureCount csv records { row email name status code reason inviteUrl } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkInviteMembers($organizationId: ID!, $csv: String!) {\n    bulkInviteMembers(organizationId: $organizationId, csv: $csv) { id status totalCount successCount failureCount csv records { row email name status code reason inviteUrl } }\n  }\n"): (typeof documents)["\n  mutation BulkInviteMembers($organizationId: ID!, $csv: String!) {\n    bulkInviteMembers(organizationId: $organizationId, csv: $csv) { id status totalCount successCount failureCount csv records { row email name status code reason inviteUrl } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingInvitations($organizationId: ID!) {\n    invitations(organizationId: $organizationId) { id email name role status expiresAt invitedBy { name } }\n  }\n"): (typeof documents)["\n  query PendingInvitations($organizationId: ID!) {\n    invitations(organizationId: $organizationId) { id email name role status expiresAt invitedBy { name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMembers($organizationId: ID!, $invitations: [InvitationInput!]!) {\n    inviteMembers(organizationId: $organizationId, invitations: $invitations) { inviteUrl invitation { id email } }\n  }\n"): (typeof documents)["\n  mutation InviteMembers($organizationId: ID!, $invitations: [InvitationInput!]!) {\n    inviteMembers(organizationId: $organizationId, invitations: $invitations) { inviteUrl invitation { id email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($organizationId: ID!, $id: ID!) {\n    resendInvitation(organizationId: $organizationId, id: $id) { inviteUrl invitation { id status expiresAt } }\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($organizationId: ID!, $id: ID!) {\n    resendInvitation(organizationId: $organizationId, id: $id) { inviteUrl invitation { id status expiresAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($organizationId: ID!, $id: ID!) {\n    revokeInvitation(organizationId: $organizationId, id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($organizationId: ID!, $id: ID!) {\n    revokeInvitation(organizationId: $organizationId, id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InviteTokens($organizationId: ID!) {\n    inviteTokens(organizationId: $organizationId) { id description prefix usageCount maxUsageCount expiresAt status createdBy { name } }\n  }\n"): (typeof documents)["\n  query InviteTokens($organizationId: ID!) {\n    inviteTokens(organizationId: $organizationId) { id description prefix usageCount maxUsageCount expiresAt status createdBy { name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInviteToken($organizationId: ID!, $input: CreateInviteTokenInput!) {\n    createInviteToken(organizationId: $organizationId, input: $input) { id token inviteUrl maxUsageCount usageCount expiresAt }\n  }\n"): (typeof documents)["\n  mutation CreateInviteToken($organizationId: ID!, $input: CreateInviteTokenInput!) {\n    createInviteToken(organizationId: $organizationId, input: $input) { id token inviteUrl maxUsageCount usageCount expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInviteToken($organizationId: ID!, $id: ID!) {\n    revokeInviteToken(organizationId: $organizationId, id: $id) { id status revokedAt }\n  }\n"): (typeof documents)["\n  mutation RevokeInviteToken($organizationId: ID!, $id: ID!) {\n    revokeInviteToken(organizationId: $organizationId, id: $id) { id status revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JoinPreview($token: String!) {\n    invitationPreview(token: $token) { kind organizationDisplayName email name role expiresAt }\n    me { id email }\n  }\n"): (typeof documents)["\n  query JoinPreview($token: String!) {\n    invitationPreview(token: $token) { kind organizationDisplayName email name role expiresAt }\n    me { id email }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvite($token: String!) {\n    acceptInvite(token: $token) { id displayName }\n  }\n"): (typeof documents)["\n  mutation AcceptInvite($token: String!) {\n    acceptInvite(token: $token) { id displayName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUpAndJoin($input: SignUpInput!) {\n    signUp(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation SignUpAndJoin($input: SignUpInput!) {\n    signUp(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($projectId: ID!, $id: ID!) {\n    revokeApiKey(projectId: $projectId, id: $id) { id status revokedAt }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($projectId: ID!, $id: ID!) {\n    revokeApiKey(projectId: $projectId, id: $id) { id status revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateApiKey($projectId: ID!, $id: ID!, $gracePeriodSeconds: Int!, $requestId: String!) {\n    rotateApiKey(projectId: $projectId, id: $id, gracePeriodSeconds: $gracePeriodSeconds, requestId: $requestId) {\n      secret\n      apiKey { id }\n      previous { id expiresAt status }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateApiKey($projectId: ID!, $id: ID!, $gracePeriodSeconds: Int!, $requestId: String!) {\n    rotateApiKey(projectId: $projectId, id: $id, gracePeriodSeconds: $gracePeriodSeconds, requestId: $requestId) {\n      secret\n      apiKey { id }\n      previous { id expiresAt status }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectApiKeys($projectId: ID!) {\n    project(id: $projectId) { id name viewer { permissions } }\n    apiKeys(projectId: $projectId) {\n      id name prefix lastFour owner createdAt lastUsedAt expiresAt status effectiveModels rotatedFromId\n      createdBy { id name }\n      limits { rpm tpm dailyBudget }\n    }\n    availableModels(projectId: $projectId) { id name }\n    me { id }\n  }\n"): (typeof documents)["\n  query ProjectApiKeys($projectId: ID!) {\n    project(id: $projectId) { id name viewer { permissions } }\n    apiKeys(projectId: $projectId) {\n      id name prefix lastFour owner createdAt lastUsedAt expiresAt status effectiveModels rotatedFromId\n      createdBy { id name }\n      limits { rpm tpm dailyBudget }\n    }\n    availableModels(projectId: $projectId) { id name }\n    me { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($projectId: ID!, $input: CreateApiKeyInput!) {\n    createApiKey(projectId: $projectId, input: $input) { secret apiKey { id } }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($projectId: ID!, $input: CreateApiKeyInput!) {\n    createApiKey(projectId: $projectId, input: $input) { secret apiKey { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrganizationLimits($organizationId: ID!, $input: OrganizationLimitsInput!) {\n    setOrganizationLimits(organizationId: $organizationId, input: $input) { rpm tpm rph rpd tpd dailyBudget monthlyBudget }\n  }\n"): (typeof documents)["\n  mutation SetOrganizationLimits($organizationId: ID!, $input: OrganizationLimitsInput!) {\n    setOrganizationLimits(organizationId: $organizationId, input: $input) { rpm tpm rph rpd tpd dailyBudget monthlyBudget }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationLimitsDetails($organizationId: ID!) {\n    organization(id: $organizationId) { id displayName viewer { permissions } }\n    organizationLimits(organizationId: $organizationId) { rpm tpm rph rpd tpd dailyBudget monthlyBudget }\n  }\n"): (typeof documents)["\n  query OrganizationLimitsDetails($organizationId: ID!) {\n    organization(id: $organizationId) { id displayName viewer { permissions } }\n    organizationLimits(organizationId: $organizationId) { rpm tpm rph rpd tpd dailyBudget monthlyBudget }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetProjectQuota($projectId: ID!, $input: ProjectQuotaInput!) {\n    setProjectQuota(projectId: $projectId, input: $input) {\n      projectId\n      quota { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n      effective { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n    }\n  }\n"): (typeof documents)["\n  mutation SetProjectQuota($projectId: ID!, $input: ProjectQuotaInput!) {\n    setProjectQuota(projectId: $projectId, input: $input) {\n      projectId\n      quota { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n      effective { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectQuotaDetails($projectId: ID!) {\n    project(id: $projectId) { id name viewer { permissions } }\n    projectQuota(projectId: $projectId) {\n      projectId\n      quota { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n      effective { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n    }\n  }\n"): (typeof documents)["\n  query ProjectQuotaDetails($projectId: ID!) {\n    project(id: $projectId) { id name viewer { permissions } }\n    projectQuota(projectId: $projectId) {\n      projectId\n      quota { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n      effective { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuotaUsage($projectId: ID!) {\n    quotaUsage(projectId: $projectId, period: MONTH) {\n      projectId\n      dailyUsage { requestCount tokenCount spent date }\n      monthlyUsage { requestCount tokenCount spent resetDay periodStart }\n      effective { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n    }\n  }\n"): (typeof documents)["\n  query QuotaUsage($projectId: ID!) {\n    quotaUsage(projectId: $projectId, period: MONTH) {\n      projectId\n      dailyUsage { requestCount tokenCount spent date }\n      monthlyUsage { requestCount tokenCount spent resetDay periodStart }\n      effective { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationMembers($organizationId: ID!, $page: Int!, $size: Int!, $search: String, $role: OrgRole) {\n    organization(id: $organizationId) { id displayName viewer { role permissions } }\n    members(organizationId: $organizationId, page: $page, size: $size, search: $search, role: $role) {\n      total page size\n      data { id userId role grants status joinedAt user { id name email } }\n    }\n    me { id }\n  }\n"): (typeof documents)["\n  query OrganizationMembers($organizationId: ID!, $page: Int!, $size: Int!, $search: String, $role: OrgRole) {\n    organization(id: $organizationId) { id displayName viewer { role permissions } }\n    members(organizationId: $organizationId, page: $page, size: $size, search: $search, role: $role) {\n      total page size\n      data { id userId role grants status joinedAt user { id name email } }\n    }\n    me { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMemberRole($organizationId: ID!, $userId: ID!, $role: OrgRole!) {\n    updateMemberRole(organizationId: $organizationId, userId: $userId, role: $role) { id role }\n  }\n"): (typeof documents)["\n  mutation UpdateMemberRole($organizationId: ID!, $userId: ID!, $role: OrgRole!) {\n    updateMemberRole(organizationId: $organizationId, userId: $userId, role: $role) { id role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($organizationId: ID!, $userId: ID!) {\n    removeMember(organizationId: $organizationId, userId: $userId)\n  }\n"): (typeof documents)["\n  mutation RemoveMember($organizationId: ID!, $userId: ID!) {\n    removeMember(organizationId: $organizationId, userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalog {\n    upstreams { id name baseUrl hasCredential createdAt }\n    catalogModels {\n      id name upstreamModel inputPricePerMillion cachedInputPricePerMillion outputPricePerMillion contextWindow defaultMaxOutputTokens groups enabled\n      upstream { id name }\n    }\n  }\n"): (typeof documents)["\n  query Catalog {\n    upstreams { id name baseUrl hasCredential createdAt }\n    catalogModels {\n      id name upstreamModel inputPricePerMillion cachedInputPricePerMillion outputPricePerMillion contextWindow defaultMaxOutputTokens groups enabled\n      upstream { id name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditWallet($organizationId: ID!, $amount: Money!, $reference: String!, $description: String) {\n    creditWallet(organizationId: $organizationId, amount: $amount, reference: $reference, description: $description) { organizationId balance availableAmount isActive }\n  }\n"): (typeof documents)["\n  mutation CreditWallet($organizationId: ID!, $amount: Money!, $reference: String!, $description: String) {\n    creditWallet(organizationId: $organizationId, amount: $amount, reference: $reference, description: $description) { organizationId balance availableAmount isActive }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateModel($input: ModelInput!) {\n    createModel(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation CreateModel($input: ModelInput!) {\n    createModel(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateModel($id: ID!, $input: ModelInput!) {\n    updateModel(id: $id, input: $input) { id name enabled }\n  }\n"): (typeof documents)["\n  mutation UpdateModel($id: ID!, $input: ModelInput!) {\n    updateModel(id: $id, input: $input) { id name enabled }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrganizationModelAccess($organizationId: ID!, $access: ModelAccessInput!) {\n    setOrganizationModelAccess(organizationId: $organizationId, access: $access) { id modelAccess { models groups } }\n  }\n"): (typeof documents)["\n  mutation SetOrganizationModelAccess($organizationId: ID!, $access: ModelAccessInput!) {\n    setOrganizationModelAccess(organizationId: $organizationId, access: $access) { id modelAccess { models groups } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrganizationCaps($organizationId: ID!, $caps: OrganizationCapsInput!) {\n    setOrganizationCaps(organizationId: $organizationId, caps: $caps) { id caps { projectsPerOrganization apiKeysPerProject } }\n  }\n"): (typeof documents)["\n  mutation SetOrganizationCaps($organizationId: ID!, $caps: OrganizationCapsInput!) {\n    setOrganizationCaps(organizationId: $organizationId, caps: $caps) { id caps { projectsPerOrganization apiKeysPerProject } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllOrganizations($search: String) {\n    allOrganizations(search: $search) {\n      id name displayName verificationTier createdAt\n      caps { projectsPerOrganization apiKeysPerProject }\n      modelAccess { models groups }\n      verification { id status }\n    }\n  }\n"): (typeof documents)["\n  query AllOrganizations($search: String) {\n    allOrganizations(search: $search) {\n      id name displayName verificationTier createdAt\n      caps { projectsPerOrganization apiKeysPerProject }\n      modelAccess { models groups }\n      verification { id status }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Outbox($to: String) {\n    outboxMessages(to: $to, first: 200) { id to subject text status attempts lastError createdAt sentAt }\n  }\n"): (typeof documents)["\n  query Outbox($to: String) {\n    outboxMessages(to: $to, first: 200) { id to subject text status attempts lastError createdAt sentAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueRedemptionCodes($amount: Money!, $count: Int!, $expiresAt: DateTime!, $description: String) {\n    issueRedemptionCodes(amount: $amount, count: $count, expiresAt: $expiresAt, description: $description) {\n      batch { id amount count expiresAt description }\n      codes\n    }\n  }\n"): (typeof documents)["\n  mutation IssueRedemptionCodes($amount: Money!, $count: Int!, $expiresAt: DateTime!, $description: String) {\n    issueRedemptionCodes(amount: $amount, count: $count, expiresAt: $expiresAt, description: $description) {\n      batch { id amount count expiresAt description }\n      codes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUpstream($input: UpstreamInput!) {\n    createUpstream(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation CreateUpstream($input: UpstreamInput!) {\n    createUpstream(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUpstream($id: ID!, $input: UpstreamInput!) {\n    updateUpstream(id: $id, input: $input) { id name baseUrl hasCredential }\n  }\n"): (typeof documents)["\n  mutation UpdateUpstream($id: ID!, $input: UpstreamInput!) {\n    updateUpstream(id: $id, input: $input) { id name baseUrl hasCredential }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerificationQueue {\n    organizationVerifications(status: PENDING) {\n      id companyName registrationNumber contactName contactEmail country createdAt\n      organization { id displayName name }\n    }\n  }\n"): (typeof documents)["\n  query VerificationQueue {\n    organizationVerifications(status: PENDING) {\n      id companyName registrationNumber contactName contactEmail country createdAt\n      organization { id displayName name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveVerification($id: ID!) {\n    approveOrganizationVerification(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation ApproveVerification($id: ID!) {\n    approveOrganizationVerification(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectVerification($id: ID!, $reason: String!) {\n    rejectOrganizationVerification(id: $id, reason: $reason) { id status rejectionReason }\n  }\n"): (typeof documents)["\n  mutation RejectVerification($id: ID!, $reason: String!) {\n    rejectOrganizationVerification(id: $id, reason: $reason) { id status rejectionReason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWalletActive($organizationId: ID!, $isActive: Boolean!) {\n    setWalletActive(organizationId: $organizationId, isActive: $isActive) { organizationId balance isActive }\n  }\n"): (typeof documents)["\n  mutation SetWalletActive($organizationId: ID!, $isActive: Boolean!) {\n    setWalletActive(organizationId: $organizationId, isActive: $isActive) { organizationId balance isActive }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletOrganizations {\n    allOrganizations { id name displayName }\n  }\n"): (typeof documents)["\n  query WalletOrganizations {\n    allOrganizations { id name displayName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAuditContentPolicy($organizationId: ID!, $policy: AuditContentPolicy!, $retentionDays: Int!) {\n    setAuditContentPolicy(organizationId: $organizationId, policy: $policy, retentionDays: $retentionDays) { id auditContent { policy retentionDays } }\n  }\n"): (typeof documents)["\n  mutation SetAuditContentPolicy($organizationId: ID!, $policy: AuditContentPolicy!, $retentionDays: Int!) {\n    setAuditContentPolicy(organizationId: $organizationId, policy: $policy, retentionDays: $retentionDays) { id auditContent { policy retentionDays } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { id displayName }\n  }\n"): (typeof documents)["\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { id displayName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id displayName verificationTier\n      caps { projectsPerOrganization apiKeysPerProject }\n      modelAccess { models groups }\n      auditContent { policy retentionDays }\n      verification { id status companyName registrationNumber contactName contactEmail country rejectionReason createdAt reviewedAt }\n      viewer { permissions }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id displayName verificationTier\n      caps { projectsPerOrganization apiKeysPerProject }\n      modelAccess { models groups }\n      auditContent { policy retentionDays }\n      verification { id status companyName registrationNumber contactName contactEmail country rejectionReason createdAt reviewedAt }\n      viewer { permissions }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitOrganizationVerification($organizationId: ID!, $input: OrganizationVerificationInput!) {\n    submitOrganizationVerification(organizationId: $organizationId, input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation SubmitOrganizationVerification($organizationId: ID!, $input: OrganizationVerificationInput!) {\n    submitOrganizationVerification(organizationId: $organizationId, input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationModelAccess($organizationId: ID!) {\n    organization(id: $organizationId) { id modelAccess { models groups } }\n  }\n"): (typeof documents)["\n  query OrganizationModelAccess($organizationId: ID!) {\n    organization(id: $organizationId) { id modelAccess { models groups } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetProjectModelAccess($projectId: ID!, $access: ModelAccessInput) {\n    setProjectModelAccess(projectId: $projectId, access: $access) { id modelAccess { models groups } }\n  }\n"): (typeof documents)["\n  mutation SetProjectModelAccess($projectId: ID!, $access: ModelAccessInput) {\n    setProjectModelAccess(projectId: $projectId, access: $access) { id modelAccess { models groups } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectModels($projectId: ID!) {\n    availableModels(projectId: $projectId) { id name inputPricePerMillion cachedInputPricePerMillion outputPricePerMillion contextWindow }\n    project(id: $projectId) { id modelAccess { models groups } }\n  }\n"): (typeof documents)["\n  query ProjectModels($projectId: ID!) {\n    availableModels(projectId: $projectId) { id name inputPricePerMillion cachedInputPricePerMillion outputPricePerMillion contextWindow }\n    project(id: $projectId) { id modelAccess { models groups } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectDetails($id: ID!, $organizationId: ID!) {\n    project(id: $id) {\n      id name description status environment primaryWorkload expectedMonthlySpend escalationContact\n      viewer { role permissions }\n      members { id userId role user { id name email } }\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) { data { userId user { id name email } } }\n  }\n"): (typeof documents)["\n  query ProjectDetails($id: ID!, $organizationId: ID!) {\n    project(id: $id) {\n      id name description status environment primaryWorkload expectedMonthlySpend escalationContact\n      viewer { role permissions }\n      members { id userId role user { id name email } }\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) { data { userId user { id name email } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddProjectMember($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    addProjectMember(projectId: $projectId, userId: $userId, role: $role) { id }\n  }\n"): (typeof documents)["\n  mutation AddProjectMember($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    addProjectMember(projectId: $projectId, userId: $userId, role: $role) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProjectMemberRole($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    updateProjectMemberRole(projectId: $projectId, userId: $userId, role: $role) { id role }\n  }\n"): (typeof documents)["\n  mutation UpdateProjectMemberRole($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    updateProjectMemberRole(projectId: $projectId, userId: $userId, role: $role) { id role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveProjectMember($projectId: ID!, $userId: ID!) {\n    removeProjectMember(projectId: $projectId, userId: $userId)\n  }\n"): (typeof documents)["\n  mutation RemoveProjectMember($projectId: ID!, $userId: ID!) {\n    removeProjectMember(projectId: $projectId, userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationProjects($organizationId: ID!) {\n    organization(id: $organizationId) { id displayName viewer { role permissions } }\n    projects(organizationId: $organizationId) { id name status environment viewer { role } }\n  }\n"): (typeof documents)["\n  query OrganizationProjects($organizationId: ID!) {\n    organization(id: $organizationId) { id displayName viewer { role permissions } }\n    projects(organizationId: $organizationId) { id name status environment viewer { role } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProject($organizationId: ID!, $input: CreateProjectInput!) {\n    createProject(organizationId: $organizationId, input: $input) { id name status environment viewer { role } }\n  }\n"): (typeof documents)["\n  mutation CreateProject($organizationId: ID!, $input: CreateProjectInput!) {\n    createProject(organizationId: $organizationId, input: $input) { id name status environment viewer { role } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestFilters($projectId: ID!) {\n    project(id: $projectId) { id name }\n    apiKeys(projectId: $projectId) { id name prefix lastFour }\n    availableModels(projectId: $projectId) { name }\n  }\n"): (typeof documents)["\n  query RequestFilters($projectId: ID!) {\n    project(id: $projectId) { id name }\n    apiKeys(projectId: $projectId) { id name prefix lastFour }\n    availableModels(projectId: $projectId) { name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestLogs($projectId: ID!, $filter: RequestLogFilter, $after: String) {\n    requestLogs(projectId: $projectId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      nodes { id time apiKeyId model status inputTokens cachedInputTokens outputTokens reasoningTokens usageSource cost latencyMs upstreamLatencyMs stream errorCode content }\n    }\n  }\n"): (typeof documents)["\n  query RequestLogs($projectId: ID!, $filter: RequestLogFilter, $after: String) {\n    requestLogs(projectId: $projectId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      nodes { id time apiKeyId model status inputTokens cachedInputTokens outputTokens reasoningTokens usageSource cost latencyMs upstreamLatencyMs stream errorCode content }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProjectFromTemplate($organizationId: ID!, $templateId: ID!, $input: CreateProjectInput!) {\n    createProjectFromTemplate(organizationId: $organizationId, templateId: $templateId, input: $input) {\n      project { id name }\n      apiKeys { secret apiKey { id name } }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProjectFromTemplate($organizationId: ID!, $templateId: ID!, $input: CreateProjectInput!) {\n    createProjectFromTemplate(organizationId: $organizationId, templateId: $templateId, input: $input) {\n      project { id name }\n      apiKeys { secret apiKey { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProjectTemplate($organizationId: ID!, $input: CreateProjectTemplateInput!) {\n    createProjectTemplate(organizationId: $organizationId, input: $input) { id name }\n  }\n"): (typeof documents)["\n  mutation CreateProjectTemplate($organizationId: ID!, $input: CreateProjectTemplateInput!) {\n    createProjectTemplate(organizationId: $organizationId, input: $input) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationTemplates($organizationId: ID!) {\n    organization(id: $organizationId) { id displayName viewer { permissions } }\n    projectTemplates(organizationId: $organizationId) {\n      id name description category tags isSystem isPublic usageCount organizationId\n      config {\n        quota { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n        access { models groups }\n        apiKeyNames\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationTemplates($organizationId: ID!) {\n    organization(id: $organizationId) { id displayName viewer { permissions } }\n    projectTemplates(organizationId: $organizationId) {\n      id name description category tags isSystem isPublic usageCount organizationId\n      config {\n        quota { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n        access { models groups }\n        apiKeyNames\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeemCode($organizationId: ID!, $code: String!) {\n    redeemCode(organizationId: $organizationId, code: $code) { organizationId balance frozenAmount availableAmount currency isActive }\n  }\n"): (typeof documents)["\n  mutation RedeemCode($organizationId: ID!, $code: String!) {\n    redeemCode(organizationId: $organizationId, code: $code) { organizationId balance frozenAmount availableAmount currency isActive }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationWallet($organizationId: ID!) {\n    organization(id: $organizationId) { id name displayName }\n    wallet(organizationId: $organizationId) { organizationId balance frozenAmount availableAmount currency isActive }\n  }\n"): (typeof documents)["\n  query OrganizationWallet($organizationId: ID!) {\n    organization(id: $organizationId) { id name displayName }\n    wallet(organizationId: $organizationId) { organizationId balance frozenAmount availableAmount currency isActive }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletRecords($organizationId: ID!, $filter: WalletRecordFilter, $after: String) {\n    walletRecords(organizationId: $organizationId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      totals { count moneyIn moneyOut }\n      nodes { id seq type amount previousBalance currentBalance description reference requestLogId createdAt }\n    }\n  }\n"): (typeof documents)["\n  query WalletRecords($organizationId: ID!, $filter: WalletRecordFilter, $after: String) {\n    walletRecords(organizationId: $organizationId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      totals { count moneyIn moneyOut }\n      nodes { id seq type amount previousBalance currentBalance description reference requestLogId createdAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletRecordsCsv($organizationId: ID!, $filter: WalletRecordFilter) {\n    walletRecordsCsv(organizationId: $organizationId, filter: $filter)\n  }\n"): (typeof documents)["\n  query WalletRecordsCsv($organizationId: ID!, $filter: WalletRecordFilter) {\n    walletRecordsCsv(organizationId: $organizationId, filter: $filter)\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;