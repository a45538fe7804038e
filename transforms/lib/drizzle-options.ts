import type { Options } from 'jscodeshift';
import { FK_ACTIONS, type FkAction } from '../../src/model/schema.ts';

/** A required string option; the jscodeshift CLI passes `--table=x` through as `options.table`. */
export function requiredString(options: Options, name: string, transform: string): string {
  const value: unknown = options[name];
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value === '') throw new Error(`${transform}: option --${name} is required`);
  return value;
}

export function optionalString(options: Options, name: string): string | undefined {
  const value: unknown = options[name];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Accepts PostgreSQL's spelling (`SET NULL`) and Drizzle's (`set null`), also `set_null` from a shell. */
export function fkActionOption(options: Options, name: string, transform: string): FkAction {
  const raw = requiredString(options, name, transform);
  const action = raw.trim().toUpperCase().replace(/[\s_-]+/g, ' ');
  if (!(FK_ACTIONS as readonly string[]).includes(action)) {
    throw new Error(`${transform}: --${name} must be one of ${FK_ACTIONS.join(', ')}; got ${JSON.stringify(raw)}`);
  }
  return action as FkAction;
}

/** `user_credits.user_id` or `billing.invoices.id` → table and column. */
export function columnRefOption(options: Options, name: string, transform: string): { table: string; column: string } {
  const raw = requiredString(options, name, transform);
  const parts = raw.split('.');
  if ((parts.length !== 2 && parts.length !== 3) || parts.some((p) => p === '')) {
    throw new Error(`${transform}: --${name} must be table.column; got ${JSON.stringify(raw)}`);
  }
  return { table: parts[parts.length - 2]!, column: parts[parts.length - 1]! };
}

/** `true`/`false`, as JSON options give them or as the jscodeshift CLI passes `--nullable=false` through. */
export function booleanOption(options: Options, name: string, transform: string): boolean {
  const value: unknown = options[name];
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new Error(`${transform}: option --${name} must be true or false; got ${JSON.stringify(value)}`);
}
