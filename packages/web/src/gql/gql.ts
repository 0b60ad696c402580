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
    "\n  query OrganizationHeader($id: ID!) {\n    organization(id: $id) { id name displayName ...OrganizationPermissions }\n  }\n": typeof types.OrganizationHeaderDocument,
    "\n  query ProjectHeader($id: ID!) {\n    project(id: $id) { id name status environment organizationId ...ProjectPermissions }\n  }\n": typeof types.ProjectHeaderDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { id email name isOperator }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) { id email name isOperator }\n  }\n": typeof types.SignInDocument,
    "\n  fragment BulkInviteReport on BulkInviteReport { id status totalCount successCount failureCount csv records { row email name status code reason inviteUrl } }\n": typeof types.BulkInviteReportFragmentDoc,
    "\n  query PreviewBulkInvite($organizationId: ID!, $csv: String!) {\n    previewBulkInvite(organizationId: $organizationId, csv: $csv) { id ...BulkInviteReport }\n  }\n": typeof types.PreviewBulkInviteDocument,
    "\n  mutation BulkInviteMembers($organizationId: ID!, $csv: String!) {\n    bulkInviteMembers(organizationId: $organizationId, csv: $csv) { id ...BulkInviteReport }\n  }\n": typeof types.BulkInviteMembersDocument,
    "\n  fragment InvitationRow on Invitation { id email name role status expiresAt invitedBy { name } }\n": typeof types.InvitationRowFragmentDoc,
    "\n  query PendingInvitations($organizationId: ID!) {\n    invitations(organizationId: $organizationId) { id ...InvitationRow }\n  }\n": typeof types.PendingInvitationsDocument,
    "\n  mutation InviteMembers($organizationId: ID!, $invitations: [InvitationInput!]!) {\n    inviteMembers(organizationId: $organizationId, invitations: $invitations) { inviteUrl invitation { id email } }\n  }\n": typeof types.InviteMembersDocument,
    "\n  mutation ResendInvitation($organizationId: ID!, $id: ID!) {\n    resendInvitation(organizationId: $organizationId, id: $id) { inviteUrl invitation { id status expiresAt } }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($organizationId: ID!, $id: ID!) {\n    revokeInvitation(organizationId: $organizationId, id: $id) { id status }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  fragment InviteTokenRow on InviteToken { id description prefix usageCount maxUsageCount expiresAt status createdBy { name } }\n": typeof types.InviteTokenRowFragmentDoc,
    "\n  query InviteTokens($organizationId: ID!) {\n    inviteTokens(organizationId: $organizationId) { id ...InviteTokenRow }\n  }\n": typeof types.InviteTokensDocument,
    "\n  mutation CreateInviteToken($organizationId: ID!, $input: CreateInviteTokenInput!) {\n    createInviteToken(organizationId: $organizationId, input: $input) { id token inviteUrl maxUsageCount usageCount expiresAt }\n  }\n": typeof types.CreateInviteTokenDocument,
    "\n  mutation RevokeInviteToken($organizationId: ID!, $id: ID!) {\n    revokeInviteToken(organizationId: $organizationId, id: $id) { id status revokedAt }\n  }\n": typeof types.RevokeInviteTokenDocument,
    "\n  query JoinPreview($token: String!) {\n    invitationPreview(token: $token) { kind organizationDisplayName email name role expiresAt }\n    me { id email }\n  }\n": typeof types.JoinPreviewDocument,
    "\n  mutation AcceptInvite($token: String!) {\n    acceptInvite(token: $token) { id displayName }\n  }\n": typeof types.AcceptInviteDocument,
    "\n  mutation SignUpAndJoin($input: SignUpInput!) {\n    signUp(input: $input) { id }\n  }\n": typeof types.SignUpAndJoinDocument,
    "\n  fragment ApiKeyActions on ApiKey { id name viewerCanRevoke viewerCanRotate }\n": typeof types.ApiKeyActionsFragmentDoc,
    "\n  mutation RevokeApiKey($projectId: ID!, $id: ID!) {\n    revokeApiKey(projectId: $projectId, id: $id) { id status revokedAt viewerCanRevoke viewerCanRotate }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation RotateApiKey($projectId: ID!, $id: ID!, $gracePeriodSeconds: Int!, $requestId: String!) {\n    rotateApiKey(projectId: $projectId, id: $id, gracePeriodSeconds: $gracePeriodSeconds, requestId: $requestId) {\n      secret\n      apiKey { id }\n      previous { id expiresAt status viewerCanRotate }\n    }\n  }\n": typeof types.RotateApiKeyDocument,
    "\n  fragment ApiKeyRow on ApiKey {\n    id name prefix lastFour owner createdAt lastUsedAt expiresAt status effectiveModels\n    createdBy { id name }\n    ...ApiKeyActions\n  }\n": typeof types.ApiKeyRowFragmentDoc,
    "\n  query ProjectApiKeys($projectId: ID!) {\n    apiKeys(projectId: $projectId) { id ...ApiKeyRow }\n    availableModels(projectId: $projectId) { id name }\n  }\n": typeof types.ProjectApiKeysDocument,
    "\n  mutation CreateApiKey($projectId: ID!, $input: CreateApiKeyInput!) {\n    createApiKey(projectId: $projectId, input: $input) { secret apiKey { id } }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  fragment OrganizationLimitValues on OrganizationLimits { rpm tpm rph rpd tpd dailyBudget monthlyBudget }\n": typeof types.OrganizationLimitValuesFragmentDoc,
    "\n  mutation SetOrganizationLimits($organizationId: ID!, $input: OrganizationLimitsInput!) {\n    setOrganizationLimits(organizationId: $organizationId, input: $input) { ...OrganizationLimitValues }\n  }\n": typeof types.SetOrganizationLimitsDocument,
    "\n  query OrganizationLimitsDetails($organizationId: ID!) {\n    organizationLimits(organizationId: $organizationId) { ...OrganizationLimitValues }\n  }\n": typeof types.OrganizationLimitsDetailsDocument,
    "\n  fragment ProjectQuotaForm on ProjectQuotaSettings { projectId quota { ...QuotaValues } effective { ...QuotaValues } }\n": typeof types.ProjectQuotaFormFragmentDoc,
    "\n  mutation SetProjectQuota($projectId: ID!, $input: ProjectQuotaInput!) {\n    setProjectQuota(projectId: $projectId, input: $input) { ...ProjectQuotaForm }\n  }\n": typeof types.SetProjectQuotaDocument,
    "\n  query ProjectQuotaDetails($projectId: ID!) {\n    projectQuota(projectId: $projectId) { projectId ...ProjectQuotaForm }\n  }\n": typeof types.ProjectQuotaDetailsDocument,
    "\n  fragment QuotaValues on ProjectQuota {\n    dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay\n  }\n": typeof types.QuotaValuesFragmentDoc,
    "\n  query QuotaUsage($projectId: ID!) {\n    quotaUsage(projectId: $projectId, period: MONTH) {\n      projectId\n      dailyUsage { requestCount tokenCount spent date }\n      monthlyUsage { requestCount tokenCount spent resetDay periodStart }\n      effective { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n    }\n  }\n": typeof types.QuotaUsageDocument,
    "\n  fragment MemberRow on OrganizationMember { id userId role grants joinedAt viewerAssignableRoles viewerCanRemove user { id name email } }\n": typeof types.MemberRowFragmentDoc,
    "\n  query OrganizationMembers($organizationId: ID!, $page: Int!, $size: Int!, $search: String, $role: OrgRole) {\n    organization(id: $organizationId) { id viewerInvitableRoles }\n    members(organizationId: $organizationId, page: $page, size: $size, search: $search, role: $role) {\n      total page size\n      data { id ...MemberRow }\n    }\n  }\n": typeof types.OrganizationMembersDocument,
    "\n  mutation UpdateMemberRole($organizationId: ID!, $userId: ID!, $role: OrgRole!) {\n    updateMemberRole(organizationId: $organizationId, userId: $userId, role: $role) { id role }\n  }\n": typeof types.UpdateMemberRoleDocument,
    "\n  mutation RemoveMember($organizationId: ID!, $userId: ID!) {\n    removeMember(organizationId: $organizationId, userId: $userId)\n  }\n": typeof types.RemoveMemberDocument,
    "\n  query Catalog {\n    upstreams { id name ...UpstreamRow }\n    catalogModels { id ...CatalogModelRow }\n  }\n": typeof types.CatalogDocument,
    "\n  mutation CreditWallet($organizationId: ID!, $amount: Money!, $reference: String!, $description: String) {\n    creditWallet(organizationId: $organizationId, amount: $amount, reference: $reference, description: $description) { organizationId balance availableAmount isActive }\n  }\n": typeof types.CreditWalletDocument,
    "\n  fragment CatalogModelRow on Model {\n    id name upstreamModel inputPricePerMillion cachedInputPricePerMillion outputPricePerMillion contextWindow defaultMaxOutputTokens groups enabled\n    upstream { id name }\n  }\n": typeof types.CatalogModelRowFragmentDoc,
    "\n  mutation CreateModel($input: ModelInput!) {\n    createModel(input: $input) { id }\n  }\n": typeof types.CreateModelDocument,
    "\n  mutation UpdateModel($id: ID!, $input: ModelInput!) {\n    updateModel(id: $id, input: $input) { id name enabled }\n  }\n": typeof types.UpdateModelDocument,
    "\n  fragment OrganizationGrantEditor on Organization { id displayName modelAccess { models groups } caps { projectsPerOrganization apiKeysPerProject } }\n": typeof types.OrganizationGrantEditorFragmentDoc,
    "\n  mutation SetOrganizationModelAccess($organizationId: ID!, $access: ModelAccessInput!) {\n    setOrganizationModelAccess(organizationId: $organizationId, access: $access) { id modelAccess { models groups } }\n  }\n": typeof types.SetOrganizationModelAccessDocument,
    "\n  mutation SetOrganizationCaps($organizationId: ID!, $caps: OrganizationCapsInput!) {\n    setOrganizationCaps(organizationId: $organizationId, caps: $caps) { id caps { projectsPerOrganization apiKeysPerProject } }\n  }\n": typeof types.SetOrganizationCapsDocument,
    "\n  fragment OperatedOrganizationRow on Organization {\n    id name displayName verificationTier\n    caps { projectsPerOrganization apiKeysPerProject }\n    modelAccess { models groups }\n    verification { id status }\n  }\n": typeof types.OperatedOrganizationRowFragmentDoc,
    "\n  query AllOrganizations($search: String) {\n    allOrganizations(search: $search) { id ...OperatedOrganizationRow ...OrganizationGrantEditor }\n  }\n": typeof types.AllOrganizationsDocument,
    "\n  fragment OutboxRow on OutboxMessage { id to subject text status attempts lastError createdAt sentAt }\n": typeof types.OutboxRowFragmentDoc,
    "\n  query Outbox($to: String) {\n    outboxMessages(to: $to, first: 200) { id ...OutboxRow }\n  }\n": typeof types.OutboxDocument,
    "\n  mutation IssueRedemptionCodes($amount: Money!, $count: Int!, $expiresAt: DateTime!, $description: String) {\n    issueRedemptionCodes(amount: $amount, count: $count, expiresAt: $expiresAt, description: $description) {\n      batch { id amount count expiresAt description }\n      codes\n    }\n  }\n": typeof types.IssueRedemptionCodesDocument,
    "\n  fragment UpstreamRow on Upstream { id name baseUrl hasCredential createdAt }\n": typeof types.UpstreamRowFragmentDoc,
    "\n  mutation CreateUpstream($input: UpstreamInput!) {\n    createUpstream(input: $input) { id }\n  }\n": typeof types.CreateUpstreamDocument,
    "\n  mutation UpdateUpstream($id: ID!, $input: UpstreamInput!) {\n    updateUpstream(id: $id, input: $input) { id name baseUrl hasCredential }\n  }\n": typeof types.UpdateUpstreamDocument,
    "\n  fragment VerificationRow on OrganizationVerification {\n    id companyName registrationNumber contactName contactEmail country createdAt\n    organization { id displayName name }\n  }\n": typeof types.VerificationRowFragmentDoc,
    "\n  query VerificationQueue {\n    organizationVerifications(status: PENDING) { id ...VerificationRow }\n  }\n": typeof types.VerificationQueueDocument,
    "\n  mutation ApproveVerification($id: ID!) {\n    approveOrganizationVerification(id: $id) { id status }\n  }\n": typeof types.ApproveVerificationDocument,
    "\n  mutation RejectVerification($id: ID!, $reason: String!) {\n    rejectOrganizationVerification(id: $id, reason: $reason) { id status rejectionReason }\n  }\n": typeof types.RejectVerificationDocument,
    "\n  mutation SetWalletActive($organizationId: ID!, $isActive: Boolean!) {\n    setWalletActive(organizationId: $organizationId, isActive: $isActive) { organizationId balance isActive }\n  }\n": typeof types.SetWalletActiveDocument,
    "\n  query WalletOrganizations {\n    allOrganizations { id name displayName }\n  }\n": typeof types.WalletOrganizationsDocument,
    "\n  fragment AuditContentSetting on Organization { id auditContent { policy retentionDays } }\n": typeof types.AuditContentSettingFragmentDoc,
    "\n  mutation SetAuditContentPolicy($organizationId: ID!, $policy: AuditContentPolicy!, $retentionDays: Int!) {\n    setAuditContentPolicy(organizationId: $organizationId, policy: $policy, retentionDays: $retentionDays) { id auditContent { policy retentionDays } }\n  }\n": typeof types.SetAuditContentPolicyDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { id displayName }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id verificationTier viewerCanRequestVerification\n      caps { projectsPerOrganization apiKeysPerProject }\n      modelAccess { models groups }\n      ...AuditContentSetting\n      verification { id status companyName createdAt rejectionReason ...VerificationPrefill }\n    }\n  }\n": typeof types.OrganizationSettingsDocument,
    "\n  fragment VerificationPrefill on OrganizationVerification { companyName registrationNumber contactName contactEmail country }\n": typeof types.VerificationPrefillFragmentDoc,
    "\n  mutation SubmitOrganizationVerification($organizationId: ID!, $input: OrganizationVerificationInput!) {\n    submitOrganizationVerification(organizationId: $organizationId, input: $input) { id status }\n  }\n": typeof types.SubmitOrganizationVerificationDocument,
    "\n  query OrganizationModelAccess($organizationId: ID!) {\n    organization(id: $organizationId) { id modelAccess { models groups } }\n  }\n": typeof types.OrganizationModelAccessDocument,
    "\n  mutation SetProjectModelAccess($projectId: ID!, $access: ModelAccessInput) {\n    setProjectModelAccess(projectId: $projectId, access: $access) { id modelAccess { models groups } }\n  }\n": typeof types.SetProjectModelAccessDocument,
    "\n  query ProjectModels($projectId: ID!) {\n    availableModels(projectId: $projectId) { id name inputPricePerMillion cachedInputPricePerMillion outputPricePerMillion contextWindow }\n    project(id: $projectId) { id modelAccess { models groups } }\n  }\n": typeof types.ProjectModelsDocument,
    "\n  query ProjectDetails($id: ID!, $organizationId: ID!) {\n    project(id: $id) {\n      id description primaryWorkload expectedMonthlySpend escalationContact\n      members { id userId ...ProjectMemberRow }\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) { data { userId user { id name email } } }\n  }\n": typeof types.ProjectDetailsDocument,
    "\n  fragment ProjectMemberRow on ProjectMember { id userId role user { id name email } }\n": typeof types.ProjectMemberRowFragmentDoc,
    "\n  mutation AddProjectMember($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    addProjectMember(projectId: $projectId, userId: $userId, role: $role) { id }\n  }\n": typeof types.AddProjectMemberDocument,
    "\n  mutation UpdateProjectMemberRole($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    updateProjectMemberRole(projectId: $projectId, userId: $userId, role: $role) { id role }\n  }\n": typeof types.UpdateProjectMemberRoleDocument,
    "\n  mutation RemoveProjectMember($projectId: ID!, $userId: ID!) {\n    removeProjectMember(projectId: $projectId, userId: $userId)\n  }\n": typeof types.RemoveProjectMemberDocument,
    "\n  fragment ProjectRow on Project { id name status environment viewer { role } ...ProjectPermissions }\n": typeof types.ProjectRowFragmentDoc,
    "\n  query OrganizationProjects($organizationId: ID!) {\n    projects(organizationId: $organizationId) { id ...ProjectRow }\n  }\n": typeof types.OrganizationProjectsDocument,
    "\n  mutation CreateProject($organizationId: ID!, $input: CreateProjectInput!) {\n    createProject(organizationId: $organizationId, input: $input) { id name }\n  }\n": typeof types.CreateProjectDocument,
    "\n  query RequestFilters($projectId: ID!) {\n    apiKeys(projectId: $projectId) { id name prefix lastFour }\n    availableModels(projectId: $projectId) { name }\n  }\n": typeof types.RequestFiltersDocument,
    "\n  fragment RequestRow on RequestLog { id time apiKeyId model status inputTokens cachedInputTokens outputTokens reasoningTokens usageSource cost latencyMs upstreamLatencyMs stream errorCode content }\n": typeof types.RequestRowFragmentDoc,
    "\n  query RequestLogs($projectId: ID!, $filter: RequestLogFilter, $after: String) {\n    requestLogs(projectId: $projectId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      nodes { id ...RequestRow }\n    }\n  }\n": typeof types.RequestLogsDocument,
    "\n  mutation CreateProjectFromTemplate($organizationId: ID!, $templateId: ID!, $input: CreateProjectInput!) {\n    createProjectFromTemplate(organizationId: $organizationId, templateId: $templateId, input: $input) {\n      project { id name }\n      apiKeys { secret apiKey { id name } }\n    }\n  }\n": typeof types.CreateProjectFromTemplateDocument,
    "\n  mutation CreateProjectTemplate($organizationId: ID!, $input: CreateProjectTemplateInput!) {\n    createProjectTemplate(organizationId: $organizationId, input: $input) { id name }\n  }\n": typeof types.CreateProjectTemplateDocument,
    "\n  fragment TemplateRow on ProjectTemplate {\n    id name description category tags isSystem isPublic usageCount\n    config { quota { ...QuotaValues } access { models groups } apiKeyNames }\n  }\n": typeof types.TemplateRowFragmentDoc,
    "\n  query OrganizationTemplates($organizationId: ID!) {\n    projectTemplates(organizationId: $organizationId) { id name ...TemplateRow }\n  }\n": typeof types.OrganizationTemplatesDocument,
    "\n  mutation RedeemCode($organizationId: ID!, $code: String!) {\n    redeemCode(organizationId: $organizationId, code: $code) { organizationId balance frozenAmount availableAmount currency isActive }\n  }\n": typeof types.RedeemCodeDocument,
    "\n  fragment WalletBalance on Wallet { organizationId balance frozenAmount availableAmount currency isActive }\n": typeof types.WalletBalanceFragmentDoc,
    "\n  query OrganizationWallet($organizationId: ID!) {\n    wallet(organizationId: $organizationId) { organizationId ...WalletBalance }\n  }\n": typeof types.OrganizationWalletDocument,
    "\n  fragment WalletRecordRow on WalletRecord { id seq type amount previousBalance currentBalance description reference requestLogId createdAt }\n": typeof types.WalletRecordRowFragmentDoc,
    "\n  query WalletRecords($organizationId: ID!, $filter: WalletRecordFilter, $after: String) {\n    walletRecords(organizationId: $organizationId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      totals { count moneyIn moneyOut }\n      nodes { id ...WalletRecordRow }\n    }\n  }\n": typeof types.WalletRecordsDocument,
    "\n  query WalletRecordsCsv($organizationId: ID!, $filter: WalletRecordFilter) {\n    walletRecordsCsv(organizationId: $organizationId, filter: $filter)\n  }\n": typeof types.WalletRecordsCsvDocument,
    "\n  fragment OrganizationPermissions on Organization { id viewerPermissions }\n": typeof types.OrganizationPermissionsFragmentDoc,
    "\n  fragment ProjectPermissions on Project { id viewerPermissions }\n": typeof types.ProjectPermissionsFragmentDoc,
};
const documents: Documents = {
    "\n  query Me {\n    me { id name email isOperator }\n    myOrganizations { id displayName }\n  }\n": types.MeDocument,
    "\n  mutation SignOut { signOut }\n": types.SignOutDocument,
    "\n  query OrganizationHeader($id: ID!) {\n    organization(id: $id) { id name displayName ...OrganizationPermissions }\n  }\n": types.OrganizationHeaderDocument,
    "\n  query ProjectHeader($id: ID!) {\n    project(id: $id) { id name status environment organizationId ...ProjectPermissions }\n  }\n": types.ProjectHeaderDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { id email name isOperator }\n  }\n": types.SignUpDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) { id email name isOperator }\n  }\n": types.SignInDocument,
    "\n  fragment BulkInviteReport on BulkInviteReport { id status totalCount successCount failureCount csv records { row email name status code reason inviteUrl } }\n": types.BulkInviteReportFragmentDoc,
    "\n  query PreviewBulkInvite($organizationId: ID!, $csv: String!) {\n    previewBulkInvite(organizationId: $organizationId, csv: $csv) { id ...BulkInviteReport }\n  }\n": types.PreviewBulkInviteDocument,
    "\n  mutation BulkInviteMembers($organizationId: ID!, $csv: String!) {\n    bulkInviteMembers(organizationId: $organizationId, csv: $csv) { id ...BulkInviteReport }\n  }\n": types.BulkInviteMembersDocument,
    "\n  fragment InvitationRow on Invitation { id email name role status expiresAt invitedBy { name } }\n": types.InvitationRowFragmentDoc,
    "\n  query PendingInvitations($organizationId: ID!) {\n    invitations(organizationId: $organizationId) { id ...InvitationRow }\n  }\n": types.PendingInvitationsDocument,
    "\n  mutation InviteMembers($organizationId: ID!, $invitations: [InvitationInput!]!) {\n    inviteMembers(organizationId: $organizationId, invitations: $invitations) { inviteUrl invitation { id email } }\n  }\n": types.InviteMembersDocument,
    "\n  mutation ResendInvitation($organizationId: ID!, $id: ID!) {\n    resendInvitation(organizationId: $organizationId, id: $id) { inviteUrl invitation { id status expiresAt } }\n  }\n": types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($organizationId: ID!, $id: ID!) {\n    revokeInvitation(organizationId: $organizationId, id: $id) { id status }\n  }\n": types.RevokeInvitationDocument,
    "\n  fragment InviteTokenRow on InviteToken { id description prefix usageCount maxUsageCount expiresAt status createdBy { name } }\n": types.InviteTokenRowFragmentDoc,
    "\n  query InviteTokens($organizationId: ID!) {\n    inviteTokens(organizationId: $organizationId) { id ...InviteTokenRow }\n  }\n": types.InviteTokensDocument,
    "\n  mutation CreateInviteToken($organizationId: ID!, $input: CreateInviteTokenInput!) {\n    createInviteToken(organizationId: $organizationId, input: $input) { id token inviteUrl maxUsageCount usageCount expiresAt }\n  }\n": types.CreateInviteTokenDocument,
    "\n  mutation RevokeInviteToken($organizationId: ID!, $id: ID!) {\n    revokeInviteToken(organizationId: $organizationId, id: $id) { id status revokedAt }\n  }\n": types.RevokeInviteTokenDocument,
    "\n  query JoinPreview($token: String!) {\n    invitationPreview(token: $token) { kind organizationDisplayName email name role expiresAt }\n    me { id email }\n  }\n": types.JoinPreviewDocument,
    "\n  mutation AcceptInvite($token: String!) {\n    acceptInvite(token: $token) { id displayName }\n  }\n": types.AcceptInviteDocument,
    "\n  mutation SignUpAndJoin($input: SignUpInput!) {\n    signUp(input: $input) { id }\n  }\n": types.SignUpAndJoinDocument,
    "\n  fragment ApiKeyActions on ApiKey { id name viewerCanRevoke viewerCanRotate }\n": types.ApiKeyActionsFragmentDoc,
    "\n  mutation RevokeApiKey($projectId: ID!, $id: ID!) {\n    revokeApiKey(projectId: $projectId, id: $id) { id status revokedAt viewerCanRevoke viewerCanRotate }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation RotateApiKey($projectId: ID!, $id: ID!, $gracePeriodSeconds: Int!, $requestId: String!) {\n    rotateApiKey(projectId: $projectId, id: $id, gracePeriodSeconds: $gracePeriodSeconds, requestId: $requestId) {\n      secret\n      apiKey { id }\n      previous { id expiresAt status viewerCanRotate }\n    }\n  }\n": types.RotateApiKeyDocument,
    "\n  fragment ApiKeyRow on ApiKey {\n    id name prefix lastFour owner createdAt lastUsedAt expiresAt status effectiveModels\n    createdBy { id name }\n    ...ApiKeyActions\n  }\n": types.ApiKeyRowFragmentDoc,
    "\n  query ProjectApiKeys($projectId: ID!) {\n    apiKeys(projectId: $projectId) { id ...ApiKeyRow }\n    availableModels(projectId: $projectId) { id name }\n  }\n": types.ProjectApiKeysDocument,
    "\n  mutation CreateApiKey($projectId: ID!, $input: CreateApiKeyInput!) {\n    createApiKey(projectId: $projectId, input: $input) { secret apiKey { id } }\n  }\n": types.CreateApiKeyDocument,
    "\n  fragment OrganizationLimitValues on OrganizationLimits { rpm tpm rph rpd tpd dailyBudget monthlyBudget }\n": types.OrganizationLimitValuesFragmentDoc,
    "\n  mutation SetOrganizationLimits($organizationId: ID!, $input: OrganizationLimitsInput!) {\n    setOrganizationLimits(organizationId: $organizationId, input: $input) { ...OrganizationLimitValues }\n  }\n": types.SetOrganizationLimitsDocument,
    "\n  query OrganizationLimitsDetails($organizationId: ID!) {\n    organizationLimits(organizationId: $organizationId) { ...OrganizationLimitValues }\n  }\n": types.OrganizationLimitsDetailsDocument,
    "\n  fragment ProjectQuotaForm on ProjectQuotaSettings { projectId quota { ...QuotaValues } effective { ...QuotaValues } }\n": types.ProjectQuotaFormFragmentDoc,
    "\n  mutation SetProjectQuota($projectId: ID!, $input: ProjectQuotaInput!) {\n    setProjectQuota(projectId: $projectId, input: $input) { ...ProjectQuotaForm }\n  }\n": types.SetProjectQuotaDocument,
    "\n  query ProjectQuotaDetails($projectId: ID!) {\n    projectQuota(projectId: $projectId) { projectId ...ProjectQuotaForm }\n  }\n": types.ProjectQuotaDetailsDocument,
    "\n  fragment QuotaValues on ProjectQuota {\n    dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay\n  }\n": types.QuotaValuesFragmentDoc,
    "\n  query QuotaUsage($projectId: ID!) {\n    quotaUsage(projectId: $projectId, period: MONTH) {\n      projectId\n      dailyUsage { requestCount tokenCount spent date }\n      monthlyUsage { requestCount tokenCount spent resetDay periodStart }\n      effective { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n    }\n  }\n": types.QuotaUsageDocument,
    "\n  fragment MemberRow on OrganizationMember { id userId role grants joinedAt viewerAssignableRoles viewerCanRemove user { id name email } }\n": types.MemberRowFragmentDoc,
    "\n  query OrganizationMembers($organizationId: ID!, $page: Int!, $size: Int!, $search: String, $role: OrgRole) {\n    organization(id: $organizationId) { id viewerInvitableRoles }\n    members(organizationId: $organizationId, page: $page, size: $size, search: $search, role: $role) {\n      total page size\n      data { id ...MemberRow }\n    }\n  }\n": types.OrganizationMembersDocument,
    "\n  mutation UpdateMemberRole($organizationId: ID!, $userId: ID!, $role: OrgRole!) {\n    updateMemberRole(organizationId: $organizationId, userId: $userId, role: $role) { id role }\n  }\n": types.UpdateMemberRoleDocument,
    "\n  mutation RemoveMember($organizationId: ID!, $userId: ID!) {\n    removeMember(organizationId: $organizationId, userId: $userId)\n  }\n": types.RemoveMemberDocument,
    "\n  query Catalog {\n    upstreams { id name ...UpstreamRow }\n    catalogModels { id ...CatalogModelRow }\n  }\n": types.CatalogDocument,
    "\n  mutation CreditWallet($organizationId: ID!, $amount: Money!, $reference: String!, $description: String) {\n    creditWallet(organizationId: $organizationId, amount: $amount, reference: $reference, description: $description) { organizationId balance availableAmount isActive }\n  }\n": types.CreditWalletDocument,
    "\n  fragment CatalogModelRow on Model {\n    id name upstreamModel inputPricePerMillion cachedInputPricePerMillion outputPricePerMillion contextWindow defaultMaxOutputTokens groups enabled\n    upstream { id name }\n  }\n": types.CatalogModelRowFragmentDoc,
    "\n  mutation CreateModel($input: ModelInput!) {\n    createModel(input: $input) { id }\n  }\n": types.CreateModelDocument,
    "\n  mutation UpdateModel($id: ID!, $input: ModelInput!) {\n    updateModel(id: $id, input: $input) { id name enabled }\n  }\n": types.UpdateModelDocument,
    "\n  fragment OrganizationGrantEditor on Organization { id displayName modelAccess { models groups } caps { projectsPerOrganization apiKeysPerProject } }\n": types.OrganizationGrantEditorFragmentDoc,
    "\n  mutation SetOrganizationModelAccess($organizationId: ID!, $access: ModelAccessInput!) {\n    setOrganizationModelAccess(organizationId: $organizationId, access: $access) { id modelAccess { models groups } }\n  }\n": types.SetOrganizationModelAccessDocument,
    "\n  mutation SetOrganizationCaps($organizationId: ID!, $caps: OrganizationCapsInput!) {\n    setOrganizationCaps(organizationId: $organizationId, caps: $caps) { id caps { projectsPerOrganization apiKeysPerProject } }\n  }\n": types.SetOrganizationCapsDocument,
    "\n  fragment OperatedOrganizationRow on Organization {\n    id name displayName verificationTier\n    caps { projectsPerOrganization apiKeysPerProject }\n    modelAccess { models groups }\n    verification { id status }\n  }\n": types.OperatedOrganizationRowFragmentDoc,
    "\n  query AllOrganizations($search: String) {\n    allOrganizations(search: $search) { id ...OperatedOrganizationRow ...OrganizationGrantEditor }\n  }\n": types.AllOrganizationsDocument,
    "\n  fragment OutboxRow on OutboxMessage { id to subject text status attempts lastError createdAt sentAt }\n": types.OutboxRowFragmentDoc,
    "\n  query Outbox($to: String) {\n    outboxMessages(to: $to, first: 200) { id ...OutboxRow }\n  }\n": types.OutboxDocument,
    "\n  mutation IssueRedemptionCodes($amount: Money!, $count: Int!, $expiresAt: DateTime!, $description: String) {\n    issueRedemptionCodes(amount: $amount, count: $count, expiresAt: $expiresAt, description: $description) {\n      batch { id amount count expiresAt description }\n      codes\n    }\n  }\n": types.IssueRedemptionCodesDocument,
    "\n  fragment UpstreamRow on Upstream { id name baseUrl hasCredential createdAt }\n": types.UpstreamRowFragmentDoc,
    "\n  mutation CreateUpstream($input: UpstreamInput!) {\n    createUpstream(input: $input) { id }\n  }\n": types.CreateUpstreamDocument,
    "\n  mutation UpdateUpstream($id: ID!, $input: UpstreamInput!) {\n    updateUpstream(id: $id, input: $input) { id name baseUrl hasCredential }\n  }\n": types.UpdateUpstreamDocument,
    "\n  fragment VerificationRow on OrganizationVerification {\n    id companyName registrationNumber contactName contactEmail country createdAt\n    organization { id displayName name }\n  }\n": types.VerificationRowFragmentDoc,
    "\n  query VerificationQueue {\n    organizationVerifications(status: PENDING) { id ...VerificationRow }\n  }\n": types.VerificationQueueDocument,
    "\n  mutation ApproveVerification($id: ID!) {\n    approveOrganizationVerification(id: $id) { id status }\n  }\n": types.ApproveVerificationDocument,
    "\n  mutation RejectVerification($id: ID!, $reason: String!) {\n    rejectOrganizationVerification(id: $id, reason: $reason) { id status rejectionReason }\n  }\n": types.RejectVerificationDocument,
    "\n  mutation SetWalletActive($organizationId: ID!, $isActive: Boolean!) {\n    setWalletActive(organizationId: $organizationId, isActive: $isActive) { organizationId balance isActive }\n  }\n": types.SetWalletActiveDocument,
    "\n  query WalletOrganizations {\n    allOrganizations { id name displayName }\n  }\n": types.WalletOrganizationsDocument,
    "\n  fragment AuditContentSetting on Organization { id auditContent { policy retentionDays } }\n": types.AuditContentSettingFragmentDoc,
    "\n  mutation SetAuditContentPolicy($organizationId: ID!, $policy: AuditContentPolicy!, $retentionDays: Int!) {\n    setAuditContentPolicy(organizationId: $organizationId, policy: $policy, retentionDays: $retentionDays) { id auditContent { policy retentionDays } }\n  }\n": types.SetAuditContentPolicyDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { id displayName }\n  }\n": types.CreateOrganizationDocument,
    "\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id verificationTier viewerCanRequestVerification\n      caps { projectsPerOrganization apiKeysPerProject }\n      modelAccess { models groups }\n      ...AuditContentSetting\n      verification { id status companyName createdAt rejectionReason ...VerificationPrefill }\n    }\n  }\n": types.OrganizationSettingsDocument,
    "\n  fragment VerificationPrefill on OrganizationVerification { companyName registrationNumber contactName contactEmail country }\n": types.VerificationPrefillFragmentDoc,
    "\n  mutation SubmitOrganizationVerification($organizationId: ID!, $input: OrganizationVerificationInput!) {\n    submitOrganizationVerification(organizationId: $organizationId, input: $input) { id status }\n  }\n": types.SubmitOrganizationVerificationDocument,
    "\n  query OrganizationModelAccess($organizationId: ID!) {\n    organization(id: $organizationId) { id modelAccess { models groups } }\n  }\n": types.OrganizationModelAccessDocument,
    "\n  mutation SetProjectModelAccess($projectId: ID!, $access: ModelAccessInput) {\n    setProjectModelAccess(projectId: $projectId, access: $access) { id modelAccess { models groups } }\n  }\n": types.SetProjectModelAccessDocument,
    "\n  query ProjectModels($projectId: ID!) {\n    availableModels(projectId: $projectId) { id name inputPricePerMillion cachedInputPricePerMillion outputPricePerMillion contextWindow }\n    project(id: $projectId) { id modelAccess { models groups } }\n  }\n": types.ProjectModelsDocument,
    "\n  query ProjectDetails($id: ID!, $organizationId: ID!) {\n    project(id: $id) {\n      id description primaryWorkload expectedMonthlySpend escalationContact\n      members { id userId ...ProjectMemberRow }\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) { data { userId user { id name email } } }\n  }\n": types.ProjectDetailsDocument,
    "\n  fragment ProjectMemberRow on ProjectMember { id userId role user { id name email } }\n": types.ProjectMemberRowFragmentDoc,
    "\n  mutation AddProjectMember($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    addProjectMember(projectId: $projectId, userId: $userId, role: $role) { id }\n  }\n": types.AddProjectMemberDocument,
    "\n  mutation UpdateProjectMemberRole($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    updateProjectMemberRole(projectId: $projectId, userId: $userId, role: $role) { id role }\n  }\n": types.UpdateProjectMemberRoleDocument,
    "\n  mutation RemoveProjectMember($projectId: ID!, $userId: ID!) {\n    removeProjectMember(projectId: $projectId, userId: $userId)\n  }\n": types.RemoveProjectMemberDocument,
    "\n  fragment ProjectRow on Project { id name status environment viewer { role } ...ProjectPermissions }\n": types.ProjectRowFragmentDoc,
    "\n  query OrganizationProjects($organizationId: ID!) {\n    projects(organizationId: $organizationId) { id ...ProjectRow }\n  }\n": types.OrganizationProjectsDocument,
    "\n  mutation CreateProject($organizationId: ID!, $input: CreateProjectInput!) {\n    createProject(organizationId: $organizationId, input: $input) { id name }\n  }\n": types.CreateProjectDocument,
    "\n  query RequestFilters($projectId: ID!) {\n    apiKeys(projectId: $projectId) { id name prefix lastFour }\n    availableModels(projectId: $projectId) { name }\n  }\n": types.RequestFiltersDocument,
    "\n  fragment RequestRow on RequestLog { id time apiKeyId model status inputTokens cachedInputTokens outputTokens reasoningTokens usageSource cost latencyMs upstreamLatencyMs stream errorCode content }\n": types.RequestRowFragmentDoc,
    "\n  query RequestLogs($projectId: ID!, $filter: RequestLogFilter, $after: String) {\n    requestLogs(projectId: $projectId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      nodes { id ...RequestRow }\n    }\n  }\n": types.RequestLogsDocument,
    "\n  mutation CreateProjectFromTemplate($organizationId: ID!, $templateId: ID!, $input: CreateProjectInput!) {\n    createProjectFromTemplate(organizationId: $organizationId, templateId: $templateId, input: $input) {\n      project { id name }\n      apiKeys { secret apiKey { id name } }\n    }\n  }\n": types.CreateProjectFromTemplateDocument,
    "\n  mutation CreateProjectTemplate($organizationId: ID!, $input: CreateProjectTemplateInput!) {\n    createProjectTemplate(organizationId: $organizationId, input: $input) { id name }\n  }\n": types.CreateProjectTemplateDocument,
    "\n  fragment TemplateRow on ProjectTemplate {\n    id name description category tags isSystem isPublic usageCount\n    config { quota { ...QuotaValues } access { models groups } apiKeyNames }\n  }\n": types.TemplateRowFragmentDoc,
    "\n  query OrganizationTemplates($organizationId: ID!) {\n    projectTemplates(organizationId: $organizationId) { id name ...TemplateRow }\n  }\n": types.OrganizationTemplatesDocument,
    "\n  mutation RedeemCode($organizationId: ID!, $code: String!) {\n    redeemCode(organizationId: $organizationId, code: $code) { organizationId balance frozenAmount availableAmount currency isActive }\n  }\n": types.RedeemCodeDocument,
    "\n  fragment WalletBalance on Wallet { organizationId balance frozenAmount availableAmount currency isActive }\n": types.WalletBalanceFragmentDoc,
    "\n  query OrganizationWallet($organizationId: ID!) {\n    wallet(organizationId: $organizationId) { organizationId ...WalletBalance }\n  }\n": types.OrganizationWalletDocument,
    "\n  fragment WalletRecordRow on WalletRecord { id seq type amount previousBalance currentBalance description reference requestLogId createdAt }\n": types.WalletRecordRowFragmentDoc,
    "\n  query WalletRecords($organizationId: ID!, $filter: WalletRecordFilter, $after: String) {\n    walletRecords(organizationId: $organizationId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      totals { count moneyIn moneyOut }\n      nodes { id ...WalletRecordRow }\n    }\n  }\n": types.WalletRecordsDocument,
    "\n  query WalletRecordsCsv($organizationId: ID!, $filter: WalletRecordFilter) {\n    walletRecordsCsv(organizationId: $organizationId, filter: $filter)\n  }\n": types.WalletRecordsCsvDocument,
    "\n  fragment OrganizationPermissions on Organization { id viewerPermissions }\n": types.OrganizationPermissionsFragmentDoc,
    "\n  fragment ProjectPermissions on Project { id viewerPermissions }\n": types.ProjectPermissionsFragmentDoc,
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
export function graphql(source: "\n  query OrganizationHeader($id: ID!) {\n    organization(id: $id) { id name displayName ...OrganizationPermissions }\n  }\n"): (typeof documents)["\n  query OrganizationHeader($id: ID!) {\n    organization(id: $id) { id name displayName ...OrganizationPermissions }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectHeader($id: ID!) {\n    project(id: $id) { id name status environment organizationId ...ProjectPermissions }\n  }\n"): (typeof documents)["\n  query ProjectHeader($id: ID!) {\n    project(id: $id) { id name status environment organizationId ...ProjectPermissions }\n  }\n"];
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
export function graphql(source: "\n  fragment BulkInviteReport on BulkInviteReport { id status totalCount successCount failureCount csv records { row email name status code reason inviteUrl } }\n"): (typeof documents)["\n  fragment BulkInviteReport on BulkInviteReport { id status totalCount successCount failureCount csv records { row email name status code reason inviteUrl } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewBulkInvite($organizationId: ID!, $csv: String!) {\n    previewBulkInvite(organizationId: $organizationId, csv: $csv) { id ...BulkInviteReport }\n  }\n"): (typeof documents)["\n  query PreviewBulkInvite($organizationId: ID!, $csv: String!) {\n    previewBulkInvite(organizationId: $organizationId, csv: $csv) { id ...BulkInviteReport }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkInviteMembers($organizationId: ID!, $csv: String!) {\n    bulkInviteMembers(organizationId: $organizationId, csv: $csv) { id ...BulkInviteReport }\n  }\n"): (typeof documents)["\n  mutation BulkInviteMembers($organizationId: ID!, $csv: String!) {\n    bulkInviteMembers(organizationId: $organizationId, csv: $csv) { id ...BulkInviteReport }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvitationRow on Invitation { id email name role status expiresAt invitedBy { name } }\n"): (typeof documents)["\n  fragment InvitationRow on Invitation { id email name role status expiresAt invitedBy { name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingInvitations($organizationId: ID!) {\n    invitations(organizationId: $organizationId) { id ...InvitationRow }\n  }\n"): (typeof documents)["\n  query PendingInvitations($organizationId: ID!) {\n    invitations(organizationId: $organizationId) { id ...InvitationRow }\n  }\n"];
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
export function graphql(source: "\n  fragment InviteTokenRow on InviteToken { id description prefix usageCount maxUsageCount expiresAt status createdBy { name } }\n"): (typeof documents)["\n  fragment InviteTokenRow on InviteToken { id description prefix usageCount maxUsageCount expiresAt status createdBy { name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InviteTokens($organizationId: ID!) {\n    inviteTokens(organizationId: $organizationId) { id ...InviteTokenRow }\n  }\n"): (typeof documents)["\n  query InviteTokens($organizationId: ID!) {\n    inviteTokens(organizationId: $organizationId) { id ...InviteTokenRow }\n  }\n"];
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
export function graphql(source: "\n  fragment ApiKeyActions on ApiKey { id name viewerCanRevoke viewerCanRotate }\n"): (typeof documents)["\n  fragment ApiKeyActions on ApiKey { id name viewerCanRevoke viewerCanRotate }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($projectId: ID!, $id: ID!) {\n    revokeApiKey(projectId: $projectId, id: $id) { id status revokedAt viewerCanRevoke viewerCanRotate }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($projectId: ID!, $id: ID!) {\n    revokeApiKey(projectId: $projectId, id: $id) { id status revokedAt viewerCanRevoke viewerCanRotate }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateApiKey($projectId: ID!, $id: ID!, $gracePeriodSeconds: Int!, $requestId: String!) {\n    rotateApiKey(projectId: $projectId, id: $id, gracePeriodSeconds: $gracePeriodSeconds, requestId: $requestId) {\n      secret\n      apiKey { id }\n      previous { id expiresAt status viewerCanRotate }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateApiKey($projectId: ID!, $id: ID!, $gracePeriodSeconds: Int!, $requestId: String!) {\n    rotateApiKey(projectId: $projectId, id: $id, gracePeriodSeconds: $gracePeriodSeconds, requestId: $requestId) {\n      secret\n      apiKey { id }\n      previous { id expiresAt status viewerCanRotate }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyRow on ApiKey {\n    id name prefix lastFour owner createdAt lastUsedAt expiresAt status effectiveModels\n    createdBy { id name }\n    ...ApiKeyActions\n  }\n"): (typeof documents)["\n  fragment ApiKeyRow on ApiKey {\n    id name prefix lastFour owner createdAt lastUsedAt expiresAt status effectiveModels\n    createdBy { id name }\n    ...ApiKeyActions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectApiKeys($projectId: ID!) {\n    apiKeys(projectId: $projectId) { id ...ApiKeyRow }\n    availableModels(projectId: $projectId) { id name }\n  }\n"): (typeof documents)["\n  query ProjectApiKeys($projectId: ID!) {\n    apiKeys(projectId: $projectId) { id ...ApiKeyRow }\n    availableModels(projectId: $projectId) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($projectId: ID!, $input: CreateApiKeyInput!) {\n    createApiKey(projectId: $projectId, input: $input) { secret apiKey { id } }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($projectId: ID!, $input: CreateApiKeyInput!) {\n    createApiKey(projectId: $projectId, input: $input) { secret apiKey { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationLimitValues on OrganizationLimits { rpm tpm rph rpd tpd dailyBudget monthlyBudget }\n"): (typeof documents)["\n  fragment OrganizationLimitValues on OrganizationLimits { rpm tpm rph rpd tpd dailyBudget monthlyBudget }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrganizationLimits($organizationId: ID!, $input: OrganizationLimitsInput!) {\n    setOrganizationLimits(organizationId: $organizationId, input: $input) { ...OrganizationLimitValues }\n  }\n"): (typeof documents)["\n  mutation SetOrganizationLimits($organizationId: ID!, $input: OrganizationLimitsInput!) {\n    setOrganizationLimits(organizationId: $organizationId, input: $input) { ...OrganizationLimitValues }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationLimitsDetails($organizationId: ID!) {\n    organizationLimits(organizationId: $organizationId) { ...OrganizationLimitValues }\n  }\n"): (typeof documents)["\n  query OrganizationLimitsDetails($organizationId: ID!) {\n    organizationLimits(organizationId: $organizationId) { ...OrganizationLimitValues }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectQuotaForm on ProjectQuotaSettings { projectId quota { ...QuotaValues } effective { ...QuotaValues } }\n"): (typeof documents)["\n  fragment ProjectQuotaForm on ProjectQuotaSettings { projectId quota { ...QuotaValues } effective { ...QuotaValues } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetProjectQuota($projectId: ID!, $input: ProjectQuotaInput!) {\n    setProjectQuota(projectId: $projectId, input: $input) { ...ProjectQuotaForm }\n  }\n"): (typeof documents)["\n  mutation SetProjectQuota($projectId: ID!, $input: ProjectQuotaInput!) {\n    setProjectQuota(projectId: $projectId, input: $input) { ...ProjectQuotaForm }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectQuotaDetails($projectId: ID!) {\n    projectQuota(projectId: $projectId) { projectId ...ProjectQuotaForm }\n  }\n"): (typeof documents)["\n  query ProjectQuotaDetails($projectId: ID!) {\n    projectQuota(projectId: $projectId) { projectId ...ProjectQuotaForm }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuotaValues on ProjectQuota {\n    dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay\n  }\n"): (typeof documents)["\n  fragment QuotaValues on ProjectQuota {\n    dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuotaUsage($projectId: ID!) {\n    quotaUsage(projectId: $projectId, period: MONTH) {\n      projectId\n      dailyUsage { requestCount tokenCount spent date }\n      monthlyUsage { requestCount tokenCount spent resetDay periodStart }\n      effective { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n    }\n  }\n"): (typeof documents)["\n  query QuotaUsage($projectId: ID!) {\n    quotaUsage(projectId: $projectId, period: MONTH) {\n      projectId\n      dailyUsage { requestCount tokenCount spent date }\n      monthlyUsage { requestCount tokenCount spent resetDay periodStart }\n      effective { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit dailyBudget monthlyBudget enforceQuota customResetDay }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberRow on OrganizationMember { id userId role grants joinedAt viewerAssignableRoles viewerCanRemove user { id name email } }\n"): (typeof documents)["\n  fragment MemberRow on OrganizationMember { id userId role grants joinedAt viewerAssignableRoles viewerCanRemove user { id name email } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationMembers($organizationId: ID!, $page: Int!, $size: Int!, $search: String, $role: OrgRole) {\n    organization(id: $organizationId) { id viewerInvitableRoles }\n    members(organizationId: $organizationId, page: $page, size: $size, search: $search, role: $role) {\n      total page size\n      data { id ...MemberRow }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationMembers($organizationId: ID!, $page: Int!, $size: Int!, $search: String, $role: OrgRole) {\n    organization(id: $organizationId) { id viewerInvitableRoles }\n    members(organizationId: $organizationId, page: $page, size: $size, search: $search, role: $role) {\n      total page size\n      data { id ...MemberRow }\n    }\n  }\n"];
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
export function graphql(source: "\n  query Catalog {\n    upstreams { id name ...UpstreamRow }\n    catalogModels { id ...CatalogModelRow }\n  }\n"): (typeof documents)["\n  query Catalog {\n    upstreams { id name ...UpstreamRow }\n    catalogModels { id ...CatalogModelRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditWallet($organizationId: ID!, $amount: Money!, $reference: String!, $description: String) {\n    creditWallet(organizationId: $organizationId, amount: $amount, reference: $reference, description: $description) { organizationId balance availableAmount isActive }\n  }\n"): (typeof documents)["\n  mutation CreditWallet($organizationId: ID!, $amount: Money!, $reference: String!, $description: String) {\n    creditWallet(organizationId: $organizationId, amount: $amount, reference: $reference, description: $description) { organizationId balance availableAmount isActive }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CatalogModelRow on Model {\n    id name upstreamModel inputPricePerMillion cachedInputPricePerMillion outputPricePerMillion contextWindow defaultMaxOutputTokens groups enabled\n    upstream { id name }\n  }\n"): (typeof documents)["\n  fragment CatalogModelRow on Model {\n    id name upstreamModel inputPricePerMillion cachedInputPricePerMillion outputPricePerMillion contextWindow defaultMaxOutputTokens groups enabled\n    upstream { id name }\n  }\n"];
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
export function graphql(source: "\n  fragment OrganizationGrantEditor on Organization { id displayName modelAccess { models groups } caps { projectsPerOrganization apiKeysPerProject } }\n"): (typeof documents)["\n  fragment OrganizationGrantEditor on Organization { id displayName modelAccess { models groups } caps { projectsPerOrganization apiKeysPerProject } }\n"];
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
export function graphql(source: "\n  fragment OperatedOrganizationRow on Organization {\n    id name displayName verificationTier\n    caps { projectsPerOrganization apiKeysPerProject }\n    modelAccess { models groups }\n    verification { id status }\n  }\n"): (typeof documents)["\n  fragment OperatedOrganizationRow on Organization {\n    id name displayName verificationTier\n    caps { projectsPerOrganization apiKeysPerProject }\n    modelAccess { models groups }\n    verification { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllOrganizations($search: String) {\n    allOrganizations(search: $search) { id ...OperatedOrganizationRow ...OrganizationGrantEditor }\n  }\n"): (typeof documents)["\n  query AllOrganizations($search: String) {\n    allOrganizations(search: $search) { id ...OperatedOrganizationRow ...OrganizationGrantEditor }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OutboxRow on OutboxMessage { id to subject text status attempts lastError createdAt sentAt }\n"): (typeof documents)["\n  fragment OutboxRow on OutboxMessage { id to subject text status attempts lastError createdAt sentAt }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Outbox($to: String) {\n    outboxMessages(to: $to, first: 200) { id ...OutboxRow }\n  }\n"): (typeof documents)["\n  query Outbox($to: String) {\n    outboxMessages(to: $to, first: 200) { id ...OutboxRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueRedemptionCodes($amount: Money!, $count: Int!, $expiresAt: DateTime!, $description: String) {\n    issueRedemptionCodes(amount: $amount, count: $count, expiresAt: $expiresAt, description: $description) {\n      batch { id amount count expiresAt description }\n      codes\n    }\n  }\n"): (typeof documents)["\n  mutation IssueRedemptionCodes($amount: Money!, $count: Int!, $expiresAt: DateTime!, $description: String) {\n    issueRedemptionCodes(amount: $amount, count: $count, expiresAt: $expiresAt, description: $description) {\n      batch { id amount count expiresAt description }\n      codes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UpstreamRow on Upstream { id name baseUrl hasCredential createdAt }\n"): (typeof documents)["\n  fragment UpstreamRow on Upstream { id name baseUrl hasCredential createdAt }\n"];
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
export function graphql(source: "\n  fragment VerificationRow on OrganizationVerification {\n    id companyName registrationNumber contactName contactEmail country createdAt\n    organization { id displayName name }\n  }\n"): (typeof documents)["\n  fragment VerificationRow on OrganizationVerification {\n    id companyName registrationNumber contactName contactEmail country createdAt\n    organization { id displayName name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerificationQueue {\n    organizationVerifications(status: PENDING) { id ...VerificationRow }\n  }\n"): (typeof documents)["\n  query VerificationQueue {\n    organizationVerifications(status: PENDING) { id ...VerificationRow }\n  }\n"];
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
export function graphql(source: "\n  fragment AuditContentSetting on Organization { id auditContent { policy retentionDays } }\n"): (typeof documents)["\n  fragment AuditContentSetting on Organization { id auditContent { policy retentionDays } }\n"];
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
export function graphql(source: "\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id verificationTier viewerCanRequestVerification\n      caps { projectsPerOrganization apiKeysPerProject }\n      modelAccess { models groups }\n      ...AuditContentSetting\n      verification { id status companyName createdAt rejectionReason ...VerificationPrefill }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id verificationTier viewerCanRequestVerification\n      caps { projectsPerOrganization apiKeysPerProject }\n      modelAccess { models groups }\n      ...AuditContentSetting\n      verification { id status companyName createdAt rejectionReason ...VerificationPrefill }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VerificationPrefill on OrganizationVerification { companyName registrationNumber contactName contactEmail country }\n"): (typeof documents)["\n  fragment VerificationPrefill on OrganizationVerification { companyName registrationNumber contactName contactEmail country }\n"];
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
export function graphql(source: "\n  query ProjectDetails($id: ID!, $organizationId: ID!) {\n    project(id: $id) {\n      id description primaryWorkload expectedMonthlySpend escalationContact\n      members { id userId ...ProjectMemberRow }\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) { data { userId user { id name email } } }\n  }\n"): (typeof documents)["\n  query ProjectDetails($id: ID!, $organizationId: ID!) {\n    project(id: $id) {\n      id description primaryWorkload expectedMonthlySpend escalationContact\n      members { id userId ...ProjectMemberRow }\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) { data { userId user { id name email } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectMemberRow on ProjectMember { id userId role user { id name email } }\n"): (typeof documents)["\n  fragment ProjectMemberRow on ProjectMember { id userId role user { id name email } }\n"];
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
export function graphql(source: "\n  fragment ProjectRow on Project { id name status environment viewer { role } ...ProjectPermissions }\n"): (typeof documents)["\n  fragment ProjectRow on Project { id name status environment viewer { role } ...ProjectPermissions }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationProjects($organizationId: ID!) {\n    projects(organizationId: $organizationId) { id ...ProjectRow }\n  }\n"): (typeof documents)["\n  query OrganizationProjects($organizationId: ID!) {\n    projects(organizationId: $organizationId) { id ...ProjectRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProject($organizationId: ID!, $input: CreateProjectInput!) {\n    createProject(organizationId: $organizationId, input: $input) { id name }\n  }\n"): (typeof documents)["\n  mutation CreateProject($organizationId: ID!, $input: CreateProjectInput!) {\n    createProject(organizationId: $organizationId, input: $input) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestFilters($projectId: ID!) {\n    apiKeys(projectId: $projectId) { id name prefix lastFour }\n    availableModels(projectId: $projectId) { name }\n  }\n"): (typeof documents)["\n  query RequestFilters($projectId: ID!) {\n    apiKeys(projectId: $projectId) { id name prefix lastFour }\n    availableModels(projectId: $projectId) { name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequestRow on RequestLog { id time apiKeyId model status inputTokens cachedInputTokens outputTokens reasoningTokens usageSource cost latencyMs upstreamLatencyMs stream errorCode content }\n"): (typeof documents)["\n  fragment RequestRow on RequestLog { id time apiKeyId model status inputTokens cachedInputTokens outputTokens reasoningTokens usageSource cost latencyMs upstreamLatencyMs stream errorCode content }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestLogs($projectId: ID!, $filter: RequestLogFilter, $after: String) {\n    requestLogs(projectId: $projectId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      nodes { id ...RequestRow }\n    }\n  }\n"): (typeof documents)["\n  query RequestLogs($projectId: ID!, $filter: RequestLogFilter, $after: String) {\n    requestLogs(projectId: $projectId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      nodes { id ...RequestRow }\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment TemplateRow on ProjectTemplate {\n    id name description category tags isSystem isPublic usageCount\n    config { quota { ...QuotaValues } access { models groups } apiKeyNames }\n  }\n"): (typeof documents)["\n  fragment TemplateRow on ProjectTemplate {\n    id name description category tags isSystem isPublic usageCount\n    config { quota { ...QuotaValues } access { models groups } apiKeyNames }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationTemplates($organizationId: ID!) {\n    projectTemplates(organizationId: $organizationId) { id name ...TemplateRow }\n  }\n"): (typeof documents)["\n  query OrganizationTemplates($organizationId: ID!) {\n    projectTemplates(organizationId: $organizationId) { id name ...TemplateRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeemCode($organizationId: ID!, $code: String!) {\n    redeemCode(organizationId: $organizationId, code: $code) { organizationId balance frozenAmount availableAmount currency isActive }\n  }\n"): (typeof documents)["\n  mutation RedeemCode($organizationId: ID!, $code: String!) {\n    redeemCode(organizationId: $organizationId, code: $code) { organizationId balance frozenAmount availableAmount currency isActive }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WalletBalance on Wallet { organizationId balance frozenAmount availableAmount currency isActive }\n"): (typeof documents)["\n  fragment WalletBalance on Wallet { organizationId balance frozenAmount availableAmount currency isActive }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationWallet($organizationId: ID!) {\n    wallet(organizationId: $organizationId) { organizationId ...WalletBalance }\n  }\n"): (typeof documents)["\n  query OrganizationWallet($organizationId: ID!) {\n    wallet(organizationId: $organizationId) { organizationId ...WalletBalance }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WalletRecordRow on WalletRecord { id seq type amount previousBalance currentBalance description reference requestLogId createdAt }\n"): (typeof documents)["\n  fragment WalletRecordRow on WalletRecord { id seq type amount previousBalance currentBalance description reference requestLogId createdAt }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletRecords($organizationId: ID!, $filter: WalletRecordFilter, $after: String) {\n    walletRecords(organizationId: $organizationId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      totals { count moneyIn moneyOut }\n      nodes { id ...WalletRecordRow }\n    }\n  }\n"): (typeof documents)["\n  query WalletRecords($organizationId: ID!, $filter: WalletRecordFilter, $after: String) {\n    walletRecords(organizationId: $organizationId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      totals { count moneyIn moneyOut }\n      nodes { id ...WalletRecordRow }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletRecordsCsv($organizationId: ID!, $filter: WalletRecordFilter) {\n    walletRecordsCsv(organizationId: $organizationId, filter: $filter)\n  }\n"): (typeof documents)["\n  query WalletRecordsCsv($organizationId: ID!, $filter: WalletRecordFilter) {\n    walletRecordsCsv(organizationId: $organizationId, filter: $filter)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationPermissions on Organization { id viewerPermissions }\n"): (typeof documents)["\n  fragment OrganizationPermissions on Organization { id viewerPermissions }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectPermissions on Project { id viewerPermissions }\n"): (typeof documents)["\n  fragment ProjectPermissions on Project { id viewerPermissions }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;