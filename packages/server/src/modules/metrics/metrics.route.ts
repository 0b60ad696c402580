import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Context } from '../../context';
import type { OperationType, ServerMetrics } from './metrics.service';

/** GET /metrics: Prometheus's text format; 401 without METRICS_TOKEN when it is set. */
export const metricsRoute =
  (metrics: ServerMetrics): RequestHandler =>
  async (req, res) => {
    if (!metrics.authorized(req.headers.authorization)) {
      res.status(401).set('www-authenticate', 'Bearer').type('text/plain').send('A metrics token is required.\n');
      return;
    }
    const body = await metrics.scrape();
    res.status(200).set('content-type', metrics.contentType).send(body);
  };

/** Counts each GraphQL operation over HTTP once its answer is ready: by type (unknown when it could not be read) and whether it has errors. */
export const metricsPlugin = (metrics: ServerMetrics): ApolloServerPlugin<Context> => ({
  async requestDidStart() {
    return {
      async willSendResponse({ operation, errors, response }) {
        const type: OperationType = operation?.operation ?? 'unknown';
        const failed = !!errors?.length || (response.body.kind === 'single' && !!response.body.singleResult.errors?.length);
        metrics.operation(type, failed);
      },
    };
  },
});
