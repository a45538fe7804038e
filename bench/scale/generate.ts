// A synthetic project of N tables in all three forms — the database's DDL (db/schema.sql), a Drizzle schema
// split over files with a barrel, and a Python package mixing SQLModel and SQLAlchemy 2 classes — that agree
// everywhere except a fixed set of seeded drifts, listed in `expected`. Each form is written as its own tool
// would have it: the database is what drizzle-kit pushes (its constraint names: `_fk`, `_unique`), and the
// Python classes are what SQLModel's create_all would create apart from those names, which they leave to
// PostgreSQL. A correct reader therefore reports the seeded drifts and nothing else, not even at info, and
// drizzle-kit's own diff against the database holds only the seeded drifts too.
//
// Deterministic: the same (tables, seed) always writes the same bytes.
//
//   node --import tsx bench/scale/generate.ts OUT_DIR [--tables 100] [--seed 1]

import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A finding the generated project must produce: the source named is the one that disagrees with the database. */
export interface ExpectedFinding {
  rule: string;
  severity: 'critical' | 'warning' | 'info';
  table: string;
  column: string | null;
  source: 'drizzle' | 'sqlmodel';
}

export interface GeneratedProject {
  dir: string;
  tables: number;
  expected: ExpectedFinding[];
  /** Relative to `dir`. */
  configFile: string;
  sqlFile: string;
  drizzleBarrel: string;
}

export interface GenerateOptions {
  tables: number;
  seed?: number;
  /** Tables per Drizzle file and per Python module. */
  perFile?: number;
}

/** mulberry32: small, fast and good enough to vary shapes; what matters is that it is seeded. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ['account', 'invoice', 'order', 'product', 'shipment', 'ticket', 'project', 'report', 'event', 'payment',
  'customer', 'vendor', 'asset', 'contract', 'document', 'message', 'review', 'session', 'task', 'team'];
const ON_DELETE = ['CASCADE', 'SET NULL', 'NO ACTION', 'RESTRICT'] as const;
type OnDelete = (typeof ON_DELETE)[number];
const DRIZZLE_ACTION: Record<OnDelete, string> = { CASCADE: 'cascade', 'SET NULL': 'set null', 'NO ACTION': 'no action', RESTRICT: 'restrict' };
const STATUS = ['active', 'archived', 'deleted'];
const PRIORITY = ['low', 'medium', 'high', 'urgent'];

/** The facts of one table, from which all three forms are written. */
interface TableSpec {
  index: number;
  name: string;
  /** Drizzle variable and Python class names. */
  varName: string;
  className: string;
  /** Python style: a SQLModel class or a SQLAlchemy 2 declarative class. */
  style: 'sqlmodel' | 'sqlalchemy';
  parent?: { index: number; onDelete: OnDelete; notNull: boolean };
  hasCode: boolean;
  hasPriority: boolean;
  hasRef: boolean;
  hasViews: boolean;
  hasMeta: boolean;
  /** An explicitly named index on parent_id. */
  parentIndex: boolean;
  /** A composite index on (status, created_at). */
  statusIndex: boolean;
}

/** Where each seeded drift goes; the positions scale with N so every size carries all of them. */
interface Seeds {
  drizzleFkTarget: number;
  pythonFkTarget: number;
  pythonNullable: number;
  drizzleOnDelete: number;
  drizzleMissingIndex: number;
}

const pad = (i: number) => String(i).padStart(5, '0');

function tableSpecs(n: number, seed: number): TableSpec[] {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const specs: TableSpec[] = [];
  for (let i = 1; i <= n; i++) {
    const noun = NOUNS[(i - 1) % NOUNS.length]!;
    const name = `${noun}_${pad(i)}`;
    const camel = noun.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    // Parents are earlier tables, mostly near (same file), sometimes far back (another file).
    const parentIndex = i === 1 ? undefined : random() < 0.8 ? Math.max(1, i - 1 - Math.floor(random() * 20)) : 1 + Math.floor(random() * (i - 1));
    const parent = parentIndex === undefined ? undefined : { index: parentIndex, onDelete: pick(ON_DELETE), notNull: random() < 0.4 };
    // SET NULL on a NOT NULL column would fail at run time; no real schema has it.
    if (parent?.onDelete === 'SET NULL') parent.notNull = false;
    specs.push({
      index: i,
      name,
      varName: `${camel}${pad(i)}`,
      className: `${camel[0]!.toUpperCase()}${camel.slice(1)}${pad(i)}`,
      style: i % 3 === 2 ? 'sqlalchemy' : 'sqlmodel',
      parent,
      hasCode: random() < 0.5,
      hasPriority: random() < 0.3,
      hasRef: random() < 0.4,
      hasViews: random() < 0.4,
      hasMeta: random() < 0.3,
      parentIndex: parent !== undefined && random() < 0.5,
      statusIndex: random() < 0.2,
    });
  }
  return specs;
}

/** Distinct tables at fixed fractions of N that can carry each drift. */
function placeSeeds(specs: TableSpec[]): Seeds {
  const used = new Set<number>();
  const find = (fraction: number, fits: (s: TableSpec) => boolean): number => {
    const start = Math.max(1, Math.floor(specs.length * fraction));
    for (let k = 0; k < specs.length; k++) {
      const s = specs[(start + k) % specs.length]!;
      if (!used.has(s.index) && fits(s)) {
        used.add(s.index);
        return s.index;
      }
    }
    throw new Error(`no table can carry a seeded drift at ${specs.length} tables`);
  };
  // A wrong target needs a different earlier table with the same key type; every table's key is `id serial`.
  return {
    drizzleFkTarget: find(0.2, (s) => s.parent !== undefined && s.index > 2),
    // `fix` rewrites `Field(foreign_key=…)`; a SQLAlchemy `ForeignKey(…)` it reports but cannot rewrite yet.
    pythonFkTarget: find(0.4, (s) => s.parent !== undefined && s.index > 2 && s.style === 'sqlmodel'),
    pythonNullable: find(0.5, (s) => s.style === 'sqlalchemy'),
    drizzleOnDelete: find(0.6, (s) => s.parent !== undefined && s.parent.onDelete !== 'CASCADE'),
    drizzleMissingIndex: find(0.8, (s) => s.parentIndex),
  };
}

/** The other earlier table a seeded wrong FK points at. */
const wrongParent = (s: TableSpec) => (s.parent!.index === 1 ? 2 : s.parent!.index - 1);

function expectedFindings(specs: TableSpec[], seeds: Seeds): ExpectedFinding[] {
  const name = (i: number) => specs[i - 1]!.name;
  return [
    { rule: 'fk-target', severity: 'critical', table: name(seeds.drizzleFkTarget), column: 'parent_id', source: 'drizzle' },
    { rule: 'fk-target', severity: 'critical', table: name(seeds.pythonFkTarget), column: 'parent_id', source: 'sqlmodel' },
    { rule: 'column-nullable', severity: 'warning', table: name(seeds.pythonNullable), column: 'title', source: 'sqlmodel' },
    { rule: 'fk-on-delete', severity: 'warning', table: name(seeds.drizzleOnDelete), column: 'parent_id', source: 'drizzle' },
    { rule: 'index-missing', severity: 'info', table: name(seeds.drizzleMissingIndex), column: 'parent_id', source: 'drizzle' },
  ];
}

// ---------------------------------------------------------------------------------------------- SQL

function sqlTable(s: TableSpec, specs: TableSpec[]): string {
  const cols = [
    '    id serial PRIMARY KEY',
    '    title character varying(120) NOT NULL',
    '    body text',
    '    amount numeric(12,2) NOT NULL',
    '    status status NOT NULL',
    '    created_at timestamp with time zone DEFAULT now() NOT NULL',
  ];
  if (s.hasCode) cols.push('    code character varying(32) NOT NULL');
  if (s.hasPriority) cols.push('    priority priority');
  if (s.hasRef) cols.push('    ref uuid NOT NULL');
  if (s.hasViews) cols.push('    views bigint NOT NULL');
  if (s.hasMeta) cols.push('    meta jsonb');
  if (s.parent) cols.push(`    parent_id integer${s.parent.notNull ? ' NOT NULL' : ''}`);
  if (s.hasCode) cols.push(`    CONSTRAINT ${s.name}_code_unique UNIQUE (code)`);
  if (s.parent) {
    const p = specs[s.parent.index - 1]!;
    const action = s.parent.onDelete === 'NO ACTION' ? '' : ` ON DELETE ${s.parent.onDelete}`;
    cols.push(`    CONSTRAINT ${s.name}_parent_id_${p.name}_id_fk FOREIGN KEY (parent_id) REFERENCES ${p.name} (id)${action}`);
  }
  let sql = `CREATE TABLE ${s.name} (\n${cols.join(',\n')}\n);\n`;
  if (s.parentIndex) sql += `CREATE INDEX ix_${s.name}_parent_id ON ${s.name} (parent_id);\n`;
  if (s.statusIndex) sql += `CREATE INDEX ix_${s.name}_status_created ON ${s.name} (status, created_at);\n`;
  return sql;
}

function schemaSql(specs: TableSpec[]): string {
  const enums = `CREATE TYPE status AS ENUM (${STATUS.map((v) => `'${v}'`).join(', ')});\n` +
    `CREATE TYPE priority AS ENUM (${PRIORITY.map((v) => `'${v}'`).join(', ')});\n`;
  return `-- Generated by bench/scale/generate.ts: ${specs.length} tables.\n\n${enums}\n${specs.map((s) => sqlTable(s, specs)).join('\n')}`;
}

// ---------------------------------------------------------------------------------------------- Drizzle

function drizzleTable(s: TableSpec, specs: TableSpec[], seeds: Seeds): string {
  const lines = [
    `  id: serial("id").primaryKey(),`,
    `  title: varchar("title", { length: 120 }).notNull(),`,
    `  body: text("body"),`,
    `  amount: numeric("amount", { precision: 12, scale: 2 }).notNull(),`,
    `  status: status("status").notNull(),`,
    `  createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),`,
  ];
  if (s.hasCode) lines.push(`  code: varchar("code", { length: 32 }).notNull().unique(),`);
  if (s.hasPriority) lines.push(`  priority: priority("priority"),`);
  if (s.hasRef) lines.push(`  ref: uuid("ref").notNull(),`);
  if (s.hasViews) lines.push(`  views: bigint("views", { mode: "number" }).notNull(),`);
  if (s.hasMeta) lines.push(`  meta: jsonb("meta"),`);
  if (s.parent) {
    const target = specs[(s.index === seeds.drizzleFkTarget ? wrongParent(s) : s.parent.index) - 1]!;
    const onDelete = s.index === seeds.drizzleOnDelete ? 'CASCADE' : s.parent.onDelete;
    const action = onDelete === 'NO ACTION' ? '' : `, { onDelete: "${DRIZZLE_ACTION[onDelete]}" }`;
    lines.push(`  parentId: integer("parent_id")${s.parent.notNull ? '.notNull()' : ''}.references(() => ${target.varName}.id${action}),`);
  }
  const extras: string[] = [];
  if (s.parentIndex && s.index !== seeds.drizzleMissingIndex) extras.push(`index("ix_${s.name}_parent_id").on(t.parentId)`);
  if (s.statusIndex) extras.push(`index("ix_${s.name}_status_created").on(t.status, t.createdAt)`);
  const extra = extras.length ? `, (t) => [\n  ${extras.join(',\n  ')},\n]` : '';
  return `export const ${s.varName} = pgTable("${s.name}", {\n${lines.join('\n')}\n}${extra});\n`;
}

function drizzleFiles(specs: TableSpec[], seeds: Seeds, perFile: number): Map<string, string> {
  const files = new Map<string, string>();
  files.set('enums.ts', `import { pgEnum } from "drizzle-orm/pg-core";

export const status = pgEnum("status", [${STATUS.map((v) => `"${v}"`).join(', ')}]);
export const priority = pgEnum("priority", [${PRIORITY.map((v) => `"${v}"`).join(', ')}]);
`);
  const fileOf = (i: number) => Math.floor((i - 1) / perFile);
  const fileName = (f: number) => `schema-${String(f).padStart(3, '0')}`;
  const barrel = ['export * from "./enums";'];
  for (let f = 0; f * perFile < specs.length; f++) {
    const own = specs.slice(f * perFile, (f + 1) * perFile);
    const imported = new Map<number, Set<string>>();
    const used = new Set(['pgTable', 'serial', 'varchar', 'text', 'numeric', 'timestamp']);
    const enums = new Set(['status']);
    for (const s of own) {
      if (s.hasPriority) enums.add('priority');
      if (s.hasRef) used.add('uuid');
      if (s.hasViews) used.add('bigint');
      if (s.hasMeta) used.add('jsonb');
      if ((s.parentIndex && s.index !== seeds.drizzleMissingIndex) || s.statusIndex) used.add('index');
      if (s.parent) {
        used.add('integer');
        const target = s.index === seeds.drizzleFkTarget ? wrongParent(s) : s.parent.index;
        if (fileOf(target) !== f) {
          const set = imported.get(fileOf(target)) ?? new Set<string>();
          set.add(specs[target - 1]!.varName);
          imported.set(fileOf(target), set);
        }
      }
    }
    const head = [
      `import { ${[...used].sort().join(', ')} } from "drizzle-orm/pg-core";`,
      `import { ${[...enums].sort().join(', ')} } from "./enums";`,
      ...[...imported].sort((a, b) => a[0] - b[0]).map(([g, names]) => `import { ${[...names].sort().join(', ')} } from "./${fileName(g)}";`),
    ];
    files.set(`${fileName(f)}.ts`, `${head.join('\n')}\n\n${own.map((s) => drizzleTable(s, specs, seeds)).join('\n')}`);
    barrel.push(`export * from "./${fileName(f)}";`);
  }
  files.set('index.ts', `${barrel.join('\n')}\n`);
  return files;
}

// ---------------------------------------------------------------------------------------------- Python

const PY_ON_DELETE = (a: OnDelete) => (a === 'NO ACTION' ? undefined : a);

function sqlmodelClass(s: TableSpec, specs: TableSpec[], seeds: Seeds): string {
  const lines = [
    `    id: Optional[int] = Field(default=None, primary_key=True)`,
    `    title: str = Field(max_length=120)`,
    `    body: Optional[str] = Field(default=None, sa_type=Text)`,
    `    amount: Decimal = Field(max_digits=12, decimal_places=2)`,
    `    status: Status`,
    `    created_at: datetime = Field(sa_type=DateTime(timezone=True), sa_column_kwargs={"server_default": func.now()})`,
  ];
  if (s.hasCode) lines.push(`    code: str = Field(max_length=32, unique=True)`);
  if (s.hasPriority) lines.push(`    priority: Optional[Priority] = None`);
  if (s.hasRef) lines.push(`    ref: uuid.UUID`);
  if (s.hasViews) lines.push(`    views: int = Field(sa_type=BigInteger)`);
  if (s.hasMeta) lines.push(`    meta: Optional[dict] = Field(default=None, sa_type=JSONB)`);
  if (s.parent) {
    const target = specs[(s.index === seeds.pythonFkTarget ? wrongParent(s) : s.parent.index) - 1]!;
    const onDelete = PY_ON_DELETE(s.parent.onDelete);
    const args = [...(s.parent.notNull ? [] : ['default=None']), `foreign_key="${target.name}.id"`, ...(onDelete ? [`ondelete="${onDelete}"`] : [])];
    lines.push(`    parent_id: ${s.parent.notNull ? 'int' : 'Optional[int]'} = Field(${args.join(', ')})`);
  }
  return `\nclass ${s.className}(SQLModel, table=True):\n    __tablename__ = "${s.name}"${tableArgs(s)}\n\n${lines.join('\n')}\n`;
}

function sqlalchemyClass(s: TableSpec, specs: TableSpec[], seeds: Seeds): string {
  const title = s.index === seeds.pythonNullable ? 'Mapped[Optional[str]]' : 'Mapped[str]';
  const lines = [
    `    id: Mapped[int] = mapped_column(primary_key=True)`,
    `    title: ${title} = mapped_column(String(120))`,
    `    body: Mapped[Optional[str]] = mapped_column(Text)`,
    `    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))`,
    `    status: Mapped[Status]`,
    `    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())`,
  ];
  if (s.hasCode) lines.push(`    code: Mapped[str] = mapped_column(String(32), unique=True)`);
  if (s.hasPriority) lines.push(`    priority: Mapped[Optional[Priority]]`);
  if (s.hasRef) lines.push(`    ref: Mapped[uuid.UUID]`);
  if (s.hasViews) lines.push(`    views: Mapped[int] = mapped_column(BigInteger)`);
  if (s.hasMeta) lines.push(`    meta: Mapped[Optional[dict]] = mapped_column(JSONB)`);
  if (s.parent) {
    const target = specs[(s.index === seeds.pythonFkTarget ? wrongParent(s) : s.parent.index) - 1]!;
    const onDelete = PY_ON_DELETE(s.parent.onDelete);
    const fk = `ForeignKey("${target.name}.id"${onDelete ? `, ondelete="${onDelete}"` : ''})`;
    lines.push(`    parent_id: ${s.parent.notNull ? 'Mapped[int]' : 'Mapped[Optional[int]]'} = mapped_column(${fk})`);
  }
  return `\nclass ${s.className}(Base):\n    __tablename__ = "${s.name}"${tableArgs(s)}\n\n${lines.join('\n')}\n`;
}

function tableArgs(s: TableSpec): string {
  const indexes: string[] = [];
  if (s.parentIndex) indexes.push(`Index("ix_${s.name}_parent_id", "parent_id")`);
  if (s.statusIndex) indexes.push(`Index("ix_${s.name}_status_created", "status", "created_at")`);
  return indexes.length ? `\n    __table_args__ = (${indexes.join(', ')},)` : '';
}

const PY_HEADER = `import uuid
from datetime import datetime
from decimal import Decimal
from typing import Optional

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, Numeric, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column
from sqlmodel import Field, SQLModel

from .base import Base, Priority, Status
`;

const PY_BASE = `import enum

from sqlalchemy.orm import DeclarativeBase
from sqlmodel import SQLModel


class Base(DeclarativeBase):
    """SQLAlchemy classes share SQLModel's metadata, so foreign keys resolve across both styles."""

    metadata = SQLModel.metadata


class Status(str, enum.Enum):
${STATUS.map((v) => `    ${v} = "${v}"`).join('\n')}


class Priority(str, enum.Enum):
${PRIORITY.map((v) => `    ${v} = "${v}"`).join('\n')}
`;

function pythonFiles(specs: TableSpec[], seeds: Seeds, perFile: number): Map<string, string> {
  const files = new Map<string, string>([['base.py', PY_BASE]]);
  const modules: string[] = [];
  for (let f = 0; f * perFile < specs.length; f++) {
    const own = specs.slice(f * perFile, (f + 1) * perFile);
    const module = `tables_${String(f).padStart(3, '0')}`;
    modules.push(module);
    const body = own.map((s) => (s.style === 'sqlmodel' ? sqlmodelClass(s, specs, seeds) : sqlalchemyClass(s, specs, seeds))).join('\n');
    files.set(`${module}.py`, `${PY_HEADER}\n${body}`);
  }
  files.set('__init__.py', `${modules.map((m) => `from .${m} import *  # noqa: F401,F403`).join('\n')}\n`);
  return files;
}

// ---------------------------------------------------------------------------------------------- project

export function generateProject(dir: string, options: GenerateOptions): GeneratedProject {
  const { tables, seed = 1, perFile = 50 } = options;
  if (tables < 10) throw new Error('need at least 10 tables to place every seeded drift');
  const specs = tableSpecs(tables, seed);
  const seeds = placeSeeds(specs);
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  write('db/schema.sql', schemaSql(specs));
  for (const [name, text] of drizzleFiles(specs, seeds, perFile)) write(`drizzle/${name}`, text);
  for (const [name, text] of pythonFiles(specs, seeds, perFile)) write(`models/${name}`, text);
  // The release the models were checked against (SQLAlchemy's DDL for them matches db/schema.sql); pinned so
  // that the reader need not assume one.
  write('requirements.txt', 'sqlmodel==0.0.47\nsqlalchemy==2.0.54\n');
  write('schemadrift.config.json', `${JSON.stringify({
    truth: 'database',
    sources: {
      database: { kind: 'database', url: 'db/schema.sql' },
      drizzle: { kind: 'drizzle', files: ['drizzle/index.ts'] },
      sqlmodel: { kind: 'sqlmodel', files: ['models'] },
    },
  }, null, 2)}\n`);
  // drizzle-kit (and a type check) resolve `drizzle-orm` from the project; the generated one borrows ours.
  try {
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return {
    dir,
    tables,
    expected: expectedFindings(specs, seeds),
    configFile: 'schemadrift.config.json',
    sqlFile: 'db/schema.sql',
    drizzleBarrel: 'drizzle/index.ts',
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const option = (name: string, fallback: number) => {
    const at = process.argv.indexOf(`--${name}`);
    return at === -1 ? fallback : Number(process.argv[at + 1]);
  };
  const out = process.argv[2];
  if (!out || out.startsWith('--')) throw new Error('usage: generate.ts OUT_DIR [--tables N] [--seed S]');
  const project = generateProject(path.resolve(out), { tables: option('tables', 100), seed: option('seed', 1) });
  console.log(JSON.stringify(project.expected, null, 2));
}
