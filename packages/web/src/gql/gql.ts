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
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      isOperator\n    }\n    myOrganizations {\n      id\n      displayName\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query OrganizationHeader($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      displayName\n      ...OrganizationPermissions\n    }\n  }\n": typeof types.OrganizationHeaderDocument,
    "\n  query ProjectHeader($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      status\n      environment\n      organizationId\n      ...ProjectPermissions\n    }\n  }\n": typeof types.ProjectHeaderDocument,
    "\n  fragment AlertRow on Alert {\n    id\n    kind\n    period\n    periodKey\n    metric\n    projectId\n    projectName\n    threshold\n    value\n    limitValue\n    message\n    firedAt\n    resolvedAt\n    resolved\n    suppressed\n    test\n    deliveries {\n      id\n      channel\n      to\n      status\n      lastError\n      sentAt\n      attempts {\n        at\n        statusCode\n        latencyMs\n        error\n      }\n    }\n  }\n": typeof types.AlertRowFragmentDoc,
    "\n  query AlertHistory($organizationId: ID!, $projectId: ID, $after: String) {\n    alerts(organizationId: $organizationId, projectId: $projectId, first: 20, after: $after) {\n      endCursor\n      nodes {\n        id\n        ...AlertRow\n      }\n    }\n  }\n": typeof types.AlertHistoryDocument,
    "\n  subscription AlertFired($organizationId: ID!) {\n    alertFired(organizationId: $organizationId) {\n      id\n      projectId\n      ...AlertRow\n    }\n  }\n": typeof types.AlertFiredDocument,
    "\n  fragment BalanceAlertsForm on BalanceAlertSettings {\n    organizationId\n    thresholds\n    emailEnabled\n    smsEnabled\n    maxDailyAlerts\n    webhookEndpointId\n    webhookEndpoint {\n      id\n      description\n      host\n      disabled\n    }\n    messageTemplate\n    placeholders\n  }\n": typeof types.BalanceAlertsFormFragmentDoc,
    "\n  mutation SetBalanceAlerts($organizationId: ID!, $input: BalanceAlertsInput!) {\n    setBalanceAlerts(organizationId: $organizationId, input: $input) {\n      ...BalanceAlertsForm\n    }\n  }\n": typeof types.SetBalanceAlertsDocument,
    "\n  fragment ConsumptionAlertsForm on ConsumptionAlertSettings {\n    projectId\n    dailyAmounts\n    monthlyAmounts\n    emailEnabled\n    smsEnabled\n    webhookEndpointId\n    webhookEndpoint {\n      id\n      description\n      host\n      disabled\n    }\n    messageTemplate\n    placeholders\n  }\n": typeof types.ConsumptionAlertsFormFragmentDoc,
    "\n  mutation SetConsumptionAlerts($projectId: ID!, $input: ConsumptionAlertsInput!) {\n    setConsumptionAlerts(projectId: $projectId, input: $input) {\n      ...ConsumptionAlertsForm\n    }\n  }\n": typeof types.SetConsumptionAlertsDocument,
    "\n  query BalanceAlertsDetails($organizationId: ID!) {\n    balanceAlerts(organizationId: $organizationId) {\n      organizationId\n      ...BalanceAlertsForm\n    }\n    webhookEndpoints(organizationId: $organizationId) {\n      id\n      ...WebhookEndpointRow\n    }\n  }\n": typeof types.BalanceAlertsDetailsDocument,
    "\n  query OrganizationQuotaAlertsDetails($organizationId: ID!) {\n    organizationQuotaAlerts(organizationId: $organizationId) {\n      organizationId\n      ...QuotaAlertsForm\n    }\n  }\n": typeof types.OrganizationQuotaAlertsDetailsDocument,
    "\n  query ProjectAlertsDetails($projectId: ID!) {\n    consumptionAlerts(projectId: $projectId) {\n      projectId\n      ...ConsumptionAlertsForm\n    }\n    quotaAlerts(projectId: $projectId) {\n      projectId\n      ...QuotaAlertsForm\n    }\n  }\n": typeof types.ProjectAlertsDetailsDocument,
    "\n  query WebhookEndpointChoices($projectId: ID!) {\n    webhookEndpointChoices(projectId: $projectId) {\n      id\n      description\n      host\n      disabled\n    }\n  }\n": typeof types.WebhookEndpointChoicesDocument,
    "\n  fragment QuotaAlertsForm on QuotaAlertSettings {\n    organizationId\n    projectId\n    shares\n    emailEnabled\n    smsEnabled\n    webhookEndpointId\n    webhookEndpoint {\n      id\n      description\n      host\n      disabled\n    }\n    messageTemplate\n    placeholders\n  }\n": typeof types.QuotaAlertsFormFragmentDoc,
    "\n  mutation SetQuotaAlerts($projectId: ID!, $input: QuotaAlertsInput!) {\n    setQuotaAlerts(projectId: $projectId, input: $input) {\n      ...QuotaAlertsForm\n    }\n  }\n": typeof types.SetQuotaAlertsDocument,
    "\n  mutation SetOrganizationQuotaAlerts($organizationId: ID!, $input: QuotaAlertsInput!) {\n    setOrganizationQuotaAlerts(organizationId: $organizationId, input: $input) {\n      ...QuotaAlertsForm\n    }\n  }\n": typeof types.SetOrganizationQuotaAlertsDocument,
    "\n  mutation SendTestAlert($organizationId: ID!, $projectId: ID, $kind: AlertKind!) {\n    sendTestAlert(organizationId: $organizationId, projectId: $projectId, kind: $kind) {\n      id\n      deliveries {\n        id\n      }\n    }\n  }\n": typeof types.SendTestAlertDocument,
    "\n  fragment WebhookEndpointRow on WebhookEndpoint {\n    id\n    url\n    description\n    customHeaders {\n      name\n      value\n    }\n    createdAt\n    previousSecretExpiresAt\n    failingSince\n    disabledAt\n  }\n": typeof types.WebhookEndpointRowFragmentDoc,
    "\n  mutation CreateWebhookEndpoint($organizationId: ID!, $input: WebhookEndpointInput!) {\n    createWebhookEndpoint(organizationId: $organizationId, input: $input) {\n      secret\n      endpoint {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($organizationId: ID!, $id: ID!) {\n    rotateWebhookSecret(organizationId: $organizationId, id: $id) {\n      secret\n      endpoint {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation DisableWebhookEndpoint($organizationId: ID!, $id: ID!) {\n    disableWebhookEndpoint(organizationId: $organizationId, id: $id) {\n      id\n      ...WebhookEndpointRow\n    }\n  }\n": typeof types.DisableWebhookEndpointDocument,
    "\n  mutation EnableWebhookEndpoint($organizationId: ID!, $id: ID!) {\n    enableWebhookEndpoint(organizationId: $organizationId, id: $id) {\n      id\n      ...WebhookEndpointRow\n    }\n  }\n": typeof types.EnableWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($organizationId: ID!, $id: ID!) {\n    deleteWebhookEndpoint(organizationId: $organizationId, id: $id)\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      id\n      email\n      name\n      isOperator\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      id\n      email\n      name\n      isOperator\n    }\n  }\n": typeof types.SignInDocument,
    "\n  fragment BulkInviteReport on BulkInviteReport {\n    id\n    status\n    totalCount\n    successCount\n    failureCount\n    csv\n    records {\n      row\n      email\n      name\n      status\n      code\n      reason\n      inviteUrl\n    }\n  }\n": typeof types.BulkInviteReportFragmentDoc,
    "\n  query PreviewBulkInvite($organizationId: ID!, $csv: String!) {\n    previewBulkInvite(organizationId: $organizationId, csv: $csv) {\n      id\n      ...BulkInviteReport\n    }\n  }\n": typeof types.PreviewBulkInviteDocument,
    "\n  mutation BulkInviteMembers($organizationId: ID!, $csv: String!) {\n    bulkInviteMembers(organizationId: $organizationId, csv: $csv) {\n      id\n      ...BulkInviteReport\n    }\n  }\n": typeof types.BulkInviteMembersDocument,
    "\n  fragment InvitationRow on Invitation {\n    id\n    email\n    name\n    role\n    status\n    expiresAt\n    invitedBy {\n      name\n    }\n  }\n": typeof types.InvitationRowFragmentDoc,
    "\n  query PendingInvitations($organizationId: ID!) {\n    invitations(organizationId: $organizationId) {\n      id\n      ...InvitationRow\n    }\n  }\n": typeof types.PendingInvitationsDocument,
    "\n  mutation InviteMembers($organizationId: ID!, $invitations: [InvitationInput!]!) {\n    inviteMembers(organizationId: $organizationId, invitations: $invitations) {\n      inviteUrl\n      invitation {\n        id\n        email\n      }\n    }\n  }\n": typeof types.InviteMembersDocument,
    "\n  mutation ResendInvitation($organizationId: ID!, $id: ID!) {\n    resendInvitation(organizationId: $organizationId, id: $id) {\n      inviteUrl\n      invitation {\n        id\n        status\n        expiresAt\n      }\n    }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($organizationId: ID!, $id: ID!) {\n    revokeInvitation(organizationId: $organizationId, id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  fragment InviteTokenRow on InviteToken {\n    id\n    description\n    prefix\n    usageCount\n    maxUsageCount\n    expiresAt\n    status\n    createdBy {\n      name\n    }\n  }\n": typeof types.InviteTokenRowFragmentDoc,
    "\n  query InviteTokens($organizationId: ID!) {\n    inviteTokens(organizationId: $organizationId) {\n      id\n      ...InviteTokenRow\n    }\n  }\n": typeof types.InviteTokensDocument,
    "\n  mutation CreateInviteToken($organizationId: ID!, $input: CreateInviteTokenInput!) {\n    createInviteToken(organizationId: $organizationId, input: $input) {\n      id\n      token\n      inviteUrl\n      maxUsageCount\n      usageCount\n      expiresAt\n    }\n  }\n": typeof types.CreateInviteTokenDocument,
    "\n  mutation RevokeInviteToken($organizationId: ID!, $id: ID!) {\n    revokeInviteToken(organizationId: $organizationId, id: $id) {\n      id\n      status\n      revokedAt\n    }\n  }\n": typeof types.RevokeInviteTokenDocument,
    "\n  query JoinPreview($token: String!) {\n    invitationPreview(token: $token) {\n      kind\n      organizationDisplayName\n      email\n      name\n      role\n      expiresAt\n    }\n    me {\n      id\n      email\n    }\n  }\n": typeof types.JoinPreviewDocument,
    "\n  mutation AcceptInvite($token: String!) {\n    acceptInvite(token: $token) {\n      id\n      displayName\n    }\n  }\n": typeof types.AcceptInviteDocument,
    "\n  mutation SignUpAndJoin($input: SignUpInput!) {\n    signUp(input: $input) {\n      id\n    }\n  }\n": typeof types.SignUpAndJoinDocument,
    "\n  fragment ApiKeyActions on ApiKey {\n    id\n    name\n    viewerCanRevoke\n    viewerCanRotate\n  }\n": typeof types.ApiKeyActionsFragmentDoc,
    "\n  mutation RevokeApiKey($projectId: ID!, $id: ID!) {\n    revokeApiKey(projectId: $projectId, id: $id) {\n      id\n      status\n      revokedAt\n      viewerCanRevoke\n      viewerCanRotate\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation RotateApiKey($projectId: ID!, $id: ID!, $gracePeriodSeconds: Int!, $requestId: String!) {\n    rotateApiKey(projectId: $projectId, id: $id, gracePeriodSeconds: $gracePeriodSeconds, requestId: $requestId) {\n      secret\n      apiKey {\n        id\n      }\n      previous {\n        id\n        expiresAt\n        status\n        viewerCanRotate\n      }\n    }\n  }\n": typeof types.RotateApiKeyDocument,
    "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    lastFour\n    owner\n    createdAt\n    lastUsedAt\n    expiresAt\n    status\n    effectiveModels\n    createdBy {\n      id\n      name\n    }\n    ...ApiKeyActions\n  }\n": typeof types.ApiKeyRowFragmentDoc,
    "\n  query ProjectApiKeys($projectId: ID!) {\n    apiKeys(projectId: $projectId) {\n      id\n      ...ApiKeyRow\n    }\n    availableModels(projectId: $projectId) {\n      id\n      name\n    }\n  }\n": typeof types.ProjectApiKeysDocument,
    "\n  mutation CreateApiKey($projectId: ID!, $input: CreateApiKeyInput!) {\n    createApiKey(projectId: $projectId, input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  fragment OrganizationLimitValues on OrganizationLimits {\n    rpm\n    tpm\n    rph\n    rpd\n    tpd\n    dailyBudget\n    monthlyBudget\n  }\n": typeof types.OrganizationLimitValuesFragmentDoc,
    "\n  mutation SetOrganizationLimits($organizationId: ID!, $input: OrganizationLimitsInput!) {\n    setOrganizationLimits(organizationId: $organizationId, input: $input) {\n      ...OrganizationLimitValues\n    }\n  }\n": typeof types.SetOrganizationLimitsDocument,
    "\n  query OrganizationLimitsDetails($organizationId: ID!) {\n    organizationLimits(organizationId: $organizationId) {\n      ...OrganizationLimitValues\n    }\n  }\n": typeof types.OrganizationLimitsDetailsDocument,
    "\n  fragment ProjectQuotaForm on ProjectQuotaSettings {\n    projectId\n    quota {\n      ...QuotaValues\n    }\n    effective {\n      ...QuotaValues\n    }\n  }\n": typeof types.ProjectQuotaFormFragmentDoc,
    "\n  mutation SetProjectQuota($projectId: ID!, $input: ProjectQuotaInput!) {\n    setProjectQuota(projectId: $projectId, input: $input) {\n      ...ProjectQuotaForm\n    }\n  }\n": typeof types.SetProjectQuotaDocument,
    "\n  query ProjectQuotaDetails($projectId: ID!) {\n    projectQuota(projectId: $projectId) {\n      projectId\n      ...ProjectQuotaForm\n    }\n  }\n": typeof types.ProjectQuotaDetailsDocument,
    "\n  fragment QuotaValues on ProjectQuota {\n    dailyRequestLimit\n    dailyTokenLimit\n    monthlyRequestLimit\n    monthlyTokenLimit\n    requestsPerMinuteLimit\n    tokensPerMinuteLimit\n    dailyBudget\n    monthlyBudget\n    enforceQuota\n    customResetDay\n  }\n": typeof types.QuotaValuesFragmentDoc,
    "\n  fragment QuotaUsageBars on QuotaUsage {\n    projectId\n    dailyUsage {\n      requestCount\n      tokenCount\n      spent\n      date\n    }\n    monthlyUsage {\n      requestCount\n      tokenCount\n      spent\n      resetDay\n      periodStart\n    }\n    effective {\n      dailyRequestLimit\n      dailyTokenLimit\n      monthlyRequestLimit\n      monthlyTokenLimit\n      dailyBudget\n      monthlyBudget\n      enforceQuota\n      customResetDay\n    }\n  }\n": typeof types.QuotaUsageBarsFragmentDoc,
    "\n  query QuotaUsage($projectId: ID!) {\n    quotaUsage(projectId: $projectId, period: MONTH) {\n      projectId\n      ...QuotaUsageBars\n    }\n  }\n": typeof types.QuotaUsageDocument,
    "\n  subscription QuotaChanged($projectId: ID!) {\n    quotaChanged(projectId: $projectId) {\n      projectId\n      ...QuotaUsageBars\n    }\n  }\n": typeof types.QuotaChangedDocument,
    "\n  fragment MemberRow on OrganizationMember {\n    id\n    userId\n    role\n    grants\n    joinedAt\n    viewerAssignableRoles\n    viewerCanRemove\n    user {\n      id\n      name\n      email\n    }\n  }\n": typeof types.MemberRowFragmentDoc,
    "\n  query OrganizationMembers($organizationId: ID!, $page: Int!, $size: Int!, $search: String, $role: OrgRole) {\n    organization(id: $organizationId) {\n      id\n      viewerInvitableRoles\n    }\n    members(organizationId: $organizationId, page: $page, size: $size, search: $search, role: $role) {\n      total\n      page\n      size\n      data {\n        id\n        ...MemberRow\n      }\n    }\n  }\n": typeof types.OrganizationMembersDocument,
    "\n  mutation UpdateMemberRole($organizationId: ID!, $userId: ID!, $role: OrgRole!) {\n    updateMemberRole(organizationId: $organizationId, userId: $userId, role: $role) {\n      id\n      role\n    }\n  }\n": typeof types.UpdateMemberRoleDocument,
    "\n  mutation RemoveMember($organizationId: ID!, $userId: ID!) {\n    removeMember(organizationId: $organizationId, userId: $userId)\n  }\n": typeof types.RemoveMemberDocument,
    "\n  query Catalog {\n    upstreams {\n      id\n      name\n      ...UpstreamRow\n    }\n    catalogModels {\n      id\n      ...CatalogModelRow\n    }\n  }\n": typeof types.CatalogDocument,
    "\n  mutation CreditWallet($organizationId: ID!, $amount: Money!, $reference: String!, $description: String) {\n    creditWallet(organizationId: $organizationId, amount: $amount, reference: $reference, description: $description) {\n      organizationId\n      balance\n      availableAmount\n      isActive\n    }\n  }\n": typeof types.CreditWalletDocument,
    "\n  fragment CatalogModelRow on Model {\n    id\n    name\n    upstreamModel\n    inputPricePerMillion\n    cachedInputPricePerMillion\n    outputPricePerMillion\n    contextWindow\n    defaultMaxOutputTokens\n    groups\n    enabled\n    upstream {\n      id\n      name\n    }\n  }\n": typeof types.CatalogModelRowFragmentDoc,
    "\n  mutation CreateModel($input: ModelInput!) {\n    createModel(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateModelDocument,
    "\n  mutation UpdateModel($id: ID!, $input: ModelInput!) {\n    updateModel(id: $id, input: $input) {\n      id\n      name\n      enabled\n    }\n  }\n": typeof types.UpdateModelDocument,
    "\n  fragment OrganizationGrantEditor on Organization {\n    id\n    displayName\n    modelAccess {\n      models\n      groups\n    }\n    caps {\n      projectsPerOrganization\n      apiKeysPerProject\n    }\n  }\n": typeof types.OrganizationGrantEditorFragmentDoc,
    "\n  mutation SetOrganizationModelAccess($organizationId: ID!, $access: ModelAccessInput!) {\n    setOrganizationModelAccess(organizationId: $organizationId, access: $access) {\n      id\n      modelAccess {\n        models\n        groups\n      }\n    }\n  }\n": typeof types.SetOrganizationModelAccessDocument,
    "\n  mutation SetOrganizationCaps($organizationId: ID!, $caps: OrganizationCapsInput!) {\n    setOrganizationCaps(organizationId: $organizationId, caps: $caps) {\n      id\n      caps {\n        projectsPerOrganization\n        apiKeysPerProject\n      }\n    }\n  }\n": typeof types.SetOrganizationCapsDocument,
    "\n  fragment OperatedOrganizationRow on Organization {\n    id\n    name\n    displayName\n    verificationTier\n    caps {\n      projectsPerOrganization\n      apiKeysPerProject\n    }\n    modelAccess {\n      models\n      groups\n    }\n    verification {\n      id\n      status\n    }\n  }\n": typeof types.OperatedOrganizationRowFragmentDoc,
    "\n  query AllOrganizations($search: String) {\n    allOrganizations(search: $search) {\n      id\n      ...OperatedOrganizationRow\n      ...OrganizationGrantEditor\n    }\n  }\n": typeof types.AllOrganizationsDocument,
    "\n  fragment OutboxRow on OutboxMessage {\n    id\n    to\n    subject\n    text\n    status\n    attempts\n    lastError\n    createdAt\n    sentAt\n  }\n": typeof types.OutboxRowFragmentDoc,
    "\n  query Outbox($to: String) {\n    outboxMessages(to: $to, first: 200) {\n      id\n      ...OutboxRow\n    }\n  }\n": typeof types.OutboxDocument,
    "\n  mutation IssueRedemptionCodes($amount: Money!, $count: Int!, $expiresAt: DateTime!, $description: String) {\n    issueRedemptionCodes(amount: $amount, count: $count, expiresAt: $expiresAt, description: $description) {\n      batch {\n        id\n        amount\n        count\n        expiresAt\n        description\n      }\n      codes\n    }\n  }\n": typeof types.IssueRedemptionCodesDocument,
    "\n  fragment UpstreamRow on Upstream {\n    id\n    name\n    baseUrl\n    hasCredential\n    createdAt\n  }\n": typeof types.UpstreamRowFragmentDoc,
    "\n  mutation CreateUpstream($input: UpstreamInput!) {\n    createUpstream(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateUpstreamDocument,
    "\n  mutation UpdateUpstream($id: ID!, $input: UpstreamInput!) {\n    updateUpstream(id: $id, input: $input) {\n      id\n      name\n      baseUrl\n      hasCredential\n    }\n  }\n": typeof types.UpdateUpstreamDocument,
    "\n  fragment VerificationRow on OrganizationVerification {\n    id\n    companyName\n    registrationNumber\n    contactName\n    contactEmail\n    country\n    createdAt\n    organization {\n      id\n      displayName\n      name\n    }\n  }\n": typeof types.VerificationRowFragmentDoc,
    "\n  query VerificationQueue {\n    organizationVerifications(status: PENDING) {\n      id\n      ...VerificationRow\n    }\n  }\n": typeof types.VerificationQueueDocument,
    "\n  mutation ApproveVerification($id: ID!) {\n    approveOrganizationVerification(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ApproveVerificationDocument,
    "\n  mutation RejectVerification($id: ID!, $reason: String!) {\n    rejectOrganizationVerification(id: $id, reason: $reason) {\n      id\n      status\n      rejectionReason\n    }\n  }\n": typeof types.RejectVerificationDocument,
    "\n  mutation SetWalletActive($organizationId: ID!, $isActive: Boolean!) {\n    setWalletActive(organizationId: $organizationId, isActive: $isActive) {\n      organizationId\n      balance\n      isActive\n    }\n  }\n": typeof types.SetWalletActiveDocument,
    "\n  query WalletOrganizations {\n    allOrganizations {\n      id\n      name\n      displayName\n    }\n  }\n": typeof types.WalletOrganizationsDocument,
    "\n  fragment AuditContentSetting on Organization {\n    id\n    auditContent {\n      policy\n      retentionDays\n    }\n  }\n": typeof types.AuditContentSettingFragmentDoc,
    "\n  mutation SetAuditContentPolicy($organizationId: ID!, $policy: AuditContentPolicy!, $retentionDays: Int!) {\n    setAuditContentPolicy(organizationId: $organizationId, policy: $policy, retentionDays: $retentionDays) {\n      id\n      auditContent {\n        policy\n        retentionDays\n      }\n    }\n  }\n": typeof types.SetAuditContentPolicyDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      displayName\n    }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id\n      verificationTier\n      viewerCanRequestVerification\n      caps {\n        projectsPerOrganization\n        apiKeysPerProject\n      }\n      modelAccess {\n        models\n        groups\n      }\n      ...AuditContentSetting\n      ...TimeZoneSetting\n      verification {\n        id\n        status\n        companyName\n        createdAt\n        rejectionReason\n        ...VerificationPrefill\n      }\n    }\n  }\n": typeof types.OrganizationSettingsDocument,
    "\n  fragment TimeZoneSetting on Organization {\n    id\n    timeZone\n  }\n": typeof types.TimeZoneSettingFragmentDoc,
    "\n  mutation SetOrganizationTimeZone($organizationId: ID!, $timeZone: String!) {\n    setOrganizationTimeZone(organizationId: $organizationId, timeZone: $timeZone) {\n      id\n      timeZone\n    }\n  }\n": typeof types.SetOrganizationTimeZoneDocument,
    "\n  fragment VerificationPrefill on OrganizationVerification {\n    companyName\n    registrationNumber\n    contactName\n    contactEmail\n    country\n  }\n": typeof types.VerificationPrefillFragmentDoc,
    "\n  mutation SubmitOrganizationVerification($organizationId: ID!, $input: OrganizationVerificationInput!) {\n    submitOrganizationVerification(organizationId: $organizationId, input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.SubmitOrganizationVerificationDocument,
    "\n  fragment MobileNumber on Me {\n    id\n    mobileNumber\n    mobileVerified\n  }\n": typeof types.MobileNumberFragmentDoc,
    "\n  mutation SetMobileNumber($number: String) {\n    setMobileNumber(number: $number) {\n      ...MobileNumber\n    }\n  }\n": typeof types.SetMobileNumberDocument,
    "\n  mutation VerifyMobileNumber($code: String!) {\n    verifyMobileNumber(code: $code) {\n      ...MobileNumber\n    }\n  }\n": typeof types.VerifyMobileNumberDocument,
    "\n  query Profile {\n    me {\n      id\n      name\n      email\n      ...MobileNumber\n    }\n  }\n": typeof types.ProfileDocument,
    "\n  query OrganizationModelAccess($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      modelAccess {\n        models\n        groups\n      }\n    }\n  }\n": typeof types.OrganizationModelAccessDocument,
    "\n  mutation SetProjectModelAccess($projectId: ID!, $access: ModelAccessInput) {\n    setProjectModelAccess(projectId: $projectId, access: $access) {\n      id\n      modelAccess {\n        models\n        groups\n      }\n    }\n  }\n": typeof types.SetProjectModelAccessDocument,
    "\n  query ProjectModels($projectId: ID!) {\n    availableModels(projectId: $projectId) {\n      id\n      name\n      inputPricePerMillion\n      cachedInputPricePerMillion\n      outputPricePerMillion\n      contextWindow\n    }\n    project(id: $projectId) {\n      id\n      modelAccess {\n        models\n        groups\n      }\n    }\n  }\n": typeof types.ProjectModelsDocument,
    "\n  query ProjectDetails($id: ID!, $organizationId: ID!) {\n    project(id: $id) {\n      id\n      description\n      primaryWorkload\n      expectedMonthlySpend\n      escalationContact\n      members {\n        id\n        userId\n        ...ProjectMemberRow\n      }\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) {\n      data {\n        userId\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": typeof types.ProjectDetailsDocument,
    "\n  fragment ProjectMemberRow on ProjectMember {\n    id\n    userId\n    role\n    user {\n      id\n      name\n      email\n    }\n  }\n": typeof types.ProjectMemberRowFragmentDoc,
    "\n  mutation AddProjectMember($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    addProjectMember(projectId: $projectId, userId: $userId, role: $role) {\n      id\n    }\n  }\n": typeof types.AddProjectMemberDocument,
    "\n  mutation UpdateProjectMemberRole($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    updateProjectMemberRole(projectId: $projectId, userId: $userId, role: $role) {\n      id\n      role\n    }\n  }\n": typeof types.UpdateProjectMemberRoleDocument,
    "\n  mutation RemoveProjectMember($projectId: ID!, $userId: ID!) {\n    removeProjectMember(projectId: $projectId, userId: $userId)\n  }\n": typeof types.RemoveProjectMemberDocument,
    "\n  fragment ProjectRow on Project {\n    id\n    name\n    status\n    environment\n    viewer {\n      role\n    }\n    ...ProjectPermissions\n  }\n": typeof types.ProjectRowFragmentDoc,
    "\n  query OrganizationProjects($organizationId: ID!) {\n    projects(organizationId: $organizationId) {\n      id\n      ...ProjectRow\n    }\n  }\n": typeof types.OrganizationProjectsDocument,
    "\n  mutation CreateProject($organizationId: ID!, $input: CreateProjectInput!) {\n    createProject(organizationId: $organizationId, input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateProjectDocument,
    "\n  query RequestFilters($projectId: ID!) {\n    apiKeys(projectId: $projectId) {\n      id\n      name\n      prefix\n      lastFour\n    }\n    availableModels(projectId: $projectId) {\n      name\n    }\n  }\n": typeof types.RequestFiltersDocument,
    "\n  fragment RequestRow on RequestLog {\n    id\n    time\n    apiKeyId\n    model\n    status\n    inputTokens\n    cachedInputTokens\n    outputTokens\n    reasoningTokens\n    usageSource\n    cost\n    latencyMs\n    upstreamLatencyMs\n    stream\n    errorCode\n    content\n  }\n": typeof types.RequestRowFragmentDoc,
    "\n  query RequestLogs($projectId: ID!, $filter: RequestLogFilter, $after: String) {\n    requestLogs(projectId: $projectId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      nodes {\n        id\n        ...RequestRow\n      }\n    }\n  }\n": typeof types.RequestLogsDocument,
    "\n  mutation CreateProjectFromTemplate($organizationId: ID!, $templateId: ID!, $input: CreateProjectInput!) {\n    createProjectFromTemplate(organizationId: $organizationId, templateId: $templateId, input: $input) {\n      project {\n        id\n        name\n      }\n      apiKeys {\n        secret\n        apiKey {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.CreateProjectFromTemplateDocument,
    "\n  mutation CreateProjectTemplate($organizationId: ID!, $input: CreateProjectTemplateInput!) {\n    createProjectTemplate(organizationId: $organizationId, input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateProjectTemplateDocument,
    "\n  fragment TemplateRow on ProjectTemplate {\n    id\n    name\n    description\n    category\n    tags\n    isSystem\n    isPublic\n    usageCount\n    config {\n      quota {\n        ...QuotaValues\n      }\n      access {\n        models\n        groups\n      }\n      apiKeyNames\n    }\n  }\n": typeof types.TemplateRowFragmentDoc,
    "\n  query OrganizationTemplates($organizationId: ID!) {\n    projectTemplates(organizationId: $organizationId) {\n      id\n      name\n      ...TemplateRow\n    }\n  }\n": typeof types.OrganizationTemplatesDocument,
    "\n  query OrganizationUsageContext($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      timeZone\n    }\n    projects(organizationId: $organizationId) {\n      id\n      name\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) {\n      data {\n        userId\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.OrganizationUsageContextDocument,
    "\n  query ProjectUsageContext($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      timeZone\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) {\n      data {\n        userId\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ProjectUsageContextDocument,
    "\n  query UsageSpendSummary(\n    $organizationId: ID!\n    $timeZone: String!\n    $filter: UsageFilter\n    $todayFrom: DateTime!\n    $todayTo: DateTime!\n    $monthFrom: DateTime!\n    $monthTo: DateTime!\n    $utcTodayFrom: DateTime!\n    $utcTodayTo: DateTime!\n    $utcMonthFrom: DateTime!\n    $utcMonthTo: DateTime!\n    $weekFrom: DateTime!\n    $weekTo: DateTime!\n    $withFunds: Boolean!\n  ) {\n    today: usage(organizationId: $organizationId, timeZone: $timeZone, filter: $filter, from: $todayFrom, to: $todayTo) {\n      totals {\n        cost\n        requests\n        errors\n      }\n    }\n    month: usage(organizationId: $organizationId, timeZone: $timeZone, filter: $filter, from: $monthFrom, to: $monthTo) {\n      totals {\n        cost\n        requests\n        errors\n      }\n    }\n    utcToday: usage(organizationId: $organizationId, timeZone: \"UTC\", filter: $filter, from: $utcTodayFrom, to: $utcTodayTo) @include(if: $withFunds) {\n      totals {\n        cost\n      }\n    }\n    utcMonth: usage(organizationId: $organizationId, timeZone: \"UTC\", filter: $filter, from: $utcMonthFrom, to: $utcMonthTo) @include(if: $withFunds) {\n      totals {\n        cost\n      }\n    }\n    lastWeek: usage(organizationId: $organizationId, timeZone: $timeZone, filter: $filter, from: $weekFrom, to: $weekTo) {\n      totals {\n        cost\n      }\n    }\n    organizationLimits(organizationId: $organizationId) @include(if: $withFunds) {\n      dailyBudget\n      monthlyBudget\n    }\n    wallet(organizationId: $organizationId) @include(if: $withFunds) {\n      balance\n      availableAmount\n      currency\n      isActive\n    }\n  }\n": typeof types.UsageSpendSummaryDocument,
    "\n  query UsageKeyNames($projectId: ID!) {\n    apiKeys(projectId: $projectId) {\n      id\n      name\n      lastFour\n    }\n  }\n": typeof types.UsageKeyNamesDocument,
    "\n  subscription UsageTicks($organizationId: ID!, $projectId: ID) {\n    usageTicks(organizationId: $organizationId, projectId: $projectId) {\n      organizationId\n      projectId\n      snapshot\n      until\n      day\n      timeZone\n      today {\n        requests\n        errors\n        cost\n      }\n    }\n  }\n": typeof types.UsageTicksDocument,
    "\n  query UsageRows(\n    $organizationId: ID!\n    $withTotals: Boolean!\n    $from: DateTime!\n    $to: DateTime!\n    $window: UsageWindow\n    $timeZone: String\n    $groupBy: [UsageDimension!]\n    $filter: UsageFilter\n    $after: String\n  ) {\n    usage(\n      organizationId: $organizationId\n      from: $from\n      to: $to\n      window: $window\n      timeZone: $timeZone\n      groupBy: $groupBy\n      filter: $filter\n      first: 1000\n      after: $after\n    ) {\n      timeZone\n      asOf\n      endCursor\n      totals @include(if: $withTotals) {\n        requests\n        errors\n        inputTokens\n        outputTokens\n        cost\n      }\n      rows {\n        windowStart\n        windowEnd\n        projectId\n        apiKeyId\n        userId\n        model\n        requests\n        errors\n        inputTokens\n        outputTokens\n        cost\n      }\n    }\n  }\n": typeof types.UsageRowsDocument,
    "\n  mutation RedeemCode($organizationId: ID!, $code: String!) {\n    redeemCode(organizationId: $organizationId, code: $code) {\n      organizationId\n      balance\n      frozenAmount\n      availableAmount\n      currency\n      isActive\n    }\n  }\n": typeof types.RedeemCodeDocument,
    "\n  fragment WalletBalance on Wallet {\n    organizationId\n    balance\n    frozenAmount\n    availableAmount\n    currency\n    isActive\n  }\n": typeof types.WalletBalanceFragmentDoc,
    "\n  query OrganizationWallet($organizationId: ID!) {\n    wallet(organizationId: $organizationId) {\n      organizationId\n      ...WalletBalance\n    }\n  }\n": typeof types.OrganizationWalletDocument,
    "\n  fragment WalletRecordRow on WalletRecord {\n    id\n    seq\n    type\n    amount\n    previousBalance\n    currentBalance\n    description\n    reference\n    requestLogId\n    createdAt\n  }\n": typeof types.WalletRecordRowFragmentDoc,
    "\n  query WalletRecords($organizationId: ID!, $filter: WalletRecordFilter, $after: String) {\n    walletRecords(organizationId: $organizationId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      totals {\n        count\n        moneyIn\n        moneyOut\n      }\n      nodes {\n        id\n        ...WalletRecordRow\n      }\n    }\n  }\n": typeof types.WalletRecordsDocument,
    "\n  query WalletRecordsCsv($organizationId: ID!, $filter: WalletRecordFilter) {\n    walletRecordsCsv(organizationId: $organizationId, filter: $filter)\n  }\n": typeof types.WalletRecordsCsvDocument,
    "\n  subscription WalletChanged($organizationId: ID!) {\n    walletChanged(organizationId: $organizationId) {\n      organizationId\n      balance\n      frozenAmount\n      availableAmount\n      currency\n      isActive\n      ...WalletBalance\n    }\n  }\n": typeof types.WalletChangedDocument,
    "\n  fragment OrganizationPermissions on Organization {\n    id\n    viewerPermissions\n  }\n": typeof types.OrganizationPermissionsFragmentDoc,
    "\n  fragment ProjectPermissions on Project {\n    id\n    viewerPermissions\n  }\n": typeof types.ProjectPermissionsFragmentDoc,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      isOperator\n    }\n    myOrganizations {\n      id\n      displayName\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query OrganizationHeader($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      displayName\n      ...OrganizationPermissions\n    }\n  }\n": types.OrganizationHeaderDocument,
    "\n  query ProjectHeader($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      status\n      environment\n      organizationId\n      ...ProjectPermissions\n    }\n  }\n": types.ProjectHeaderDocument,
    "\n  fragment AlertRow on Alert {\n    id\n    kind\n    period\n    periodKey\n    metric\n    projectId\n    projectName\n    threshold\n    value\n    limitValue\n    message\n    firedAt\n    resolvedAt\n    resolved\n    suppressed\n    test\n    deliveries {\n      id\n      channel\n      to\n      status\n      lastError\n      sentAt\n      attempts {\n        at\n        statusCode\n        latencyMs\n        error\n      }\n    }\n  }\n": types.AlertRowFragmentDoc,
    "\n  query AlertHistory($organizationId: ID!, $projectId: ID, $after: String) {\n    alerts(organizationId: $organizationId, projectId: $projectId, first: 20, after: $after) {\n      endCursor\n      nodes {\n        id\n        ...AlertRow\n      }\n    }\n  }\n": types.AlertHistoryDocument,
    "\n  subscription AlertFired($organizationId: ID!) {\n    alertFired(organizationId: $organizationId) {\n      id\n      projectId\n      ...AlertRow\n    }\n  }\n": types.AlertFiredDocument,
    "\n  fragment BalanceAlertsForm on BalanceAlertSettings {\n    organizationId\n    thresholds\n    emailEnabled\n    smsEnabled\n    maxDailyAlerts\n    webhookEndpointId\n    webhookEndpoint {\n      id\n      description\n      host\n      disabled\n    }\n    messageTemplate\n    placeholders\n  }\n": types.BalanceAlertsFormFragmentDoc,
    "\n  mutation SetBalanceAlerts($organizationId: ID!, $input: BalanceAlertsInput!) {\n    setBalanceAlerts(organizationId: $organizationId, input: $input) {\n      ...BalanceAlertsForm\n    }\n  }\n": types.SetBalanceAlertsDocument,
    "\n  fragment ConsumptionAlertsForm on ConsumptionAlertSettings {\n    projectId\n    dailyAmounts\n    monthlyAmounts\n    emailEnabled\n    smsEnabled\n    webhookEndpointId\n    webhookEndpoint {\n      id\n      description\n      host\n      disabled\n    }\n    messageTemplate\n    placeholders\n  }\n": types.ConsumptionAlertsFormFragmentDoc,
    "\n  mutation SetConsumptionAlerts($projectId: ID!, $input: ConsumptionAlertsInput!) {\n    setConsumptionAlerts(projectId: $projectId, input: $input) {\n      ...ConsumptionAlertsForm\n    }\n  }\n": types.SetConsumptionAlertsDocument,
    "\n  query BalanceAlertsDetails($organizationId: ID!) {\n    balanceAlerts(organizationId: $organizationId) {\n      organizationId\n      ...BalanceAlertsForm\n    }\n    webhookEndpoints(organizationId: $organizationId) {\n      id\n      ...WebhookEndpointRow\n    }\n  }\n": types.BalanceAlertsDetailsDocument,
    "\n  query OrganizationQuotaAlertsDetails($organizationId: ID!) {\n    organizationQuotaAlerts(organizationId: $organizationId) {\n      organizationId\n      ...QuotaAlertsForm\n    }\n  }\n": types.OrganizationQuotaAlertsDetailsDocument,
    "\n  query ProjectAlertsDetails($projectId: ID!) {\n    consumptionAlerts(projectId: $projectId) {\n      projectId\n      ...ConsumptionAlertsForm\n    }\n    quotaAlerts(projectId: $projectId) {\n      projectId\n      ...QuotaAlertsForm\n    }\n  }\n": types.ProjectAlertsDetailsDocument,
    "\n  query WebhookEndpointChoices($projectId: ID!) {\n    webhookEndpointChoices(projectId: $projectId) {\n      id\n      description\n      host\n      disabled\n    }\n  }\n": types.WebhookEndpointChoicesDocument,
    "\n  fragment QuotaAlertsForm on QuotaAlertSettings {\n    organizationId\n    projectId\n    shares\n    emailEnabled\n    smsEnabled\n    webhookEndpointId\n    webhookEndpoint {\n      id\n      description\n      host\n      disabled\n    }\n    messageTemplate\n    placeholders\n  }\n": types.QuotaAlertsFormFragmentDoc,
    "\n  mutation SetQuotaAlerts($projectId: ID!, $input: QuotaAlertsInput!) {\n    setQuotaAlerts(projectId: $projectId, input: $input) {\n      ...QuotaAlertsForm\n    }\n  }\n": types.SetQuotaAlertsDocument,
    "\n  mutation SetOrganizationQuotaAlerts($organizationId: ID!, $input: QuotaAlertsInput!) {\n    setOrganizationQuotaAlerts(organizationId: $organizationId, input: $input) {\n      ...QuotaAlertsForm\n    }\n  }\n": types.SetOrganizationQuotaAlertsDocument,
    "\n  mutation SendTestAlert($organizationId: ID!, $projectId: ID, $kind: AlertKind!) {\n    sendTestAlert(organizationId: $organizationId, projectId: $projectId, kind: $kind) {\n      id\n      deliveries {\n        id\n      }\n    }\n  }\n": types.SendTestAlertDocument,
    "\n  fragment WebhookEndpointRow on WebhookEndpoint {\n    id\n    url\n    description\n    customHeaders {\n      name\n      value\n    }\n    createdAt\n    previousSecretExpiresAt\n    failingSince\n    disabledAt\n  }\n": types.WebhookEndpointRowFragmentDoc,
    "\n  mutation CreateWebhookEndpoint($organizationId: ID!, $input: WebhookEndpointInput!) {\n    createWebhookEndpoint(organizationId: $organizationId, input: $input) {\n      secret\n      endpoint {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($organizationId: ID!, $id: ID!) {\n    rotateWebhookSecret(organizationId: $organizationId, id: $id) {\n      secret\n      endpoint {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation DisableWebhookEndpoint($organizationId: ID!, $id: ID!) {\n    disableWebhookEndpoint(organizationId: $organizationId, id: $id) {\n      id\n      ...WebhookEndpointRow\n    }\n  }\n": types.DisableWebhookEndpointDocument,
    "\n  mutation EnableWebhookEndpoint($organizationId: ID!, $id: ID!) {\n    enableWebhookEndpoint(organizationId: $organizationId, id: $id) {\n      id\n      ...WebhookEndpointRow\n    }\n  }\n": types.EnableWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($organizationId: ID!, $id: ID!) {\n    deleteWebhookEndpoint(organizationId: $organizationId, id: $id)\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      id\n      email\n      name\n      isOperator\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      id\n      email\n      name\n      isOperator\n    }\n  }\n": types.SignInDocument,
    "\n  fragment BulkInviteReport on BulkInviteReport {\n    id\n    status\n    totalCount\n    successCount\n    failureCount\n    csv\n    records {\n      row\n      email\n      name\n      status\n      code\n      reason\n      inviteUrl\n    }\n  }\n": types.BulkInviteReportFragmentDoc,
    "\n  query PreviewBulkInvite($organizationId: ID!, $csv: String!) {\n    previewBulkInvite(organizationId: $organizationId, csv: $csv) {\n      id\n      ...BulkInviteReport\n    }\n  }\n": types.PreviewBulkInviteDocument,
    "\n  mutation BulkInviteMembers($organizationId: ID!, $csv: String!) {\n    bulkInviteMembers(organizationId: $organizationId, csv: $csv) {\n      id\n      ...BulkInviteReport\n    }\n  }\n": types.BulkInviteMembersDocument,
    "\n  fragment InvitationRow on Invitation {\n    id\n    email\n    name\n    role\n    status\n    expiresAt\n    invitedBy {\n      name\n    }\n  }\n": types.InvitationRowFragmentDoc,
    "\n  query PendingInvitations($organizationId: ID!) {\n    invitations(organizationId: $organizationId) {\n      id\n      ...InvitationRow\n    }\n  }\n": types.PendingInvitationsDocument,
    "\n  mutation InviteMembers($organizationId: ID!, $invitations: [InvitationInput!]!) {\n    inviteMembers(organizationId: $organizationId, invitations: $invitations) {\n      inviteUrl\n      invitation {\n        id\n        email\n      }\n    }\n  }\n": types.InviteMembersDocument,
    "\n  mutation ResendInvitation($organizationId: ID!, $id: ID!) {\n    resendInvitation(organizationId: $organizationId, id: $id) {\n      inviteUrl\n      invitation {\n        id\n        status\n        expiresAt\n      }\n    }\n  }\n": types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($organizationId: ID!, $id: ID!) {\n    revokeInvitation(organizationId: $organizationId, id: $id) {\n      id\n      status\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  fragment InviteTokenRow on InviteToken {\n    id\n    description\n    prefix\n    usageCount\n    maxUsageCount\n    expiresAt\n    status\n    createdBy {\n      name\n    }\n  }\n": types.InviteTokenRowFragmentDoc,
    "\n  query InviteTokens($organizationId: ID!) {\n    inviteTokens(organizationId: $organizationId) {\n      id\n      ...InviteTokenRow\n    }\n  }\n": types.InviteTokensDocument,
    "\n  mutation CreateInviteToken($organizationId: ID!, $input: CreateInviteTokenInput!) {\n    createInviteToken(organizationId: $organizationId, input: $input) {\n      id\n      token\n      inviteUrl\n      maxUsageCount\n      usageCount\n      expiresAt\n    }\n  }\n": types.CreateInviteTokenDocument,
    "\n  mutation RevokeInviteToken($organizationId: ID!, $id: ID!) {\n    revokeInviteToken(organizationId: $organizationId, id: $id) {\n      id\n      status\n      revokedAt\n    }\n  }\n": types.RevokeInviteTokenDocument,
    "\n  query JoinPreview($token: String!) {\n    invitationPreview(token: $token) {\n      kind\n      organizationDisplayName\n      email\n      name\n      role\n      expiresAt\n    }\n    me {\n      id\n      email\n    }\n  }\n": types.JoinPreviewDocument,
    "\n  mutation AcceptInvite($token: String!) {\n    acceptInvite(token: $token) {\n      id\n      displayName\n    }\n  }\n": types.AcceptInviteDocument,
    "\n  mutation SignUpAndJoin($input: SignUpInput!) {\n    signUp(input: $input) {\n      id\n    }\n  }\n": types.SignUpAndJoinDocument,
    "\n  fragment ApiKeyActions on ApiKey {\n    id\n    name\n    viewerCanRevoke\n    viewerCanRotate\n  }\n": types.ApiKeyActionsFragmentDoc,
    "\n  mutation RevokeApiKey($projectId: ID!, $id: ID!) {\n    revokeApiKey(projectId: $projectId, id: $id) {\n      id\n      status\n      revokedAt\n      viewerCanRevoke\n      viewerCanRotate\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation RotateApiKey($projectId: ID!, $id: ID!, $gracePeriodSeconds: Int!, $requestId: String!) {\n    rotateApiKey(projectId: $projectId, id: $id, gracePeriodSeconds: $gracePeriodSeconds, requestId: $requestId) {\n      secret\n      apiKey {\n        id\n      }\n      previous {\n        id\n        expiresAt\n        status\n        viewerCanRotate\n      }\n    }\n  }\n": types.RotateApiKeyDocument,
    "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    lastFour\n    owner\n    createdAt\n    lastUsedAt\n    expiresAt\n    status\n    effectiveModels\n    createdBy {\n      id\n      name\n    }\n    ...ApiKeyActions\n  }\n": types.ApiKeyRowFragmentDoc,
    "\n  query ProjectApiKeys($projectId: ID!) {\n    apiKeys(projectId: $projectId) {\n      id\n      ...ApiKeyRow\n    }\n    availableModels(projectId: $projectId) {\n      id\n      name\n    }\n  }\n": types.ProjectApiKeysDocument,
    "\n  mutation CreateApiKey($projectId: ID!, $input: CreateApiKeyInput!) {\n    createApiKey(projectId: $projectId, input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  fragment OrganizationLimitValues on OrganizationLimits {\n    rpm\n    tpm\n    rph\n    rpd\n    tpd\n    dailyBudget\n    monthlyBudget\n  }\n": types.OrganizationLimitValuesFragmentDoc,
    "\n  mutation SetOrganizationLimits($organizationId: ID!, $input: OrganizationLimitsInput!) {\n    setOrganizationLimits(organizationId: $organizationId, input: $input) {\n      ...OrganizationLimitValues\n    }\n  }\n": types.SetOrganizationLimitsDocument,
    "\n  query OrganizationLimitsDetails($organizationId: ID!) {\n    organizationLimits(organizationId: $organizationId) {\n      ...OrganizationLimitValues\n    }\n  }\n": types.OrganizationLimitsDetailsDocument,
    "\n  fragment ProjectQuotaForm on ProjectQuotaSettings {\n    projectId\n    quota {\n      ...QuotaValues\n    }\n    effective {\n      ...QuotaValues\n    }\n  }\n": types.ProjectQuotaFormFragmentDoc,
    "\n  mutation SetProjectQuota($projectId: ID!, $input: ProjectQuotaInput!) {\n    setProjectQuota(projectId: $projectId, input: $input) {\n      ...ProjectQuotaForm\n    }\n  }\n": types.SetProjectQuotaDocument,
    "\n  query ProjectQuotaDetails($projectId: ID!) {\n    projectQuota(projectId: $projectId) {\n      projectId\n      ...ProjectQuotaForm\n    }\n  }\n": types.ProjectQuotaDetailsDocument,
    "\n  fragment QuotaValues on ProjectQuota {\n    dailyRequestLimit\n    dailyTokenLimit\n    monthlyRequestLimit\n    monthlyTokenLimit\n    requestsPerMinuteLimit\n    tokensPerMinuteLimit\n    dailyBudget\n    monthlyBudget\n    enforceQuota\n    customResetDay\n  }\n": types.QuotaValuesFragmentDoc,
    "\n  fragment QuotaUsageBars on QuotaUsage {\n    projectId\n    dailyUsage {\n      requestCount\n      tokenCount\n      spent\n      date\n    }\n    monthlyUsage {\n      requestCount\n      tokenCount\n      spent\n      resetDay\n      periodStart\n    }\n    effective {\n      dailyRequestLimit\n      dailyTokenLimit\n      monthlyRequestLimit\n      monthlyTokenLimit\n      dailyBudget\n      monthlyBudget\n      enforceQuota\n      customResetDay\n    }\n  }\n": types.QuotaUsageBarsFragmentDoc,
    "\n  query QuotaUsage($projectId: ID!) {\n    quotaUsage(projectId: $projectId, period: MONTH) {\n      projectId\n      ...QuotaUsageBars\n    }\n  }\n": types.QuotaUsageDocument,
    "\n  subscription QuotaChanged($projectId: ID!) {\n    quotaChanged(projectId: $projectId) {\n      projectId\n      ...QuotaUsageBars\n    }\n  }\n": types.QuotaChangedDocument,
    "\n  fragment MemberRow on OrganizationMember {\n    id\n    userId\n    role\n    grants\n    joinedAt\n    viewerAssignableRoles\n    viewerCanRemove\n    user {\n      id\n      name\n      email\n    }\n  }\n": types.MemberRowFragmentDoc,
    "\n  query OrganizationMembers($organizationId: ID!, $page: Int!, $size: Int!, $search: String, $role: OrgRole) {\n    organization(id: $organizationId) {\n      id\n      viewerInvitableRoles\n    }\n    members(organizationId: $organizationId, page: $page, size: $size, search: $search, role: $role) {\n      total\n      page\n      size\n      data {\n        id\n        ...MemberRow\n      }\n    }\n  }\n": types.OrganizationMembersDocument,
    "\n  mutation UpdateMemberRole($organizationId: ID!, $userId: ID!, $role: OrgRole!) {\n    updateMemberRole(organizationId: $organizationId, userId: $userId, role: $role) {\n      id\n      role\n    }\n  }\n": types.UpdateMemberRoleDocument,
    "\n  mutation RemoveMember($organizationId: ID!, $userId: ID!) {\n    removeMember(organizationId: $organizationId, userId: $userId)\n  }\n": types.RemoveMemberDocument,
    "\n  query Catalog {\n    upstreams {\n      id\n      name\n      ...UpstreamRow\n    }\n    catalogModels {\n      id\n      ...CatalogModelRow\n    }\n  }\n": types.CatalogDocument,
    "\n  mutation CreditWallet($organizationId: ID!, $amount: Money!, $reference: String!, $description: String) {\n    creditWallet(organizationId: $organizationId, amount: $amount, reference: $reference, description: $description) {\n      organizationId\n      balance\n      availableAmount\n      isActive\n    }\n  }\n": types.CreditWalletDocument,
    "\n  fragment CatalogModelRow on Model {\n    id\n    name\n    upstreamModel\n    inputPricePerMillion\n    cachedInputPricePerMillion\n    outputPricePerMillion\n    contextWindow\n    defaultMaxOutputTokens\n    groups\n    enabled\n    upstream {\n      id\n      name\n    }\n  }\n": types.CatalogModelRowFragmentDoc,
    "\n  mutation CreateModel($input: ModelInput!) {\n    createModel(input: $input) {\n      id\n    }\n  }\n": types.CreateModelDocument,
    "\n  mutation UpdateModel($id: ID!, $input: ModelInput!) {\n    updateModel(id: $id, input: $input) {\n      id\n      name\n      enabled\n    }\n  }\n": types.UpdateModelDocument,
    "\n  fragment OrganizationGrantEditor on Organization {\n    id\n    displayName\n    modelAccess {\n      models\n      groups\n    }\n    caps {\n      projectsPerOrganization\n      apiKeysPerProject\n    }\n  }\n": types.OrganizationGrantEditorFragmentDoc,
    "\n  mutation SetOrganizationModelAccess($organizationId: ID!, $access: ModelAccessInput!) {\n    setOrganizationModelAccess(organizationId: $organizationId, access: $access) {\n      id\n      modelAccess {\n        models\n        groups\n      }\n    }\n  }\n": types.SetOrganizationModelAccessDocument,
    "\n  mutation SetOrganizationCaps($organizationId: ID!, $caps: OrganizationCapsInput!) {\n    setOrganizationCaps(organizationId: $organizationId, caps: $caps) {\n      id\n      caps {\n        projectsPerOrganization\n        apiKeysPerProject\n      }\n    }\n  }\n": types.SetOrganizationCapsDocument,
    "\n  fragment OperatedOrganizationRow on Organization {\n    id\n    name\n    displayName\n    verificationTier\n    caps {\n      projectsPerOrganization\n      apiKeysPerProject\n    }\n    modelAccess {\n      models\n      groups\n    }\n    verification {\n      id\n      status\n    }\n  }\n": types.OperatedOrganizationRowFragmentDoc,
    "\n  query AllOrganizations($search: String) {\n    allOrganizations(search: $search) {\n      id\n      ...OperatedOrganizationRow\n      ...OrganizationGrantEditor\n    }\n  }\n": types.AllOrganizationsDocument,
    "\n  fragment OutboxRow on OutboxMessage {\n    id\n    to\n    subject\n    text\n    status\n    attempts\n    lastError\n    createdAt\n    sentAt\n  }\n": types.OutboxRowFragmentDoc,
    "\n  query Outbox($to: String) {\n    outboxMessages(to: $to, first: 200) {\n      id\n      ...OutboxRow\n    }\n  }\n": types.OutboxDocument,
    "\n  mutation IssueRedemptionCodes($amount: Money!, $count: Int!, $expiresAt: DateTime!, $description: String) {\n    issueRedemptionCodes(amount: $amount, count: $count, expiresAt: $expiresAt, description: $description) {\n      batch {\n        id\n        amount\n        count\n        expiresAt\n        description\n      }\n      codes\n    }\n  }\n": types.IssueRedemptionCodesDocument,
    "\n  fragment UpstreamRow on Upstream {\n    id\n    name\n    baseUrl\n    hasCredential\n    createdAt\n  }\n": types.UpstreamRowFragmentDoc,
    "\n  mutation CreateUpstream($input: UpstreamInput!) {\n    createUpstream(input: $input) {\n      id\n    }\n  }\n": types.CreateUpstreamDocument,
    "\n  mutation UpdateUpstream($id: ID!, $input: UpstreamInput!) {\n    updateUpstream(id: $id, input: $input) {\n      id\n      name\n      baseUrl\n      hasCredential\n    }\n  }\n": types.UpdateUpstreamDocument,
    "\n  fragment VerificationRow on OrganizationVerification {\n    id\n    companyName\n    registrationNumber\n    contactName\n    contactEmail\n    country\n    createdAt\n    organization {\n      id\n      displayName\n      name\n    }\n  }\n": types.VerificationRowFragmentDoc,
    "\n  query VerificationQueue {\n    organizationVerifications(status: PENDING) {\n      id\n      ...VerificationRow\n    }\n  }\n": types.VerificationQueueDocument,
    "\n  mutation ApproveVerification($id: ID!) {\n    approveOrganizationVerification(id: $id) {\n      id\n      status\n    }\n  }\n": types.ApproveVerificationDocument,
    "\n  mutation RejectVerification($id: ID!, $reason: String!) {\n    rejectOrganizationVerification(id: $id, reason: $reason) {\n      id\n      status\n      rejectionReason\n    }\n  }\n": types.RejectVerificationDocument,
    "\n  mutation SetWalletActive($organizationId: ID!, $isActive: Boolean!) {\n    setWalletActive(organizationId: $organizationId, isActive: $isActive) {\n      organizationId\n      balance\n      isActive\n    }\n  }\n": types.SetWalletActiveDocument,
    "\n  query WalletOrganizations {\n    allOrganizations {\n      id\n      name\n      displayName\n    }\n  }\n": types.WalletOrganizationsDocument,
    "\n  fragment AuditContentSetting on Organization {\n    id\n    auditContent {\n      policy\n      retentionDays\n    }\n  }\n": types.AuditContentSettingFragmentDoc,
    "\n  mutation SetAuditContentPolicy($organizationId: ID!, $policy: AuditContentPolicy!, $retentionDays: Int!) {\n    setAuditContentPolicy(organizationId: $organizationId, policy: $policy, retentionDays: $retentionDays) {\n      id\n      auditContent {\n        policy\n        retentionDays\n      }\n    }\n  }\n": types.SetAuditContentPolicyDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      displayName\n    }\n  }\n": types.CreateOrganizationDocument,
    "\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id\n      verificationTier\n      viewerCanRequestVerification\n      caps {\n        projectsPerOrganization\n        apiKeysPerProject\n      }\n      modelAccess {\n        models\n        groups\n      }\n      ...AuditContentSetting\n      ...TimeZoneSetting\n      verification {\n        id\n        status\n        companyName\n        createdAt\n        rejectionReason\n        ...VerificationPrefill\n      }\n    }\n  }\n": types.OrganizationSettingsDocument,
    "\n  fragment TimeZoneSetting on Organization {\n    id\n    timeZone\n  }\n": types.TimeZoneSettingFragmentDoc,
    "\n  mutation SetOrganizationTimeZone($organizationId: ID!, $timeZone: String!) {\n    setOrganizationTimeZone(organizationId: $organizationId, timeZone: $timeZone) {\n      id\n      timeZone\n    }\n  }\n": types.SetOrganizationTimeZoneDocument,
    "\n  fragment VerificationPrefill on OrganizationVerification {\n    companyName\n    registrationNumber\n    contactName\n    contactEmail\n    country\n  }\n": types.VerificationPrefillFragmentDoc,
    "\n  mutation SubmitOrganizationVerification($organizationId: ID!, $input: OrganizationVerificationInput!) {\n    submitOrganizationVerification(organizationId: $organizationId, input: $input) {\n      id\n      status\n    }\n  }\n": types.SubmitOrganizationVerificationDocument,
    "\n  fragment MobileNumber on Me {\n    id\n    mobileNumber\n    mobileVerified\n  }\n": types.MobileNumberFragmentDoc,
    "\n  mutation SetMobileNumber($number: String) {\n    setMobileNumber(number: $number) {\n      ...MobileNumber\n    }\n  }\n": types.SetMobileNumberDocument,
    "\n  mutation VerifyMobileNumber($code: String!) {\n    verifyMobileNumber(code: $code) {\n      ...MobileNumber\n    }\n  }\n": types.VerifyMobileNumberDocument,
    "\n  query Profile {\n    me {\n      id\n      name\n      email\n      ...MobileNumber\n    }\n  }\n": types.ProfileDocument,
    "\n  query OrganizationModelAccess($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      modelAccess {\n        models\n        groups\n      }\n    }\n  }\n": types.OrganizationModelAccessDocument,
    "\n  mutation SetProjectModelAccess($projectId: ID!, $access: ModelAccessInput) {\n    setProjectModelAccess(projectId: $projectId, access: $access) {\n      id\n      modelAccess {\n        models\n        groups\n      }\n    }\n  }\n": types.SetProjectModelAccessDocument,
    "\n  query ProjectModels($projectId: ID!) {\n    availableModels(projectId: $projectId) {\n      id\n      name\n      inputPricePerMillion\n      cachedInputPricePerMillion\n      outputPricePerMillion\n      contextWindow\n    }\n    project(id: $projectId) {\n      id\n      modelAccess {\n        models\n        groups\n      }\n    }\n  }\n": types.ProjectModelsDocument,
    "\n  query ProjectDetails($id: ID!, $organizationId: ID!) {\n    project(id: $id) {\n      id\n      description\n      primaryWorkload\n      expectedMonthlySpend\n      escalationContact\n      members {\n        id\n        userId\n        ...ProjectMemberRow\n      }\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) {\n      data {\n        userId\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": types.ProjectDetailsDocument,
    "\n  fragment ProjectMemberRow on ProjectMember {\n    id\n    userId\n    role\n    user {\n      id\n      name\n      email\n    }\n  }\n": types.ProjectMemberRowFragmentDoc,
    "\n  mutation AddProjectMember($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    addProjectMember(projectId: $projectId, userId: $userId, role: $role) {\n      id\n    }\n  }\n": types.AddProjectMemberDocument,
    "\n  mutation UpdateProjectMemberRole($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    updateProjectMemberRole(projectId: $projectId, userId: $userId, role: $role) {\n      id\n      role\n    }\n  }\n": types.UpdateProjectMemberRoleDocument,
    "\n  mutation RemoveProjectMember($projectId: ID!, $userId: ID!) {\n    removeProjectMember(projectId: $projectId, userId: $userId)\n  }\n": types.RemoveProjectMemberDocument,
    "\n  fragment ProjectRow on Project {\n    id\n    name\n    status\n    environment\n    viewer {\n      role\n    }\n    ...ProjectPermissions\n  }\n": types.ProjectRowFragmentDoc,
    "\n  query OrganizationProjects($organizationId: ID!) {\n    projects(organizationId: $organizationId) {\n      id\n      ...ProjectRow\n    }\n  }\n": types.OrganizationProjectsDocument,
    "\n  mutation CreateProject($organizationId: ID!, $input: CreateProjectInput!) {\n    createProject(organizationId: $organizationId, input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateProjectDocument,
    "\n  query RequestFilters($projectId: ID!) {\n    apiKeys(projectId: $projectId) {\n      id\n      name\n      prefix\n      lastFour\n    }\n    availableModels(projectId: $projectId) {\n      name\n    }\n  }\n": types.RequestFiltersDocument,
    "\n  fragment RequestRow on RequestLog {\n    id\n    time\n    apiKeyId\n    model\n    status\n    inputTokens\n    cachedInputTokens\n    outputTokens\n    reasoningTokens\n    usageSource\n    cost\n    latencyMs\n    upstreamLatencyMs\n    stream\n    errorCode\n    content\n  }\n": types.RequestRowFragmentDoc,
    "\n  query RequestLogs($projectId: ID!, $filter: RequestLogFilter, $after: String) {\n    requestLogs(projectId: $projectId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      nodes {\n        id\n        ...RequestRow\n      }\n    }\n  }\n": types.RequestLogsDocument,
    "\n  mutation CreateProjectFromTemplate($organizationId: ID!, $templateId: ID!, $input: CreateProjectInput!) {\n    createProjectFromTemplate(organizationId: $organizationId, templateId: $templateId, input: $input) {\n      project {\n        id\n        name\n      }\n      apiKeys {\n        secret\n        apiKey {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.CreateProjectFromTemplateDocument,
    "\n  mutation CreateProjectTemplate($organizationId: ID!, $input: CreateProjectTemplateInput!) {\n    createProjectTemplate(organizationId: $organizationId, input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateProjectTemplateDocument,
    "\n  fragment TemplateRow on ProjectTemplate {\n    id\n    name\n    description\n    category\n    tags\n    isSystem\n    isPublic\n    usageCount\n    config {\n      quota {\n        ...QuotaValues\n      }\n      access {\n        models\n        groups\n      }\n      apiKeyNames\n    }\n  }\n": types.TemplateRowFragmentDoc,
    "\n  query OrganizationTemplates($organizationId: ID!) {\n    projectTemplates(organizationId: $organizationId) {\n      id\n      name\n      ...TemplateRow\n    }\n  }\n": types.OrganizationTemplatesDocument,
    "\n  query OrganizationUsageContext($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      timeZone\n    }\n    projects(organizationId: $organizationId) {\n      id\n      name\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) {\n      data {\n        userId\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.OrganizationUsageContextDocument,
    "\n  query ProjectUsageContext($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      timeZone\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) {\n      data {\n        userId\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ProjectUsageContextDocument,
    "\n  query UsageSpendSummary(\n    $organizationId: ID!\n    $timeZone: String!\n    $filter: UsageFilter\n    $todayFrom: DateTime!\n    $todayTo: DateTime!\n    $monthFrom: DateTime!\n    $monthTo: DateTime!\n    $utcTodayFrom: DateTime!\n    $utcTodayTo: DateTime!\n    $utcMonthFrom: DateTime!\n    $utcMonthTo: DateTime!\n    $weekFrom: DateTime!\n    $weekTo: DateTime!\n    $withFunds: Boolean!\n  ) {\n    today: usage(organizationId: $organizationId, timeZone: $timeZone, filter: $filter, from: $todayFrom, to: $todayTo) {\n      totals {\n        cost\n        requests\n        errors\n      }\n    }\n    month: usage(organizationId: $organizationId, timeZone: $timeZone, filter: $filter, from: $monthFrom, to: $monthTo) {\n      totals {\n        cost\n        requests\n        errors\n      }\n    }\n    utcToday: usage(organizationId: $organizationId, timeZone: \"UTC\", filter: $filter, from: $utcTodayFrom, to: $utcTodayTo) @include(if: $withFunds) {\n      totals {\n        cost\n      }\n    }\n    utcMonth: usage(organizationId: $organizationId, timeZone: \"UTC\", filter: $filter, from: $utcMonthFrom, to: $utcMonthTo) @include(if: $withFunds) {\n      totals {\n        cost\n      }\n    }\n    lastWeek: usage(organizationId: $organizationId, timeZone: $timeZone, filter: $filter, from: $weekFrom, to: $weekTo) {\n      totals {\n        cost\n      }\n    }\n    organizationLimits(organizationId: $organizationId) @include(if: $withFunds) {\n      dailyBudget\n      monthlyBudget\n    }\n    wallet(organizationId: $organizationId) @include(if: $withFunds) {\n      balance\n      availableAmount\n      currency\n      isActive\n    }\n  }\n": types.UsageSpendSummaryDocument,
    "\n  query UsageKeyNames($projectId: ID!) {\n    apiKeys(projectId: $projectId) {\n      id\n      name\n      lastFour\n    }\n  }\n": types.UsageKeyNamesDocument,
    "\n  subscription UsageTicks($organizationId: ID!, $projectId: ID) {\n    usageTicks(organizationId: $organizationId, projectId: $projectId) {\n      organizationId\n      projectId\n      snapshot\n      until\n      day\n      timeZone\n      today {\n        requests\n        errors\n        cost\n      }\n    }\n  }\n": types.UsageTicksDocument,
    "\n  query UsageRows(\n    $organizationId: ID!\n    $withTotals: Boolean!\n    $from: DateTime!\n    $to: DateTime!\n    $window: UsageWindow\n    $timeZone: String\n    $groupBy: [UsageDimension!]\n    $filter: UsageFilter\n    $after: String\n  ) {\n    usage(\n      organizationId: $organizationId\n      from: $from\n      to: $to\n      window: $window\n      timeZone: $timeZone\n      groupBy: $groupBy\n      filter: $filter\n      first: 1000\n      after: $after\n    ) {\n      timeZone\n      asOf\n      endCursor\n      totals @include(if: $withTotals) {\n        requests\n        errors\n        inputTokens\n        outputTokens\n        cost\n      }\n      rows {\n        windowStart\n        windowEnd\n        projectId\n        apiKeyId\n        userId\n        model\n        requests\n        errors\n        inputTokens\n        outputTokens\n        cost\n      }\n    }\n  }\n": types.UsageRowsDocument,
    "\n  mutation RedeemCode($organizationId: ID!, $code: String!) {\n    redeemCode(organizationId: $organizationId, code: $code) {\n      organizationId\n      balance\n      frozenAmount\n      availableAmount\n      currency\n      isActive\n    }\n  }\n": types.RedeemCodeDocument,
    "\n  fragment WalletBalance on Wallet {\n    organizationId\n    balance\n    frozenAmount\n    availableAmount\n    currency\n    isActive\n  }\n": types.WalletBalanceFragmentDoc,
    "\n  query OrganizationWallet($organizationId: ID!) {\n    wallet(organizationId: $organizationId) {\n      organizationId\n      ...WalletBalance\n    }\n  }\n": types.OrganizationWalletDocument,
    "\n  fragment WalletRecordRow on WalletRecord {\n    id\n    seq\n    type\n    amount\n    previousBalance\n    currentBalance\n    description\n    reference\n    requestLogId\n    createdAt\n  }\n": types.WalletRecordRowFragmentDoc,
    "\n  query WalletRecords($organizationId: ID!, $filter: WalletRecordFilter, $after: String) {\n    walletRecords(organizationId: $organizationId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      totals {\n        count\n        moneyIn\n        moneyOut\n      }\n      nodes {\n        id\n        ...WalletRecordRow\n      }\n    }\n  }\n": types.WalletRecordsDocument,
    "\n  query WalletRecordsCsv($organizationId: ID!, $filter: WalletRecordFilter) {\n    walletRecordsCsv(organizationId: $organizationId, filter: $filter)\n  }\n": types.WalletRecordsCsvDocument,
    "\n  subscription WalletChanged($organizationId: ID!) {\n    walletChanged(organizationId: $organizationId) {\n      organizationId\n      balance\n      frozenAmount\n      availableAmount\n      currency\n      isActive\n      ...WalletBalance\n    }\n  }\n": types.WalletChangedDocument,
    "\n  fragment OrganizationPermissions on Organization {\n    id\n    viewerPermissions\n  }\n": types.OrganizationPermissionsFragmentDoc,
    "\n  fragment ProjectPermissions on Project {\n    id\n    viewerPermissions\n  }\n": types.ProjectPermissionsFragmentDoc,
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
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      email\n      isOperator\n    }\n    myOrganizations {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      email\n      isOperator\n    }\n    myOrganizations {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationHeader($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      displayName\n      ...OrganizationPermissions\n    }\n  }\n"): (typeof documents)["\n  query OrganizationHeader($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      displayName\n      ...OrganizationPermissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectHeader($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      status\n      environment\n      organizationId\n      ...ProjectPermissions\n    }\n  }\n"): (typeof documents)["\n  query ProjectHeader($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      status\n      environment\n      organizationId\n      ...ProjectPermissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertRow on Alert {\n    id\n    kind\n    period\n    periodKey\n    metric\n    projectId\n    projectName\n    threshold\n    value\n    limitValue\n    message\n    firedAt\n    resolvedAt\n    resolved\n    suppressed\n    test\n    deliveries {\n      id\n      channel\n      to\n      status\n      lastError\n      sentAt\n      attempts {\n        at\n        statusCode\n        latencyMs\n        error\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AlertRow on Alert {\n    id\n    kind\n    period\n    periodKey\n    metric\n    projectId\n    projectName\n    threshold\n    value\n    limitValue\n    message\n    firedAt\n    resolvedAt\n    resolved\n    suppressed\n    test\n    deliveries {\n      id\n      channel\n      to\n      status\n      lastError\n      sentAt\n      attempts {\n        at\n        statusCode\n        latencyMs\n        error\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertHistory($organizationId: ID!, $projectId: ID, $after: String) {\n    alerts(organizationId: $organizationId, projectId: $projectId, first: 20, after: $after) {\n      endCursor\n      nodes {\n        id\n        ...AlertRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query AlertHistory($organizationId: ID!, $projectId: ID, $after: String) {\n    alerts(organizationId: $organizationId, projectId: $projectId, first: 20, after: $after) {\n      endCursor\n      nodes {\n        id\n        ...AlertRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AlertFired($organizationId: ID!) {\n    alertFired(organizationId: $organizationId) {\n      id\n      projectId\n      ...AlertRow\n    }\n  }\n"): (typeof documents)["\n  subscription AlertFired($organizationId: ID!) {\n    alertFired(organizationId: $organizationId) {\n      id\n      projectId\n      ...AlertRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BalanceAlertsForm on BalanceAlertSettings {\n    organizationId\n    thresholds\n    emailEnabled\n    smsEnabled\n    maxDailyAlerts\n    webhookEndpointId\n    webhookEndpoint {\n      id\n      description\n      host\n      disabled\n    }\n    messageTemplate\n    placeholders\n  }\n"): (typeof documents)["\n  fragment BalanceAlertsForm on BalanceAlertSettings {\n    organizationId\n    thresholds\n    emailEnabled\n    smsEnabled\n    maxDailyAlerts\n    webhookEndpointId\n    webhookEndpoint {\n      id\n      description\n      host\n      disabled\n    }\n    messageTemplate\n    placeholders\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetBalanceAlerts($organizationId: ID!, $input: BalanceAlertsInput!) {\n    setBalanceAlerts(organizationId: $organizationId, input: $input) {\n      ...BalanceAlertsForm\n    }\n  }\n"): (typeof documents)["\n  mutation SetBalanceAlerts($organizationId: ID!, $input: BalanceAlertsInput!) {\n    setBalanceAlerts(organizationId: $organizationId, input: $input) {\n      ...BalanceAlertsForm\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsumptionAlertsForm on ConsumptionAlertSettings {\n    projectId\n    dailyAmounts\n    monthlyAmounts\n    emailEnabled\n    smsEnabled\n    webhookEndpointId\n    webhookEndpoint {\n      id\n      description\n      host\n      disabled\n    }\n    messageTemplate\n    placeholders\n  }\n"): (typeof documents)["\n  fragment ConsumptionAlertsForm on ConsumptionAlertSettings {\n    projectId\n    dailyAmounts\n    monthlyAmounts\n    emailEnabled\n    smsEnabled\n    webhookEndpointId\n    webhookEndpoint {\n      id\n      description\n      host\n      disabled\n    }\n    messageTemplate\n    placeholders\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetConsumptionAlerts($projectId: ID!, $input: ConsumptionAlertsInput!) {\n    setConsumptionAlerts(projectId: $projectId, input: $input) {\n      ...ConsumptionAlertsForm\n    }\n  }\n"): (typeof documents)["\n  mutation SetConsumptionAlerts($projectId: ID!, $input: ConsumptionAlertsInput!) {\n    setConsumptionAlerts(projectId: $projectId, input: $input) {\n      ...ConsumptionAlertsForm\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BalanceAlertsDetails($organizationId: ID!) {\n    balanceAlerts(organizationId: $organizationId) {\n      organizationId\n      ...BalanceAlertsForm\n    }\n    webhookEndpoints(organizationId: $organizationId) {\n      id\n      ...WebhookEndpointRow\n    }\n  }\n"): (typeof documents)["\n  query BalanceAlertsDetails($organizationId: ID!) {\n    balanceAlerts(organizationId: $organizationId) {\n      organizationId\n      ...BalanceAlertsForm\n    }\n    webhookEndpoints(organizationId: $organizationId) {\n      id\n      ...WebhookEndpointRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationQuotaAlertsDetails($organizationId: ID!) {\n    organizationQuotaAlerts(organizationId: $organizationId) {\n      organizationId\n      ...QuotaAlertsForm\n    }\n  }\n"): (typeof documents)["\n  query OrganizationQuotaAlertsDetails($organizationId: ID!) {\n    organizationQuotaAlerts(organizationId: $organizationId) {\n      organizationId\n      ...QuotaAlertsForm\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectAlertsDetails($projectId: ID!) {\n    consumptionAlerts(projectId: $projectId) {\n      projectId\n      ...ConsumptionAlertsForm\n    }\n    quotaAlerts(projectId: $projectId) {\n      projectId\n      ...QuotaAlertsForm\n    }\n  }\n"): (typeof documents)["\n  query ProjectAlertsDetails($projectId: ID!) {\n    consumptionAlerts(projectId: $projectId) {\n      projectId\n      ...ConsumptionAlertsForm\n    }\n    quotaAlerts(projectId: $projectId) {\n      projectId\n      ...QuotaAlertsForm\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpointChoices($projectId: ID!) {\n    webhookEndpointChoices(projectId: $projectId) {\n      id\n      description\n      host\n      disabled\n    }\n  }\n"): (typeof documents)["\n  query WebhookEndpointChoices($projectId: ID!) {\n    webhookEndpointChoices(projectId: $projectId) {\n      id\n      description\n      host\n      disabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuotaAlertsForm on QuotaAlertSettings {\n    organizationId\n    projectId\n    shares\n    emailEnabled\n    smsEnabled\n    webhookEndpointId\n    webhookEndpoint {\n      id\n      description\n      host\n      disabled\n    }\n    messageTemplate\n    placeholders\n  }\n"): (typeof documents)["\n  fragment QuotaAlertsForm on QuotaAlertSettings {\n    organizationId\n    projectId\n    shares\n    emailEnabled\n    smsEnabled\n    webhookEndpointId\n    webhookEndpoint {\n      id\n      description\n      host\n      disabled\n    }\n    messageTemplate\n    placeholders\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetQuotaAlerts($projectId: ID!, $input: QuotaAlertsInput!) {\n    setQuotaAlerts(projectId: $projectId, input: $input) {\n      ...QuotaAlertsForm\n    }\n  }\n"): (typeof documents)["\n  mutation SetQuotaAlerts($projectId: ID!, $input: QuotaAlertsInput!) {\n    setQuotaAlerts(projectId: $projectId, input: $input) {\n      ...QuotaAlertsForm\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrganizationQuotaAlerts($organizationId: ID!, $input: QuotaAlertsInput!) {\n    setOrganizationQuotaAlerts(organizationId: $organizationId, input: $input) {\n      ...QuotaAlertsForm\n    }\n  }\n"): (typeof documents)["\n  mutation SetOrganizationQuotaAlerts($organizationId: ID!, $input: QuotaAlertsInput!) {\n    setOrganizationQuotaAlerts(organizationId: $organizationId, input: $input) {\n      ...QuotaAlertsForm\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestAlert($organizationId: ID!, $projectId: ID, $kind: AlertKind!) {\n    sendTestAlert(organizationId: $organizationId, projectId: $projectId, kind: $kind) {\n      id\n      deliveries {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendTestAlert($organizationId: ID!, $projectId: ID, $kind: AlertKind!) {\n    sendTestAlert(organizationId: $organizationId, projectId: $projectId, kind: $kind) {\n      id\n      deliveries {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEndpointRow on WebhookEndpoint {\n    id\n    url\n    description\n    customHeaders {\n      name\n      value\n    }\n    createdAt\n    previousSecretExpiresAt\n    failingSince\n    disabledAt\n  }\n"): (typeof documents)["\n  fragment WebhookEndpointRow on WebhookEndpoint {\n    id\n    url\n    description\n    customHeaders {\n      name\n      value\n    }\n    createdAt\n    previousSecretExpiresAt\n    failingSince\n    disabledAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($organizationId: ID!, $input: WebhookEndpointInput!) {\n    createWebhookEndpoint(organizationId: $organizationId, input: $input) {\n      secret\n      endpoint {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($organizationId: ID!, $input: WebhookEndpointInput!) {\n    createWebhookEndpoint(organizationId: $organizationId, input: $input) {\n      secret\n      endpoint {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($organizationId: ID!, $id: ID!) {\n    rotateWebhookSecret(organizationId: $organizationId, id: $id) {\n      secret\n      endpoint {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($organizationId: ID!, $id: ID!) {\n    rotateWebhookSecret(organizationId: $organizationId, id: $id) {\n      secret\n      endpoint {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableWebhookEndpoint($organizationId: ID!, $id: ID!) {\n    disableWebhookEndpoint(organizationId: $organizationId, id: $id) {\n      id\n      ...WebhookEndpointRow\n    }\n  }\n"): (typeof documents)["\n  mutation DisableWebhookEndpoint($organizationId: ID!, $id: ID!) {\n    disableWebhookEndpoint(organizationId: $organizationId, id: $id) {\n      id\n      ...WebhookEndpointRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableWebhookEndpoint($organizationId: ID!, $id: ID!) {\n    enableWebhookEndpoint(organizationId: $organizationId, id: $id) {\n      id\n      ...WebhookEndpointRow\n    }\n  }\n"): (typeof documents)["\n  mutation EnableWebhookEndpoint($organizationId: ID!, $id: ID!) {\n    enableWebhookEndpoint(organizationId: $organizationId, id: $id) {\n      id\n      ...WebhookEndpointRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($organizationId: ID!, $id: ID!) {\n    deleteWebhookEndpoint(organizationId: $organizationId, id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($organizationId: ID!, $id: ID!) {\n    deleteWebhookEndpoint(organizationId: $organizationId, id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      id\n      email\n      name\n      isOperator\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      id\n      email\n      name\n      isOperator\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      id\n      email\n      name\n      isOperator\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      id\n      email\n      name\n      isOperator\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BulkInviteReport on BulkInviteReport {\n    id\n    status\n    totalCount\n    successCount\n    failureCount\n    csv\n    records {\n      row\n      email\n      name\n      status\n      code\n      reason\n      inviteUrl\n    }\n  }\n"): (typeof documents)["\n  fragment BulkInviteReport on BulkInviteReport {\n    id\n    status\n    totalCount\n    successCount\n    failureCount\n    csv\n    records {\n      row\n      email\n      name\n      status\n      code\n      reason\n      inviteUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewBulkInvite($organizationId: ID!, $csv: String!) {\n    previewBulkInvite(organizationId: $organizationId, csv: $csv) {\n      id\n      ...BulkInviteReport\n    }\n  }\n"): (typeof documents)["\n  query PreviewBulkInvite($organizationId: ID!, $csv: String!) {\n    previewBulkInvite(organizationId: $organizationId, csv: $csv) {\n      id\n      ...BulkInviteReport\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkInviteMembers($organizationId: ID!, $csv: String!) {\n    bulkInviteMembers(organizationId: $organizationId, csv: $csv) {\n      id\n      ...BulkInviteReport\n    }\n  }\n"): (typeof documents)["\n  mutation BulkInviteMembers($organizationId: ID!, $csv: String!) {\n    bulkInviteMembers(organizationId: $organizationId, csv: $csv) {\n      id\n      ...BulkInviteReport\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvitationRow on Invitation {\n    id\n    email\n    name\n    role\n    status\n    expiresAt\n    invitedBy {\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment InvitationRow on Invitation {\n    id\n    email\n    name\n    role\n    status\n    expiresAt\n    invitedBy {\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingInvitations($organizationId: ID!) {\n    invitations(organizationId: $organizationId) {\n      id\n      ...InvitationRow\n    }\n  }\n"): (typeof documents)["\n  query PendingInvitations($organizationId: ID!) {\n    invitations(organizationId: $organizationId) {\n      id\n      ...InvitationRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMembers($organizationId: ID!, $invitations: [InvitationInput!]!) {\n    inviteMembers(organizationId: $organizationId, invitations: $invitations) {\n      inviteUrl\n      invitation {\n        id\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMembers($organizationId: ID!, $invitations: [InvitationInput!]!) {\n    inviteMembers(organizationId: $organizationId, invitations: $invitations) {\n      inviteUrl\n      invitation {\n        id\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($organizationId: ID!, $id: ID!) {\n    resendInvitation(organizationId: $organizationId, id: $id) {\n      inviteUrl\n      invitation {\n        id\n        status\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($organizationId: ID!, $id: ID!) {\n    resendInvitation(organizationId: $organizationId, id: $id) {\n      inviteUrl\n      invitation {\n        id\n        status\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($organizationId: ID!, $id: ID!) {\n    revokeInvitation(organizationId: $organizationId, id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($organizationId: ID!, $id: ID!) {\n    revokeInvitation(organizationId: $organizationId, id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InviteTokenRow on InviteToken {\n    id\n    description\n    prefix\n    usageCount\n    maxUsageCount\n    expiresAt\n    status\n    createdBy {\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment InviteTokenRow on InviteToken {\n    id\n    description\n    prefix\n    usageCount\n    maxUsageCount\n    expiresAt\n    status\n    createdBy {\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InviteTokens($organizationId: ID!) {\n    inviteTokens(organizationId: $organizationId) {\n      id\n      ...InviteTokenRow\n    }\n  }\n"): (typeof documents)["\n  query InviteTokens($organizationId: ID!) {\n    inviteTokens(organizationId: $organizationId) {\n      id\n      ...InviteTokenRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInviteToken($organizationId: ID!, $input: CreateInviteTokenInput!) {\n    createInviteToken(organizationId: $organizationId, input: $input) {\n      id\n      token\n      inviteUrl\n      maxUsageCount\n      usageCount\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreateInviteToken($organizationId: ID!, $input: CreateInviteTokenInput!) {\n    createInviteToken(organizationId: $organizationId, input: $input) {\n      id\n      token\n      inviteUrl\n      maxUsageCount\n      usageCount\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInviteToken($organizationId: ID!, $id: ID!) {\n    revokeInviteToken(organizationId: $organizationId, id: $id) {\n      id\n      status\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInviteToken($organizationId: ID!, $id: ID!) {\n    revokeInviteToken(organizationId: $organizationId, id: $id) {\n      id\n      status\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JoinPreview($token: String!) {\n    invitationPreview(token: $token) {\n      kind\n      organizationDisplayName\n      email\n      name\n      role\n      expiresAt\n    }\n    me {\n      id\n      email\n    }\n  }\n"): (typeof documents)["\n  query JoinPreview($token: String!) {\n    invitationPreview(token: $token) {\n      kind\n      organizationDisplayName\n      email\n      name\n      role\n      expiresAt\n    }\n    me {\n      id\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvite($token: String!) {\n    acceptInvite(token: $token) {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvite($token: String!) {\n    acceptInvite(token: $token) {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUpAndJoin($input: SignUpInput!) {\n    signUp(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SignUpAndJoin($input: SignUpInput!) {\n    signUp(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyActions on ApiKey {\n    id\n    name\n    viewerCanRevoke\n    viewerCanRotate\n  }\n"): (typeof documents)["\n  fragment ApiKeyActions on ApiKey {\n    id\n    name\n    viewerCanRevoke\n    viewerCanRotate\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($projectId: ID!, $id: ID!) {\n    revokeApiKey(projectId: $projectId, id: $id) {\n      id\n      status\n      revokedAt\n      viewerCanRevoke\n      viewerCanRotate\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($projectId: ID!, $id: ID!) {\n    revokeApiKey(projectId: $projectId, id: $id) {\n      id\n      status\n      revokedAt\n      viewerCanRevoke\n      viewerCanRotate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateApiKey($projectId: ID!, $id: ID!, $gracePeriodSeconds: Int!, $requestId: String!) {\n    rotateApiKey(projectId: $projectId, id: $id, gracePeriodSeconds: $gracePeriodSeconds, requestId: $requestId) {\n      secret\n      apiKey {\n        id\n      }\n      previous {\n        id\n        expiresAt\n        status\n        viewerCanRotate\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateApiKey($projectId: ID!, $id: ID!, $gracePeriodSeconds: Int!, $requestId: String!) {\n    rotateApiKey(projectId: $projectId, id: $id, gracePeriodSeconds: $gracePeriodSeconds, requestId: $requestId) {\n      secret\n      apiKey {\n        id\n      }\n      previous {\n        id\n        expiresAt\n        status\n        viewerCanRotate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    lastFour\n    owner\n    createdAt\n    lastUsedAt\n    expiresAt\n    status\n    effectiveModels\n    createdBy {\n      id\n      name\n    }\n    ...ApiKeyActions\n  }\n"): (typeof documents)["\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    lastFour\n    owner\n    createdAt\n    lastUsedAt\n    expiresAt\n    status\n    effectiveModels\n    createdBy {\n      id\n      name\n    }\n    ...ApiKeyActions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectApiKeys($projectId: ID!) {\n    apiKeys(projectId: $projectId) {\n      id\n      ...ApiKeyRow\n    }\n    availableModels(projectId: $projectId) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query ProjectApiKeys($projectId: ID!) {\n    apiKeys(projectId: $projectId) {\n      id\n      ...ApiKeyRow\n    }\n    availableModels(projectId: $projectId) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($projectId: ID!, $input: CreateApiKeyInput!) {\n    createApiKey(projectId: $projectId, input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($projectId: ID!, $input: CreateApiKeyInput!) {\n    createApiKey(projectId: $projectId, input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationLimitValues on OrganizationLimits {\n    rpm\n    tpm\n    rph\n    rpd\n    tpd\n    dailyBudget\n    monthlyBudget\n  }\n"): (typeof documents)["\n  fragment OrganizationLimitValues on OrganizationLimits {\n    rpm\n    tpm\n    rph\n    rpd\n    tpd\n    dailyBudget\n    monthlyBudget\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrganizationLimits($organizationId: ID!, $input: OrganizationLimitsInput!) {\n    setOrganizationLimits(organizationId: $organizationId, input: $input) {\n      ...OrganizationLimitValues\n    }\n  }\n"): (typeof documents)["\n  mutation SetOrganizationLimits($organizationId: ID!, $input: OrganizationLimitsInput!) {\n    setOrganizationLimits(organizationId: $organizationId, input: $input) {\n      ...OrganizationLimitValues\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationLimitsDetails($organizationId: ID!) {\n    organizationLimits(organizationId: $organizationId) {\n      ...OrganizationLimitValues\n    }\n  }\n"): (typeof documents)["\n  query OrganizationLimitsDetails($organizationId: ID!) {\n    organizationLimits(organizationId: $organizationId) {\n      ...OrganizationLimitValues\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectQuotaForm on ProjectQuotaSettings {\n    projectId\n    quota {\n      ...QuotaValues\n    }\n    effective {\n      ...QuotaValues\n    }\n  }\n"): (typeof documents)["\n  fragment ProjectQuotaForm on ProjectQuotaSettings {\n    projectId\n    quota {\n      ...QuotaValues\n    }\n    effective {\n      ...QuotaValues\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetProjectQuota($projectId: ID!, $input: ProjectQuotaInput!) {\n    setProjectQuota(projectId: $projectId, input: $input) {\n      ...ProjectQuotaForm\n    }\n  }\n"): (typeof documents)["\n  mutation SetProjectQuota($projectId: ID!, $input: ProjectQuotaInput!) {\n    setProjectQuota(projectId: $projectId, input: $input) {\n      ...ProjectQuotaForm\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectQuotaDetails($projectId: ID!) {\n    projectQuota(projectId: $projectId) {\n      projectId\n      ...ProjectQuotaForm\n    }\n  }\n"): (typeof documents)["\n  query ProjectQuotaDetails($projectId: ID!) {\n    projectQuota(projectId: $projectId) {\n      projectId\n      ...ProjectQuotaForm\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuotaValues on ProjectQuota {\n    dailyRequestLimit\n    dailyTokenLimit\n    monthlyRequestLimit\n    monthlyTokenLimit\n    requestsPerMinuteLimit\n    tokensPerMinuteLimit\n    dailyBudget\n    monthlyBudget\n    enforceQuota\n    customResetDay\n  }\n"): (typeof documents)["\n  fragment QuotaValues on ProjectQuota {\n    dailyRequestLimit\n    dailyTokenLimit\n    monthlyRequestLimit\n    monthlyTokenLimit\n    requestsPerMinuteLimit\n    tokensPerMinuteLimit\n    dailyBudget\n    monthlyBudget\n    enforceQuota\n    customResetDay\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuotaUsageBars on QuotaUsage {\n    projectId\n    dailyUsage {\n      requestCount\n      tokenCount\n      spent\n      date\n    }\n    monthlyUsage {\n      requestCount\n      tokenCount\n      spent\n      resetDay\n      periodStart\n    }\n    effective {\n      dailyRequestLimit\n      dailyTokenLimit\n      monthlyRequestLimit\n      monthlyTokenLimit\n      dailyBudget\n      monthlyBudget\n      enforceQuota\n      customResetDay\n    }\n  }\n"): (typeof documents)["\n  fragment QuotaUsageBars on QuotaUsage {\n    projectId\n    dailyUsage {\n      requestCount\n      tokenCount\n      spent\n      date\n    }\n    monthlyUsage {\n      requestCount\n      tokenCount\n      spent\n      resetDay\n      periodStart\n    }\n    effective {\n      dailyRequestLimit\n      dailyTokenLimit\n      monthlyRequestLimit\n      monthlyTokenLimit\n      dailyBudget\n      monthlyBudget\n      enforceQuota\n      customResetDay\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuotaUsage($projectId: ID!) {\n    quotaUsage(projectId: $projectId, period: MONTH) {\n      projectId\n      ...QuotaUsageBars\n    }\n  }\n"): (typeof documents)["\n  query QuotaUsage($projectId: ID!) {\n    quotaUsage(projectId: $projectId, period: MONTH) {\n      projectId\n      ...QuotaUsageBars\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription QuotaChanged($projectId: ID!) {\n    quotaChanged(projectId: $projectId) {\n      projectId\n      ...QuotaUsageBars\n    }\n  }\n"): (typeof documents)["\n  subscription QuotaChanged($projectId: ID!) {\n    quotaChanged(projectId: $projectId) {\n      projectId\n      ...QuotaUsageBars\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberRow on OrganizationMember {\n    id\n    userId\n    role\n    grants\n    joinedAt\n    viewerAssignableRoles\n    viewerCanRemove\n    user {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment MemberRow on OrganizationMember {\n    id\n    userId\n    role\n    grants\n    joinedAt\n    viewerAssignableRoles\n    viewerCanRemove\n    user {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationMembers($organizationId: ID!, $page: Int!, $size: Int!, $search: String, $role: OrgRole) {\n    organization(id: $organizationId) {\n      id\n      viewerInvitableRoles\n    }\n    members(organizationId: $organizationId, page: $page, size: $size, search: $search, role: $role) {\n      total\n      page\n      size\n      data {\n        id\n        ...MemberRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationMembers($organizationId: ID!, $page: Int!, $size: Int!, $search: String, $role: OrgRole) {\n    organization(id: $organizationId) {\n      id\n      viewerInvitableRoles\n    }\n    members(organizationId: $organizationId, page: $page, size: $size, search: $search, role: $role) {\n      total\n      page\n      size\n      data {\n        id\n        ...MemberRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMemberRole($organizationId: ID!, $userId: ID!, $role: OrgRole!) {\n    updateMemberRole(organizationId: $organizationId, userId: $userId, role: $role) {\n      id\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMemberRole($organizationId: ID!, $userId: ID!, $role: OrgRole!) {\n    updateMemberRole(organizationId: $organizationId, userId: $userId, role: $role) {\n      id\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($organizationId: ID!, $userId: ID!) {\n    removeMember(organizationId: $organizationId, userId: $userId)\n  }\n"): (typeof documents)["\n  mutation RemoveMember($organizationId: ID!, $userId: ID!) {\n    removeMember(organizationId: $organizationId, userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalog {\n    upstreams {\n      id\n      name\n      ...UpstreamRow\n    }\n    catalogModels {\n      id\n      ...CatalogModelRow\n    }\n  }\n"): (typeof documents)["\n  query Catalog {\n    upstreams {\n      id\n      name\n      ...UpstreamRow\n    }\n    catalogModels {\n      id\n      ...CatalogModelRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditWallet($organizationId: ID!, $amount: Money!, $reference: String!, $description: String) {\n    creditWallet(organizationId: $organizationId, amount: $amount, reference: $reference, description: $description) {\n      organizationId\n      balance\n      availableAmount\n      isActive\n    }\n  }\n"): (typeof documents)["\n  mutation CreditWallet($organizationId: ID!, $amount: Money!, $reference: String!, $description: String) {\n    creditWallet(organizationId: $organizationId, amount: $amount, reference: $reference, description: $description) {\n      organizationId\n      balance\n      availableAmount\n      isActive\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CatalogModelRow on Model {\n    id\n    name\n    upstreamModel\n    inputPricePerMillion\n    cachedInputPricePerMillion\n    outputPricePerMillion\n    contextWindow\n    defaultMaxOutputTokens\n    groups\n    enabled\n    upstream {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment CatalogModelRow on Model {\n    id\n    name\n    upstreamModel\n    inputPricePerMillion\n    cachedInputPricePerMillion\n    outputPricePerMillion\n    contextWindow\n    defaultMaxOutputTokens\n    groups\n    enabled\n    upstream {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateModel($input: ModelInput!) {\n    createModel(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateModel($input: ModelInput!) {\n    createModel(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateModel($id: ID!, $input: ModelInput!) {\n    updateModel(id: $id, input: $input) {\n      id\n      name\n      enabled\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateModel($id: ID!, $input: ModelInput!) {\n    updateModel(id: $id, input: $input) {\n      id\n      name\n      enabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationGrantEditor on Organization {\n    id\n    displayName\n    modelAccess {\n      models\n      groups\n    }\n    caps {\n      projectsPerOrganization\n      apiKeysPerProject\n    }\n  }\n"): (typeof documents)["\n  fragment OrganizationGrantEditor on Organization {\n    id\n    displayName\n    modelAccess {\n      models\n      groups\n    }\n    caps {\n      projectsPerOrganization\n      apiKeysPerProject\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrganizationModelAccess($organizationId: ID!, $access: ModelAccessInput!) {\n    setOrganizationModelAccess(organizationId: $organizationId, access: $access) {\n      id\n      modelAccess {\n        models\n        groups\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetOrganizationModelAccess($organizationId: ID!, $access: ModelAccessInput!) {\n    setOrganizationModelAccess(organizationId: $organizationId, access: $access) {\n      id\n      modelAccess {\n        models\n        groups\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrganizationCaps($organizationId: ID!, $caps: OrganizationCapsInput!) {\n    setOrganizationCaps(organizationId: $organizationId, caps: $caps) {\n      id\n      caps {\n        projectsPerOrganization\n        apiKeysPerProject\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetOrganizationCaps($organizationId: ID!, $caps: OrganizationCapsInput!) {\n    setOrganizationCaps(organizationId: $organizationId, caps: $caps) {\n      id\n      caps {\n        projectsPerOrganization\n        apiKeysPerProject\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OperatedOrganizationRow on Organization {\n    id\n    name\n    displayName\n    verificationTier\n    caps {\n      projectsPerOrganization\n      apiKeysPerProject\n    }\n    modelAccess {\n      models\n      groups\n    }\n    verification {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment OperatedOrganizationRow on Organization {\n    id\n    name\n    displayName\n    verificationTier\n    caps {\n      projectsPerOrganization\n      apiKeysPerProject\n    }\n    modelAccess {\n      models\n      groups\n    }\n    verification {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllOrganizations($search: String) {\n    allOrganizations(search: $search) {\n      id\n      ...OperatedOrganizationRow\n      ...OrganizationGrantEditor\n    }\n  }\n"): (typeof documents)["\n  query AllOrganizations($search: String) {\n    allOrganizations(search: $search) {\n      id\n      ...OperatedOrganizationRow\n      ...OrganizationGrantEditor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OutboxRow on OutboxMessage {\n    id\n    to\n    subject\n    text\n    status\n    attempts\n    lastError\n    createdAt\n    sentAt\n  }\n"): (typeof documents)["\n  fragment OutboxRow on OutboxMessage {\n    id\n    to\n    subject\n    text\n    status\n    attempts\n    lastError\n    createdAt\n    sentAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Outbox($to: String) {\n    outboxMessages(to: $to, first: 200) {\n      id\n      ...OutboxRow\n    }\n  }\n"): (typeof documents)["\n  query Outbox($to: String) {\n    outboxMessages(to: $to, first: 200) {\n      id\n      ...OutboxRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueRedemptionCodes($amount: Money!, $count: Int!, $expiresAt: DateTime!, $description: String) {\n    issueRedemptionCodes(amount: $amount, count: $count, expiresAt: $expiresAt, description: $description) {\n      batch {\n        id\n        amount\n        count\n        expiresAt\n        description\n      }\n      codes\n    }\n  }\n"): (typeof documents)["\n  mutation IssueRedemptionCodes($amount: Money!, $count: Int!, $expiresAt: DateTime!, $description: String) {\n    issueRedemptionCodes(amount: $amount, count: $count, expiresAt: $expiresAt, description: $description) {\n      batch {\n        id\n        amount\n        count\n        expiresAt\n        description\n      }\n      codes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UpstreamRow on Upstream {\n    id\n    name\n    baseUrl\n    hasCredential\n    createdAt\n  }\n"): (typeof documents)["\n  fragment UpstreamRow on Upstream {\n    id\n    name\n    baseUrl\n    hasCredential\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUpstream($input: UpstreamInput!) {\n    createUpstream(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUpstream($input: UpstreamInput!) {\n    createUpstream(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUpstream($id: ID!, $input: UpstreamInput!) {\n    updateUpstream(id: $id, input: $input) {\n      id\n      name\n      baseUrl\n      hasCredential\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUpstream($id: ID!, $input: UpstreamInput!) {\n    updateUpstream(id: $id, input: $input) {\n      id\n      name\n      baseUrl\n      hasCredential\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VerificationRow on OrganizationVerification {\n    id\n    companyName\n    registrationNumber\n    contactName\n    contactEmail\n    country\n    createdAt\n    organization {\n      id\n      displayName\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment VerificationRow on OrganizationVerification {\n    id\n    companyName\n    registrationNumber\n    contactName\n    contactEmail\n    country\n    createdAt\n    organization {\n      id\n      displayName\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerificationQueue {\n    organizationVerifications(status: PENDING) {\n      id\n      ...VerificationRow\n    }\n  }\n"): (typeof documents)["\n  query VerificationQueue {\n    organizationVerifications(status: PENDING) {\n      id\n      ...VerificationRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveVerification($id: ID!) {\n    approveOrganizationVerification(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveVerification($id: ID!) {\n    approveOrganizationVerification(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectVerification($id: ID!, $reason: String!) {\n    rejectOrganizationVerification(id: $id, reason: $reason) {\n      id\n      status\n      rejectionReason\n    }\n  }\n"): (typeof documents)["\n  mutation RejectVerification($id: ID!, $reason: String!) {\n    rejectOrganizationVerification(id: $id, reason: $reason) {\n      id\n      status\n      rejectionReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWalletActive($organizationId: ID!, $isActive: Boolean!) {\n    setWalletActive(organizationId: $organizationId, isActive: $isActive) {\n      organizationId\n      balance\n      isActive\n    }\n  }\n"): (typeof documents)["\n  mutation SetWalletActive($organizationId: ID!, $isActive: Boolean!) {\n    setWalletActive(organizationId: $organizationId, isActive: $isActive) {\n      organizationId\n      balance\n      isActive\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletOrganizations {\n    allOrganizations {\n      id\n      name\n      displayName\n    }\n  }\n"): (typeof documents)["\n  query WalletOrganizations {\n    allOrganizations {\n      id\n      name\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditContentSetting on Organization {\n    id\n    auditContent {\n      policy\n      retentionDays\n    }\n  }\n"): (typeof documents)["\n  fragment AuditContentSetting on Organization {\n    id\n    auditContent {\n      policy\n      retentionDays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAuditContentPolicy($organizationId: ID!, $policy: AuditContentPolicy!, $retentionDays: Int!) {\n    setAuditContentPolicy(organizationId: $organizationId, policy: $policy, retentionDays: $retentionDays) {\n      id\n      auditContent {\n        policy\n        retentionDays\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetAuditContentPolicy($organizationId: ID!, $policy: AuditContentPolicy!, $retentionDays: Int!) {\n    setAuditContentPolicy(organizationId: $organizationId, policy: $policy, retentionDays: $retentionDays) {\n      id\n      auditContent {\n        policy\n        retentionDays\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id\n      verificationTier\n      viewerCanRequestVerification\n      caps {\n        projectsPerOrganization\n        apiKeysPerProject\n      }\n      modelAccess {\n        models\n        groups\n      }\n      ...AuditContentSetting\n      ...TimeZoneSetting\n      verification {\n        id\n        status\n        companyName\n        createdAt\n        rejectionReason\n        ...VerificationPrefill\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id\n      verificationTier\n      viewerCanRequestVerification\n      caps {\n        projectsPerOrganization\n        apiKeysPerProject\n      }\n      modelAccess {\n        models\n        groups\n      }\n      ...AuditContentSetting\n      ...TimeZoneSetting\n      verification {\n        id\n        status\n        companyName\n        createdAt\n        rejectionReason\n        ...VerificationPrefill\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TimeZoneSetting on Organization {\n    id\n    timeZone\n  }\n"): (typeof documents)["\n  fragment TimeZoneSetting on Organization {\n    id\n    timeZone\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrganizationTimeZone($organizationId: ID!, $timeZone: String!) {\n    setOrganizationTimeZone(organizationId: $organizationId, timeZone: $timeZone) {\n      id\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  mutation SetOrganizationTimeZone($organizationId: ID!, $timeZone: String!) {\n    setOrganizationTimeZone(organizationId: $organizationId, timeZone: $timeZone) {\n      id\n      timeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VerificationPrefill on OrganizationVerification {\n    companyName\n    registrationNumber\n    contactName\n    contactEmail\n    country\n  }\n"): (typeof documents)["\n  fragment VerificationPrefill on OrganizationVerification {\n    companyName\n    registrationNumber\n    contactName\n    contactEmail\n    country\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitOrganizationVerification($organizationId: ID!, $input: OrganizationVerificationInput!) {\n    submitOrganizationVerification(organizationId: $organizationId, input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitOrganizationVerification($organizationId: ID!, $input: OrganizationVerificationInput!) {\n    submitOrganizationVerification(organizationId: $organizationId, input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MobileNumber on Me {\n    id\n    mobileNumber\n    mobileVerified\n  }\n"): (typeof documents)["\n  fragment MobileNumber on Me {\n    id\n    mobileNumber\n    mobileVerified\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMobileNumber($number: String) {\n    setMobileNumber(number: $number) {\n      ...MobileNumber\n    }\n  }\n"): (typeof documents)["\n  mutation SetMobileNumber($number: String) {\n    setMobileNumber(number: $number) {\n      ...MobileNumber\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyMobileNumber($code: String!) {\n    verifyMobileNumber(code: $code) {\n      ...MobileNumber\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyMobileNumber($code: String!) {\n    verifyMobileNumber(code: $code) {\n      ...MobileNumber\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Profile {\n    me {\n      id\n      name\n      email\n      ...MobileNumber\n    }\n  }\n"): (typeof documents)["\n  query Profile {\n    me {\n      id\n      name\n      email\n      ...MobileNumber\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationModelAccess($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      modelAccess {\n        models\n        groups\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationModelAccess($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      modelAccess {\n        models\n        groups\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetProjectModelAccess($projectId: ID!, $access: ModelAccessInput) {\n    setProjectModelAccess(projectId: $projectId, access: $access) {\n      id\n      modelAccess {\n        models\n        groups\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetProjectModelAccess($projectId: ID!, $access: ModelAccessInput) {\n    setProjectModelAccess(projectId: $projectId, access: $access) {\n      id\n      modelAccess {\n        models\n        groups\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectModels($projectId: ID!) {\n    availableModels(projectId: $projectId) {\n      id\n      name\n      inputPricePerMillion\n      cachedInputPricePerMillion\n      outputPricePerMillion\n      contextWindow\n    }\n    project(id: $projectId) {\n      id\n      modelAccess {\n        models\n        groups\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectModels($projectId: ID!) {\n    availableModels(projectId: $projectId) {\n      id\n      name\n      inputPricePerMillion\n      cachedInputPricePerMillion\n      outputPricePerMillion\n      contextWindow\n    }\n    project(id: $projectId) {\n      id\n      modelAccess {\n        models\n        groups\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectDetails($id: ID!, $organizationId: ID!) {\n    project(id: $id) {\n      id\n      description\n      primaryWorkload\n      expectedMonthlySpend\n      escalationContact\n      members {\n        id\n        userId\n        ...ProjectMemberRow\n      }\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) {\n      data {\n        userId\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectDetails($id: ID!, $organizationId: ID!) {\n    project(id: $id) {\n      id\n      description\n      primaryWorkload\n      expectedMonthlySpend\n      escalationContact\n      members {\n        id\n        userId\n        ...ProjectMemberRow\n      }\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) {\n      data {\n        userId\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectMemberRow on ProjectMember {\n    id\n    userId\n    role\n    user {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment ProjectMemberRow on ProjectMember {\n    id\n    userId\n    role\n    user {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddProjectMember($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    addProjectMember(projectId: $projectId, userId: $userId, role: $role) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddProjectMember($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    addProjectMember(projectId: $projectId, userId: $userId, role: $role) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProjectMemberRole($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    updateProjectMemberRole(projectId: $projectId, userId: $userId, role: $role) {\n      id\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProjectMemberRole($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    updateProjectMemberRole(projectId: $projectId, userId: $userId, role: $role) {\n      id\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveProjectMember($projectId: ID!, $userId: ID!) {\n    removeProjectMember(projectId: $projectId, userId: $userId)\n  }\n"): (typeof documents)["\n  mutation RemoveProjectMember($projectId: ID!, $userId: ID!) {\n    removeProjectMember(projectId: $projectId, userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectRow on Project {\n    id\n    name\n    status\n    environment\n    viewer {\n      role\n    }\n    ...ProjectPermissions\n  }\n"): (typeof documents)["\n  fragment ProjectRow on Project {\n    id\n    name\n    status\n    environment\n    viewer {\n      role\n    }\n    ...ProjectPermissions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationProjects($organizationId: ID!) {\n    projects(organizationId: $organizationId) {\n      id\n      ...ProjectRow\n    }\n  }\n"): (typeof documents)["\n  query OrganizationProjects($organizationId: ID!) {\n    projects(organizationId: $organizationId) {\n      id\n      ...ProjectRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProject($organizationId: ID!, $input: CreateProjectInput!) {\n    createProject(organizationId: $organizationId, input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProject($organizationId: ID!, $input: CreateProjectInput!) {\n    createProject(organizationId: $organizationId, input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestFilters($projectId: ID!) {\n    apiKeys(projectId: $projectId) {\n      id\n      name\n      prefix\n      lastFour\n    }\n    availableModels(projectId: $projectId) {\n      name\n    }\n  }\n"): (typeof documents)["\n  query RequestFilters($projectId: ID!) {\n    apiKeys(projectId: $projectId) {\n      id\n      name\n      prefix\n      lastFour\n    }\n    availableModels(projectId: $projectId) {\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequestRow on RequestLog {\n    id\n    time\n    apiKeyId\n    model\n    status\n    inputTokens\n    cachedInputTokens\n    outputTokens\n    reasoningTokens\n    usageSource\n    cost\n    latencyMs\n    upstreamLatencyMs\n    stream\n    errorCode\n    content\n  }\n"): (typeof documents)["\n  fragment RequestRow on RequestLog {\n    id\n    time\n    apiKeyId\n    model\n    status\n    inputTokens\n    cachedInputTokens\n    outputTokens\n    reasoningTokens\n    usageSource\n    cost\n    latencyMs\n    upstreamLatencyMs\n    stream\n    errorCode\n    content\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestLogs($projectId: ID!, $filter: RequestLogFilter, $after: String) {\n    requestLogs(projectId: $projectId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      nodes {\n        id\n        ...RequestRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query RequestLogs($projectId: ID!, $filter: RequestLogFilter, $after: String) {\n    requestLogs(projectId: $projectId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      nodes {\n        id\n        ...RequestRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProjectFromTemplate($organizationId: ID!, $templateId: ID!, $input: CreateProjectInput!) {\n    createProjectFromTemplate(organizationId: $organizationId, templateId: $templateId, input: $input) {\n      project {\n        id\n        name\n      }\n      apiKeys {\n        secret\n        apiKey {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProjectFromTemplate($organizationId: ID!, $templateId: ID!, $input: CreateProjectInput!) {\n    createProjectFromTemplate(organizationId: $organizationId, templateId: $templateId, input: $input) {\n      project {\n        id\n        name\n      }\n      apiKeys {\n        secret\n        apiKey {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProjectTemplate($organizationId: ID!, $input: CreateProjectTemplateInput!) {\n    createProjectTemplate(organizationId: $organizationId, input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProjectTemplate($organizationId: ID!, $input: CreateProjectTemplateInput!) {\n    createProjectTemplate(organizationId: $organizationId, input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TemplateRow on ProjectTemplate {\n    id\n    name\n    description\n    category\n    tags\n    isSystem\n    isPublic\n    usageCount\n    config {\n      quota {\n        ...QuotaValues\n      }\n      access {\n        models\n        groups\n      }\n      apiKeyNames\n    }\n  }\n"): (typeof documents)["\n  fragment TemplateRow on ProjectTemplate {\n    id\n    name\n    description\n    category\n    tags\n    isSystem\n    isPublic\n    usageCount\n    config {\n      quota {\n        ...QuotaValues\n      }\n      access {\n        models\n        groups\n      }\n      apiKeyNames\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationTemplates($organizationId: ID!) {\n    projectTemplates(organizationId: $organizationId) {\n      id\n      name\n      ...TemplateRow\n    }\n  }\n"): (typeof documents)["\n  query OrganizationTemplates($organizationId: ID!) {\n    projectTemplates(organizationId: $organizationId) {\n      id\n      name\n      ...TemplateRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationUsageContext($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      timeZone\n    }\n    projects(organizationId: $organizationId) {\n      id\n      name\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) {\n      data {\n        userId\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationUsageContext($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      timeZone\n    }\n    projects(organizationId: $organizationId) {\n      id\n      name\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) {\n      data {\n        userId\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectUsageContext($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      timeZone\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) {\n      data {\n        userId\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectUsageContext($organizationId: ID!) {\n    organization(id: $organizationId) {\n      id\n      timeZone\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) {\n      data {\n        userId\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageSpendSummary(\n    $organizationId: ID!\n    $timeZone: String!\n    $filter: UsageFilter\n    $todayFrom: DateTime!\n    $todayTo: DateTime!\n    $monthFrom: DateTime!\n    $monthTo: DateTime!\n    $utcTodayFrom: DateTime!\n    $utcTodayTo: DateTime!\n    $utcMonthFrom: DateTime!\n    $utcMonthTo: DateTime!\n    $weekFrom: DateTime!\n    $weekTo: DateTime!\n    $withFunds: Boolean!\n  ) {\n    today: usage(organizationId: $organizationId, timeZone: $timeZone, filter: $filter, from: $todayFrom, to: $todayTo) {\n      totals {\n        cost\n        requests\n        errors\n      }\n    }\n    month: usage(organizationId: $organizationId, timeZone: $timeZone, filter: $filter, from: $monthFrom, to: $monthTo) {\n      totals {\n        cost\n        requests\n        errors\n      }\n    }\n    utcToday: usage(organizationId: $organizationId, timeZone: \"UTC\", filter: $filter, from: $utcTodayFrom, to: $utcTodayTo) @include(if: $withFunds) {\n      totals {\n        cost\n      }\n    }\n    utcMonth: usage(organizationId: $organizationId, timeZone: \"UTC\", filter: $filter, from: $utcMonthFrom, to: $utcMonthTo) @include(if: $withFunds) {\n      totals {\n        cost\n      }\n    }\n    lastWeek: usage(organizationId: $organizationId, timeZone: $timeZone, filter: $filter, from: $weekFrom, to: $weekTo) {\n      totals {\n        cost\n      }\n    }\n    organizationLimits(organizationId: $organizationId) @include(if: $withFunds) {\n      dailyBudget\n      monthlyBudget\n    }\n    wallet(organizationId: $organizationId) @include(if: $withFunds) {\n      balance\n      availableAmount\n      currency\n      isActive\n    }\n  }\n"): (typeof documents)["\n  query UsageSpendSummary(\n    $organizationId: ID!\n    $timeZone: String!\n    $filter: UsageFilter\n    $todayFrom: DateTime!\n    $todayTo: DateTime!\n    $monthFrom: DateTime!\n    $monthTo: DateTime!\n    $utcTodayFrom: DateTime!\n    $utcTodayTo: DateTime!\n    $utcMonthFrom: DateTime!\n    $utcMonthTo: DateTime!\n    $weekFrom: DateTime!\n    $weekTo: DateTime!\n    $withFunds: Boolean!\n  ) {\n    today: usage(organizationId: $organizationId, timeZone: $timeZone, filter: $filter, from: $todayFrom, to: $todayTo) {\n      totals {\n        cost\n        requests\n        errors\n      }\n    }\n    month: usage(organizationId: $organizationId, timeZone: $timeZone, filter: $filter, from: $monthFrom, to: $monthTo) {\n      totals {\n        cost\n        requests\n        errors\n      }\n    }\n    utcToday: usage(organizationId: $organizationId, timeZone: \"UTC\", filter: $filter, from: $utcTodayFrom, to: $utcTodayTo) @include(if: $withFunds) {\n      totals {\n        cost\n      }\n    }\n    utcMonth: usage(organizationId: $organizationId, timeZone: \"UTC\", filter: $filter, from: $utcMonthFrom, to: $utcMonthTo) @include(if: $withFunds) {\n      totals {\n        cost\n      }\n    }\n    lastWeek: usage(organizationId: $organizationId, timeZone: $timeZone, filter: $filter, from: $weekFrom, to: $weekTo) {\n      totals {\n        cost\n      }\n    }\n    organizationLimits(organizationId: $organizationId) @include(if: $withFunds) {\n      dailyBudget\n      monthlyBudget\n    }\n    wallet(organizationId: $organizationId) @include(if: $withFunds) {\n      balance\n      availableAmount\n      currency\n      isActive\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageKeyNames($projectId: ID!) {\n    apiKeys(projectId: $projectId) {\n      id\n      name\n      lastFour\n    }\n  }\n"): (typeof documents)["\n  query UsageKeyNames($projectId: ID!) {\n    apiKeys(projectId: $projectId) {\n      id\n      name\n      lastFour\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription UsageTicks($organizationId: ID!, $projectId: ID) {\n    usageTicks(organizationId: $organizationId, projectId: $projectId) {\n      organizationId\n      projectId\n      snapshot\n      until\n      day\n      timeZone\n      today {\n        requests\n        errors\n        cost\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription UsageTicks($organizationId: ID!, $projectId: ID) {\n    usageTicks(organizationId: $organizationId, projectId: $projectId) {\n      organizationId\n      projectId\n      snapshot\n      until\n      day\n      timeZone\n      today {\n        requests\n        errors\n        cost\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageRows(\n    $organizationId: ID!\n    $withTotals: Boolean!\n    $from: DateTime!\n    $to: DateTime!\n    $window: UsageWindow\n    $timeZone: String\n    $groupBy: [UsageDimension!]\n    $filter: UsageFilter\n    $after: String\n  ) {\n    usage(\n      organizationId: $organizationId\n      from: $from\n      to: $to\n      window: $window\n      timeZone: $timeZone\n      groupBy: $groupBy\n      filter: $filter\n      first: 1000\n      after: $after\n    ) {\n      timeZone\n      asOf\n      endCursor\n      totals @include(if: $withTotals) {\n        requests\n        errors\n        inputTokens\n        outputTokens\n        cost\n      }\n      rows {\n        windowStart\n        windowEnd\n        projectId\n        apiKeyId\n        userId\n        model\n        requests\n        errors\n        inputTokens\n        outputTokens\n        cost\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsageRows(\n    $organizationId: ID!\n    $withTotals: Boolean!\n    $from: DateTime!\n    $to: DateTime!\n    $window: UsageWindow\n    $timeZone: String\n    $groupBy: [UsageDimension!]\n    $filter: UsageFilter\n    $after: String\n  ) {\n    usage(\n      organizationId: $organizationId\n      from: $from\n      to: $to\n      window: $window\n      timeZone: $timeZone\n      groupBy: $groupBy\n      filter: $filter\n      first: 1000\n      after: $after\n    ) {\n      timeZone\n      asOf\n      endCursor\n      totals @include(if: $withTotals) {\n        requests\n        errors\n        inputTokens\n        outputTokens\n        cost\n      }\n      rows {\n        windowStart\n        windowEnd\n        projectId\n        apiKeyId\n        userId\n        model\n        requests\n        errors\n        inputTokens\n        outputTokens\n        cost\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeemCode($organizationId: ID!, $code: String!) {\n    redeemCode(organizationId: $organizationId, code: $code) {\n      organizationId\n      balance\n      frozenAmount\n      availableAmount\n      currency\n      isActive\n    }\n  }\n"): (typeof documents)["\n  mutation RedeemCode($organizationId: ID!, $code: String!) {\n    redeemCode(organizationId: $organizationId, code: $code) {\n      organizationId\n      balance\n      frozenAmount\n      availableAmount\n      currency\n      isActive\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WalletBalance on Wallet {\n    organizationId\n    balance\n    frozenAmount\n    availableAmount\n    currency\n    isActive\n  }\n"): (typeof documents)["\n  fragment WalletBalance on Wallet {\n    organizationId\n    balance\n    frozenAmount\n    availableAmount\n    currency\n    isActive\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationWallet($organizationId: ID!) {\n    wallet(organizationId: $organizationId) {\n      organizationId\n      ...WalletBalance\n    }\n  }\n"): (typeof documents)["\n  query OrganizationWallet($organizationId: ID!) {\n    wallet(organizationId: $organizationId) {\n      organizationId\n      ...WalletBalance\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WalletRecordRow on WalletRecord {\n    id\n    seq\n    type\n    amount\n    previousBalance\n    currentBalance\n    description\n    reference\n    requestLogId\n    createdAt\n  }\n"): (typeof documents)["\n  fragment WalletRecordRow on WalletRecord {\n    id\n    seq\n    type\n    amount\n    previousBalance\n    currentBalance\n    description\n    reference\n    requestLogId\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletRecords($organizationId: ID!, $filter: WalletRecordFilter, $after: String) {\n    walletRecords(organizationId: $organizationId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      totals {\n        count\n        moneyIn\n        moneyOut\n      }\n      nodes {\n        id\n        ...WalletRecordRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query WalletRecords($organizationId: ID!, $filter: WalletRecordFilter, $after: String) {\n    walletRecords(organizationId: $organizationId, filter: $filter, first: 50, after: $after) {\n      endCursor\n      totals {\n        count\n        moneyIn\n        moneyOut\n      }\n      nodes {\n        id\n        ...WalletRecordRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletRecordsCsv($organizationId: ID!, $filter: WalletRecordFilter) {\n    walletRecordsCsv(organizationId: $organizationId, filter: $filter)\n  }\n"): (typeof documents)["\n  query WalletRecordsCsv($organizationId: ID!, $filter: WalletRecordFilter) {\n    walletRecordsCsv(organizationId: $organizationId, filter: $filter)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WalletChanged($organizationId: ID!) {\n    walletChanged(organizationId: $organizationId) {\n      organizationId\n      balance\n      frozenAmount\n      availableAmount\n      currency\n      isActive\n      ...WalletBalance\n    }\n  }\n"): (typeof documents)["\n  subscription WalletChanged($organizationId: ID!) {\n    walletChanged(organizationId: $organizationId) {\n      organizationId\n      balance\n      frozenAmount\n      availableAmount\n      currency\n      isActive\n      ...WalletBalance\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationPermissions on Organization {\n    id\n    viewerPermissions\n  }\n"): (typeof documents)["\n  fragment OrganizationPermissions on Organization {\n    id\n    viewerPermissions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectPermissions on Project {\n    id\n    viewerPermissions\n  }\n"): (typeof documents)["\n  fragment ProjectPermissions on Project {\n    id\n    viewerPermissions\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;