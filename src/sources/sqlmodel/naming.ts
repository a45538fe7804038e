// `MetaData(naming_convention=…)`: how SQLAlchemy names constraints and indexes the model leaves unnamed.
// Without it only indexes get a name (`ix_<table>_<column>`); PostgreSQL names the rest itself.

import type { Node } from '../../lang/python.ts';
import { namedChildrenOf } from '../../lang/python.ts';
import { stringValue } from './cst.ts';

export type ConstraintKind = 'ix' | 'uq' | 'ck' | 'fk' | 'pk';
export type NamingConvention = Partial<Record<ConstraintKind, string>>;

export const DEFAULT_NAMING: NamingConvention = { ix: 'ix_%(column_0_label)s' };

const CLASS_KEYS: Record<string, ConstraintKind> = {
  Index: 'ix',
  UniqueConstraint: 'uq',
  CheckConstraint: 'ck',
  ForeignKeyConstraint: 'fk',
  PrimaryKeyConstraint: 'pk',
};

/** A literal `{"ix": "...", ...}` dict, or undefined (with the reason) when any part is computed. */
export function readNamingConvention(dict: Node): { convention?: NamingConvention; problem?: string } {
  if (dict.type !== 'dictionary') return { problem: 'naming_convention is not a literal dict' };
  const convention: NamingConvention = {};
  for (const pair of namedChildrenOf(dict)) {
    if (pair.type === 'comment') continue;
    const key = pair.type === 'pair' ? pair.childForFieldName('key') : null;
    const value = pair.type === 'pair' ? pair.childForFieldName('value') : null;
    const k = key && (stringValue(key) ?? (key.type === 'identifier' ? key.text : undefined));
    const v = value && stringValue(value);
    const kind = k && ((['ix', 'uq', 'ck', 'fk', 'pk'] as string[]).includes(k) ? (k as ConstraintKind) : CLASS_KEYS[k]);
    if (!kind || v === undefined || v === null) return { problem: `naming_convention entry ${pair.text} is not understood` };
    convention[kind] = v;
  }
  return { convention };
}

export interface NamingFacts {
  table: string;
  columns: string[];
  referredTable?: string;
  referredColumns?: string[];
  /** An explicit name, which a template may embed as `%(constraint_name)s`. */
  constraintName?: string;
}

/**
 * The name SQLAlchemy gives a constraint: an explicit name stays unless the template embeds it; an unnamed
 * one gets the template filled in. Undefined when there is no name to give.
 */
export function constraintNameFor(convention: NamingConvention | undefined, kind: ConstraintKind, f: NamingFacts): string | undefined {
  const template = convention?.[kind];
  if (f.constraintName !== undefined && !template?.includes('%(constraint_name)s')) return f.constraintName;
  return convention ? conventionName(convention, kind, f) : undefined;
}

/** The name SQLAlchemy gives an unnamed constraint, or undefined when the convention has no entry for it. */
export function conventionName(convention: NamingConvention, kind: ConstraintKind, f: NamingFacts): string | undefined {
  const template = convention[kind];
  if (!template) return undefined;
  const tokens: Record<string, string> = {
    table_name: f.table,
    column_0_name: f.columns[0] ?? '',
    column_0_label: `${f.table}_${f.columns[0] ?? ''}`,
    column_0N_name: f.columns.join(''),
    column_0_N_name: f.columns.join('_'),
    column_0N_label: f.columns.map((c) => `${f.table}_${c}`).join(''),
    column_0_N_label: f.columns.map((c) => `${f.table}_${c}`).join('_'),
    referred_table_name: f.referredTable ?? '',
    referred_column_0_name: f.referredColumns?.[0] ?? '',
    referred_column_0N_name: (f.referredColumns ?? []).join(''),
    referred_column_0_N_name: (f.referredColumns ?? []).join('_'),
    ...(f.constraintName !== undefined ? { constraint_name: f.constraintName } : {}),
  };
  let unknown = false;
  const name = template.replace(/%\((\w+)\)s/g, (_, token: string) => {
    if (token in tokens) return tokens[token]!;
    unknown = true;
    return '';
  });
  return unknown ? undefined : name;
}
