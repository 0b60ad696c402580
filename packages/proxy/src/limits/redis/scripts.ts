import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A Lua script, sent as EVALSHA (as EVAL when Redis answers NOSCRIPT: once per Redis process, or after SCRIPT FLUSH). */
export class Script {
  readonly sha: string;

  constructor(
    readonly name: string,
    readonly lua: string,
  ) {
    this.sha = createHash('sha1').update(lua).digest('hex');
  }
}

/**
 * The limit store's scripts, read once when this module loads. The .lua files sit in ./lua next to
 * this module, in src as in a compiled build (which must copy them: they are not TypeScript).
 */
const load = (name: string, url: URL) => new Script(name, readFileSync(url, 'utf8'));

export const SCRIPTS = {
  reserve: load('reserve', new URL('./lua/reserve.lua', import.meta.url)),
  settle: load('settle', new URL('./lua/settle.lua', import.meta.url)),
  seed: load('seed', new URL('./lua/seed.lua', import.meta.url)),
  compareAndAdd: load('compare-and-add', new URL('./lua/compare-and-add.lua', import.meta.url)),
} as const;
