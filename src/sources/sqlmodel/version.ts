// Which SQLModel the models are written for. It matters for one mapping: from 0.0.45 a plain `datetime` is
// SQLModel's `UTCDateTime` (`timestamp with time zone`); before, it was `timestamp without time zone`. The
// version is read from the project's pins nearest to the models, because that is what created the tables.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The first release whose plain `datetime` is `timestamp with time zone`. */
export const UTC_DATETIME_SINCE = '0.0.45';

/**
 * Without a pin we assume a release before 0.0.45: every SQLModel until mid-2025 mapped `datetime` to a naive
 * timestamp, so existing databases (the ones worth checking for drift) were created that way.
 */
export const DEFAULT_ASSUMPTION = 'before 0.0.45';

export interface SqlModelVersion {
  /** The version as pinned, when one was found or configured. */
  version?: string;
  /** Whether a plain `datetime` maps to `timestamp with time zone`. */
  utcDatetime: boolean;
  /** One sentence for `--verbose`: which version was assumed and why. */
  note: string;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function fromVersion(version: string, why: string): SqlModelVersion {
  const utcDatetime = compareVersions(version, UTC_DATETIME_SINCE) >= 0;
  const mapping = utcDatetime ? 'timestamp with time zone' : 'timestamp without time zone';
  return { version, utcDatetime, note: `SQLModel ${version} assumed (${why}): a plain datetime is ${mapping}` };
}

/** `configured` (the source's `sqlmodelVersion`) wins; else the nearest pin above the first model file. */
export function resolveSqlModelVersion(files: readonly string[], cwd: string, configured?: string): SqlModelVersion {
  if (configured) return fromVersion(configured, 'sqlmodelVersion in the config');
  const dirs = new Set(files.map((f) => path.dirname(path.resolve(cwd, f))));
  for (const start of dirs) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const found = pinIn(dir);
      if (found) return fromVersion(found.version, `pinned in ${path.relative(cwd, found.file) || found.file}`);
      if (path.dirname(dir) === dir || existsSync(path.join(dir, '.git'))) break;
    }
  }
  return {
    utcDatetime: false,
    note: `SQLModel ${DEFAULT_ASSUMPTION} assumed (no pin found in uv.lock, poetry.lock, Pipfile.lock, requirements*.txt or pyproject.toml near the models; set "sqlmodelVersion" on the source to change it): a plain datetime is timestamp without time zone`,
  };
}

/** Lock files first: they say what is installed; manifests only say what is allowed. */
function pinIn(dir: string): { file: string; version: string } | undefined {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  const requirements = names.filter((n) => /^requirements.*\.txt$/.test(n)).sort();
  const ordered = ['uv.lock', 'poetry.lock', 'Pipfile.lock', ...requirements, 'pyproject.toml'].filter((n) => names.includes(n));
  for (const name of ordered) {
    const file = path.join(dir, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const version = pinnedVersion(name, text);
    if (version) return { file, version };
  }
  return undefined;
}

const VERSION = String.raw`(\d+(?:\.\d+)*)`;

export function pinnedVersion(fileName: string, text: string): string | undefined {
  if (fileName === 'uv.lock' || fileName === 'poetry.lock') {
    // [[package]] tables: `name = "sqlmodel"` followed by its `version = "…"`.
    return new RegExp(String.raw`^name\s*=\s*"sqlmodel"\s*\r?\nversion\s*=\s*"${VERSION}"`, 'm').exec(text)?.[1];
  }
  if (fileName === 'Pipfile.lock') {
    try {
      const lock = JSON.parse(text) as Record<string, Record<string, { version?: string }> | undefined>;
      const spec = lock.default?.sqlmodel?.version ?? lock.develop?.sqlmodel?.version;
      return spec ? new RegExp(`^===?${VERSION}$`).exec(spec)?.[1] : undefined;
    } catch {
      return undefined;
    }
  }
  if (fileName.endsWith('.txt')) {
    // `sqlmodel==0.0.22`, `sqlmodel[extra] == 0.0.22`; a range (`>=`) is not a pin.
    return new RegExp(String.raw`^\s*sqlmodel(?:\[[^\]]*\])?\s*===?\s*${VERSION}\s*(?:[;#].*)?$`, 'mi').exec(text)?.[1];
  }
  if (fileName === 'pyproject.toml') {
    // PEP 621 `"sqlmodel==0.0.22"` in a dependency list, or Poetry's `sqlmodel = "0.0.22"` / `"^0.0.22"`
    // (a caret on 0.0.x allows only that patch release).
    return (
      new RegExp(String.raw`["']sqlmodel(?:\[[^\]]*\])?\s*===?\s*${VERSION}\s*["';]`, 'i').exec(text)?.[1] ??
      new RegExp(String.raw`^sqlmodel\s*=\s*["'](?:==?|\^(?=0\.0\.))?${VERSION}["']`, 'mi').exec(text)?.[1] ??
      new RegExp(String.raw`^sqlmodel\s*=\s*\{[^}\n]*version\s*=\s*["'](?:==?|\^(?=0\.0\.))?${VERSION}["']`, 'mi').exec(text)?.[1]
    );
  }
  return undefined;
}
