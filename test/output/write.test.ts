import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { unifiedDiff } from '../../src/output/diff.ts';
import { writeAtomically, type FileChange } from '../../src/output/write.ts';

function setup(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-write-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  const change = (name: string, after: string): FileChange => ({
    file: name, absolutePath: path.join(dir, name), before: files[name]!, after,
  });
  return { dir, change };
}

describe('writeAtomically', () => {
  it('writes every file and leaves no temporary files', async () => {
    const { dir, change } = setup({ 'a.ts': 'a\n', 'b/b.py': 'b\n' });
    await writeAtomically([change('a.ts', 'A\n'), change('b/b.py', 'B\n')]);
    expect(readFileSync(path.join(dir, 'a.ts'), 'utf8')).toBe('A\n');
    expect(readFileSync(path.join(dir, 'b/b.py'), 'utf8')).toBe('B\n');
    expect(readdirSync(dir).sort()).toEqual(['a.ts', 'b']);
  });

  it('refuses, writing nothing, when a file changed since it was read', async () => {
    const { dir, change } = setup({ 'a.ts': 'a\n', 'b.ts': 'b\n' });
    const changes = [change('a.ts', 'A\n'), change('b.ts', 'B\n')];
    writeFileSync(path.join(dir, 'b.ts'), 'edited meanwhile\n');
    await expect(writeAtomically(changes)).rejects.toThrow(new UserError('b.ts: changed since it was read; nothing was written, run again'));
    expect(readFileSync(path.join(dir, 'a.ts'), 'utf8')).toBe('a\n');
    expect(readFileSync(path.join(dir, 'b.ts'), 'utf8')).toBe('edited meanwhile\n');
  });

  it.skipIf(process.getuid?.() === 0)('writes nothing when one folder is read-only', async () => {
    const { dir, change } = setup({ 'a.ts': 'a\n', 'ro/b.ts': 'b\n' });
    chmodSync(path.join(dir, 'ro'), 0o555);
    try {
      await expect(writeAtomically([change('a.ts', 'A\n'), change('ro/b.ts', 'B\n')])).rejects.toThrow(/ro\/b\.ts: cannot write/);
      expect(readFileSync(path.join(dir, 'a.ts'), 'utf8')).toBe('a\n');
      expect(readdirSync(dir).sort()).toEqual(['a.ts', 'ro']);
    } finally {
      chmodSync(path.join(dir, 'ro'), 0o755);
    }
  });

  it('puts back files already renamed when a later rename fails', async () => {
    const { dir, change } = setup({ 'a.ts': 'a\n', 'b.ts': 'b\n' });
    const changes = [change('a.ts', 'A\n'), change('b.ts', 'B\n')];
    // The second rename fails after the first succeeded, as a full disk or a vanished folder would.
    const fs = (await import('node:fs')).promises;
    const realRename = fs.rename;
    let calls = 0;
    fs.rename = (async (from: string, to: string) => {
      if (++calls === 2) throw Object.assign(new Error('EIO'), { code: 'EIO' });
      return realRename(from, to);
    }) as typeof fs.rename;
    try {
      await expect(writeAtomically(changes)).rejects.toThrow('b.ts: cannot write (EIO); nothing was written');
    } finally {
      fs.rename = realRename;
    }
    expect(readFileSync(path.join(dir, 'a.ts'), 'utf8')).toBe('a\n');
    expect(readFileSync(path.join(dir, 'b.ts'), 'utf8')).toBe('b\n');
    expect(readdirSync(dir).sort()).toEqual(['a.ts', 'b.ts']);
  });
});

describe('unifiedDiff', () => {
  it('is git-style and empty for no change', () => {
    expect(unifiedDiff('x.ts', 'a\nb\n', 'a\nb\n')).toBe('');
    expect(unifiedDiff('src/x.ts', 'a\nb\nc\n', 'a\nB\nc\n')).toBe('--- a/src/x.ts\n+++ b/src/x.ts\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n');
  });
});

describe('writeAtomically under a signal', () => {
  it('rolls back every file when SIGINT arrives between renames', async () => {
    const { dir, change } = setup({ 'a.ts': 'a\n', 'b.ts': 'b\n', 'c.ts': 'c\n' });
    const fs = (await import('node:fs')).promises;
    const realRename = fs.rename;
    let calls = 0;
    fs.rename = (async (from: string, to: string) => {
      await realRename(from, to);
      if (++calls === 1) process.emit('SIGINT');
    }) as typeof fs.rename;
    try {
      await expect(writeAtomically([change('a.ts', 'A\n'), change('b.ts', 'B\n'), change('c.ts', 'C\n')])).rejects.toThrow(
        'interrupted by SIGINT; nothing was written',
      );
    } finally {
      fs.rename = realRename;
    }
    expect(['a.ts', 'b.ts', 'c.ts'].map((f) => readFileSync(path.join(dir, f), 'utf8'))).toEqual(['a\n', 'b\n', 'c\n']);
    expect(readdirSync(dir).sort()).toEqual(['a.ts', 'b.ts', 'c.ts']);
    // The handler is gone again: outside a write, SIGINT keeps its usual meaning.
    expect(process.listenerCount('SIGINT')).toBe(0);
  });
});
