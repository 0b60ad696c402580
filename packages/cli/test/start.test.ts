import { freePort } from '@tollgate/db';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');
const main = join(root, 'packages/cli/src/main.ts');

/**
 * Runs `tollgate start` as a user would, with no DATABASE_URL: embedded PostgreSQL under TOLLGATE_HOME. Not with
 * vitest's NODE_ENV=test, under which libraries leave signals alone (Apollo Server) that a user's start has them take.
 */
function start(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(tsx, [main, 'start'], {
    env: { ...process.env, DATABASE_URL: '', ...env, LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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

/** A stand-in for a real OpenAI-compatible upstream: answers chat completions, and keeps the model names it was asked for. */
async function startRealUpstream() {
  const asked: string[] = [];
  const server = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return void res.writeHead(404).end();
      const { model } = JSON.parse(body);
      asked.push(model);
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: 'chatcmpl-real',
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model,
          choices: [{ index: 0, message: { role: 'assistant', content: 'Real reply' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/v1`, asked, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** SIGTERM, and the exit code it ends with. */
const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : (child.once('exit', resolve), child.kill('SIGTERM'))));

describe('pnpm tollgate start on a bare machine', () => {
  const children: ChildProcess[] = [];
  afterAll(async () => {
    await Promise.all(children.map(stop));
  });

  it('starts embedded PostgreSQL, migrates, seeds the demo once and serves it', async () => {
    const home = await mkdtemp(join(tmpdir(), 'tollgate-home-'));
    const [port, proxyPort, mockPort] = [await freePort(), await freePort(), await freePort()];
    const env = {
      TOLLGATE_HOME: home,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      PROXY_PORT: String(proxyPort),
      PROXY_HOST: '127.0.0.1',
      MOCK_PORT: String(mockPort),
      REDIS_URL: '',
    };
    const first = await start(env);
    children.push(first);

    const { stdout } = await promisify(execFile)(tsx, [main, 'demo', '--json'], { env: { ...process.env, ...env } });
    const demo = JSON.parse(stdout);
    expect(demo.graphqlUrl).toBe(`http://localhost:${port}/graphql`);
    expect(demo.users.map((u: { role: string }) => u.role)).toEqual(['operator', 'orgAdmin', 'orgMember', 'projectOwner', 'projectMember']);

    const admin = demo.users.find((u: { role: string }) => u.role === 'orgAdmin');
    const gql = async (query: string, variables: Record<string, unknown> = {}, cookie?: string) => {
      const res = await fetch(demo.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { body: (await res.json()) as any, cookie: res.headers.get('set-cookie')?.split(';')[0] };
    };
    const signIn = await gql('mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { email } }', {
      e: admin.email,
      p: admin.password,
    });
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

    // SIGTERM right after calls: the services close, then PostgreSQL stops (its pid file goes), and it exits cleanly.
    expect(await stop(first)).toBe(0);
    expect(existsSync(join(home, 'postgres', 'postmaster.pid'))).toBe(false);

    // A restart reuses the cluster and does not seed again.
    children.push(await start(env));
    const again = JSON.parse((await promisify(execFile)(tsx, [main, 'demo', '--json'], { env: { ...process.env, ...env } })).stdout);
    expect(again.organizationId).toBe(demo.organizationId);
    const signInAgain = await gql('mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { email } }', {
      e: admin.email,
      p: admin.password,
    });
    expect(signInAgain.body.data.signIn.email).toBe(admin.email);
  }, 120_000);

  it('after an operator adds a real upstream and restarts, still runs the mock for the demo models, and serves both', async () => {
    const home = await mkdtemp(join(tmpdir(), 'tollgate-home-'));
    const [port, proxyPort, mockPort] = [await freePort(), await freePort(), await freePort()];
    const env = {
      TOLLGATE_HOME: home,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      PROXY_PORT: String(proxyPort),
      PROXY_HOST: '127.0.0.1',
      MOCK_PORT: String(mockPort),
      REDIS_URL: '',
    };
    const real = await startRealUpstream();
    try {
      const first = await start(env);
      children.push(first);
      const demo = JSON.parse((await promisify(execFile)(tsx, [main, 'demo', '--json'], { env: { ...process.env, ...env } })).stdout);
      const gql = async (query: string, variables: Record<string, unknown> = {}, cookie?: string) => {
        const res = await fetch(demo.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        return { body: (await res.json()) as any, cookie: res.headers.get('set-cookie')?.split(';')[0] };
      };
      const chat = async (model: string) => {
        const res = await fetch(`${demo.proxyUrl}/chat/completions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${demo.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hello' }] }),
        });
        return { status: res.status, body: (await res.json()) as any };
      };

      // The operator adds a real upstream and a model on it, as the catalog pages do.
      const operator = demo.users.find((u: { role: string }) => u.role === 'operator');
      const signIn = await gql('mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { email } }', {
        e: operator.email,
        p: operator.password,
      });
      expect(signIn.body.data.signIn.email).toBe(operator.email);
      const upstream = await gql(
        'mutation($i: UpstreamInput!) { createUpstream(input: $i) { id } }',
        { i: { name: 'real', baseUrl: real.url } },
        signIn.cookie,
      );
      expect(upstream.body.errors).toBeUndefined();
      const model = await gql(
        'mutation($i: ModelInput!) { createModel(input: $i) { name enabled } }',
        {
          i: {
            name: 'real-small',
            upstreamId: upstream.body.data.createUpstream.id,
            upstreamModel: 'gpt-real',
            inputPricePerMillion: '0.15',
            outputPricePerMillion: '0.6',
            contextWindow: 128_000,
            defaultMaxOutputTokens: 4_096,
            groups: ['general'],
          },
        },
        signIn.cookie,
      );
      expect(model.body.data.createModel).toEqual({ name: 'real-small', enabled: true });

      // Restarted (the mock on another port this time): the demo's mock models still answer, and so does the new one.
      await stop(first);
      children.push(await start({ ...env, MOCK_PORT: String(await freePort()) }));
      const mocked = await chat('mock-small');
      expect(mocked.status).toBe(200);
      expect(mocked.body.choices[0].message.content).toMatch(/^Mock reply/);
      const served = await chat('real-small');
      expect(served.status).toBe(200);
      expect(served.body.choices[0].message.content).toBe('Real reply');
      expect(real.asked).toEqual(['gpt-real']);
    } finally {
      await real.close();
    }
  }, 120_000);
});
