#!/usr/bin/env node
/**
 * The README's two commands on a bare machine (Node 20 and npm only):
 *   npm start  -> install, build the SPA, run `pnpm tollgate start`
 *   npm test   -> install (Chromium too, for browser tests, and redis-server unless REDIS_URL is set), build, typecheck, run every test
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const pinned = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).packageManager.split('@')[1];
const sh = (command) => execSync(command, { cwd: root, stdio: 'inherit' });
const quiet = (command) => {
  try {
    return execSync(command, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return null;
  }
};

function ensurePnpm() {
  if (quiet('pnpm --version') === pinned) return;
  console.log(`installing pnpm ${pinned} with npm`);
  sh(`npm install -g pnpm@${pinned}`);
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  if (process.getuid?.() !== 0 || !quiet('command -v apt-get')) {
    throw new Error('Browser tests need Chromium at /usr/bin/chromium: install it (Debian: apt-get install -y chromium)');
  }
  console.log('installing Chromium from Debian packages');
  sh('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
}

/** Without REDIS_URL the test run starts its own redis-server on a free port (packages/server/test/support/global-setup.ts). */
function ensureRedis() {
  if (process.env.REDIS_URL || quiet('command -v redis-server')) return;
  if (process.getuid?.() !== 0 || !quiet('command -v apt-get')) {
    throw new Error('The Redis tests need redis-server on PATH (or REDIS_URL set): install it (Debian: apt-get install -y redis-server)');
  }
  console.log('installing redis-server from Debian packages');
  sh('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server');
}

const command = process.argv[2];
ensurePnpm();
sh('pnpm install --frozen-lockfile --reporter=default');
if (command === 'test') {
  ensureChromium();
  ensureRedis();
  sh('pnpm build');
  sh('pnpm typecheck');
  sh('pnpm test:run');
} else if (command === 'start') {
  sh('pnpm build');
  const child = spawn('pnpm', ['tollgate', 'start'], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.error('usage: node scripts/bootstrap.mjs start|test');
  process.exit(2);
}
