// What `compare` can be told besides the models: who is right for which table, which tables each source is
// meant to model, how loud each rule is, which equivalences count as drift and which findings to drop.
// The config stage builds this; compare only reads it.

import type { Severity } from './finding.ts';

/** Which tables a source takes part in, and which it must model (`table-missing` when it does not). */
export interface TableFilter {
  /** Globs on table keys (`users`, `auth.*`); absent means every table. */
  include?: string[];
  /** Globs on table keys, applied after `include`. */
  exclude?: string[];
  /** The source must model every table it includes that another source has. */
  required?: boolean;
  /** Globs: the source must model these tables. */
  mustModel?: string[];
}

/** `"users": "drizzle"` — the source that is right for the tables the pattern matches. */
export interface OwnerEntry {
  pattern: string;
  source: string;
}

/** A config `ignore` entry; every field is a glob, an absent field matches anything. */
export interface IgnoreEntry {
  rule?: string;
  table?: string;
  /** `*` also matches findings about the whole table (no column). */
  column?: string;
}

/** Differences that are real but harmless; `true` (the default) reports them as `info`. */
export interface Equivalences {
  /** `text` vs length-less `character varying`: the same varlena, the same operators. */
  varcharText: boolean;
}

export const DEFAULT_EQUIVALENCES: Equivalences = { varcharText: true };

export type SeverityOverride = Severity | 'off';
