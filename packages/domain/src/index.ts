export * from './errors/error-code';
export * from './authz/roles';
export * from './authz/permissions';
export * from './money/money';
export * from './tenancy/validation';
export * from './tenancy/project';
export * from './tenancy/admins';
