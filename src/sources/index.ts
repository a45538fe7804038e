// sources: each configured source read into the normalized model. Sources are read concurrently; they
// share nothing.

import type { SourceSpec } from '../config/types.ts';
import type { SchemaModel } from '../model/schema.ts';
import { readDatabase } from './database/index.ts';
import { readDrizzle } from './drizzle/index.ts';
import { expandFiles } from './files.ts';
import { readSqlModel } from './sqlmodel/index.ts';

export async function readSource(spec: SourceSpec, cwd: string): Promise<SchemaModel> {
  switch (spec.kind) {
    case 'database':
      return readDatabase({ name: spec.name, url: spec.url, cwd, schemas: spec.schemas, tables: spec.tables });
    case 'drizzle':
      return readDrizzle({
        name: spec.name,
        cwd,
        files: await expandFiles(spec.files, ['.ts', '.tsx', '.mts', '.cts'], spec.name),
        ...(spec.casing && { casing: spec.casing }),
      });
    case 'sqlmodel':
      return readSqlModel({ name: spec.name, cwd, files: await expandFiles(spec.files, ['.py'], spec.name), sqlmodelVersion: spec.sqlmodelVersion });
  }
}

export function readSources(specs: readonly SourceSpec[], cwd: string): Promise<SchemaModel[]> {
  return Promise.all(specs.map((s) => readSource(s, cwd)));
}
