import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/*
 * docker-compose.yml against README "Scale-out": no Docker engine here, so the file is parsed (as
 * Compose does, merge keys included) and held to the README's table of services, both ways, and
 * to the nginx configurations it mounts.
 */
const root = new URL('../../..', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Service {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }> | string[];
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

/** The README's table of services: one row per service, cells as written. */
function readmeServices() {
  const section = /\n## Scale-out\n([\s\S]*?)\n## /.exec(`${read('README.md')}\n## `)![1]!;
  const rows = section.split('\n').filter((line) => /^\| `[a-z-]+` \|/.test(line));
  return rows.map((row) => {
    const [name, runs, published, replicas, environment] = row
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    const spans = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    return { name: spans(name!)[0]!, runs: spans(runs!), published: published!, replicas: Number(replicas), environment: spans(environment!) };
  });
}
const table = readmeServices();
const row = (name: string) => table.find((r) => r.name === name)!;

/** A balancer's nginx configuration, from the file its service mounts. */
function balancerOf(name: string) {
  const mount = services[name]!.volumes!.find((v) => v.endsWith(':/etc/nginx/conf.d/default.conf:ro'))!;
  const path = mount.split(':')[0]!.replace(/^\.\//, '');
  const conf = read(path);
  return { path, conf, upstreams: [...conf.matchAll(/^\s*server ([a-z-]+:\d+) resolve;/gm)].map((m) => m[1]!) };
}

describe('docker-compose.yml is the topology README "Scale-out" describes', () => {
  it('has exactly the services of the README’s table', () => {
    expect(table.map((r) => r.name).sort()).toEqual(Object.keys(services).sort());
  });

  it('runs what the table says, with its environment, published ports and replicas', () => {
    for (const r of table) {
      const service = services[r.name]!;
      const runs = service.command?.join(' ') ?? service.image;
      expect(r.runs[0], r.name).toBe(runs);
      expect(Object.keys(service.environment ?? {}).sort(), r.name).toEqual([...r.environment].sort());
      expect((service.ports ?? []).map((p) => p.split(':')[0]).join(', '), r.name).toBe(r.published);
      expect(service.deploy?.replicas ?? 1, r.name).toBe(r.replicas);
    }
  });

  it('builds every Node service from the image that holds its entry point', () => {
    const dockerfile = read('Dockerfile');
    for (const name of ['migrate', 'server', 'proxy']) {
      const entry = services[name]!.command![1]!; // node <entry> …
      expect(existsSync(join(root, entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts'))), entry).toBe(true);
      expect(dockerfile, entry).toContain(`COPY --from=build /app/${entry.split('/dist/')[0]}/dist`);
    }
  });

  it('gives Redis AOF persistence fsynced every second, as the README says', () => {
    expect(services.redis!.command).toEqual(['redis-server', '--appendonly', 'yes', '--appendfsync', 'everysec']);
    expect(read('README.md')).toContain('--appendonly yes --appendfsync everysec');
  });

  it('migrates once before any server or proxy starts', () => {
    for (const name of ['server', 'proxy']) expect(services[name]!.depends_on).toEqual({ migrate: { condition: 'service_completed_successfully' } });
    expect(services.migrate!.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
  });

  it('puts a balancer in front of each pair, reaching every replica through Docker’s DNS', () => {
    for (const [balancer, target, port] of [
      ['server-lb', 'server', '4000'],
      ['proxy-lb', 'proxy', '4100'],
    ] as const) {
      const { path, conf, upstreams } = balancerOf(balancer);
      // The README names the file and the upstream; the upstream is the scaled service on the port it listens on.
      expect(row(balancer).runs.slice(1)).toEqual([path, `${target}:${port}`]);
      expect(upstreams).toEqual([`${target}:${port}`]);
      const listens = target === 'server' ? services[target]!.environment!.PORT : services[target]!.environment!.PROXY_PORT;
      expect(listens).toBe(port);
      expect(services[target]!.deploy!.replicas).toBe(2);
      expect(conf).toMatch(/^resolver 127\.0\.0\.11 /m);
      expect(services[balancer]!.ports).toEqual([`${port}:${port}`]);
    }
    // graphql-ws subscriptions pass the server balancer as WebSocket upgrades.
    expect(balancerOf('server-lb').conf).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(balancerOf('proxy-lb').conf).toMatch(/proxy_buffering off;/);
  });

  it('shares one CREDENTIAL_KEY, required, across servers and proxies', () => {
    const keys = ['server', 'proxy'].map((name) => services[name]!.environment!.CREDENTIAL_KEY);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^\$\{CREDENTIAL_KEY:\?/);
  });

  it('scales the proxies as the README shows', () => {
    const command = /`docker compose up -d --scale (\w+)=\d+`/.exec(read('README.md'))![1];
    expect(command).toBe('proxy');
    expect(balancerOf('proxy-lb').upstreams).toEqual(['proxy:4100']);
  });
});
