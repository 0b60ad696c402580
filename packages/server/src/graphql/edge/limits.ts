import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { ErrorCode } from '@tollgate/domain';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { GraphQLEdgeConfig } from '../../config';
import { refusal } from '../format-error';

/**
 * Depth and alias limits as validation rules, so they refuse an operation in
 * the same pass as graphql-js's own rules, before any resolver runs.
 * Fragments are flattened: `...Fields` adds no level of its own.
 */
export function limitRules(edge: GraphQLEdgeConfig): ValidationRule[] {
  return [
    maxDepthRule({ n: edge.maxDepth, flattenFragments: true, propagateOnRejection: false, onReject: [report(ErrorCode.QUERY_TOO_DEEP)] }),
    // Every alias counts, __typename's too (armor lets those through by default).
    maxAliasesRule({ n: edge.maxAliases, allowList: [], propagateOnRejection: false, onReject: [report(ErrorCode.QUERY_TOO_MANY_ALIASES)] }),
  ];
}

/** graphql-armor's message ("Syntax Error: Query depth limit of 12 exceeded, found 26.") under our code. */
const report = (code: ErrorCode) => (context: ValidationContext | null, error: GraphQLError) =>
  context?.reportError(refusal(code, error.message.replace(/^Syntax Error: /, '')));

/** Refuses a document over GRAPHQL_MAX_DOCUMENT_BYTES before it is parsed; the token limit is graphql-js's own `maxTokens`. */
export function documentSizeRefusal(edge: GraphQLEdgeConfig, query: unknown): GraphQLError | null {
  if (typeof query !== 'string') return null;
  const bytes = Buffer.byteLength(query);
  return bytes > edge.maxDocumentBytes ? refusal(ErrorCode.DOCUMENT_TOO_LARGE, `The document is ${bytes} bytes; the limit is ${edge.maxDocumentBytes}`) : null;
}
