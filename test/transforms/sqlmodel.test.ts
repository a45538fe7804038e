import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { firstSyntaxError, loadPython } from '../../src/lang/python.ts';
import { normalizeDefault } from '../../src/compare/normalize/sql-default.ts';
import { readSqlModel } from '../../src/sources/sqlmodel/index.ts';
import columnDefault, { language as columnDefaultLanguage } from '../../transforms/sqlmodel-column-default.ts';
import columnNullable, { language as columnNullableLanguage } from '../../transforms/sqlmodel-column-nullable.ts';
import foreignKey, { language as foreignKeyLanguage } from '../../transforms/sqlmodel-foreign-key.ts';
import onDelete, { language as onDeleteLanguage } from '../../transforms/sqlmodel-on-delete.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const python = await loadPython();
const api = { python };

type Transform = (file: { path: string; source: string }, api: { python: typeof python }, options: never) => string;
const TRANSFORMS: Record<string, Transform> = {
  'sqlmodel-foreign-key': foreignKey as Transform,
  'sqlmodel-on-delete': onDelete as Transform,
  'sqlmodel-column-nullable': columnNullable as Transform,
  'sqlmodel-column-default': columnDefault as Transform,
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

function syntaxError(text: string) {
  const tree = python.parse(text);
  try {
    return firstSyntaxError(tree, text);
  } finally {
    tree.delete();
  }
}

it('declares the transforms as Python transforms', () => {
  expect([foreignKeyLanguage, onDeleteLanguage, columnNullableLanguage, columnDefaultLanguage]).toEqual(['python', 'python', 'python', 'python']);
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
  const refusal = (options: object) => {
    try {
      run('sqlmodel-column-default', source, options);
    } catch (e) {
      return [(e as Error).name, (e as Error).message];
    }
    return undefined;
  };

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
