// Errors a user can act on. The CLI prints their message on one line and exits 2; anything else that
// escapes is a bug in schemadrift and is reported as one.

import type { Span } from './model/schema.ts';

export class UserError extends Error {
  override readonly name = 'UserError';
}

/** Source code schemadrift cannot read (a syntax error, a file that is not there). */
export class SourceError extends UserError {
  constructor(
    message: string,
    readonly loc?: Pick<Span, 'file' | 'line' | 'column'>,
  ) {
    super(loc ? `${loc.file}:${loc.line}:${loc.column}: ${message}` : message);
  }
}

/** The database could not be reached or read. The message must never contain a password. */
export class DatabaseError extends UserError {}

/** A configuration file or command-line option that does not make sense. */
export class ConfigError extends UserError {}
