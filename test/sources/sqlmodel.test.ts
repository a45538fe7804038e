import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/errors.ts';
import { firstSyntaxError, loadPython } from '../../src/lang/python.ts';
import type { SchemaModel, Span, Table } from '../../src/model/schema.ts';
import { readSqlModel } from '../../src/sources/sqlmodel/index.ts';
import { findOraclePython } from '../oracle/python/interpreter.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLE = 'examples/credits-app/fastapi/models/credits.py';
const FIXTURES = 'test/fixtures/python';

function read(...files: string[]): Promise<SchemaModel> {
  return readSqlModel({ name: 'sqlmodel', files, cwd: root });
}

function table(model: SchemaModel, name: string): Table {
  const t = model.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name} in ${model.tables.map((x) => x.name).join(', ')}`);
  return t;
}

/** [name, sql type, nullable] per column, in declaration order. */
function columns(t: Table): [string, string | null, boolean][] {
  return t.columns.map((c) => [c.name, c.type.sql, c.nullable]);
}

function textAt(span: Span | undefined): string {
  if (!span) throw new Error('no span');
  return readFileSync(path.join(root, span.file), 'utf8').slice(span.start, span.end);
}

describe('python parser', () => {
  it('reports offsets in UTF-16 code units, the unit of Span and String.slice', async () => {
    const python = await loadPython();
    const text = '# é 😀\nx = "héllo 😀"\ny = 1\n';
    const tree = python.parse(text);
    try {
      const y = tree.rootNode.namedChild(2)!;
      expect(y.text).toBe('y = 1');
      expect(text.slice(y.startIndex, y.endIndex)).toBe('y = 1');
      // In UTF-8 bytes `y` would be at 28: each é is 2 bytes (1 unit) and each emoji 4 bytes (2 units).
      expect(y.startIndex).toBe(22);
    } finally {
      tree.delete();
    }
  });

  it('is loaded once', async () => {
    expect(await loadPython()).toBe(await loadPython());
  });

  it('locates the first syntax error, pointing at an unclosed bracket like Python does', async () => {
    const python = await loadPython();
    const cases: [string, Record<string, unknown> | undefined][] = [
      ['x = 1\n', undefined],
      ['class A:\n    x: int = Field(a=1\n    y: str\n', { line: 2, column: 19, message: "syntax error: '(' was never closed" }],
      ['s = "é😀"\ndef f(:\n  pass\n', { line: 2, column: 7, message: 'syntax error: missing ")"' }],
      ['s = "é😀"; x = 1 +\n', { line: 1 }],
    ];
    for (const [text, expected] of cases) {
      const tree = python.parse(text);
      const error = firstSyntaxError(tree, text);
      tree.delete();
      if (expected) expect(error, text).toMatchObject(expected);
      else expect(error, text).toBeUndefined();
    }
  });
});

describe('readSqlModel: the credits example', async () => {
  const model = await read(EXAMPLE);

  it('reads the four table classes and nothing else', () => {
    expect(model.kind).toBe('sqlmodel');
    expect(model.source).toBe('sqlmodel');
    expect(model.tables.map((t) => [t.schema, t.name, t.binding, t.loc?.line])).toEqual([
      ['public', 'user_credits', 'UserCredits', 49],
      ['public', 'teams', 'Team', 64],
      ['public', 'credit_transactions', 'CreditTransaction', 78],
      ['public', 'api_key_credits', 'ApiKeyCredits', 96],
    ]);
    expect(model.diagnostics).toEqual([]);
  });

  it('reads every column type and nullability', () => {
    const ts = 'timestamp without time zone';
    const vc = 'character varying';
    expect(columns(table(model, 'user_credits'))).toEqual([
      ['user_id', vc, false],
      ['credits', 'integer', false],
      ['total_credits_purchased', 'integer', false],
      ['team_id', vc, true],
      ['created_at', ts, false],
      ['updated_at', ts, false],
    ]);
    expect(columns(table(model, 'teams'))).toEqual([
      ['id', vc, false],
      ['name', vc, false],
      ['credits', 'integer', false],
      ['owner_id', vc, true],
      ['created_at', ts, false],
      ['updated_at', ts, false],
    ]);
    expect(columns(table(model, 'credit_transactions'))).toEqual([
      ['id', vc, false],
      ['user_id', vc, false],
      ['team_id', vc, true],
      ['amount', 'integer', false],
      ['type', vc, false],
      ['operation', vc, true],
      ['resource_id', vc, true],
      ['api_key_id', vc, true],
      ['transaction_metadata', 'text', true],
      ['created_at', ts, false],
    ]);
    expect(columns(table(model, 'api_key_credits'))).toEqual([
      ['api_key', vc, false],
      ['user_id', vc, false],
      ['team_id', vc, true],
      ['credits', 'integer', false],
      ['daily_limit', 'integer', true],
      ['monthly_limit', 'integer', true],
      ['created_at', ts, false],
      ['updated_at', ts, false],
    ]);
  });

  it('keeps how each column was written and where', () => {
    const col = table(model, 'credit_transactions').columns.find((c) => c.name === 'transaction_metadata')!;
    expect(col.type.written).toBe('Optional[str]');
    expect(col.binding).toBe('transaction_metadata');
    expect(col.default).toBeUndefined();
    expect(textAt(col.loc)).toBe('transaction_metadata: Optional[str] = Field(default=None, sa_type=Text)');
    expect(col.loc).toMatchObject({ file: EXAMPLE, line: 92, column: 5 });
    const owner = table(model, 'teams').columns.find((c) => c.name === 'owner_id')!;
    expect(textAt(owner.loc)).toBe(
      'owner_id: Optional[str] = Field(\n        default=None, foreign_key="user_credits.user_id", alias="ownerId")',
    );
  });

  it('reads primary keys, indexes and no unique constraints', () => {
    expect(model.tables.map((t) => t.primaryKey?.columns)).toEqual([['user_id'], ['id'], ['id'], ['api_key']]);
    expect(model.tables.flatMap((t) => t.uniques)).toEqual([]);
    expect(table(model, 'credit_transactions').indexes.map(({ loc: _, ...ix }) => ix)).toEqual([
      { name: 'ix_credit_transactions_user_id', columns: ['user_id'], unique: false },
      { name: 'ix_credit_transactions_type', columns: ['type'], unique: false },
    ]);
  });

  it('reads every foreign key with its action', () => {
    const fks = model.tables.flatMap((t) =>
      t.foreignKeys.map((fk) => `${t.name}.${fk.columns.join()} -> ${fk.target.schema}.${fk.target.table}.${fk.target.columns.join()} ${fk.onDelete}/${fk.onUpdate}`),
    );
    expect(fks).toEqual([
      'user_credits.user_id -> public.users.id CASCADE/NO ACTION',
      'user_credits.team_id -> public.teams.id NO ACTION/NO ACTION',
      'teams.owner_id -> public.user_credits.user_id NO ACTION/NO ACTION',
      'credit_transactions.user_id -> public.user_credits.user_id NO ACTION/NO ACTION',
      'credit_transactions.team_id -> public.teams.id NO ACTION/NO ACTION',
      'api_key_credits.user_id -> public.user_credits.user_id NO ACTION/NO ACTION',
      'api_key_credits.team_id -> public.teams.id NO ACTION/NO ACTION',
    ]);
  });

  it('places the seed report’s wrong FK, teams.owner_id, at line 72', () => {
    const fk = table(model, 'teams').foreignKeys[0]!;
    expect(fk.loc).toMatchObject({ file: EXAMPLE, line: 72, column: 31 });
    expect(textAt(fk.loc)).toBe('Field(\n        default=None, foreign_key="user_credits.user_id", alias="ownerId")');
    expect(fk.targetLoc).toMatchObject({ line: 73, column: 35 });
    expect(textAt(fk.targetLoc)).toBe('"user_credits.user_id"');
    expect(fk.onDeleteLoc).toBeUndefined();
  });

  it('places user_credits.user_id’s CASCADE', () => {
    const fk = table(model, 'user_credits').foreignKeys[0]!;
    expect(fk.onDelete).toBe('CASCADE');
    expect(textAt(fk.targetLoc)).toBe('"users.id"');
    expect(textAt(fk.onDeleteLoc)).toBe('ondelete="CASCADE"');
    expect(fk.onDeleteLoc).toMatchObject({ line: 55, column: 51 });
  });
});

describe('readSqlModel: fixtures', () => {
  it('reads every supported annotation, Field option and sa_type', async () => {
    const model = await read(`${FIXTURES}/supported_types.py`);
    expect(model.diagnostics).toEqual([]);
    expect(model.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['public.widget', 'inventory.parts', 'inventory.owners']);
    const widget = table(model, 'widget');
    expect(widget.binding).toBe('Widget');
    expect(columns(widget)).toEqual([
      ['id', 'integer', false],
      ['created', 'timestamp without time zone', false],
      ['label', 'character varying(64)', false],
      ['code', 'character varying(8)', true],
      ['price', 'numeric(10,2)', false],
      ['ratio', 'double precision', false],
      ['ok', 'boolean', false],
      ['born', 'date', false],
      ['at', 'time without time zone', false],
      ['ttl', 'interval', false],
      ['token', 'uuid', false],
      ['blob', 'bytea', false],
      ['color', 'color', false],
      ['aware', 'timestamp with time zone', false],
      ['body', 'text', false],
      ['big', 'bigint', false],
      ['stamp', 'timestamp with time zone', false],
      ['short', 'character varying(20)', false],
      ['data', 'jsonb', false],
      ['doc', 'json', true],
      ['maybe', 'integer', true],
      ['piped', 'integer', true],
      ['forced', 'character varying', false],
      ['loose', 'character varying', true],
      ['status', 'character varying', false],
      ['seen', 'timestamp without time zone', false],
    ]);
    // Inherited fields are reported where they are written: in the base class.
    expect(textAt(widget.columns[0]!.loc)).toBe('id: int = Field(primary_key=True)');
    // A lone integer key is SERIAL in PostgreSQL; a string server_default is a quoted SQL literal.
    expect(widget.columns.filter((c) => c.default !== undefined).map((c) => [c.name, c.default])).toEqual([
      ['id', "nextval('widget_id_seq'::regclass)"],
      ['status', "'new'::character varying"],
      ['seen', 'now()'],
    ]);
    expect(widget.uniques.map((u) => u.columns)).toEqual([['label']]);
    expect(widget.indexes.map(({ loc: _, ...ix }) => ix)).toEqual([{ name: 'ix_widget_code', columns: ['code'], unique: true }]);

    const parts = table(model, 'parts');
    expect(parts.primaryKey?.columns).toEqual(['widget_id', 'slot']);
    expect(parts.foreignKeys.map((fk) => [fk.columns, fk.target, fk.onDelete])).toEqual([
      [['widget_id'], { schema: 'public', table: 'widget', columns: ['id'] }, 'RESTRICT'],
      [['owner_id'], { schema: 'inventory', table: 'owners', columns: ['id'] }, 'SET NULL'],
    ]);
    expect(textAt(parts.foreignKeys[1]!.onDeleteLoc)).toBe('ondelete="set null"');
  });

  it('turns what it cannot read into diagnostics, never a crash', async () => {
    const model = await read(`${FIXTURES}/unsupported.py`);
    const things = table(model, 'things');
    expect(columns(things)).toEqual([
      ['id', 'integer', false],
      ['tags', null, false],
      ['custom', null, false],
      ['either', null, false],
      ['raw', 'text', false],
      ['legacy', null, false],
      ['owner_id', 'character varying', false],
      ['parent_id', 'character varying', false],
      ['other_id', 'character varying', false],
      ['odd', null, false],
    ]);
    expect(things.columns.find((c) => c.name === 'tags')!.type.written).toBe('list[str]');
    expect(model.diagnostics.map((d) => `${d.loc?.line}:${d.loc?.column} ${d.message}`)).toEqual([
      '17:11 things.tags: unsupported type list[str] ignored',
      '18:13 things.custom: unsupported type Money ignored',
      '19:13 things.either: unsupported type Union[int, str] ignored',
      '21:25 things.legacy: unsupported type Weird ignored',
      '22:27 things.owner_id: foreign_key FK_TARGET is not a "table.column" string literal, ignored',
      '23:28 things.parent_id: foreign_key "parent" is not a "table.column" string literal, ignored',
      '24:52 things.other_id: ondelete="EXPLODE" is not a referential action, ignored',
      '25:22 things.odd: sa_column=make_column() is not a Column(...) call, ignored',
    ]);
    // An FK whose action we cannot read is still an FK; its action stays the default.
    expect(things.foreignKeys.map((fk) => [fk.columns[0], fk.onDelete])).toEqual([['other_id', 'NO ACTION']]);
  });

  it('reports spans in UTF-16 code units after non-ASCII text', async () => {
    const model = await read(`${FIXTURES}/non_ascii.py`);
    const t = table(model, 'équipes');
    expect(t.binding).toBe('Équipe');
    expect(columns(t)).toEqual([
      ['id', 'character varying', false],
      ['nom', 'character varying(80)', false],
      ['propriétaire_id', 'character varying', true],
    ]);
    const fk = t.foreignKeys[0]!;
    expect(textAt(fk.targetLoc)).toBe('"users.id"');
    expect(textAt(fk.onDeleteLoc)).toBe('ondelete="SET NULL"');
    // Column 70 counts `é` as one unit; UTF-8 bytes would say 71.
    expect(fk.targetLoc).toMatchObject({ line: 14, column: 70 });
    expect(fk.onDelete).toBe('SET NULL');
  });

  it('throws a SourceError at the first syntax error', async () => {
    const attempt = read(`${FIXTURES}/syntax_error.py`);
    await expect(attempt).rejects.toBeInstanceOf(SourceError);
    await expect(attempt).rejects.toThrow(`${FIXTURES}/syntax_error.py:5:20: syntax error: '(' was never closed`);
  });

  it('throws a SourceError for a missing file', async () => {
    await expect(read(`${FIXTURES}/nope.py`)).rejects.toThrow(new SourceError(`${FIXTURES}/nope.py: no such file`));
  });

  it('reads several files into one model, resolving bases across them', async () => {
    const model = await read(EXAMPLE, `${FIXTURES}/supported_types.py`);
    expect(model.tables).toHaveLength(7);
    expect(new Set(model.tables.map((t) => t.loc?.file))).toEqual(new Set([EXAMPLE, `${FIXTURES}/supported_types.py`]));
  });
});

// The oracle: real SQLModel imports the same files and prints the metadata it builds, with the interpreter
// test/oracle/python/interpreter.ts picks; the reader itself never runs Python.
const oracle = findOraclePython('sqlmodel, sqlalchemy');

interface OracleColumn {
  name: string;
  type: string;
  typeClass: string;
  nullable: boolean;
  default: string | null;
}
interface OracleTable {
  class: string;
  schema: string | null;
  name: string;
  columns: OracleColumn[];
  primaryKey: string[];
  foreignKeys: { columns: string[]; target: string[]; ondelete: string | null }[];
  uniques: string[][];
  indexes: { name: string; columns: string[]; unique: boolean }[];
}

/** SQLAlchemy's PostgreSQL DDL spelling → `format_type()` spelling. */
function formatType(ddl: string): string {
  return ddl
    .toLowerCase()
    .replace(/^varchar/, 'character varying')
    .replace(/^float$/, 'double precision')
    .replace(/, /g, ',');
}

describe.skipIf(!oracle.python)(`readSqlModel agrees with real SQLModel${oracle.skipReason ? ` (skipped: ${oracle.skipReason})` : ''}`, () => {
  const files = [EXAMPLE, `${FIXTURES}/supported_types.py`];

  it('on tables, column types, nullability, defaults, keys and indexes', async () => {
    const run = spawnSync(oracle.python!, [`${FIXTURES}/sqlmodel_oracle.py`, ...files], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const dumped = JSON.parse(run.stdout) as { sqlmodelVersion: string; files: Record<string, OracleTable[]> };
    const model = await read(...files);
    const oracleTables = files.flatMap((f) => dumped.files[f]!);
    expect(model.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(
      oracleTables.map((t) => `${t.schema ?? 'public'}.${t.name}`),
    );

    for (const expected of oracleTables) {
      const t = table(model, expected.name);
      expect(t.binding).toBe(expected.class);
      expect(t.primaryKey?.columns).toEqual(expected.primaryKey);
      expect(t.columns.map((c) => c.name)).toEqual(expected.columns.map((c) => c.name));
      for (const oc of expected.columns) {
        const c = t.columns.find((x) => x.name === oc.name)!;
        const where = `${t.name}.${c.name}`;
        expect(c.nullable, where).toBe(oc.nullable);
        // PostgreSQL stores a quoted literal default cast to the column's type, and so does the reader.
        const stored = oc.default && /^'.*'$/.test(oc.default) ? `${oc.default}::${formatType(oc.type)}` : oc.default;
        expect(c.default ?? null, where).toBe(stored);
        if (oc.typeClass === 'UTCDateTime' && c.type.written?.replace(/^Optional\[(.*)\]$/, '$1') === 'datetime') {
          // Recent SQLModel maps a bare `datetime` to an aware UTC timestamp; the reader follows 0.0.2x,
          // which created the databases it is compared with, and says `without time zone`.
          expect(c.type.sql, where).toBe('timestamp without time zone');
          continue;
        }
        expect(c.type.sql, where).toBe(formatType(oc.type));
      }
      const fks = (list: string[][]) => list.sort((a, b) => a.join().localeCompare(b.join()));
      expect(fks(t.foreignKeys.map((fk) => [fk.columns.join(), `${fk.target.schema}.${fk.target.table}.${fk.target.columns.join()}`, fk.onDelete])))
        .toEqual(fks(expected.foreignKeys.map((fk) => {
          const target = fk.target[0]!.split('.').length === 2 ? `public.${fk.target[0]}` : fk.target[0]!;
          return [fk.columns.join(), target, fk.ondelete?.toUpperCase() ?? 'NO ACTION'];
        })));
      expect(t.uniques.map((u) => u.columns)).toEqual(expected.uniques);
      expect(t.indexes.map(({ loc: _, ...ix }) => ix).sort((a, b) => a.name!.localeCompare(b.name!))).toEqual(expected.indexes);
    }
  });
});

describe('readSqlModel: enum types', () => {
  it('declares the enum types columns use, labelled with member names as SQLAlchemy creates them', async () => {
    const model = await read('test/oracle/python/packages/enums_uuids/__init__.py');
    // `priority` is mapped as Enum(Priority, name="campaign_priority"), so no type `priority` exists.
    expect(model.enums?.map((e) => ({ name: e.name, values: e.values, line: e.loc?.line }))).toEqual([
      { name: 'status', values: ['DRAFT', 'LIVE'], line: 13 },
      { name: 'channel', values: ['EMAIL', 'SMS'], line: 23 },
    ]);
  });

  it('leaves out an enum whose labels come from values_callable', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-enum-'));
    writeFileSync(
      path.join(dir, 'models.py'),
      [
        'import enum',
        'from sqlalchemy import Enum',
        'from sqlmodel import Field, SQLModel',
        '',
        'class Tier(str, enum.Enum):',
        '    FREE = "free"',
        '',
        'class Plan(SQLModel, table=True):',
        '    id: int = Field(primary_key=True)',
        '    tier: Tier = Field(sa_type=Enum(Tier, values_callable=lambda e: [m.value for m in e]))',
        '',
      ].join('\n'),
    );
    const model = await readSqlModel({ name: 'sqlmodel', cwd: dir, files: [path.join(dir, 'models.py')] });
    expect(model.enums).toEqual([]);
  });
});

describe('readSqlModel: type_annotation_map', () => {
  it('gives bare Mapped[T] columns the types their declarative base maps T to', async () => {
    const model = await read('test/oracle/python/packages/type_annotation_map/__init__.py');
    expect(model.diagnostics).toEqual([]);
    const types = (name: string) => table(model, name).columns.map((c) => [c.name, c.type.sql]);
    expect(types('invoices')).toEqual([
      ['id', 'integer'],
      ['number', 'character varying(255)'],
      ['issued_at', 'timestamp with time zone'],
      ['total', 'numeric(12,2)'],
      ['note', 'character varying(255)'],
      ['code', 'character varying(8)'],
    ]);
    expect(types('ledger_entries')).toEqual([
      ['id', 'integer'],
      ['memo', 'text'],
      ['booked_at', 'timestamp without time zone'],
    ]);
  });
});
