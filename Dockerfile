# The management server and the metering proxy from source, run with tsx.
FROM node:20-bookworm-slim
WORKDIR /app
RUN npm install -g pnpm@10.34.9
COPY . .
RUN pnpm install --frozen-lockfile --reporter=default && pnpm build
ENV PORT=4000 HOST=0.0.0.0
EXPOSE 4000 4100
CMD ["pnpm", "tollgate", "start"]
