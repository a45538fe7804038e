// Property-based: mangled Drizzle and Python files (truncated, random tokens, unbalanced brackets, odd
// Unicode, CRLF, tabs, BOM) must never crash a reader — either a model comes back or a SourceError naming
// file:line:column — and a transform must never touch a byte outside the one edit it was asked for.
// SCHEMADRIFT_FUZZ_RUNS sets the number of cases per property (CI runs the default).

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import jscodeshift from 'jscodeshift';
import { beforeAll, describe, expect, it } from 'vitest';
import { SourceError } from '../../src/errors.ts';
import { loadPython, firstSyntaxError, type PythonParser } from '../../src/lang/python.ts';
import { typescriptSyntaxError } from '../../src/lang/typescript.ts';
import { readDrizzle } from '../../src/sources/drizzle/index.ts';
import { readSqlModel } from '../../src/sources/sqlmodel/index.ts';
import drizzleFkTarget from '../../transforms/drizzle-fk-target.ts';
import sqlmodelForeignKey from '../../transforms/sqlmodel-foreign-key.ts';
import { EXAMPLE } from '../helpers/cli.ts';

const RUNS = Number(process.env.SCHEMADRIFT_FUZZ_RUNS ?? 500);
const SCHEMA_TS = readFileSync(path.join(EXAMPLE, 'nextjs/src/database/schema.ts'), 'utf8');
const CREDITS_PY = readFileSync(path.join(EXAMPLE, 'fastapi/models/credits.py'), 'utf8');
const TOKENS = ['(', ')', '{', '}', '[', ']', ',', '.', ':', '=', '"', "'", '`', '\n', '\t', ' ', '/*', '*/', '//', '#', '\\',
  'é', '💥', '\u2028', '\u0000', '\r', 'pgTable(', 'Field(', 'class ', 'table=True', '.references(() => ', 'foreign_key="'];

/** One mangling of a text; several can be chained. */
const edit = (text: string) =>
  fc.oneof(
    fc.nat(text.length).map((at) => (t: string) => t.slice(0, Math.min(at, t.length))),
    fc.tuple(fc.nat(text.length), fc.nat(40)).map(([at, n]) => (t: string) => t.slice(0, at) + t.slice(at + n)),
    fc.tuple(fc.nat(text.length), fc.constantFrom(...TOKENS)).map(([at, tok]) => (t: string) => t.slice(0, at) + tok + t.slice(at)),
    fc.tuple(fc.nat(text.length), fc.string({ unit: 'grapheme', maxLength: 5 })).map(([at, s]) => (t: string) => t.slice(0, at) + s + t.slice(at)),
  );

/** Whole-file re-encodings a real project may have; they change no meaning. */
const layout = fc.constantFrom(
  (t: string) => t,
  (t: string) => t.replace(/\n/g, '\r\n'),
  (t: string) => `\uFEFF${t}`,
  (t: string) => t.replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2)),
);

const mangled = (text: string) =>
  fc.tuple(fc.array(edit(text), { minLength: 1, maxLength: 3 }), layout).map(([edits, lay]) => lay(edits.reduce((t, e) => e(t), text)));

/** Edits that keep a file readable (comments, blank lines, odd Unicode in comments) with an occasional
 * arbitrary one, so that the transform properties mostly get a file with the foreign key still in it. */
const gentle = (text: string, comment: string) => {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const harmless = fc.tuple(fc.constantFrom(...lineStarts), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('', '\n', '\t'))
    .map(([at, s, extra]) => (t: string) => t.slice(0, at) + `${comment} ${s.replace(/[\r\n\u2028\u2029]/g, ' ')}\n${extra}` + t.slice(at));
  const step = fc.oneof({ weight: 12, arbitrary: harmless }, { weight: 1, arbitrary: edit(text) });
  return fc.tuple(fc.array(step, { minLength: 1, maxLength: 4 }), layout).map(([edits, lay]) => lay(edits.reduce((t, e) => e(t), text)));
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-fuzz-'));
let n = 0;
function writeTemp(name: string, text: string): string {
  const file = path.join(dir, `${n++}-${name}`);
  writeFileSync(file, text);
  return file;
}

async function readsOrReportsWhere(read: () => Promise<unknown>): Promise<void> {
  try {
    await read();
  } catch (error) {
    // Anything but a SourceError with a place is a crash as far as a user is concerned.
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(/^[^:\n]+:\d+:\d+: \S/);
  }
}

/** Text outside [start, end) of `before` must be unchanged in `after`. */
function onlyChangedWithin(before: string, after: string, start: number, end: number): void {
  expect(after.slice(0, start)).toBe(before.slice(0, start));
  expect(after.slice(after.length - (before.length - end))).toBe(before.slice(end));
}

let python: PythonParser;
beforeAll(async () => {
  python = await loadPython();
});

describe('readers survive mangled files', () => {
  it('Drizzle', async () => {
    await fc.assert(
      fc.asyncProperty(mangled(SCHEMA_TS), async (text) => {
        const file = writeTemp('schema.ts', text);
        await readsOrReportsWhere(() => readDrizzle({ name: 'drizzle', files: [file], cwd: dir }));
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('Python', async () => {
    await fc.assert(
      fc.asyncProperty(mangled(CREDITS_PY), async (text) => {
        const file = writeTemp('credits.py', text);
        await readsOrReportsWhere(() => readSqlModel({ name: 'sqlmodel', files: [file], cwd: dir }));
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});

describe('transforms touch only the planned edit, and leave parseable code parseable', () => {
  const edited = { drizzle: 0, python: 0 };
  const api = { jscodeshift: jscodeshift.withParser('ts'), j: jscodeshift.withParser('ts'), stats: () => {}, report: () => {} };

  it('drizzle-fk-target', async () => {
    await fc.assert(
      fc.asyncProperty(gentle(SCHEMA_TS, '//'), async (text) => {
        const file = writeTemp('schema.ts', text);
        const model = await readDrizzle({ name: 'drizzle', files: [file], cwd: dir }).catch(() => undefined);
        const fk = model?.tables.find((t) => t.name === 'credit_transactions')?.foreignKeys.find((f) => f.columns[0] === 'user_id');
        if (!fk?.targetLoc || !model!.tables.some((t) => t.binding === 'userCredits')) return;
        let out: string;
        try {
          out = drizzleFkTarget({ path: file, source: text }, api as never, {
            table: 'credit_transactions', column: 'user_id', target: 'user_credits.user_id', targetBinding: 'userCredits.userId',
          });
        } catch {
          return; // refusing is allowed; writing elsewhere is not
        }
        onlyChangedWithin(text, out, fk.targetLoc.start, fk.targetLoc.end);
        expect(typescriptSyntaxError('x.ts', out)).toBeUndefined();
        edited.drizzle++;
      }),
      { numRuns: RUNS },
    );
    // Most manglings leave the foreign key readable; a property that mostly returns early proves nothing.
    expect(edited.drizzle).toBeGreaterThan(RUNS / 3);
  }, 600_000);

  it('sqlmodel-foreign-key', async () => {
    await fc.assert(
      fc.asyncProperty(gentle(CREDITS_PY, '#'), async (text) => {
        const file = writeTemp('credits.py', text);
        const model = await readSqlModel({ name: 'sqlmodel', files: [file], cwd: dir }).catch(() => undefined);
        const fk = model?.tables.find((t) => t.name === 'teams')?.foreignKeys.find((f) => f.columns[0] === 'owner_id');
        if (!fk?.targetLoc) return;
        let out: string;
        try {
          out = sqlmodelForeignKey({ path: file, source: text }, { python }, { table: 'teams', column: 'owner_id', target: 'users.id' });
        } catch {
          return;
        }
        onlyChangedWithin(text, out, fk.targetLoc.start, fk.targetLoc.end);
        const tree = python.parse(out);
        try {
          expect(firstSyntaxError(tree, out)).toBeUndefined();
        } finally {
          tree.delete();
        }
        edited.python++;
      }),
      { numRuns: RUNS },
    );
    expect(edited.python).toBeGreaterThan(RUNS / 3);
  }, 600_000);
});
