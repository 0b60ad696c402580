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
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { id email name isOperator }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) { id email name isOperator }\n  }\n": typeof types.SignInDocument,
    "\n  query OrganizationMembers($organizationId: ID!, $page: Int!, $size: Int!) {\n    organization(id: $organizationId) { id displayName viewer { permissions } }\n    members(organizationId: $organizationId, page: $page, size: $size) {\n      total page size\n      data { id userId role grants status joinedAt user { id name email } }\n    }\n    me { id }\n  }\n": typeof types.OrganizationMembersDocument,
    "\n  mutation UpdateMemberRole($organizationId: ID!, $userId: ID!, $role: OrgRole!) {\n    updateMemberRole(organizationId: $organizationId, userId: $userId, role: $role) { id role }\n  }\n": typeof types.UpdateMemberRoleDocument,
    "\n  mutation RemoveMember($organizationId: ID!, $userId: ID!) {\n    removeMember(organizationId: $organizationId, userId: $userId)\n  }\n": typeof types.RemoveMemberDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { id displayName }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  query ProjectDetails($id: ID!, $organizationId: ID!) {\n    project(id: $id) {\n      id name description status environment primaryWorkload expectedMonthlySpend escalationContact\n      viewer { role permissions }\n      members { id userId role user { id name email } }\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) { data { userId user { id name email } } }\n  }\n": typeof types.ProjectDetailsDocument,
    "\n  mutation AddProjectMember($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    addProjectMember(projectId: $projectId, userId: $userId, role: $role) { id }\n  }\n": typeof types.AddProjectMemberDocument,
    "\n  mutation UpdateProjectMemberRole($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    updateProjectMemberRole(projectId: $projectId, userId: $userId, role: $role) { id role }\n  }\n": typeof types.UpdateProjectMemberRoleDocument,
    "\n  mutation RemoveProjectMember($projectId: ID!, $userId: ID!) {\n    removeProjectMember(projectId: $projectId, userId: $userId)\n  }\n": typeof types.RemoveProjectMemberDocument,
    "\n  query OrganizationProjects($organizationId: ID!) {\n    organization(id: $organizationId) { id displayName viewer { role permissions } }\n    projects(organizationId: $organizationId) { id name status environment viewer { role } }\n  }\n": typeof types.OrganizationProjectsDocument,
    "\n  mutation CreateProject($organizationId: ID!, $input: CreateProjectInput!) {\n    createProject(organizationId: $organizationId, input: $input) { id name status environment viewer { role } }\n  }\n": typeof types.CreateProjectDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me { id name email isOperator }\n    myOrganizations { id displayName }\n  }\n": types.MeDocument,
    "\n  mutation SignOut { signOut }\n": types.SignOutDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { id email name isOperator }\n  }\n": types.SignUpDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) { id email name isOperator }\n  }\n": types.SignInDocument,
    "\n  query OrganizationMembers($organizationId: ID!, $page: Int!, $size: Int!) {\n    organization(id: $organizationId) { id displayName viewer { permissions } }\n    members(organizationId: $organizationId, page: $page, size: $size) {\n      total page size\n      data { id userId role grants status joinedAt user { id name email } }\n    }\n    me { id }\n  }\n": types.OrganizationMembersDocument,
    "\n  mutation UpdateMemberRole($organizationId: ID!, $userId: ID!, $role: OrgRole!) {\n    updateMemberRole(organizationId: $organizationId, userId: $userId, role: $role) { id role }\n  }\n": types.UpdateMemberRoleDocument,
    "\n  mutation RemoveMember($organizationId: ID!, $userId: ID!) {\n    removeMember(organizationId: $organizationId, userId: $userId)\n  }\n": types.RemoveMemberDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { id displayName }\n  }\n": types.CreateOrganizationDocument,
    "\n  query ProjectDetails($id: ID!, $organizationId: ID!) {\n    project(id: $id) {\n      id name description status environment primaryWorkload expectedMonthlySpend escalationContact\n      viewer { role permissions }\n      members { id userId role user { id name email } }\n    }\n    members(organizationId: $organizationId, page: 1, size: 100) { data { userId user { id name email } } }\n  }\n": types.ProjectDetailsDocument,
    "\n  mutation AddProjectMember($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    addProjectMember(projectId: $projectId, userId: $userId, role: $role) { id }\n  }\n": types.AddProjectMemberDocument,
    "\n  mutation UpdateProjectMemberRole($projectId: ID!, $userId: ID!, $role: ProjectRole!) {\n    updateProjectMemberRole(projectId: $projectId, userId: $userId, role: $role) { id role }\n  }\n": types.UpdateProjectMemberRoleDocument,
    "\n  mutation RemoveProjectMember($projectId: ID!, $userId: ID!) {\n    removeProjectMember(projectId: $projectId, userId: $userId)\n  }\n": types.RemoveProjectMemberDocument,
    "\n  query OrganizationProjects($organizationId: ID!) {\n    organization(id: $organizationId) { id displayName viewer { role permissions } }\n    projects(organizationId: $organizationId) { id name status environment viewer { role } }\n  }\n": types.OrganizationProjectsDocument,
    "\n  mutation CreateProject($organizationId: ID!, $input: CreateProjectInput!) {\n    createProject(organizationId: $organizationId, input: $input) { id name status environment viewer { role } }\n  }\n": types.CreateProjectDocument,
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
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { id email name isOperator }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { id email name isOperator }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) { id email name isOperator }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) { id email name isOperator }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationMembers($organizationId: ID!, $page: Int!, $size: Int!) {\n    organization(id: $organizationId) { id displayName viewer { permissions } }\n    members(organizationId: $organizationId, page: $page, size: $size) {\n      total page size\n      data { id userId role grants status joinedAt user { id name email } }\n    }\n    me { id }\n  }\n"): (typeof documents)["\n  query OrganizationMembers($organizationId: ID!, $page: Int!, $size: Int!) {\n    organization(id: $organizationId) { id displayName viewer { permissions } }\n    members(organizationId: $organizationId, page: $page, size: $size) {\n      total page size\n      data { id userId role grants status joinedAt user { id name email } }\n    }\n    me { id }\n  }\n"];
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
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { id displayName }\n  }\n"): (typeof documents)["\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { id displayName }\n  }\n"];
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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;