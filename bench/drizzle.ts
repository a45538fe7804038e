// Reading a large Drizzle schema: 1,000 tables in 50 files (≈10,000 lines), with enums, foreign keys
// across files, a shared column helper, indexes and checks, read with readDrizzle. Target (issue 5):
// under 0.5 s, median of several runs in one process; the first run (which warms the JIT and loads
// TypeScript's parser) is reported separately and not excluded from the worst case printed.
//
//   node --import tsx bench/drizzle.ts [--tables 1000] [--files 50] [--runs 7]

import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ts } from 'ts-morph';
import { readDrizzle } from '../src/sources/drizzle/index.ts';

const TARGET_MS = 500;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const tableVar = (i: number) => `table${String(i).padStart(4, '0')}`;
const fileOf = (i: number, perFile: number) => Math.floor((i - 1) / perFile);

/** One file of tables; each table has 7 columns, a key to the table before it (possibly in another file). */
function schemaFile(fileIndex: number, perFile: number): string {
  const first = fileIndex * perFile + 1;
  const imports = new Set<string>();
  let body = '';
  for (let i = first; i < first + perFile; i++) {
    const parent = Math.max(1, i - 1);
    const parentFile = fileOf(parent, perFile);
    if (parentFile !== fileIndex) imports.add(`import { ${tableVar(parent)} } from "./schema-${parentFile}";`);
    body += `
export const ${tableVar(i)} = pgTable("t${i}", {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    parentId: bigint("parent_id", { mode: "number" }).references((): AnyPgColumn => ${tableVar(parent)}.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 64 }).notNull(),
    amount: numeric("amount", { precision: 10, scale: 2 }).notNull().default("0"),
    state: status("state").notNull().default("active"),
    ...timestamps,
}, (t) => [index("t${i}_parent_idx").on(t.parentId), check("t${i}_amount", sql\`\${t.amount} >= 0\`)]);
`;
  }
  return `import { sql } from "drizzle-orm";
import { type AnyPgColumn, bigint, check, index, numeric, pgTable, varchar } from "drizzle-orm/pg-core";
import { status } from "./enums";
import { timestamps } from "./columns";
${[...imports].join('\n')}
${body}`;
}

function writeSchema(dir: string, tables: number, files: number): number {
  const perFile = Math.ceil(tables / files);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'enums.ts'), 'import { pgEnum } from "drizzle-orm/pg-core";\n\nexport const status = pgEnum("status", ["active", "archived"]);\n');
  writeFileSync(
    path.join(dir, 'columns.ts'),
    'import { timestamp } from "drizzle-orm/pg-core";\n\nexport const timestamps = {\n  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),\n  updatedAt: timestamp("updated_at", { withTimezone: true }).$onUpdate(() => new Date()),\n};\n',
  );
  let lines = 0;
  const barrel: string[] = [];
  for (let f = 0; f < files; f++) {
    const text = schemaFile(f, perFile);
    lines += text.split('\n').length;
    writeFileSync(path.join(dir, `schema-${f}.ts`), text);
    barrel.push(`export * from "./schema-${f}";`);
  }
  writeFileSync(path.join(dir, 'index.ts'), `${barrel.join('\n')}\n`);
  return lines;
}

async function main(): Promise<void> {
  const tables = option('tables', 1000);
  const files = option('files', 50);
  const runs = Math.max(2, option('runs', 7));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-bench-drizzle-'));
  try {
    const lines = writeSchema(dir, tables, files);
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      // Only the barrel is named: the reader finds the 50 schema files (and the helpers) by following it.
      const model = await readDrizzle({ name: 'drizzle', files: ['index.ts'], cwd: dir });
      times.push(performance.now() - start);
      const fks = model.tables.reduce((n, t) => n + t.foreignKeys.length, 0);
      if (model.tables.length !== tables || fks !== tables || model.diagnostics.length > 0) {
        throw new Error(`wrong model: ${model.tables.length} tables, ${fks} foreign keys, ${model.diagnostics.length} diagnostics`);
      }
    }
    const steady = median(times.slice(1));
    // The floor no syntax-only reader built on TypeScript's parser can go below, on this machine, now.
    const parses: number[] = [];
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      for (const f of readdirSync(dir)) ts.createSourceFile(f, readFileSync(path.join(dir, f), 'utf8'), ts.ScriptTarget.Latest, true);
      parses.push(performance.now() - start);
    }
    console.log(`${tables} tables, ${files} files, ${lines} lines`);
    console.log(`first run ${times[0]!.toFixed(0)} ms; median of the next ${runs - 1}: ${steady.toFixed(0)} ms; slowest ${Math.max(...times).toFixed(0)} ms`);
    console.log(`TypeScript's parser alone on the same files: median ${median(parses).toFixed(0)} ms; load average ${os.loadavg()[0]!.toFixed(1)}`);
    console.log(`target: median under ${TARGET_MS} ms — ${steady < TARGET_MS ? 'met' : 'MISSED'}`);
    if (steady >= TARGET_MS) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
