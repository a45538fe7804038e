// Which file an import specifier names: relative paths the way TypeScript resolves them (`./users.js` may
// be `users.ts`, a folder means its index), and the `paths` aliases of the nearest tsconfig.json
// (`@/db/schema`), read as JSON with comments and followed through relative `extends`. Packages are not
// followed: a schema's tables live in the project.

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

interface PathAliases {
  /** Where the mapped paths are relative to: `baseUrl`, else the tsconfig's folder. */
  base: string;
  paths: [pattern: string, targets: string[]][];
}

export class ModuleResolver {
  private readonly aliasesByDir = new Map<string, PathAliases | undefined>();
  private readonly resolved = new Map<string, string | undefined>();

  /** The file `specifier`, imported from `fromFile`, names; undefined for packages and missing files. */
  resolve(fromFile: string, specifier: string): string | undefined {
    const dir = path.dirname(fromFile);
    const key = `${dir}\0${specifier}`;
    if (!this.resolved.has(key)) this.resolved.set(key, this.compute(dir, specifier));
    return this.resolved.get(key);
  }

  private compute(dir: string, specifier: string): string | undefined {
    if (specifier.startsWith('.') || path.isAbsolute(specifier)) return fileFor(path.resolve(dir, specifier));
    const aliases = this.aliasesFor(dir);
    for (const [pattern, targets] of aliases?.paths ?? []) {
      const star = pattern.indexOf('*');
      let matched: string | undefined;
      if (star < 0) matched = pattern === specifier ? '' : undefined;
      else if (specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1))) {
        matched = specifier.slice(star, specifier.length - (pattern.length - star - 1));
      }
      if (matched === undefined) continue;
      for (const target of targets) {
        const file = fileFor(path.resolve(aliases!.base, target.replace('*', matched)));
        if (file) return file;
      }
    }
    return undefined;
  }

  private aliasesFor(dir: string): PathAliases | undefined {
    if (this.aliasesByDir.has(dir)) return this.aliasesByDir.get(dir);
    const config = path.join(dir, 'tsconfig.json');
    const parent = path.dirname(dir);
    let aliases: PathAliases | undefined;
    if (existsSync(config)) aliases = readAliases(config, 0);
    else if (parent !== dir && path.basename(dir) !== 'node_modules') aliases = this.aliasesFor(parent);
    this.aliasesByDir.set(dir, aliases);
    return aliases;
  }
}

/** `compilerOptions.paths` / `baseUrl` of a tsconfig, the nearer file's settings winning over `extends`. */
function readAliases(file: string, depth: number): PathAliases | undefined {
  let json: { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } };
  try {
    json = ts.parseConfigFileTextToJson(file, readFileSync(file, 'utf8')).config ?? {};
  } catch {
    return undefined;
  }
  const dir = path.dirname(file);
  const inherited =
    typeof json.extends === 'string' && json.extends.startsWith('.') && depth < 5
      ? readAliases(path.resolve(dir, json.extends.endsWith('.json') ? json.extends : `${json.extends}.json`), depth + 1)
      : undefined;
  const options = json.compilerOptions ?? {};
  const base = typeof options.baseUrl === 'string' ? path.resolve(dir, options.baseUrl) : undefined;
  const paths =
    options.paths && typeof options.paths === 'object'
      ? Object.entries(options.paths as Record<string, unknown>).map(
          ([pattern, targets]): [string, string[]] => [pattern, Array.isArray(targets) ? targets.filter((t) => typeof t === 'string') : []],
        )
      : undefined;
  if (!paths) return inherited && base ? { ...inherited, base } : inherited;
  return { base: base ?? dir, paths };
}

/** The file a path without (or with a JS) extension means: itself, `x.ts`…, or `x/index.ts`…. */
function fileFor(base: string): string | undefined {
  const stem = base.replace(/\.[mc]?[jt]sx?$/, '');
  const candidates = [base, ...EXTENSIONS.map((e) => stem + e), ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  return candidates.find((c) => statSync(c, { throwIfNoEntry: false })?.isFile());
}
