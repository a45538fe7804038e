// The CLI runs from an esbuild bundle of src/, made on first use and again whenever a source file changes,
// so a clone needs no build step and an edit needs no rebuild command. Transpiling through tsx on every start
// cost about 1.5 s; the bundle starts in well under 0.1 s (bench/check.ts).
//
// The bundle lives in dist/<key>/, where the key hashes every input file's path, size and mtime: concurrent
// runs (a test suite spawning dozens) each see either a complete bundle or none, because a bundle is written
// to a private folder and renamed into place.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INPUTS = ['src', 'transforms', 'package.json', 'tsconfig.json', 'bin/bundle.mjs'];
const ENTRY = 'src/cli/main.ts';
const DIST = path.join(ROOT, 'dist');
const BUNDLED = new Set(['yargs']);
const EXTERNAL = Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).dependencies)
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

function walk(rel, out) {
  const abs = path.join(ROOT, rel);
  const st = statSync(abs, { throwIfNoEntry: false });
  if (!st) return;
  if (!st.isDirectory()) {
    out.push(`${rel}\0${st.size}\0${st.mtimeMs}`);
    return;
  }
  for (const name of readdirSync(abs).sort()) walk(path.join(rel, name), out);
}

function inputKey() {
  const lines = [];
  for (const input of INPUTS) walk(input, lines);
  return createHash('sha256').update(process.version).update(lines.join('\n')).digest('hex').slice(0, 16);
}

/**
 * The sources import only `ts` from ts-morph: the TypeScript compiler it ships in @ts-morph/common. The bundle
 * requires that file directly. ts-morph's own 1 MB entry of wrapper classes is never used, yet evaluating it
 * and @ts-morph/common's entry cost about 0.15 s of every run that reads Drizzle. Required rather than
 * imported, the compiler is not scanned by cjs-module-lexer for named exports (about 0.3 s), and the compile
 * cache in ./schemadrift applies to it. It is resolved from ts-morph's own folder, as ts-morph itself would,
 * so a strict layout (pnpm) finds the same copy. Any other name imported from 'ts-morph' fails the build.
 */
const typescriptFromTsMorph = {
  name: 'typescript-from-ts-morph',
  setup(b) {
    b.onResolve({ filter: /^ts-morph$/ }, (args) => ({ path: args.path, namespace: 'ts-morph-typescript' }));
    b.onLoad({ filter: /.*/, namespace: 'ts-morph-typescript' }, () => ({
      contents:
        `import { createRequire } from 'node:module';\n` +
        `const fromHere = createRequire(import.meta.url);\n` +
        `export const ts = createRequire(fromHere.resolve('ts-morph'))('@ts-morph/common/dist/typescript.js');\n`,
      loader: 'js',
      resolveDir: ROOT,
    }));
  },
};

async function build(key) {
  const target = path.join(DIST, key);
  const temp = path.join(DIST, `.${key}-${process.pid}`);
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: ROOT,
    // The other entries are threads: a code source read on its own (src/sources/threads.ts finds it beside
    // it), and the TypeScript transforms (src/fix/transform-thread.ts).
    entryPoints: [ENTRY, 'src/sources/worker.ts', 'src/fix/transform-worker.ts'],
    bundle: true,
    // Chunks keep the lazy `import()`s lazy: `--help` must not load ts-morph or PGlite.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Every dependency stays a package of its own except yargs, whose two dozen small ES modules cost more
    // to resolve and compile one by one than the CLI's own code does.
    external: EXTERNAL,
    outdir: temp,
    entryNames: '[name]',
    sourcemap: 'linked',
    logLevel: 'silent',
    plugins: [typescriptFromTsMorph],
  });
  try {
    renameSync(temp, target);
  } catch (error) {
    // Another run finished the same bundle first; theirs is identical.
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(path.join(target, 'main.js'))) throw error;
  }
  prune(key);
  return target;
}

/** Bundles of older source versions, and temp folders of runs that died, go once a newer bundle exists. */
function prune(keep) {
  const hourAgo = Date.now() - 3600_000;
  for (const name of readdirSync(DIST)) {
    if (name === keep) continue;
    const dir = path.join(DIST, name);
    const old = name.startsWith('.') ? statSync(dir).mtimeMs < hourAgo : true;
    if (old) rmSync(dir, { recursive: true, force: true });
  }
}

/** The URL of the CLI's entry module: the bundle when it can be made, else the TypeScript through tsx. */
export async function cliEntry() {
  if (!process.env.SCHEMADRIFT_NO_BUNDLE) {
    try {
      const key = inputKey();
      const ready = path.join(DIST, key, 'main.js');
      if (existsSync(ready)) return pathToFileURL(ready).href;
      return pathToFileURL(path.join(await build(key), 'main.js')).href;
    } catch (error) {
      // A read-only install or a missing esbuild: run the sources directly, only slower. A source that does
      // not bundle is a bug in schemadrift, and says so.
      if (error?.errors?.length) process.stderr.write(`schemadrift: warning: cannot bundle the CLI (${error.errors[0].text}); running from source\n`);
    }
  }
  (await import('tsx/esm/api')).register();
  (await import('tsx/cjs/api')).register();
  return pathToFileURL(path.join(ROOT, ENTRY)).href;
}
