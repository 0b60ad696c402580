import { DomainError } from '@tollgate/domain';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src';
import { createFormatError } from '../src/graphql/format-error';

describe('the GraphQL error edge', () => {
  const logged: unknown[] = [];
  const logger = createLogger('error');
  logger.error = ((obj: unknown) => void logged.push(obj)) as typeof logger.error;
  const format = createFormatError(logger);

  it('masks unexpected errors as INTERNAL with a correlation id that is logged', () => {
    const sqlError = new GraphQLError('select * from users failed', { originalError: new Error('relation "users" does not exist') });
    const formatted = format({ message: sqlError.message }, sqlError);
    expect(formatted.extensions?.code).toBe('INTERNAL');
    expect(formatted.message).not.toContain('select');
    expect(JSON.stringify(formatted)).not.toContain('stack');
    expect(logged).toContainEqual(expect.objectContaining({ correlationId: formatted.extensions?.correlationId }));
  });

  it('keeps domain errors with their code and field', () => {
    const error = new GraphQLError('x', { path: ['createProject'], originalError: new DomainError('VALIDATION', 'name must not be empty', { field: 'name' }) });
    expect(format({ message: 'x' }, error)).toMatchObject({ message: 'name must not be empty', extensions: { code: 'VALIDATION', field: 'name' } });
  });
});
