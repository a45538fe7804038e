// Which Python the oracle tests run real SQLModel/SQLAlchemy with: $SCHEMADRIFT_ORACLE_PYTHON (.ci/run sets
// it to its virtual environment), else the repository's .venv-oracle/, else python3 on PATH. The reader never
// runs Python; only these tests do.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface OraclePython {
  /** The interpreter, or undefined when none can import the packages and skipping is allowed. */
  python?: string;
  /** Why the oracle tests are skipped, when they are. */
  skipReason?: string;
}

export function findOraclePython(modules = 'sqlmodel, sqlalchemy, psycopg2'): OraclePython {
  const configured = process.env.SCHEMADRIFT_ORACLE_PYTHON;
  const venv = path.join(root, '.venv-oracle/bin/python');
  const python = configured || (existsSync(venv) ? venv : 'python3');
  const probe = spawnSync(python, ['-c', `import ${modules}`], { encoding: 'utf8' });
  if (probe.status === 0) return { python };
  const why = `${python} cannot import ${modules}: ${(probe.stderr || String(probe.error ?? '')).trim().split('\n').pop()}`;
  // In CI, or when an interpreter was named on purpose, the oracle is the proof and must not silently vanish.
  if (configured || process.env.CI === 'true') throw new Error(`the Python oracle is required here but ${why}`);
  return { skipReason: why };
}
