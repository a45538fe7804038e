// sources: each configured source read into the normalized model. Sources are read concurrently; they
// share nothing.

import { stat } from 'node:fs/promises';
import type { SourceSpec } from '../config/types.ts';
import type { SchemaModel } from '../model/schema.ts';
import type { Timings } from '../util/timings.ts';
import { CODE_EXTENSIONS, expandFiles } from './files.ts';

// Each reader is loaded only when a source of its kind is configured: ts-morph alone takes about 0.5 s to
// load, which a Python-only project or a snapshot read should not pay.

export async function readSource(spec: SourceSpec, cwd: string): Promise<SchemaModel> {
  switch (spec.kind) {
    case 'database': {
      const { readDatabase } = await import('./database/index.ts');
      return readDatabase({ name: spec.name, url: spec.url, cwd, schemas: spec.schemas, tables: spec.tables });
    }
    case 'drizzle': {
      const { readDrizzle } = await import('./drizzle/index.ts');
      return readDrizzle({
        name: spec.name,
        cwd,
        files: await expandFiles(spec.files, CODE_EXTENSIONS.drizzle, spec.name),
        ...(spec.casing && { casing: spec.casing }),
      });
    }
    case 'sqlmodel': {
      const { readSqlModel } = await import('./sqlmodel/index.ts');
      return readSqlModel({ name: spec.name, cwd, files: await expandFiles(spec.files, CODE_EXTENSIONS.sqlmodel, spec.name), sqlmodelVersion: spec.sqlmodelVersion });
    }
  }
}

export async function readSources(specs: readonly SourceSpec[], cwd: string, timings?: Timings): Promise<SchemaModel[]> {
  const { readInWorker, threadedSources, workersAvailable } = await import('./threads.ts');
  const code = specs.filter((s) => s.kind !== 'database');
  const threaded = code.length > 1 && workersAvailable() ? threadedSources(specs, await sourceBytes(code)) : new Set<SourceSpec>();
  const read = (s: SourceSpec) => (threaded.has(s) ? readInWorker(s, cwd) : readSource(s, cwd));
  const label = (s: SourceSpec) => `read ${s.name} (${s.kind}${threaded.has(s) ? ', own thread' : ''})`;
  return Promise.all(specs.map((s) => (timings ? timings.measure(label(s), () => read(s)) : read(s))));
}

async function sourceBytes(specs: readonly SourceSpec[]): Promise<Map<SourceSpec, number>> {
  const sizes = new Map<SourceSpec, number>();
  for (const s of specs) {
    if (s.kind === 'database') continue;
    const files = await expandFiles(s.files, CODE_EXTENSIONS[s.kind], s.name).catch(() => []);
    sizes.set(s, (await Promise.all(files.map((f) => stat(f).then((st) => st.size, () => 0)))).reduce((a, b) => a + b, 0));
  }
  return sizes;
}
