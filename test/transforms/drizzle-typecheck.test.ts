// Issue 8: "fixed Drizzle still passes `tsc --noEmit` on the fixtures". Every Drizzle fixture, input and output,
// is type-checked by the TypeScript compiler against the real drizzle-orm types, strict and with
// noUnusedLocals (so an import a fix left unused is an error too). Fixtures are excerpts of projects, so an
// input may already carry errors; what a transform must never do is add one: each output may have only the
// diagnostics its input has.

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, '__testfixtures__');

const files = readdirSync(fixtures)
  .filter((d) => d.startsWith('drizzle-'))
  .flatMap((d) => readdirSync(path.join(fixtures, d)).filter((f) => /\.(input|output)\.ts$/.test(f)).map((f) => path.join(fixtures, d, f)));

/**
 * A relative import of a module the fixture does not ship (`./credits`): the file it names is in the project
 * the excerpt comes from. Which path a fix imports from is held byte for byte by the fixture itself.
 */
function siblingNotShipped(d: ts.Diagnostic): boolean {
  const text = ts.flattenDiagnosticMessageText(d.messageText, ' ');
  return d.code === 2307 && /^Cannot find module '\.\.?\//.test(text);
}

describe('Drizzle fixture outputs under tsc --noEmit', () => {
  it('add no type error, and leave no unused import or variable, to what their input had', () => {
    const program = ts.createProgram(files, {
      noEmit: true,
      strict: true,
      noUnusedLocals: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      // Each fixture is a module of its own, even one without imports, so their declarations do not clash.
      moduleDetection: ts.ModuleDetectionKind.Force,
      skipLibCheck: true,
      types: [],
    });
    const byFile = new Map<string, string[]>();
    for (const d of ts.getPreEmitDiagnostics(program)) {
      if (!d.file || siblingNotShipped(d)) continue;
      const list = byFile.get(d.file.fileName) ?? [];
      list.push(`TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
      byFile.set(d.file.fileName, list);
    }
    const added: [string, string[]][] = [];
    for (const output of files.filter((f) => f.endsWith('.output.ts'))) {
      const had = [...(byFile.get(output.replace(/\.output\.ts$/, '.input.ts')) ?? [])];
      const extra = (byFile.get(output) ?? []).filter((k) => {
        const at = had.indexOf(k);
        if (at < 0) return true;
        had.splice(at, 1);
        return false;
      });
      if (extra.length) added.push([path.relative(fixtures, output), extra]);
    }
    expect(files.filter((f) => f.endsWith('.output.ts')).length).toBeGreaterThan(100);
    expect(added).toEqual([]);
  }, 120_000);
});
