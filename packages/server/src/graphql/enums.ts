import { MemberStatus, OrgGrant, OrgRole, ProjectEnvironment, ProjectRole, ProjectStatus, VerificationTier } from '@tollgate/domain';
import { registerEnumType } from 'type-graphql';

registerEnumType(OrgRole, { name: 'OrgRole' });
registerEnumType(OrgGrant, { name: 'OrgGrant' });
registerEnumType(ProjectRole, { name: 'ProjectRole' });
registerEnumType(ProjectStatus, { name: 'ProjectStatus' });
registerEnumType(ProjectEnvironment, { name: 'ProjectEnvironment' });
registerEnumType(VerificationTier, { name: 'VerificationTier' });
registerEnumType(MemberStatus, { name: 'MemberStatus' });

export { MemberStatus, OrgGrant, OrgRole, ProjectEnvironment, ProjectRole, ProjectStatus, VerificationTier };
