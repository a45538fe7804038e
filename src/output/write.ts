// Writing fixes: every file or none. Each new text goes to a temporary file beside its target first; only
// when all are written (and no target changed since it was read) are they renamed over the targets, and a
// rename that fails puts back the ones already renamed.

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.ts';

export interface FileChange {
  /** As shown to users. */
  file: string;
  absolutePath: string;
  before: string;
  after: string;
}

async function writeTemp(target: string, text: string): Promise<string> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.schemadrift-${randomBytes(6).toString('hex')}`);
  const mode = (await fs.stat(target)).mode & 0o7777;
  const handle = await fs.open(temp, 'wx', mode);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    // Created but not filled (a full disk): the caller never learns its name, so it goes here.
    await handle.close();
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return temp;
}

class Interrupted extends UserError {}

/** Turns SIGINT/SIGTERM into a flag checked between steps, so an interrupted write is rolled back. */
function deferSignals(): { check(): void; restore(): void } {
  let caught: string | undefined;
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const on = () => {
      caught ??= signal;
    };
    process.on(signal, on);
    return () => process.off(signal, on);
  });
  return {
    check() {
      if (caught) throw new Interrupted(`interrupted by ${caught}; nothing was written`);
    },
    restore() {
      for (const off of handlers) off();
    },
  };
}

export async function writeAtomically(changes: readonly FileChange[]): Promise<void> {
  const temps: string[] = [];
  const renamed: FileChange[] = [];
  let current: FileChange | undefined;
  const signals = deferSignals();
  try {
    for (const c of changes) {
      current = c;
      const now = await fs.readFile(c.absolutePath, 'utf8');
      if (now !== c.before) throw new UserError(`${c.file}: changed since it was read; nothing was written, run again`);
    }
    for (const c of changes) {
      current = c;
      signals.check();
      temps.push(await writeTemp(c.absolutePath, c.after));
    }
    for (const [i, c] of changes.entries()) {
      current = c;
      signals.check();
      await fs.rename(temps[i]!, c.absolutePath);
      renamed.push(c);
    }
    signals.check();
  } catch (error) {
    await Promise.all(temps.map((t) => fs.rm(t, { force: true })));
    for (const c of renamed) await fs.writeFile(c.absolutePath, c.before, 'utf8').catch(() => undefined);
    if (error instanceof UserError) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(`${current?.file ?? 'fix'}: cannot write (${reason}); nothing was written`);
  } finally {
    signals.restore();
  }
}
