/**
 * `pnpm tollgate <command>`: start | migrate | operator:create --email E --password P | demo [--json]
 * Every command reads the same configuration (environment variables, see README).
 */
import { hashPassword, User } from '@tollgate/db';
import { emailSchema, parseInput, passwordSchema } from '@tollgate/domain';
import { createApp, createLogger, loadConfig } from '@tollgate/server';
import { parseArgs } from 'node:util';
import { ensureCredentialKey } from './credential-key';
import { openDatabase } from './database';
import { demoSummary, ensureDemo, proxyUrlOf, readDemo } from './demo';
import { startMockIfModelsRouteToIt } from './mock';
import { createProxy, createProxyLogger, loadProxyConfig } from '@tollgate/proxy';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const log = (line: string) => logger.info(line);
const [command, ...rest] = process.argv.slice(2);

async function start() {
  ensureCredentialKey(config, log);
  const db = await openDatabase(config, log);
  const mock = await startMockIfModelsRouteToIt(db.orm, log);
  const demo = await ensureDemo(config, db.orm);
  const app = await createApp({ ...config, databaseUrl: db.url }, db.orm, logger);
  const boundUrl = await app.listen();
  const proxyConfig = loadProxyConfig({ ...process.env, DATABASE_URL: db.url, CREDENTIAL_KEY: config.credentialKey });
  const proxy = await createProxy(proxyConfig, createProxyLogger(config.logLevel));
  const proxyUrl = await proxy.listen();
  const summary = demoSummary(config, demo, proxyUrlOf(proxyConfig.port || Number(new URL(proxyUrl).port)));
  console.log(
    [
      '',
      `Tollgate is running (${db.embedded ? `embedded PostgreSQL under ${config.home}` : 'PostgreSQL from DATABASE_URL'})`,
      `  web:     ${summary.webUrl}   (listening on ${boundUrl})`,
      `  graphql: ${summary.graphqlUrl}`,
      `  proxy:   ${summary.proxyUrl}   (OpenAI-compatible; demo key ${summary.apiKey ?? 'in demo.json'})`,
      ...(mock ? [`  mock upstream: ${mock.mock.url} (serves the enabled models routed to it: ${mock.models.join(', ')})`] : []),
      '  demo sign-ins:',
      ...summary.users.map((u) => `    ${u.role.padEnd(14)} ${u.email.padEnd(26)} ${u.password}`),
      '',
    ].join('\n'),
  );
  const shutdown = async (signal: string) => {
    log(`${signal}: shutting down`);
    await proxy.close();
    await mock?.mock.close();
    await app.close();
    await db.close();
    process.exit(0);
  };
  db.keepRunningOnSignals(); // shutdown stops PostgreSQL, last
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void shutdown(signal));
}

async function migrateOnly() {
  const db = await openDatabase(config, log);
  await db.close();
}

async function createOperator() {
  const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } } });
  const email = parseInput(emailSchema, values.email ?? '', 'email');
  const password = parseInput(passwordSchema, values.password ?? '', 'password');
  const db = await openDatabase(config, log);
  const em = db.orm.em.fork();
  const existing = await em.findOne(User, { email });
  if (existing) existing.isOperator = true;
  else em.create(User, { email, name: values.name ?? 'Operator', passwordHash: await hashPassword(password), isOperator: true });
  await em.flush();
  console.log(existing ? `${email} is now an operator` : `operator ${email} created`);
  await db.close();
}

async function demo() {
  let credentials = await readDemo(config);
  if (!credentials) {
    const db = await openDatabase(config, () => undefined);
    credentials = await ensureDemo(config, db.orm);
    await db.close();
  }
  const summary = demoSummary(config, credentials, proxyUrlOf(loadProxyConfig({ ...process.env, DATABASE_URL: 'postgres://unused' }).port));
  console.log(rest.includes('--json') ? JSON.stringify(summary, null, 2) : summary);
}

const commands: Record<string, () => Promise<void>> = { start, migrate: migrateOnly, 'operator:create': createOperator, demo };
const run = command ? commands[command] : undefined;
if (!run) {
  console.error(`usage: pnpm tollgate <${Object.keys(commands).join('|')}>`);
  process.exit(2);
}
run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
