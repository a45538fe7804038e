import path from 'node:path';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Span, Table } from '../../src/model/schema.ts';
import { readSqlModel } from '../../src/sources/sqlmodel/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PACKAGES = 'test/oracle/python/packages';

const read = (...files: string[]) => readSqlModel({ name: 'python', files, cwd: root });
const textAt = (span: Span | undefined) => readFileSync(path.join(root, span!.file), 'utf8').slice(span!.start, span!.end);
const table = (tables: Table[], name: string) => tables.find((t) => t.name === name)!;
const columns = (t: Table) => t.columns.map((c) => [c.name, c.type.sql, c.nullable, c.default ?? null]);

describe('readSqlModel: SQLAlchemy declarative models', () => {
  it('reads Mapped[...] with and without mapped_column, with facts placed where they are written', async () => {
    const model = await read(`${PACKAGES}/blog_sqlalchemy2/__init__.py`);
    expect(model.diagnostics).toEqual([]);
    expect(model.tables.map((t) => t.name)).toEqual(['authors', 'posts', 'comments']);
    const authors = table(model.tables, 'authors');
    expect(columns(authors)).toEqual([
      ['id', 'integer', false, "nextval('authors_id_seq'::regclass)"],
      ['handle', 'character varying(40)', false, null],
      ['display_name', 'character varying(100)', true, null],
      ['bio', 'text', true, null],
      ['karma', 'bigint', false, "'0'::bigint"],
      ['verified', 'boolean', false, "'false'::boolean"],
      ['joined', 'timestamp with time zone', false, 'now()'],
      ['last_seen', 'timestamp without time zone', true, null],
    ]);
    expect(authors.uniques.map((u) => u.columns)).toEqual([['handle']]);
    const comments = table(model.tables, 'comments');
    // A ForeignKey without a type takes the target's type, whatever the annotation says.
    expect(columns(comments)[1]).toEqual(['post_id', 'bigint', false, null]);
    const fk = comments.foreignKeys[0]!;
    expect([fk.target.table, fk.onDelete, textAt(fk.targetLoc), fk.loc?.line]).toEqual(['posts', 'CASCADE', '"posts.id"', 51]);
    expect(table(model.tables, 'posts').foreignKeys[0]).toMatchObject({ onDelete: 'CASCADE', onUpdate: 'CASCADE' });
  });

  it('reads legacy Column classes and Table(...) association tables', async () => {
    const model = await read(`${PACKAGES}/legacy_columns/__init__.py`);
    expect(model.diagnostics).toEqual([]);
    expect(model.tables.map((t) => [t.name, t.binding])).toEqual([
      ['student_courses', 'student_courses'],
      ['students', 'Student'],
      ['courses', 'Course'],
      ['teachers', 'Teacher'],
    ]);
    expect(table(model.tables, 'student_courses').primaryKey?.columns).toEqual(['student_id', 'course_code']);
    const courses = table(model.tables, 'courses');
    expect(columns(courses)).toEqual([
      ['code', 'character varying(12)', false, null],
      ['course_title', 'text', false, null],
      ['teacher_id', 'integer', true, null],
    ]);
    expect(courses.columns[1]!.binding).toBe('title');
    // autoincrement=False: a plain integer key, no sequence.
    expect(table(model.tables, 'teachers').columns[0]!.default).toBeUndefined();
    expect(table(model.tables, 'students').indexes.map(({ loc: _, ...ix }) => ix)).toEqual([
      { name: 'ix_students_email', columns: ['email'], unique: true },
    ]);
  });

  it('names constraints by a literal MetaData naming convention and reads every __table_args__ item', async () => {
    const model = await read(`${PACKAGES}/table_args/__init__.py`);
    expect(model.diagnostics).toEqual([]);
    const bins = table(model.tables, 'bins');
    expect(bins.schema).toBe('stock');
    expect(bins.primaryKey).toMatchObject({ columns: ['warehouse_id', 'aisle', 'shelf'], name: 'pk_bins' });
    // PostgreSQL skips a UNIQUE constraint that repeats the primary key, and so does the reader.
    expect(bins.uniques).toEqual([]);
    expect(bins.checks?.map(({ loc: _, ...c }) => c)).toEqual([{ expression: 'shelf >= 0', name: 'ck_bins_shelf_positive' }]);
    expect(bins.foreignKeys.map((fk) => [fk.name, fk.target])).toEqual([
      ['fk_bins_warehouse_id_warehouses', { schema: 'stock', table: 'warehouses', columns: ['id'] }],
    ]);
    const placements = table(model.tables, 'placements');
    expect(placements.foreignKeys.map((fk) => [fk.name, fk.columns, fk.target.columns, fk.onDelete])).toEqual([
      ['placement_bin', ['warehouse_id', 'aisle', 'shelf'], ['warehouse_id', 'aisle', 'shelf'], 'CASCADE'],
    ]);
    // An explicit name stays: the "uq" template does not embed %(constraint_name)s.
    expect(placements.uniques.map((u) => [u.name, u.columns])).toEqual([['one_place_per_item', ['item']]]);
    expect(table(model.tables, 'warehouses').uniques.map((u) => [u.name, u.columns])).toEqual([['uq_warehouses_code', ['code']]]);
    // SQLModel's own MetaData has no convention: the constraint keeps the name written.
    expect(table(model.tables, 'suppliers').uniques.map((u) => u.name)).toEqual(['supplier_vat']);
  });

  it('takes columns from mixins, abstract bases and static declared_attr', async () => {
    const model = await read(`${PACKAGES}/mixins/__init__.py`);
    expect(model.diagnostics).toEqual([]);
    expect(model.tables.map((t) => t.name)).toEqual(['account', 'document', 'folders', 'notes']);
    expect(table(model.tables, 'document').columns.map((c) => [c.name, c.type.sql, c.nullable])).toEqual([
      ['revision', 'integer', false],
      ['created_at', 'timestamp with time zone', false],
      ['updated_at', 'timestamp with time zone', true],
      ['owner_id', 'integer', false],
      ['id', 'integer', false],
      ['title', 'character varying(300)', false],
    ]);
  });

  it('turns values decided at import time into diagnostics at their line, never into facts', async () => {
    const file = 'test/fixtures/python/sqlalchemy/import_time.py';
    const model = await read(file);
    expect(model.tables.map((t) => t.name)).toEqual(['widgets']);
    expect(columns(model.tables[0]!)).toEqual([
      ['id', 'integer', false, "nextval('widgets_id_seq'::regclass)"],
      ['name', null, false, null],
      ['kind', null, true, null],
      ['owner_id', null, true, null],
      ['size', 'integer', false, null],
    ]);
    expect(model.tables[0]!.foreignKeys).toEqual([]);
    expect(model.diagnostics.map((d) => `${d.loc?.line}:${d.loc?.column} ${d.message}`)).toEqual([
      '20:39 widgets.name: unsupported type String(LENGTH) ignored',
      '21:19 widgets.kind: unsupported type os.environ.get("KIND_TYPE") ignored',
      '22:23 widgets.owner_id: ForeignKey target PREFIX + "owners.id" is not a "table.column" literal, ignored',
      '23:48 widgets.size: nullable= is not a literal, ignored',
      '26:1 Computed: no literal __tablename__, class ignored',
      '32:1 Special: single-table inheritance from Widget is not yet supported, class ignored',
    ]);
  });
});

describe('readSqlModel: a table declared twice', () => {
  it('keeps the first declaration and names the table in a diagnostic the planner can tell apart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-python-twice-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(
      path.join(dir, 'models.py'),
      [
        'from sqlalchemy import Column, Integer, MetaData, Table',
        'from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column',
        '',
        '',
        'class Base(DeclarativeBase):',
        '    pass',
        '',
        '',
        'class Flag(Base):',
        '    __tablename__ = "flags"',
        '    id: Mapped[int] = mapped_column(primary_key=True)',
        '',
        '',
        'flags = Table("flags", Base.metadata, Column("id", Integer, primary_key=True), Column("n", Integer))',
        '',
      ].join('\n'),
    );
    const model = await readSqlModel({ name: 'python', files: ['models.py'], cwd: dir });
    expect(model.tables.map((t) => [t.name, t.binding])).toEqual([['flags', 'Flag']]);
    expect(model.diagnostics.map((d) => [d.message, d.duplicateTable])).toEqual([['table flags is declared by both Flag and flags; keeping Flag', 'flags']]);
  });
});
