#!/usr/bin/env node
/**
 * `pnpm build` in a Node package (domain, db, server, proxy, mock-upstream, cli):
 * compiles src/**\/*.ts to dist/**\/*.js so production runs plain `node`, no
 * TypeScript loader.
 *
 * - swc, with the options vitest uses (vitest.config.ts): legacy decorators and
 *   emitted decorator metadata, which type-graphql and MikroORM's
 *   ReflectMetadataProvider read. No type checking here: `pnpm typecheck` does it.
 * - Relative imports get their extension (`./orm` -> `./orm.js`, `./entities` ->
 *   `./entities/index.js`): Node's ESM loader wants full paths.
 * - `@tollgate/*` imports become relative paths to the other package's dist
 *   (`@tollgate/db` -> `../../db/dist/index.js`), taken from each package's
 *   "exports" map (./src/x.ts -> ./dist/x.js). The exports maps keep pointing at
 *   the sources, so tsx, vitest, vite and tsc read TypeScript as before and never
 *   a stale build. dist mirrors src, so the path from src/a/b.ts and from
 *   dist/a/b.js to another package is the same.
 * - Every other file under src (Lua scripts, SQL, JSON) is copied next to the
 *   compiled modules: they are read at run time with new URL('./x', import.meta.url).
 *
 * Usage: node ../../scripts/build-package.mjs   (from the package's directory)
 */
import { transform } from '@swc/core';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const packageDir = process.cwd();
const src = join(packageDir, 'src');
const dist = join(packageDir, 'dist');
const own = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8'));

/** `@tollgate/x[/sub]` -> packages/x/dist/....js for every export that points into a package's src. */
async function workspacePaths() {
  const paths = {};
  for (const dir of await readdir(join(root, 'packages'))) {
    const manifest = JSON.parse(await readFile(join(root, 'packages', dir, 'package.json'), 'utf8').catch(() => '{}'));
    const exports = typeof manifest.exports === 'string' ? { '.': manifest.exports } : (manifest.exports ?? {});
    for (const [subpath, target] of Object.entries(exports)) {
      if (typeof target !== 'string' || !/^\.\/src\/.*\.ts$/.test(target)) continue;
      const compiled = target.replace(/^\.\/src\//, 'dist/').replace(/\.ts$/, '.js');
      paths[manifest.name + subpath.slice(1)] = [`packages/${dir}/${compiled}`];
    }
  }
  return paths;
}

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

const options = (paths, filename) => ({
  filename,
  swcrc: false,
  configFile: false,
  sourceMaps: true,
  inlineSourcesContent: false,
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    baseUrl: root,
    paths,
  },
  module: { type: 'es6', resolveFully: true },
});

const paths = await workspacePaths();
await rm(dist, { recursive: true, force: true });
let compiled = 0;
let copied = 0;
const unresolved = [];
for await (const file of files(src)) {
  const out = join(dist, relative(src, file));
  await mkdir(dirname(out), { recursive: true });
  if (!file.endsWith('.ts') || file.endsWith('.d.ts')) {
    if (!file.endsWith('.d.ts')) {
      await copyFile(file, out);
      copied++;
    }
    continue;
  }
  const js = out.replace(/\.ts$/, '.js');
  const { code, map } = await transform(await readFile(file, 'utf8'), options(paths, file));
  // A workspace import left bare would make Node load the package's TypeScript sources.
  for (const [, specifier] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)["'](@tollgate\/[^"']+)["']/gm))
    unresolved.push(`${relative(root, file)}: ${specifier}`);
  const sourceMap = JSON.parse(map);
  sourceMap.sources = [relative(dirname(js), file)];
  await writeFile(js, `${code}\n//# sourceMappingURL=${basename(js)}.map\n`);
  await writeFile(`${js}.map`, JSON.stringify(sourceMap));
  compiled++;
}
if (unresolved.length) {
  console.error(`${own.name}: imports with no compiled target (add them to that package's "exports" as ./src/*.ts):\n  ${unresolved.join('\n  ')}`);
  process.exit(1);
}
console.log(`${own.name}: ${compiled} modules compiled, ${copied} files copied to ${relative(root, dist)}`);
