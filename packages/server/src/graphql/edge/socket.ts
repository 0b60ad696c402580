import { ErrorCode } from '@tollgate/domain';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { buildContext, type AppServices, type RequestFacts } from '../../context';
import { graphqlAnswer, refusal } from '../format-error';
import { documentSizeRefusal, limitRules } from './limits';
import { createOperationGuard } from './operation';
import { originAllowed } from './origin';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
type ConnectionParams = Record<string, unknown>;

/** Distinct documents kept parsed (oldest out first): far more than the SPA and BI tools send. */
const DOCUMENT_CACHE_SIZE = 500;

/**
 * GraphQL over WebSocket (graphql-ws) on /graphql, under the rules of the
 * HTTP edge: the upgrade is refused from a foreign Origin (a socket has no
 * CORS preflight, so this is its CSRF check); the session cookie counts only
 * when the browser's Origin is allowed; an API token comes as
 * `connectionParams.authorization: "Bearer tgb_…"`; every operation meets
 * the same size, depth, alias, introspection and cost limits, and every
 * error leaves through the same formatter.
 */
export function serveGraphQLOverWebSocket(
  httpServer: Server,
  schema: GraphQLSchema,
  services: AppServices,
  format: FormatError,
): { wsServer: WebSocketServer; dispose(): Promise<void> } {
  const { config } = services;
  const edge = config.graphql;
  const rules = [...specifiedRules, ...limitRules(edge)];
  const guard = createOperationGuard(schema, edge);
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: edge.maxBodyBytes });

  httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/graphql') {
      return refuseUpgrade(socket, format, refusal(ErrorCode.NOT_FOUND, 'WebSocket connections are served on /graphql only'));
    }
    if (!originAllowed(config, request.headers.origin, request.headers.host)) {
      return refuseUpgrade(
        socket,
        format,
        refusal(ErrorCode.ORIGIN_NOT_ALLOWED, `WebSocket connections from ${String(request.headers.origin)} are not allowed`),
      );
    }
    wsServer.handleUpgrade(request, socket, head, (ws) => wsServer.emit('connection', ws, request));
  });

  /**
   * Parsed and validated documents by their text: dashboards open thousands of
   * subscriptions with a handful of documents, and each would otherwise keep its
   * own tree (13–32 KB) for as long as it lives. Validation depends on the
   * document only (variables are checked per subscription), so it is cached too.
   */
  const documents = new Map<string, { document: DocumentNode } | { errors: GraphQLError[] }>();
  const checkedDocument = (query: string) => {
    let checked = documents.get(query);
    if (checked) return checked;
    try {
      const document = parse(query, { maxTokens: edge.maxTokens });
      const invalid = validate(schema, document, rules);
      checked = invalid.length ? { errors: invalid.map((error) => tagged(error, 'GRAPHQL_VALIDATION_FAILED')) } : { document };
    } catch (error) {
      checked = { errors: [tagged(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')] };
    }
    if (documents.size >= DOCUMENT_CACHE_SIZE) documents.delete(documents.keys().next().value!);
    documents.set(query, checked);
    return checked;
  };

  const server = useServer<ConnectionParams>(
    {
      schema,
      connectionInitWaitTimeout: edge.connectionInitTimeoutMs,
      async onSubscribe(ctx, _id, payload) {
        try {
          // This one included: graphql-ws registers an id before asking.
          if (Object.keys(ctx.subscriptions).length > edge.maxSubscriptionsPerConnection) {
            return [refusal(ErrorCode.TOO_MANY_SUBSCRIPTIONS, `At most ${edge.maxSubscriptionsPerConnection} subscriptions may be open on one connection`)];
          }
          const refused = documentSizeRefusal(edge, payload.query);
          if (refused) return [refused];
          const checked = checkedDocument(payload.query);
          if ('errors' in checked) return checked.errors;
          const { document } = checked;
          const operation = getOperationAST(document, payload.operationName);
          if (!operation) return [refusal(ErrorCode.VALIDATION, 'No operation to run: none by that operationName, or several and no operationName')];
          // A missing or ill-typed variable, refused as Apollo refuses it over HTTP (BAD_USER_INPUT): left to graphql-js's
          // subscribe, it would come back as an untagged error and be masked as INTERNAL.
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
          if (coerced.errors) return coerced.errors.map((error) => tagged(error, 'BAD_USER_INPUT'));
          const contextValue = await buildContext(services, socketFacts(ctx.extra.request, ctx.connectionParams, services));
          const variables = payload.variables ?? undefined;
          const refusedOperation = guard({ document, operation, variables, auth: contextValue.auth });
          if (refusedOperation) return [refusedOperation];
          return { schema, document, operationName: payload.operationName, variableValues: variables, contextValue };
        } catch (error) {
          // Thrown, graphql-ws would close the socket with the message as its reason: it leaves masked instead.
          return [new GraphQLError('unexpected', { originalError: error as Error })];
        }
      },
      // Counted as over HTTP: once answered (a subscription once it starts), errors or not; refused before it ran, as unknown.
      onOperation: (_ctx, _id, _payload, args, result) => {
        const type = getOperationAST(args.document, args.operationName)?.operation ?? 'unknown';
        // graphql-ws has awaited it already: a subscription's stream, or an answer.
        const answer = result as AsyncIterable<unknown> | { errors?: readonly unknown[] };
        services.metrics.operation(type, !(Symbol.asyncIterator in answer) && !!answer.errors?.length);
      },
      onError: (_ctx, _id, _payload, errors) => {
        services.metrics.operation('unknown', true);
        return errors.map((error) => format(error.toJSON(), error));
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((error) => format(error.toJSON(), error)) } : undefined,
    },
    wsServer,
  );
  return { wsServer, dispose: async () => void (await server.dispose()) };
}

/** The HTTP facts of a socket: the Bearer token from connectionParams (or the upgrade's header), the cookie only from an allowed Origin. */
function socketFacts(request: IncomingMessage, params: ConnectionParams | undefined, services: AppServices): RequestFacts {
  const param = params?.authorization ?? params?.Authorization;
  const { origin, host, cookie, authorization } = request.headers;
  // Browsers always send Origin on a WebSocket; without one the caller is no browser and brings a token, not a cookie.
  const cookieAllowed = origin !== undefined && originAllowed(services.config, origin, host);
  return {
    authorization: typeof param === 'string' ? param : authorization,
    cookieHeader: cookieAllowed ? cookie : undefined,
    ip: request.socket.remoteAddress ?? null,
  };
}

/** graphql-js's own parse and validation errors, marked as Apollo marks them so the formatter answers both transports alike. */
function tagged(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

/** An HTTP answer on the upgrading socket, in GraphQL's error shape. */
function refuseUpgrade(socket: Duplex, format: FormatError, error: GraphQLError) {
  const formatted = format(error.toJSON(), error);
  const status = graphqlAnswer(formatted.extensions?.code as ErrorCode).status;
  const body = JSON.stringify({ errors: [formatted] });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
