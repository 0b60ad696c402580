import { DomainError, ErrorCode } from '@tollgate/domain';
import { GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src';
import { createFormatError, graphqlAnswer, refusal } from '../src/graphql/format-error';

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

  it('answers every code of the closed set: this status when a request is refused with it, its message shown or masked', () => {
    const answers = Object.fromEntries(Object.values(ErrorCode).map((code) => [code, graphqlAnswer(code)]));
    expect(answers).toEqual({
      UNAUTHENTICATED: { status: 401, expose: true },
      FORBIDDEN: { status: 403, expose: true },
      NOT_FOUND: { status: 404, expose: true },
      VALIDATION: { status: 400, expose: true },
      CONFLICT: { status: 409, expose: true },
      LAST_ADMIN: { status: 409, expose: true },
      TOO_MANY_REQUESTS: { status: 429, expose: true },
      LIMIT_CAP_REACHED: { status: 409, expose: true },
      QUOTA_EXCEEDED: { status: 429, expose: true },
      INVITATION_UNAVAILABLE: { status: 410, expose: true },
      REDEMPTION_CODE_UNAVAILABLE: { status: 410, expose: true },
      INTERNAL: { status: 500, expose: false },
      MALFORMED_REQUEST: { status: 400, expose: true },
      REQUEST_TOO_LARGE: { status: 413, expose: true },
      DOCUMENT_TOO_LARGE: { status: 400, expose: true },
      QUERY_TOO_DEEP: { status: 400, expose: true },
      QUERY_TOO_MANY_ALIASES: { status: 400, expose: true },
      QUERY_TOO_COSTLY: { status: 400, expose: true },
      ORIGIN_NOT_ALLOWED: { status: 403, expose: true },
      INTROSPECTION_DISABLED: { status: 403, expose: true },
      TOO_MANY_SUBSCRIPTIONS: { status: 429, expose: true },
      MISSING_API_KEY: { status: 401, expose: true },
      INVALID_API_KEY: { status: 401, expose: true },
      MISSING_MODEL: { status: 400, expose: true },
      MODEL_NOT_FOUND: { status: 404, expose: true },
      UNKNOWN_ROUTE: { status: 404, expose: true },
      RESPONSE_NOT_FOUND: { status: 404, expose: true },
      UPSTREAM_UNAVAILABLE: { status: 502, expose: true },
      UPSTREAM_TIMEOUT: { status: 504, expose: true },
      USAGE_RECORDING_UNAVAILABLE: { status: 503, expose: true },
      SHUTTING_DOWN: { status: 503, expose: true },
      LIMITS_UNAVAILABLE: { status: 503, expose: true },
    });
  });

  it('masks a domain error whose code is INTERNAL', () => {
    const error = new GraphQLError('x', { path: ['me'], originalError: new DomainError('INTERNAL', 'pool exhausted at db.internal:5432') });
    const formatted = format({ message: 'x' }, error);
    expect(formatted.extensions?.code).toBe('INTERNAL');
    expect(formatted.message).toMatch(/^Internal error \(correlation id [0-9a-f-]{36}\)$/);
  });

  it("gives a refusal its code and, for Apollo, its code's status", () => {
    const error = refusal('QUERY_TOO_DEEP', 'Query depth limit of 12 exceeded, found 26.');
    expect(error.extensions.http).toEqual({ status: 400 });
    // Apollo wraps a validation rule's error, keeping it as the original.
    const wrapped = new GraphQLError(error.message, { originalError: error.originalError, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(format({ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, wrapped)).toEqual({
      message: error.message,
      extensions: { code: 'QUERY_TOO_DEEP' },
    });
  });

  it("answers Apollo's BAD_REQUEST as MALFORMED_REQUEST and graphql-js's token limit as DOCUMENT_TOO_LARGE", () => {
    const csrf = new GraphQLError('This operation has been blocked as a potential Cross-Site Request Forgery (CSRF).', { extensions: { code: 'BAD_REQUEST' } });
    expect(format({ message: csrf.message, extensions: { code: 'BAD_REQUEST' } }, csrf).extensions).toEqual({ code: 'MALFORMED_REQUEST' });
    let syntax!: GraphQLError;
    try {
      parse('{ a b c d }', { maxTokens: 3 });
    } catch (error) {
      syntax = error as GraphQLError;
    }
    expect(format({ message: syntax.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, syntax).extensions).toEqual({ code: 'DOCUMENT_TOO_LARGE' });
    expect(
      format({ message: 'Syntax Error: Expected Name, found <EOF>.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, new GraphQLError('x')).extensions,
    ).toEqual({ code: 'VALIDATION' });
  });

  it('drops "Did you mean" hints when asked to', () => {
    const message = 'Cannot query field "mee" on type "Query". Did you mean "me"?';
    const hiding = createFormatError(logger, { hideSuggestions: true });
    expect(hiding({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError(message)).message).toBe(
      'Cannot query field "mee" on type "Query".',
    );
    expect(format({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError(message)).message).toBe(message);
  });
});
