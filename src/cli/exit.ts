import { UserError } from '../errors.ts';

/** What CI can rely on, as Prettier and ESLint do it. */
export const EXIT = { ok: 0, drift: 1, error: 2 } as const;

/** `postgres://user:secret@host` → `postgres://user:***@host`, wherever a URL ends up in a message. */
export function redact(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)[^@/\s]*@/gi, '$1***@');
}

export function reportError(error: unknown): number {
  if (error instanceof UserError) {
    process.stderr.write(`schemadrift: ${redact(error.message)}\n`);
  } else {
    const e = error instanceof Error ? error : new Error(String(error));
    // Not the user's mistake: say so, and give what a bug report needs.
    process.stderr.write(`schemadrift: internal error: ${redact(e.message)}\n`);
    if (process.env.SCHEMADRIFT_DEBUG) process.stderr.write(`${redact(e.stack ?? '')}\n`);
    else process.stderr.write('Set SCHEMADRIFT_DEBUG=1 for details, and please report it.\n');
  }
  return EXIT.error;
}
