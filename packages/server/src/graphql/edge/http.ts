import { ErrorCode } from '@tollgate/domain';
import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Config } from '../../config';
import { graphqlAnswer, refusal } from '../format-error';
import { documentSizeRefusal } from './limits';
import { originAllowed } from './origin';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * What /graphql does before Apollo sees a request: refuse a foreign browser
 * origin, read at most GRAPHQL_MAX_BODY_BYTES of JSON, refuse a document
 * over GRAPHQL_MAX_DOCUMENT_BYTES. Apollo's CSRF prevention then refuses
 * the "simple" requests a foreign page could send without a preflight.
 */
export function graphqlHttpEdge(config: Config, format: FormatError): RequestHandler[] {
  return [
    (req, res, next) => {
      if (originAllowed(config, req.headers.origin, req.headers.host)) return next();
      sendRefusal(res, format, refusal(ErrorCode.ORIGIN_NOT_ALLOWED, `Requests from ${String(req.headers.origin)} are not allowed`));
    },
    express.json({ limit: config.graphql.maxBodyBytes }),
    (req, res, next) => {
      // A body of another type is left unread; Apollo answers it (CSRF prevention) once it sees one.
      req.body ??= {};
      const query: unknown = req.method === 'GET' ? req.query.query : (req.body as { query?: unknown }).query;
      const refused = documentSizeRefusal(config.graphql, query);
      if (refused) return sendRefusal(res, format, refused);
      next();
    },
  ];
}

/**
 * The last error handler: whatever fails outside Apollo (a body that is not
 * JSON, over the limit, cut short) answers in GraphQL's error shape with a
 * code, never Express's HTML page with its stack and file paths.
 */
export function transportErrorHandler(format: FormatError): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) return next(err);
    sendRefusal(res, format, transportError(err) ?? err);
  };
}

/** body-parser's and raw-body's failures (http-errors with a `type`), and other 4xx http-errors, as refusals; anything else stays unexpected. */
function transportError(err: unknown): GraphQLError | null {
  const { type, status } = (typeof err === 'object' && err !== null ? err : {}) as { type?: unknown; status?: unknown };
  switch (type) {
    case undefined:
      return typeof status === 'number' && status >= 400 && status < 500 ? refusal(ErrorCode.MALFORMED_REQUEST, 'The request could not be read') : null;
    case 'entity.too.large':
      return refusal(ErrorCode.REQUEST_TOO_LARGE, 'The request body is over the size limit');
    case 'entity.parse.failed':
      return refusal(ErrorCode.MALFORMED_REQUEST, 'The request body is not valid JSON');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return refusal(ErrorCode.MALFORMED_REQUEST, 'The request body is in an unsupported charset or encoding');
    default:
      return refusal(ErrorCode.MALFORMED_REQUEST, 'The request body could not be read');
  }
}

function sendRefusal(res: Response, format: FormatError, error: unknown) {
  const formatted = format({ message: error instanceof Error ? error.message : String(error) }, error);
  const code = formatted.extensions?.code as ErrorCode;
  res
    .status(graphqlAnswer(code).status)
    .type('application/json')
    .send(JSON.stringify({ errors: [formatted] }));
}
