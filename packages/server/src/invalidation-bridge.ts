// The bridge lives with the rest of the invalidation protocol (packages/db/src/invalidation).
export { startInvalidationBridge } from '@tollgate/db';
