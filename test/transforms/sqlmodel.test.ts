import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { firstSyntaxError, loadPython } from '../../src/lang/python.ts';
import { normalizeDefault } from '../../src/compare/normalize/sql-default.ts';
import { normalizeType } from '../../src/compare/normalize/sql-type.ts';
import { indexObjects } from '../../src/compare/rules/indexes.ts';
import { uniqueObjects } from '../../src/compare/rules/uniques.ts';
import type { Table } from '../../src/model/schema.ts';
import { readDatabase } from '../../src/sources/database/index.ts';
import { readSqlModel } from '../../src/sources/sqlmodel/index.ts';
import columnAdd, { language as columnAddLanguage } from '../../transforms/sqlmodel-column-add.ts';
import columnDefault, { language as columnDefaultLanguage } from '../../transforms/sqlmodel-column-default.ts';
import columnNullable, { language as columnNullableLanguage } from '../../transforms/sqlmodel-column-nullable.ts';
import columnRemove from '../../transforms/sqlmodel-column-remove.ts';
import columnType, { language as columnTypeLanguage } from '../../transforms/sqlmodel-column-type.ts';
import foreignKey, { language as foreignKeyLanguage } from '../../transforms/sqlmodel-foreign-key.ts';
import onDelete, { language as onDeleteLanguage } from '../../transforms/sqlmodel-on-delete.ts';
import onUpdate, { language as onUpdateLanguage } from '../../transforms/sqlmodel-on-update.ts';
import indexTransform from '../../transforms/sqlmodel-index.ts';
import primaryKey from '../../transforms/sqlmodel-primary-key.ts';
import uniqueTransform from '../../transforms/sqlmodel-unique.ts';
import tableAdd, { language as tableAddLanguage } from '../../transforms/sqlmodel-table-add.ts';
import tableRemove, { language as tableRemoveLanguage } from '../../transforms/sqlmodel-table-remove.ts';
import { askedKeys } from '../helpers/keyed.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const python = await loadPython();
const api = { python };

type Transform = (file: { path: string; source: string }, api: { python: typeof python }, options: never) => string;
const TRANSFORMS: Record<string, Transform> = {
  'sqlmodel-foreign-key': foreignKey as Transform,
  'sqlmodel-on-delete': onDelete as Transform,
  'sqlmodel-on-update': onUpdate as Transform,
  'sqlmodel-column-nullable': columnNullable as Transform,
  'sqlmodel-column-default': columnDefault as Transform,
  'sqlmodel-column-add': columnAdd as Transform,
  'sqlmodel-column-remove': columnRemove as Transform,
  'sqlmodel-column-type': columnType as Transform,
  'sqlmodel-unique': uniqueTransform as Transform,
  'sqlmodel-index': indexTransform as Transform,
  'sqlmodel-primary-key': primaryKey as Transform,
  'sqlmodel-table-add': tableAdd as Transform,
  'sqlmodel-table-remove': tableRemove as Transform,
};

function fixtureCases(transform: string): string[] {
  return readdirSync(path.join(root, '__testfixtures__', transform))
    .filter((f) => f.endsWith('.input.py'))
    .map((f) => f.slice(0, -'.input.py'.length))
    .sort();
}

function fixture(transform: string, name: string, ext: string): string {
  return readFileSync(path.join(root, '__testfixtures__', transform, `${name}${ext}`), 'utf8');
}

function run(transform: string, source: string, options: object, file = 'models.py'): string {
  return TRANSFORMS[transform]!({ path: file, source }, api, options as never);
}

/** How a transform refuses `source`: the error's [name, message]; undefined when it applies. */
function refusalOf(transform: string, source: string, options: object): [string, string] | undefined {
  try {
    run(transform, source, options);
  } catch (e) {
    return [(e as Error).name, (e as Error).message];
  }
  return undefined;
}

function syntaxError(text: string) {
  const tree = python.parse(text);
  try {
    return firstSyntaxError(tree, text);
  } finally {
    tree.delete();
  }
}

it('declares the transforms as Python transforms', () => {
  expect([foreignKeyLanguage, onDeleteLanguage, onUpdateLanguage, columnNullableLanguage, columnDefaultLanguage]).toEqual([
    'python', 'python', 'python', 'python', 'python',
  ]);
});

for (const transform of Object.keys(TRANSFORMS)) {
  describe(`${transform} fixtures`, () => {
    const cases = fixtureCases(transform);

    it('has at least six cases', () => {
      expect(cases.length).toBeGreaterThanOrEqual(6);
    });

    for (const name of cases) {
      it(name, () => {
        const input = fixture(transform, name, '.input.py');
        const expected = fixture(transform, name, '.output.py');
        const options = JSON.parse(fixture(transform, name, '.options.json')) as object;
        const output = run(transform, input, options, `${name}.input.py`);
        expect(output).toBe(expected);
        expect(syntaxError(output)).toBeUndefined();
        // Applying a fix twice changes nothing the second time.
        expect(run(transform, output, options)).toBe(output);
      });

      it(`${name}, with CRLF line breaks`, () => {
        const crlf = (text: string) => text.replace(/\n/g, '\r\n');
        const options = JSON.parse(fixture(transform, name, '.options.json')) as object;
        const output = run(transform, crlf(fixture(transform, name, '.input.py')), options);
        expect(output).toBe(crlf(fixture(transform, name, '.output.py')));
      });
    }
  });
}

describe('the seed report’s fix for teams.owner_id', () => {
  it('reads back as users.id ON DELETE CASCADE after both transforms', async () => {
    const source = readFileSync(path.join(root, 'examples/credits-app/fastapi/models/credits.py'), 'utf8');
    const target = run('sqlmodel-foreign-key', source, { table: 'teams', column: 'owner_id', target: 'users.id' });
    const fixed = run('sqlmodel-on-delete', target, { table: 'teams', column: 'owner_id', onDelete: 'CASCADE' });
    expect(fixed.split('\n')[72]).toBe('        default=None, foreign_key="users.id", ondelete="CASCADE", alias="ownerId")');

    const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-sqlmodel-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'credits.py'), fixed);
    const model = await readSqlModel({ name: 'sqlmodel', files: ['credits.py'], cwd: dir });
    const fks = model.tables.find((t) => t.name === 'teams')!.foreignKeys;
    expect(fks.map((fk) => [fk.columns, fk.target, fk.onDelete])).toEqual([
      [['owner_id'], { schema: 'public', table: 'users', columns: ['id'] }, 'CASCADE'],
    ]);

    // Real SQLModel, when available, must still import the fixed file and build the same constraint.
    const check = spawnSync('python3', ['test/fixtures/python/sqlmodel_oracle.py', path.join(dir, 'credits.py')], {
      cwd: root,
      encoding: 'utf8',
    });
    if (check.status === 0) {
      const out = JSON.parse(check.stdout) as { files: Record<string, { name: string; foreignKeys: unknown[] }[]> };
      const teams = Object.values(out.files)[0]!.find((t) => t.name === 'teams')!;
      expect(teams.foreignKeys).toEqual([{ columns: ['owner_id'], target: ['users.id'], ondelete: 'CASCADE' }]);
    }
  });
});

describe('errors', () => {
  const source = `from typing import Optional
from sqlmodel import Field, Relationship, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: str = Field(primary_key=True)
    name: str
    owner_id: str = Field(foreign_key="users.id")
    members: list["Member"] = Relationship()
`;

  it('names the table it could not find, and the tables there are', () => {
    expect(() => run('sqlmodel-foreign-key', source, { table: 'users', column: 'id', target: 'a.b' })).toThrow(
      'no SQLModel table class for table "users" in this file (tables here: teams)',
    );
  });

  it('names the column it could not find', () => {
    expect(() => run('sqlmodel-on-delete', source, { table: 'teams', column: 'nope', onDelete: 'CASCADE' })).toThrow(
      'class Team (table "teams") has no attribute "nope" in this file',
    );
  });

  it('refuses a relationship, a bad target and a bad action', () => {
    expect(() => run('sqlmodel-foreign-key', source, { table: 'teams', column: 'members', target: 'users.id' })).toThrow(
      'Team.members is a Relationship, not a column',
    );
    expect(() => run('sqlmodel-foreign-key', source, { table: 'teams', column: 'owner_id', target: 'users' })).toThrow(
      'is not "table.column"',
    );
    expect(() => run('sqlmodel-on-delete', source, { table: 'teams', column: 'owner_id', onDelete: 'EXPLODE' })).toThrow(
      'is not one of NO ACTION, RESTRICT, CASCADE, SET NULL, SET DEFAULT',
    );
  });

  it('refuses ondelete without a foreign key, and SET NULL on a NOT NULL column', () => {
    expect(() => run('sqlmodel-on-delete', source, { table: 'teams', column: 'name', onDelete: 'CASCADE' })).toThrow(
      'Team.name has no Field(foreign_key=...) to set ondelete on',
    );
    expect(() => run('sqlmodel-on-delete', source, { table: 'teams', column: 'owner_id', onDelete: 'SET NULL' })).toThrow(
      'Team.owner_id is not nullable; SQLModel rejects ondelete="SET NULL" on it',
    );
  });

  it('refuses a file that does not parse', () => {
    expect(() => run('sqlmodel-on-delete', `${source}x = (\n`, { table: 'teams', column: 'owner_id', onDelete: 'CASCADE' })).toThrow(
      "cannot edit a file that does not parse: 12:5: syntax error: '(' was never closed",
    );
  });

  it('adds a Field to a bare annotation', () => {
    const out = run('sqlmodel-foreign-key', source, { table: 'teams', column: 'name', target: 'users.name' });
    expect(out).toBe(source.replace('    name: str\n', '    name: str = Field(foreign_key="users.name")\n'));
  });
});

it('every Python fixture output compiles under CPython', () => {
  const outputs = Object.keys(TRANSFORMS).flatMap((t) =>
    fixtureCases(t).map((name) => path.join(root, '__testfixtures__', t, `${name}.output.py`)),
  );
  const script = 'import sys\nfor f in sys.argv[1:]:\n    compile(open(f, encoding="utf-8").read(), f, "exec")\n';
  const r = spawnSync('python3', ['-c', script, ...outputs], { encoding: 'utf8' });
  if (r.error) return; // no python3 on this machine: tree-sitter's check above still ran
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

describe('sqlmodel-column-nullable', () => {
  const source = `from typing import Optional

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: str = Field(primary_key=True)
    name: Optional[str]
    bio: Optional[str] = Field(default=None, sa_column=Column(Text, primary_key=True))
    size: int = Field(nullable=size_default())
`;

  it('refuses to make a primary key nullable, in a Field or in its sa_column', () => {
    expect(() => run('sqlmodel-column-nullable', source, { table: 'teams', column: 'id', nullable: true })).toThrow(
      'Team.id is a primary key; it cannot be made nullable',
    );
    expect(() => run('sqlmodel-column-nullable', source, { table: 'teams', column: 'bio', nullable: true })).toThrow(
      'Team.bio is a primary key; it cannot be made nullable',
    );
  });

  it('refuses a nullable= it cannot read, and a nullable option that is not a boolean', () => {
    expect(() => run('sqlmodel-column-nullable', source, { table: 'teams', column: 'size', nullable: true })).toThrow(
      'Team.size: nullable=size_default() is not True or False; edit it by hand',
    );
    expect(() => run('sqlmodel-column-nullable', source, { table: 'teams', column: 'name', nullable: 'maybe' })).toThrow(
      'sqlmodel-column-nullable: nullable must be true or false; got "maybe"',
    );
  });

  it('changes nothing when the field already says what is asked', () => {
    expect(run('sqlmodel-column-nullable', source, { table: 'teams', column: 'name', nullable: 'true' })).toBe(source);
    expect(run('sqlmodel-column-nullable', source, { table: 'teams', column: 'id', nullable: 'false' })).toBe(source);
  });

  it('reads back as the nullability it wrote', async () => {
    const fixed = run('sqlmodel-column-nullable', source, { table: 'teams', column: 'name', nullable: false });
    expect(fixed).toContain('\n    name: str\n');
    // `Optional` is still used by `bio`, so its import stays.
    expect(fixed.startsWith('from typing import Optional\n')).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-sqlmodel-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'teams.py'), fixed);
    const model = await readSqlModel({ name: 'sqlmodel', files: ['teams.py'], cwd: dir });
    expect(model.tables[0]!.columns.find((c) => c.name === 'name')!.nullable).toBe(false);
  });
});

describe('sqlmodel-column-default', () => {
  it('writes server defaults the Python reader reads back as the asked default', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-sqlmodel-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    for (const name of fixtureCases('sqlmodel-column-default')) {
      const options = JSON.parse(fixture('sqlmodel-column-default', name, '.options.json')) as { table: string; column: string; default?: string };
      writeFileSync(path.join(dir, `${name}.py`), fixture('sqlmodel-column-default', name, '.output.py'));
      const model = await readSqlModel({ name: 'sqlmodel', files: [`${name}.py`], cwd: dir });
      const column = model.tables.find((t) => t.name === options.table)!.columns.find((c) => c.name === options.column)!;
      expect([name, normalizeDefault(column.default)]).toEqual([name, options.default === undefined ? undefined : normalizeDefault(options.default)]);
      expect(model.diagnostics.filter((d) => /server_default/.test(d.message))).toEqual([]);
    }
  });

  it('gives, under real SQLAlchemy when it is installed, the DDL default asked for', () => {
    const names = fixtureCases('sqlmodel-column-default');
    const files = names.map((n) => path.join(root, '__testfixtures__', 'sqlmodel-column-default', `${n}.output.py`));
    // SQLModel's metadata is shared across the files, so every fixture declares its own table name.
    if (spawnSync('python3', ['-c', 'import sqlmodel'], { encoding: 'utf8' }).status !== 0) return; // the reader's read-back above still ran
    const check = spawnSync('python3', ['test/fixtures/python/sqlmodel_oracle.py', ...files], { cwd: root, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    type Out = { files: Record<string, { name: string; columns: { name: string; default: string | null }[] }[]> };
    const out = JSON.parse(check.stdout) as Out;
    for (const [i, name] of names.entries()) {
      const options = JSON.parse(fixture('sqlmodel-column-default', name, '.options.json')) as { table: string; column: string; default?: string };
      const tables = Object.entries(out.files).find(([f]) => path.resolve(root, f) === files[i])![1];
      const real = tables.find((t) => t.name === options.table)!.columns.find((c) => c.name === options.column)!.default;
      expect([name, normalizeDefault(real ?? undefined)]).toEqual([name, options.default === undefined ? undefined : normalizeDefault(options.default)]);
    }
  });

  const source = `from sqlalchemy import Column, Integer
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel

KWARGS = {"comment": "x"}


class Base(DeclarativeBase):
    pass


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: str = Field(primary_key=True)
    size: int = Field(sa_column_kwargs=KWARGS)
    text: str = Field(default="")


class Counter(Base):
    __tablename__ = "counters"

    id: Mapped[int] = mapped_column(primary_key=True)
    hits: Mapped[int]
`;
  const refusal = (options: object) => refusalOf('sqlmodel-column-default', source, options);

  it('refuses, as cannot-apply, declarations it does not edit', () => {
    expect(refusal({ table: 'users', column: 'id', default: '0' })).toEqual([
      'CannotApply',
      'no SQLModel table class for table "users" in this file (tables here: teams)',
    ]);
    expect(refusal({ table: 'teams', column: 'size', default: '0' })).toEqual([
      'CannotApply',
      'Team.size: sa_column_kwargs is not a dict literal; edit it by hand',
    ]);
    expect(refusal({ table: 'counters', column: 'hits', default: '0' })).toEqual([
      'CannotApply',
      'Counter.hits is a bare Mapped[...] annotation; give it a mapped_column(server_default=...) by hand',
    ]);
    // A class attribute named `text` would shadow sqlalchemy.text inside the class body.
    expect(refusal({ table: 'teams', column: 'id', default: 'gen_random_uuid()' })).toEqual([
      'CannotApply',
      'the name `text` is taken in this class or module; write the server default by hand',
    ]);
    expect(refusal({ table: 'teams', column: 'id', default: `'a"b''c'::text` })).toBeUndefined();
    expect(refusal({ table: 'teams', column: 'id', default: `'a\\b'::text` })).toEqual(['CannotApply', '"a\\\\b" needs escapes in Python; write it by hand']);
  });

  it('needs exactly one of default and remove, and never touches default= or default_factory=', () => {
    expect(() => run('sqlmodel-column-default', source, { table: 'teams', column: 'id' })).toThrow('give either default=<sql> or remove=true');
    expect(() => run('sqlmodel-column-default', source, { table: 'teams', column: 'id', default: 'NULL' })).toThrow('is no default');
    expect(run('sqlmodel-column-default', source, { table: 'teams', column: 'text', remove: true })).toBe(source);
    expect(run('sqlmodel-column-default', source, { table: 'counters', column: 'hits', remove: true })).toBe(source);
  });

  it('writes a quote-bearing constant in the quote that needs no escape', () => {
    const out = run('sqlmodel-column-default', source, { table: 'teams', column: 'text', default: `'say "hi"'::text` });
    expect(out).toContain(`    text: str = Field(default="", sa_column_kwargs={"server_default": 'say "hi"'})\n`);
  });
});

describe('foreign keys in every Python form', () => {
  const FK_TRANSFORMS = ['sqlmodel-foreign-key', 'sqlmodel-on-delete', 'sqlmodel-on-update'];
  type FkOptions = { table: string; column: string; target?: string; onDelete?: string; onUpdate?: string };
  const cases = FK_TRANSFORMS.flatMap((transform) => fixtureCases(transform).map((name) => ({ transform, name })));
  const optionsOf = (c: { transform: string; name: string }) => JSON.parse(fixture(c.transform, c.name, '.options.json')) as FkOptions;
  /** What the options ask of the key, as the reader and SQLAlchemy would say it. */
  const asked = (o: FkOptions) => ({
    ...(o.target && { target: o.target.split('.').length === 2 ? `public.${o.target}` : o.target }),
    ...(o.onDelete && { onDelete: o.onDelete.toUpperCase() }),
    ...(o.onUpdate && { onUpdate: o.onUpdate.toUpperCase() }),
  });

  it('writes keys the Python reader reads back as asked, with nothing it could not read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-sqlmodel-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    for (const c of cases) {
      const options = optionsOf(c);
      const file = `${c.transform}-${c.name}.py`;
      writeFileSync(path.join(dir, file), fixture(c.transform, c.name, '.output.py'));
      const model = await readSqlModel({ name: 'sqlmodel', files: [file], cwd: dir });
      const table = model.tables.find((t) => t.name === options.table)!;
      const fks = table.foreignKeys.filter((fk) => fk.columns.join() === options.column);
      expect([c.transform, c.name, fks.length]).toEqual([c.transform, c.name, 1]);
      const fk = fks[0]!;
      const read = { target: `${fk.target.schema}.${fk.target.table}.${fk.target.columns[0]}`, onDelete: fk.onDelete, onUpdate: fk.onUpdate };
      const want = asked(options);
      expect([c.name, Object.fromEntries(Object.keys(want).map((k) => [k, read[k as keyof typeof read]]))]).toEqual([c.name, want]);
      expect(model.diagnostics.filter((d) => /ForeignKey|foreign_key|ondelete|onupdate|referential/.test(d.message))).toEqual([]);
    }
  });

  it('writes keys real SQLAlchemy builds as asked, when it is installed', () => {
    if (spawnSync('python3', ['-c', 'import sqlmodel'], { encoding: 'utf8' }).status !== 0) return; // the reader's read-back above still ran
    const files = cases.map((c) => path.join(root, '__testfixtures__', c.transform, `${c.name}.output.py`));
    // Each file imported as its own module; SQLModel's shared metadata is emptied first, as every fixture
    // declares tables the others declare too.
    const script = `
import importlib.util, json, sys
sys.dont_write_bytecode = True
import sqlmodel
from sqlalchemy import ForeignKeyConstraint
out = []
for i, path in enumerate(sys.argv[1:]):
    sqlmodel.SQLModel.metadata.clear()
    name = f"_fk_fixture_{i}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    fks = []
    for value in list(vars(module).values()):
        if isinstance(value, type) and value.__module__ == name and hasattr(value, "__table__"):
            for c in value.__table__.constraints:
                if isinstance(c, ForeignKeyConstraint):
                    fks.append({"table": value.__table__.name, "columns": [e.parent.name for e in c.elements],
                                "target": [e.target_fullname for e in c.elements], "ondelete": c.ondelete, "onupdate": c.onupdate})
    out.append(fks)
json.dump(out, sys.stdout)
`;
    const r = spawnSync('python3', ['-c', script, ...files], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const built = JSON.parse(r.stdout) as { table: string; columns: string[]; target: string[]; ondelete: string | null; onupdate: string | null }[][];
    for (const [i, c] of cases.entries()) {
      const options = optionsOf(c);
      const fk = built[i]!.find((k) => k.table === options.table && k.columns.join() === options.column);
      const target = fk?.target[0]!;
      const real = {
        target: target.split('.').length === 2 ? `public.${target}` : target,
        onDelete: fk?.ondelete?.toUpperCase() ?? 'NO ACTION',
        onUpdate: fk?.onupdate?.toUpperCase() ?? 'NO ACTION',
      };
      const want = asked(options);
      expect([c.name, Object.fromEntries(Object.keys(want).map((k) => [k, real[k as keyof typeof real]]))]).toEqual([c.name, want]);
    }
  });

  const source = `from typing import Optional

from sqlalchemy import Column, ForeignKey, ForeignKeyConstraint, Integer
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel


class Base(DeclarativeBase):
    pass


class Post(Base):
    __tablename__ = "posts"
    __table_args__ = (ForeignKeyConstraint(["a_id", "b_id"], ["pairs.a", "pairs.b"]),)

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey(User.id))
    editor_id: Mapped[int] = mapped_column(ForeignKey(Account.id))
    both_id: Mapped[int] = mapped_column(ForeignKey("users.id"), ForeignKey("accounts.id"))
    plain: Mapped[int]
    a_id: Mapped[int]
    b_id: Mapped[int]
    computed_id: Mapped[int] = mapped_column(ForeignKey(TARGET))


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_ref: Mapped[int] = mapped_column("user_id")


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: int = Field(primary_key=True)
    owner_id: int = Field(foreign_key="users.id")
    lead_id: Optional[int] = Field(default=None, sa_column=Column(Integer))
`;
  const refusal = (transform: string, options: object) => refusalOf(transform, source, options);

  it('refuses, as cannot-apply, ON UPDATE in a Field(foreign_key=...) but keeps its NO ACTION', () => {
    expect(refusal('sqlmodel-on-update', { table: 'teams', column: 'owner_id', onUpdate: 'CASCADE' })).toEqual([
      'CannotApply',
      "Team.owner_id: SQLModel's Field(foreign_key=...) has no onupdate; declare the key with sa_column=Column(ForeignKey(..., onupdate=...)) by hand",
    ]);
    expect(run('sqlmodel-on-update', source, { table: 'teams', column: 'owner_id', onUpdate: 'NO ACTION' })).toBe(source);
  });

  it('refuses, as cannot-apply, a column with no key to edit', () => {
    expect(refusal('sqlmodel-on-update', { table: 'teams', column: 'lead_id', onUpdate: 'CASCADE' })).toEqual([
      'CannotApply',
      'Team.lead_id has no foreign key to set onupdate on',
    ]);
    expect(refusal('sqlmodel-on-delete', { table: 'posts', column: 'plain', onDelete: 'CASCADE' })).toEqual([
      'CannotApply',
      'Post.plain has no ForeignKey(...) to set ondelete on',
    ]);
    expect(refusal('sqlmodel-foreign-key', { table: 'teams', column: 'lead_id', target: 'users.id' })).toEqual([
      'CannotApply',
      'Team.lead_id has no ForeignKey(...) to point elsewhere; add one by hand',
    ]);
  });

  it('refuses, as cannot-apply, keys it cannot edit one column at a time', () => {
    expect(refusal('sqlmodel-on-delete', { table: 'posts', column: 'a_id', onDelete: 'CASCADE' })).toEqual([
      'CannotApply',
      'Post.a_id is one column of a multi-column ForeignKeyConstraint; edit it by hand',
    ]);
    expect(refusal('sqlmodel-foreign-key', { table: 'posts', column: 'both_id', target: 'users.id' })).toEqual([
      'CannotApply',
      'Post.both_id has several ForeignKey(...) arguments; edit them by hand',
    ]);
    expect(refusal('sqlmodel-foreign-key', { table: 'posts', column: 'computed_id', target: 'users.id' })).toEqual([
      'CannotApply',
      "Post.computed_id: the foreign key's target TARGET is neither a string nor Model.column; edit it by hand",
    ]);
  });

  it('points a Model.column target only at a class declared earlier in this file, by its column’s name, in public', () => {
    const why = (column: string, target: string) => refusal('sqlmodel-foreign-key', { table: 'posts', column, target })?.[1];
    expect(why('author_id', 'accounts.id')).toBe(
      'Post.author_id: cannot point ForeignKey at accounts.id as Model.column: Account is not defined before Post; edit it by hand',
    );
    expect(why('author_id', 'members.id')).toBe(
      'Post.author_id: cannot point ForeignKey at members.id as Model.column: no class of this file declares members.id; edit it by hand',
    );
    expect(why('author_id', 'auth.accounts.id')).toBe(
      'Post.author_id: cannot point ForeignKey at accounts.id as Model.column: auth is not the public schema; edit it by hand',
    );
    expect(why('author_id', 'accounts.user_id')).toBe(
      'Post.author_id: cannot point ForeignKey at accounts.user_id as Model.column: its attribute is Account.user_ref; edit it by hand',
    );
    // `Account.id` already names accounts.id: nothing to do, whatever order the classes are in.
    expect(run('sqlmodel-foreign-key', source, { table: 'posts', column: 'editor_id', target: 'accounts.id' })).toBe(source);
  });
});

describe('sqlmodel-table-add', () => {
  interface TableOptions { table: string; className: string; columns: string; foreignKeys?: string; uniques?: string; indexes?: string }
  interface ColumnOption { name: string; type: string; nullable: boolean; default?: string; primaryKey?: boolean }
  interface ForeignKeyOption { column: string; target: string; onDelete?: string; onUpdate?: string }
  /** The uniqueness and index facts the options ask for, as the table a truth would hold them in. */
  const askedTable = (options: TableOptions): Table => askedKeys(options.table, options.uniques, options.indexes);
  /**
   * What the comparison sees of a table's uniqueness and indexes (uniqueObjects, indexObjects), and how each is
   * declared and named; an unnamed UNIQUE constraint has the name PostgreSQL gives it, `<table>_<columns>_key`,
   * an unnamed index on one column SQLAlchemy's `ix_<table>_<column>`.
   */
  const keyFacts = (t: Table) => ({
    uniques: uniqueObjects(t).map((o) => `${o.key} ${o.value}`).sort(),
    indexes: (indexObjects(t) ?? []).map((o) => `${o.key} ${o.detail ?? o.value}`).sort(),
    declared: [
      ...t.uniques.map((u) => `constraint ${u.columns.join()} ${u.name ?? `${t.name}_${u.columns.join('_')}_key`}`),
      ...t.indexes.map((i) => `${i.unique ? 'unique index' : 'index'} ${i.columns.join()} ${i.name ?? `ix_${t.name}_${i.columns.join('_')}`}`),
    ].sort(),
  });

  it('is a Python transform', () => {
    expect(tableAddLanguage).toBe('python');
  });

  it('writes a unique constraint and a plain index on one column as one flag each, and moves the index out when both are on it', () => {
    const columns = JSON.stringify([
      { name: 'id', type: 'integer', nullable: false, primaryKey: true, default: "nextval('posts_id_seq'::regclass)" },
      { name: 'slug', type: 'text', nullable: true },
    ]);
    const source = 'from sqlmodel import Field, SQLModel\n\n\nclass User(SQLModel, table=True):\n    __tablename__ = "users"\n\n    id: int = Field(primary_key=True)\n';
    const add = (keyed: object) => run('sqlmodel-table-add', source, { table: 'posts', className: 'Post', columns, ...keyed });
    const plain = add({});
    expect(add({ uniques: '[]', indexes: '[]' })).toBe(plain);
    expect(add({ uniques: JSON.stringify([{ columns: ['slug'], name: 'posts_slug_key' }]) })).toBe(
      plain.replace('slug: Optional[str] = Field(default=None, sa_type=Text)', 'slug: Optional[str] = Field(default=None, unique=True, sa_type=Text)'),
    );
    expect(add({ indexes: JSON.stringify([{ columns: ['slug'], name: 'ix_posts_slug' }]) })).toBe(
      plain.replace('slug: Optional[str] = Field(default=None, sa_type=Text)', 'slug: Optional[str] = Field(default=None, index=True, sa_type=Text)'),
    );
    expect(add({ uniques: JSON.stringify([{ columns: ['slug'] }]), indexes: JSON.stringify([{ columns: ['slug'] }]) })).toBe(
      plain
        .replace('from sqlmodel import Field, SQLModel', 'from sqlmodel import Field, Index, SQLModel')
        .replace('    __tablename__ = "posts"\n', '    __tablename__ = "posts"\n    __table_args__ = (Index("ix_posts_slug", "slug"),)\n')
        .replace('slug: Optional[str] = Field(default=None, sa_type=Text)', 'slug: Optional[str] = Field(default=None, unique=True, sa_type=Text)'),
    );
  });

  it('writes classes the Python reader reads back as exactly the asked table', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-sqlmodel-table-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const written = fixtureCases('sqlmodel-table-add').filter((name) => fixture('sqlmodel-table-add', name, '.input.py') !== fixture('sqlmodel-table-add', name, '.output.py'));
    expect(written.length).toBeGreaterThanOrEqual(5);
    for (const name of written) {
      const options = JSON.parse(fixture('sqlmodel-table-add', name, '.options.json')) as TableOptions;
      writeFileSync(path.join(dir, `${name}.py`), fixture('sqlmodel-table-add', name, '.output.py'));
      const model = await readSqlModel({ name: 'sqlmodel', files: [`${name}.py`], cwd: dir, sqlmodelVersion: '0.0.44' });
      const table = model.tables.find((t) => t.name === options.table)!;
      const want = JSON.parse(options.columns) as ColumnOption[];
      const fks = JSON.parse(options.foreignKeys ?? '[]') as ForeignKeyOption[];
      expect([name, table.binding]).toEqual([name, options.className]);
      expect([name, table.columns.map((c) => [c.name, normalizeType(c.type.sql ?? ''), c.nullable, normalizeDefault(c.default)])]).toEqual([
        name,
        want.map((c) => [c.name, normalizeType(c.type), c.nullable, normalizeDefault(c.default)]),
      ]);
      expect([name, table.primaryKey?.columns]).toEqual([name, want.filter((c) => c.primaryKey).map((c) => c.name)]);
      expect([name, table.foreignKeys.map((fk) => [fk.columns, fk.target, fk.onDelete, fk.onUpdate])]).toEqual([
        name,
        fks.map((fk) => [
          [fk.column],
          { schema: 'public', table: fk.target.split('.')[0], columns: [fk.target.split('.')[1]] },
          fk.onDelete ?? 'NO ACTION',
          fk.onUpdate ?? 'NO ACTION',
        ]),
      ]);
      expect([name, keyFacts(table)]).toEqual([name, keyFacts(askedTable(options))]);
      expect([name, model.diagnostics]).toEqual([name, []]);
    }
  });

  it.runIf(spawnSync('python3', ['-c', 'import sqlmodel'], { encoding: 'utf8' }).status === 0)(
    'gives, under real SQLAlchemy replayed into PostgreSQL, exactly the asked uniques and indexes under their names',
    async () => {
      const keyed = fixtureCases('sqlmodel-table-add').filter((name) => {
        const options = JSON.parse(fixture('sqlmodel-table-add', name, '.options.json')) as TableOptions;
        return options.uniques !== undefined || options.indexes !== undefined;
      });
      expect(keyed.length).toBeGreaterThanOrEqual(3);
      // The PostgreSQL DDL SQLAlchemy emits for the module's tables (CREATE TABLE, then every CREATE INDEX).
      const script = [
        'import importlib.util, sys',
        'sys.dont_write_bytecode = True',
        'import sqlmodel',
        'from sqlalchemy.dialects import postgresql',
        'from sqlalchemy.schema import CreateIndex, CreateTable',
        'sqlmodel.SQLModel.metadata.clear()',
        'spec = importlib.util.spec_from_file_location("_table_add_module", sys.argv[1])',
        'module = importlib.util.module_from_spec(spec)',
        'sys.modules["_table_add_module"] = module',
        'spec.loader.exec_module(module)',
        'classes = [v for v in vars(module).values() if isinstance(v, type) and v.__module__ == "_table_add_module" and hasattr(v, "__table__")]',
        'd = postgresql.dialect()',
        'for t in classes[0].metadata.sorted_tables:',
        '    print(str(CreateTable(t).compile(dialect=d)).strip() + ";")',
        '    for i in sorted(t.indexes, key=lambda i: i.name):',
        '        print(str(CreateIndex(i).compile(dialect=d)).strip() + ";")',
      ].join('\n');
      const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-table-add-ddl-'));
      onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
      for (const name of keyed) {
        const options = JSON.parse(fixture('sqlmodel-table-add', name, '.options.json')) as TableOptions;
        const file = path.join(dir, `${name}.py`);
        writeFileSync(file, fixture('sqlmodel-table-add', name, '.output.py'));
        const r = spawnSync('python3', ['-c', script, file], { cwd: root, encoding: 'utf8' });
        expect([name, r.stderr]).toEqual([name, '']);
        writeFileSync(path.join(dir, `${name}.sql`), r.stdout);
        const db = await readDatabase({ name: 'database', url: `${name}.sql`, cwd: dir });
        const table = db.tables.find((t) => t.name === options.table)!;
        expect([name, keyFacts(table)]).toEqual([name, keyFacts(askedTable(options))]);
      }
    },
    120_000,
  );

  const input = 'from sqlmodel import Field, SQLModel\n\n\nclass User(SQLModel, table=True):\n    __tablename__ = "users"\n\n    id: int = Field(primary_key=True)\n';
  const refusal = (options: object) => refusalOf('sqlmodel-table-add', input, { table: 'posts', className: 'Post', ...options });
  const id = { name: 'id', type: 'integer', nullable: false, primaryKey: true, default: "nextval('posts_id_seq'::regclass)" };

  it('refuses, as cannot-apply, what it cannot write here', () => {
    expect(refusal({ className: 'User', columns: JSON.stringify([id]) })).toEqual(['CannotApply', 'the class name User is taken or no identifier here; add posts by hand']);
    expect(refusal({ columns: JSON.stringify([id, { name: 'class', type: 'text', nullable: true }]) })).toEqual([
      'CannotApply',
      'posts.class is not a Python identifier; add the table by hand',
    ]);
    expect(refusal({ columns: JSON.stringify([id, { name: 'user_id', type: 'integer', nullable: false }]), foreignKeys: JSON.stringify([{ column: 'user_id', target: 'users.id', onUpdate: 'CASCADE' }]) })).toEqual([
      'CannotApply',
      'posts.user_id: Field(foreign_key=…) cannot say ON UPDATE CASCADE; add the table by hand',
    ]);
    expect(refusal({ columns: JSON.stringify([id, { name: 'at', type: 'box', nullable: true }]) })).toEqual([
      'CannotApply',
      'no Python declaration of box is written by this fix; add the column by hand',
    ]);
    expect(refusal({ columns: JSON.stringify([{ ...id, default: undefined }]) })).toEqual([
      'CannotApply',
      'posts.id: SQLAlchemy would make this integer key SERIAL; add the table by hand',
    ]);
    expect(refusal({ columns: JSON.stringify([{ ...id, default: "nextval('other_seq'::regclass)" }]) })).toEqual([
      'CannotApply',
      'posts.id: a sequence default other than its own serial one; add the table by hand',
    ]);
    const keyed = (uniques: object[], indexes: object[]) => ({
      columns: JSON.stringify([id, { name: 'a', type: 'text', nullable: false }, { name: 'b', type: 'text', nullable: false }]),
      uniques: JSON.stringify(uniques),
      indexes: JSON.stringify(indexes),
    });
    expect(refusal(keyed([{ columns: ['a'], form: 'index' }], [{ columns: ['b'], name: 'ix_posts_a' }]))).toEqual([
      'CannotApply',
      'posts: two indexes would be named ix_posts_a; add the table by hand',
    ]);
    expect(refusal(keyed([], [{ columns: ['a', 'b'] }]))).toEqual(['Error', 'sqlmodel-table-add: an index over several columns needs a name']);
    expect(refusal(keyed([{ columns: ['a', 'b'], form: 'index' }], []))).toEqual([
      'Error',
      'sqlmodel-table-add: a unique index not on one column of its own needs a name',
    ]);
    expect(() => run('sqlmodel-table-add', 'import os\n', { table: 'posts', className: 'Post', columns: JSON.stringify([id]) })).toThrow(
      'no SQLModel table class or SQLAlchemy 2.0 mapped class here to write posts like; add it by hand',
    );
  });
});

describe('sqlmodel-column-add', () => {
  interface AddOptions {
    table: string;
    column: string;
    after?: string;
    type: string;
    nullable: string;
    default?: string;
    datetime?: string;
  }
  const addCases = fixtureCases('sqlmodel-column-add').map((name) => ({
    name,
    options: JSON.parse(fixture('sqlmodel-column-add', name, '.options.json')) as AddOptions,
    file: path.join(root, '__testfixtures__', 'sqlmodel-column-add', `${name}.output.py`),
  }));

  it('is a Python transform', () => {
    expect(columnAddLanguage).toBe('python');
  });

  it('writes columns the Python reader reads back as exactly the asked column, where it was asked', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-sqlmodel-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    for (const { name, options } of addCases) {
      writeFileSync(path.join(dir, `${name}.py`), fixture('sqlmodel-column-add', name, '.output.py'));
      // The reader assumes the SQLModel release the transform was told about: what a plain `datetime` means.
      const sqlmodelVersion = options.datetime === 'timestamp with time zone' ? '0.0.47' : '0.0.44';
      const model = await readSqlModel({ name: 'sqlmodel', files: [`${name}.py`], cwd: dir, sqlmodelVersion });
      const columns = model.tables.find((t) => t.name === options.table)!.columns;
      const column = columns.find((c) => c.name === options.column)!;
      expect([name, column.type.sql, column.nullable, normalizeDefault(column.default)]).toEqual([
        name,
        options.type,
        options.nullable === 'true',
        options.default === undefined ? undefined : normalizeDefault(options.default),
      ]);
      const names = columns.map((c) => c.name);
      expect([name, names.indexOf(options.column)]).toEqual([name, options.after ? names.indexOf(options.after) + 1 : 0]);
      expect([name, model.diagnostics]).toEqual([name, []]);
    }
  });

  it('gives, under real SQLAlchemy/SQLModel when installed, the asked type, nullability and default', () => {
    if (spawnSync('python3', ['-c', 'import sqlmodel'], { encoding: 'utf8' }).status !== 0) return; // the reader's read-back above still ran
    const check = spawnSync('python3', ['test/fixtures/python/sqlmodel_oracle.py', ...addCases.map((c) => c.file)], { cwd: root, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    type Column = { name: string; type: string; nullable: boolean; default: string | null };
    const out = JSON.parse(check.stdout) as { sqlmodelVersion: string; files: Record<string, { name: string; columns: Column[] }[]> };
    // The fixtures that rely on what a plain `datetime` means are written for the release this oracle runs.
    expect(out.sqlmodelVersion).toBe('0.0.47');
    const formatType = (ddl: string) => ddl.toLowerCase().replace(/^varchar/, 'character varying').replace(/^float$/, 'double precision').replace(/, /g, ',');
    for (const { name, options, file } of addCases) {
      const tables = Object.entries(out.files).find(([f]) => path.resolve(root, f) === file)![1];
      const real = tables.find((t) => t.name === options.table)!.columns.find((c) => c.name === options.column)!;
      // PostgreSQL stores a quoted constant cast to the column's type.
      const stored = real.default && /^'.*'$/.test(real.default) ? `${real.default}::${formatType(real.type)}` : real.default;
      expect([name, formatType(real.type), real.nullable, normalizeDefault(stored ?? undefined)]).toEqual([
        name,
        options.type,
        options.nullable === 'true',
        options.default === undefined ? undefined : normalizeDefault(options.default),
      ]);
    }
  });

  const source = `from sqlalchemy import Column, Integer, MetaData, Table
from sqlmodel import Field, SQLModel

metadata = MetaData()


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: str = Field(primary_key=True)


class Legacy(SQLModel):
    __tablename__ = "legacy"
    __table__ = Table("legacy", metadata, Column("id", Integer, primary_key=True))
`;
  const refusal = (options: object) => refusalOf('sqlmodel-column-add', source, { nullable: 'true', ...options });

  it('refuses, as cannot-apply, what it does not write into', () => {
    expect(refusal({ table: 'users', column: 'x', type: 'text' })).toEqual(['CannotApply', 'no model class for table "users" in this file']);
    expect(refusal({ table: 'legacy', column: 'x', type: 'text' })).toEqual([
      'CannotApply',
      'Legacy declares its columns in __table__ = Table(...); add x there by hand',
    ]);
    expect(refusal({ table: 'teams', column: 'x', after: 'nope', type: 'text' })).toEqual([
      'CannotApply',
      'Team has no attribute for column nope in its own body to add x after',
    ]);
    expect(refusal({ table: 'teams', column: 'x', type: 'mood' })).toEqual([
      'CannotApply',
      'no Python declaration of mood is written by this fix; add the column by hand',
    ]);
    expect(refusal({ table: 'teams', column: 'class', type: 'text' })).toEqual(['CannotApply', 'class is not a Python identifier; add the column by hand']);
    expect(refusal({ table: 'teams', column: 'x', type: 'integer', nullable: 'maybe' })).toEqual([
      'Error',
      'sqlmodel-column-add: nullable must be true or false; got "maybe"',
    ]);
  });

  it('changes nothing when the class already has the column', () => {
    expect(run('sqlmodel-column-add', source, { table: 'teams', column: 'id', type: 'integer', nullable: 'false' })).toBe(source);
  });
});

describe('sqlmodel-column-type', () => {
  interface TypeOptions {
    table: string;
    column: string;
    type: string;
    datetime?: string;
  }
  const typeCases = fixtureCases('sqlmodel-column-type').map((name) => ({
    name,
    options: JSON.parse(fixture('sqlmodel-column-type', name, '.options.json')) as TypeOptions,
    file: path.join(root, '__testfixtures__', 'sqlmodel-column-type', `${name}.output.py`),
  }));

  it('is a Python transform', () => {
    expect(columnTypeLanguage).toBe('python');
  });

  it('writes types the Python reader reads back as exactly the asked type, with nothing it could not read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-sqlmodel-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    for (const { name, options } of typeCases) {
      writeFileSync(path.join(dir, `${name}.py`), fixture('sqlmodel-column-type', name, '.output.py'));
      // The reader assumes the SQLModel release the transform was told about: what a plain `datetime` means.
      const sqlmodelVersion = options.datetime === 'timestamp with time zone' ? '0.0.47' : '0.0.44';
      const model = await readSqlModel({ name: 'sqlmodel', files: [`${name}.py`], cwd: dir, sqlmodelVersion });
      const column = model.tables.find((t) => t.name === options.table)!.columns.find((c) => c.name === options.column)!;
      expect([name, normalizeType(column.type.sql ?? '?')]).toEqual([name, normalizeType(options.type)]);
      expect([name, model.diagnostics]).toEqual([name, []]);
    }
  });

  it('gives, under real SQLAlchemy/SQLModel when installed, the asked type', () => {
    if (spawnSync('python3', ['-c', 'import sqlmodel'], { encoding: 'utf8' }).status !== 0) return; // the reader's read-back above still ran
    const check = spawnSync('python3', ['test/fixtures/python/sqlmodel_oracle.py', ...typeCases.map((c) => c.file)], { cwd: root, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    type Column = { name: string; type: string };
    const out = JSON.parse(check.stdout) as { files: Record<string, { name: string; columns: Column[] }[]> };
    const formatType = (ddl: string) => ddl.toLowerCase().replace(/^varchar/, 'character varying').replace(/, /g, ',');
    for (const { name, options, file } of typeCases) {
      const tables = Object.entries(out.files).find(([f]) => path.resolve(root, f) === file)![1];
      const real = tables.find((t) => t.name === options.table)!.columns.find((c) => c.name === options.column)!;
      expect([name, normalizeType(formatType(real.type))]).toEqual([name, normalizeType(options.type)]);
    }
  });

  const source = `from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel


class Base(DeclarativeBase):
    pass


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: int = Field(primary_key=True)
    tags: list[str] = Field(default=[])
    size: int = Field(sa_column=Column(ForeignKey("sizes.id")))
    owner: str = Field(sa_column=make_column())


class Post(Base):
    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id = Column(ForeignKey("users.id"))
    editor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
`;
  const refusal = (options: object) => refusalOf('sqlmodel-column-type', source, options);

  it('refuses, as cannot-apply, declarations it does not rewrite', () => {
    expect(refusal({ table: 'users', column: 'id', type: 'bigint' })).toEqual([
      'CannotApply',
      'no SQLModel table class for table "users" in this file (tables here: teams)',
    ]);
    expect(refusal({ table: 'teams', column: 'tags', type: 'text' })).toEqual([
      'CannotApply',
      'Team.tags: the annotation list[str] does not name one type; change it by hand',
    ]);
    expect(refusal({ table: 'teams', column: 'size', type: 'bigint' })).toEqual([
      'CannotApply',
      "Team.size: the column takes its type from its ForeignKey's target; change it by hand",
    ]);
    expect(refusal({ table: 'teams', column: 'owner', type: 'text' })).toEqual([
      'CannotApply',
      'Team.owner: sa_column is not a Column(...) call; change its type by hand',
    ]);
    expect(refusal({ table: 'posts', column: 'author_id', type: 'bigint' })).toEqual([
      'CannotApply',
      "Post.author_id: the column takes its type from its ForeignKey's target; change it by hand",
    ]);
    expect(refusal({ table: 'posts', column: 'editor_id', type: 'bigint' })).toEqual([
      'CannotApply',
      "Post.editor_id: the column takes its type from its ForeignKey's target; change it by hand",
    ]);
    expect(refusal({ table: 'teams', column: 'id', type: 'mood' })).toEqual([
      'CannotApply',
      'no Python declaration of mood is written by this fix; change the type by hand',
    ]);
  });

  it('keeps an annotation that already maps to the type, such as EmailStr', () => {
    const user = `from pydantic import EmailStr
from sqlmodel import Field, SQLModel


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: int = Field(primary_key=True)
    email: EmailStr = Field(max_length=64)
`;
    expect(run('sqlmodel-column-type', user, { table: 'users', column: 'email', type: 'character varying(128)' })).toBe(
      user.replace('max_length=64', 'max_length=128'),
    );
  });

  it('changes nothing when the column already has the type, spelled any way', () => {
    expect(run('sqlmodel-column-type', source, { table: 'teams', column: 'id', type: 'int4' })).toBe(source);
    expect(run('sqlmodel-column-type', source, { table: 'posts', column: 'id', type: 'integer' })).toBe(source);
  });
});

describe('sqlmodel-table-remove', () => {
  /** A table as the reader sees it, wherever it is written. */
  const facts = (t: object) => JSON.parse(JSON.stringify(t, (k, v: unknown) => (/loc$/i.test(k) ? undefined : v))) as unknown;

  it('is a Python transform', () => {
    expect(tableRemoveLanguage).toBe('python');
  });

  it('leaves files the Python reader reads with every other table unchanged and without the removed one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-sqlmodel-table-remove-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const removed = fixtureCases('sqlmodel-table-remove').filter(
      (name) => fixture('sqlmodel-table-remove', name, '.input.py') !== fixture('sqlmodel-table-remove', name, '.output.py'),
    );
    expect(removed.length).toBeGreaterThanOrEqual(5);
    for (const name of removed) {
      const options = JSON.parse(fixture('sqlmodel-table-remove', name, '.options.json')) as { table: string; binding?: string };
      // One folder each: the reader takes every file it is given as one package.
      for (const side of ['input', 'output']) {
        mkdirSync(path.join(dir, side, name), { recursive: true });
        writeFileSync(path.join(dir, side, name, 'models.py'), fixture('sqlmodel-table-remove', name, `.${side}.py`));
      }
      const read = (side: string) => readSqlModel({ name: 'sqlmodel', files: ['models.py'], cwd: path.join(dir, side, name), sqlmodelVersion: '0.0.44' });
      const [before, after] = [await read('input'), await read('output')];
      const gone = before.tables.filter((t) => t.name === options.table);
      expect([name, gone.map((t) => t.binding)]).toEqual([name, [options.binding ?? gone[0]?.binding]]);
      expect([name, after.tables.map(facts)]).toEqual([name, before.tables.filter((t) => t.name !== options.table).map(facts)]);
      expect([name, after.diagnostics]).toEqual([name, before.diagnostics.filter((d) => !gone.some((t) => d.loc && t.loc && d.loc.start >= t.loc.start && d.loc.end <= t.loc.end))]);
    }
  });

  it.runIf(spawnSync('python3', ['-c', 'import sqlmodel'], { encoding: 'utf8' }).status === 0)(
    'leaves modules real SQLModel/SQLAlchemy imports, defining every other table and not the removed one',
    () => {
      // Imports the file as a module and prints the tables it defines (classes and Table(...) alike).
      const script = [
        'import importlib.util, json, sys',
        'sys.dont_write_bytecode = True',
        'from sqlalchemy import Table',
        'spec = importlib.util.spec_from_file_location("_tables_module", sys.argv[1])',
        'module = importlib.util.module_from_spec(spec)',
        'sys.modules["_tables_module"] = module',
        'spec.loader.exec_module(module)',
        'tables = {v.name for v in vars(module).values() if isinstance(v, Table)}',
        'tables |= {v.__table__.name for v in vars(module).values() if isinstance(v, type) and v.__module__ == "_tables_module" and isinstance(getattr(v, "__table__", None), Table)}',
        'print(json.dumps(sorted(tables)))',
      ].join('\n');
      const tables = (name: string, side: string) => {
        const r = spawnSync('python3', ['-c', script, path.join(root, '__testfixtures__', 'sqlmodel-table-remove', `${name}.${side}.py`)], { cwd: root, encoding: 'utf8' });
        expect([name, side, r.stderr]).toEqual([name, side, '']);
        return JSON.parse(r.stdout) as string[];
      };
      for (const name of fixtureCases('sqlmodel-table-remove')) {
        const { table } = JSON.parse(fixture('sqlmodel-table-remove', name, '.options.json')) as { table: string };
        expect([name, tables(name, 'output')]).toEqual([name, tables(name, 'input').filter((t) => t !== table)]);
      }
    },
    60_000,
  );

  const models = (...middle: string[]) =>
    [
      'from typing import Optional',
      '',
      'from sqlmodel import Field, Relationship, SQLModel',
      '',
      '',
      'class AuditLog(SQLModel, table=True):',
      '    __tablename__ = "audit_log"',
      '',
      '    id: Optional[int] = Field(default=None, primary_key=True)',
      '',
      '',
      ...middle,
      '',
    ].join('\n');
  const refusal = (source: string, options: object = { table: 'audit_log', binding: 'AuditLog' }) => refusalOf('sqlmodel-table-remove', source, options);

  it('refuses, naming the line, while the file still names the class or its table', () => {
    expect(refusal(models('class User(SQLModel, table=True):', '    id: int = Field(primary_key=True)', '    logs: list["AuditLog"] = Relationship()'))).toEqual([
      'CannotApply',
      'audit_log is still used in this file ("AuditLog", line 14); remove that first',
    ]);
    expect(refusal(models('class User(SQLModel, table=True):', '    id: int = Field(primary_key=True)', '    log: Optional[AuditLog] = Relationship(sa_relationship_kwargs={"uselist": False})'))).toEqual([
      'CannotApply',
      'audit_log is still used in this file (AuditLog, line 14); remove that first',
    ]);
    expect(refusal(models('class User(SQLModel, table=True):', '    id: int = Field(primary_key=True)', '    last_log: Optional[int] = Field(default=None, foreign_key="audit_log.id")'))).toEqual([
      'CannotApply',
      'audit_log is still used in this file ("audit_log.id", line 14); remove that first',
    ]);
    expect(refusal(models('class User(SQLModel, table=True):', '    id: int = Field(primary_key=True)', '    log: "Optional[AuditLog]" = Relationship()'))).toEqual([
      'CannotApply',
      'audit_log is still used in this file ("Optional[AuditLog]", line 14); remove that first',
    ]);
    expect(refusal(models('LOG_ID = AuditLog.id'))).toEqual(['CannotApply', 'audit_log is still used in this file (AuditLog.id, line 12); remove that first']);
    expect(refusal(models('__all__ = ["AuditLog"]'))).toEqual(['CannotApply', 'audit_log is still used in this file ("AuditLog", line 12); remove that first']);
  });

  it('is not stopped by the name in a comment or prose, or by another table’s longer name', () => {
    const input = models(
      '# AuditLog used to live here.',
      'class AuditLogArchive(SQLModel, table=True):',
      '    """Was AuditLog, before the split."""',
      '    __tablename__ = "audit_log_archive"',
      '    id: int = Field(primary_key=True)',
    );
    expect(run('sqlmodel-table-remove', input, { table: 'audit_log', binding: 'AuditLog' })).toBe(
      [
        // Optional went with the class (and the blank line after it, its group gone); Relationship was unused before.
        'from sqlmodel import Field, Relationship, SQLModel',
        '',
        '',
        '# AuditLog used to live here.',
        'class AuditLogArchive(SQLModel, table=True):',
        '    """Was AuditLog, before the split."""',
        '    __tablename__ = "audit_log_archive"',
        '    id: int = Field(primary_key=True)',
        '',
      ].join('\n'),
    );
  });

  it('refuses what it cannot take out as statements of their own, or cannot tell apart', () => {
    const header = 'from sqlalchemy import Column, Integer, MetaData, Table\n\nmetadata = MetaData()\n';
    expect(refusal(`${header}x = 1; flags = Table("flags", metadata, Column("id", Integer, primary_key=True))\n`, { table: 'flags' })).toEqual([
      'CannotApply',
      'flags shares its line with other code; remove it by hand',
    ]);
    expect(refusal(`${header}flags = Table("flags", metadata, Column("id", Integer, primary_key=True)); y = 2\n`, { table: 'flags' })).toEqual([
      'CannotApply',
      'flags shares its line with other code; remove it by hand',
    ]);
    expect(refusal(`${header}a = Table("flags", metadata, Column("id", Integer))\nb = Table("flags", metadata, Column("id", Integer))\n`, { table: 'flags' })).toEqual([
      'CannotApply',
      'table "flags" is declared more than once here (a, b); remove it by hand',
    ]);
    expect(refusal(`${header}flags = {"name": "flags"}\n`, { table: 'flags', binding: 'flags' })).toEqual([
      'CannotApply',
      'flags is not a class or Table(...) for table "flags" here; remove it by hand',
    ]);
  });

  it('removes a class whose table is its __table__, and the blank lines of a CRLF file', () => {
    const input = [
      'from sqlalchemy import Column, Integer, Table',
      'from sqlalchemy.orm import DeclarativeBase',
      '',
      '',
      'class Base(DeclarativeBase):',
      '    pass',
      '',
      '',
      'class Flag(Base):',
      '    __table__ = Table("feature_flags", Base.metadata, Column("id", Integer, primary_key=True))',
      '',
      '',
      'class Team(Base):',
      '    __tablename__ = "teams"',
      '    id = Column(Integer, primary_key=True)',
      '',
    ].join('\r\n');
    expect(run('sqlmodel-table-remove', input, { table: 'feature_flags', binding: 'Flag' })).toBe(
      [
        'from sqlalchemy import Column, Integer',
        'from sqlalchemy.orm import DeclarativeBase',
        '',
        '',
        'class Base(DeclarativeBase):',
        '    pass',
        '',
        '',
        'class Team(Base):',
        '    __tablename__ = "teams"',
        '    id = Column(Integer, primary_key=True)',
        '',
      ].join('\r\n'),
    );
  });
});
