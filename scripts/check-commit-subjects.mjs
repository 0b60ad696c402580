#!/usr/bin/env node
/**
 * Commit subjects are at most 72 characters (detail goes in the body). Checks
 * every commit after the one that introduced the rule; older history is left
 * as it was written. Without that commit (a shallow clone) only HEAD is checked.
 */
import { execFileSync } from 'node:child_process';

const RULE_SINCE = '0b26575537e3';
const MAX = 72;
const git = (...args) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

let range;
try {
  git('cat-file', '-e', `${RULE_SINCE}^{commit}`);
  range = [`${RULE_SINCE}..HEAD`];
} catch {
  range = ['-1', 'HEAD'];
}
let subjects;
try {
  subjects = git('log', '--format=%h %s', ...range)
    .split('\n')
    .filter(Boolean);
} catch {
  console.log('commit subjects: not a git checkout, nothing to check');
  process.exit(0);
}
const long = subjects.filter((line) => line.slice(line.indexOf(' ') + 1).length > MAX);
if (long.length) {
  console.error(`commit subjects longer than ${MAX} characters:\n${long.map((l) => `  ${l}`).join('\n')}`);
  process.exit(1);
}
console.log(`commit subjects: ${subjects.length} checked, none over ${MAX} characters`);
