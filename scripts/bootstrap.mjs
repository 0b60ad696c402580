#!/usr/bin/env node
/**
 * The README's two commands on a bare machine (Node 20 and npm only):
 *   npm start  -> install, build (the SPA and the Node packages' dist), run `node packages/cli/dist/main.js start`
 *   npm test   -> install (Chromium too, for browser tests, and redis-server), build, typecheck, lint, run every test
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const pinned = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).packageManager.split('@')[1];
const sh = (command) => execSync(command, { cwd: root, stdio: 'inherit' });
const quiet = (command) => {
  try {
    return execSync(command, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
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

/**
 * The test run always starts a Redis Cluster of its own (three redis-server processes), and without
 * REDIS_URL a redis-server too, on free ports (packages/server/test/support/global-setup.ts).
 */
function ensureRedis() {
  if (quiet('command -v redis-server') && quiet('command -v redis-cli')) return;
  if (process.getuid?.() !== 0 || !quiet('command -v apt-get')) {
    throw new Error(
      'The Redis tests need redis-server and redis-cli on PATH (they start a Redis Cluster of their own): install them (Debian: apt-get install -y redis-server)',
    );
  }
  console.log('installing redis-server from Debian packages');
  sh('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server');
}

/**
 * The compiled CLI, run by this very Node (no pnpm or tsx wrapper in between: pnpm exits on
 * SIGTERM without passing it on, which left the CLI and its embedded PostgreSQL running).
 * The child gets its own process group, so a terminal's Ctrl-C reaches it once, through
 * here, rather than twice (the CLI's second SIGINT would cut its shutdown short); a hang-up
 * becomes SIGTERM. Later signals are not repeated while it shuts down. package.json's
 * `start` execs this script, so npm's own SIGTERM/SIGINT reach it with no `sh -c` between.
 */
function start() {
  const child = spawn(process.execPath, [`${root}packages/cli/dist/main.js`, 'start'], { cwd: root, stdio: 'inherit', detached: true });
  let forwarded = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (forwarded) return;
      forwarded = true;
      child.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
    });
  }
  // A wrapper above us that dies without passing its signal on (a shell, pnpm) leaves us
  // re-parented: stop the CLI then too, rather than leave it and PostgreSQL running.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && process.emit('SIGTERM', 'SIGTERM'), 1000).unref();
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)));
}

const command = process.argv[2];
ensurePnpm();
sh('pnpm install --frozen-lockfile --reporter=default');
if (command === 'test') {
  ensureChromium();
  ensureRedis();
  sh('pnpm build');
  sh('pnpm typecheck');
  sh('pnpm lint');
  sh('pnpm test:run');
} else if (command === 'start') {
  sh('pnpm build');
  start();
} else {
  console.error('usage: node scripts/bootstrap.mjs start|test');
  process.exit(2);
}
