# syntax=docker/dockerfile:1
# One image for every entry point, compiled JavaScript run by plain node (no TypeScript loader):
#   node packages/cli/dist/main.js start      server (GraphQL, SPA) + proxy (+ mock upstream): the default
#   node packages/proxy/dist/main.js          the metering proxy alone (DATABASE_URL required)
#   node packages/cli/dist/main.js migrate    and the CLI's other commands (operator:create, demo)
# Runs as the image's non-root `node` user; state (embedded PostgreSQL, keys, demo.json) in /data.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS pnpm
RUN npm install -g pnpm@10.34.9
WORKDIR /app
# Manifests alone first: the dependency layers are reused while only sources change.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY packages/domain/package.json packages/domain/
COPY packages/db/package.json packages/db/
COPY packages/server/package.json packages/server/
COPY packages/proxy/package.json packages/proxy/
COPY packages/mock-upstream/package.json packages/mock-upstream/
COPY packages/cli/package.json packages/cli/
COPY packages/web/package.json packages/web/

# Everything, then `pnpm build`: the SPA (vite) and every Node package's dist (swc).
FROM pnpm AS build
RUN pnpm install --frozen-lockfile --reporter=append-only
COPY . .
RUN pnpm build

# Only what the CLI and the proxy import at run time (the SPA is static files by then).
FROM pnpm AS prod-deps
RUN pnpm install --prod --frozen-lockfile --filter '@tollgate/cli...' --reporter=append-only

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production TOLLGATE_HOME=/data HOST=0.0.0.0 PORT=4000 PROXY_PORT=4100
WORKDIR /app
COPY --from=prod-deps /app ./
COPY --from=build /app/packages/domain/dist packages/domain/dist
COPY --from=build /app/packages/db/dist packages/db/dist
COPY --from=build /app/packages/server/dist packages/server/dist
COPY --from=build /app/packages/proxy/dist packages/proxy/dist
COPY --from=build /app/packages/mock-upstream/dist packages/mock-upstream/dist
COPY --from=build /app/packages/cli/dist packages/cli/dist
COPY --from=build /app/packages/web/dist packages/web/dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 4000 4100
# The server's /health by default; the proxy alone sets HEALTHCHECK_URL=http://127.0.0.1:4100/ready.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(process.env.HEALTHCHECK_URL || `http://127.0.0.1:${process.env.PORT || 4000}/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "packages/cli/dist/main.js", "start"]
