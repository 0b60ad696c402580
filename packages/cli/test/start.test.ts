import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');
const main = join(root, 'packages/cli/src/main.ts');

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Runs `tollgate start` as a user would, with no DATABASE_URL: embedded PostgreSQL under TOLLGATE_HOME. */
function start(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(tsx, [main, 'start'], { env: { ...process.env, DATABASE_URL: '', ...env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`start did not come up:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Tollgate is running')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`start exited with ${code}:\n${output}`)));
  });
}

const stop = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.once('exit', resolve), child.kill('SIGTERM'))));

describe('pnpm tollgate start on a bare machine', () => {
  const children: ChildProcess[] = [];
  afterAll(async () => {
    await Promise.all(children.map(stop));
  });

  it('starts embedded PostgreSQL, migrates, seeds the demo once and serves it', async () => {
    const home = await mkdtemp(join(tmpdir(), 'tollgate-home-'));
    const [port, proxyPort, mockPort] = [await freePort(), await freePort(), await freePort()];
    const env = { TOLLGATE_HOME: home, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '', PROXY_PORT: String(proxyPort), PROXY_HOST: '127.0.0.1', MOCK_PORT: String(mockPort), REDIS_URL: '' };
    const first = await start(env);
    children.push(first);

    const { stdout } = await promisify(execFile)(tsx, [main, 'demo', '--json'], { env: { ...process.env, ...env } });
    const demo = JSON.parse(stdout);
    expect(demo.graphqlUrl).toBe(`http://localhost:${port}/graphql`);
    expect(demo.users.map((u: { role: string }) => u.role)).toEqual(['operator', 'orgAdmin', 'orgMember', 'projectOwner', 'projectMember']);

    const admin = demo.users.find((u: { role: string }) => u.role === 'orgAdmin');
    const gql = async (query: string, variables: Record<string, unknown> = {}, cookie?: string) => {
      const res = await fetch(demo.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ query, variables }) });
      return { body: (await res.json()) as any, cookie: res.headers.get('set-cookie')?.split(';')[0] };
    };
    const signIn = await gql('mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { email } }', { e: admin.email, p: admin.password });
    expect(signIn.body.data.signIn.email).toBe(admin.email);
    const orgs = await gql('{ myOrganizations { displayName id } }', {}, signIn.cookie);
    expect(orgs.body.data.myOrganizations).toEqual([{ displayName: 'Acme', id: demo.organizationId }]);
    const projects = await gql('query($o: ID!) { projects(organizationId: $o) { name } }', { o: demo.organizationId }, signIn.cookie);
    expect(projects.body.data.projects.map((p: { name: string }) => p.name)).toEqual(['production', 'staging']);

    // The proxy runs beside the server, in front of the mock upstream, with the demo key.
    expect(demo.proxyUrl).toBe(`http://localhost:${proxyPort}/v1`);
    expect(demo.apiKey).toMatch(/^sk-tg-/);
    const completion = await fetch(`${demo.proxyUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${demo.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content: 'hello' }] }),
    });
    expect(completion.status).toBe(200);
    expect(((await completion.json()) as any).choices[0].message.content).toMatch(/^Mock reply/);

    // A restart reuses the cluster and does not seed again.
    await stop(first);
    children.push(await start(env));
    const again = JSON.parse((await promisify(execFile)(tsx, [main, 'demo', '--json'], { env: { ...process.env, ...env } })).stdout);
    expect(again.organizationId).toBe(demo.organizationId);
    const signInAgain = await gql('mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { email } }', { e: admin.email, p: admin.password });
    expect(signInAgain.body.data.signIn.email).toBe(admin.email);
  }, 120_000);
});
