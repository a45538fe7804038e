// The PostgreSQL enum types a set of models creates. SQLAlchemy's `Enum(PyEnum)` (and SQLModel, for a field
// annotated with an Enum subclass) creates a type named after the class, lower-cased, whose labels are the
// members' *names*, not their values — a classic source of drift that only a reader of both sides can see.

import type { EnumType, Span, Table } from '../../model/schema.ts';
import type { Node } from '../../lang/python.ts';
import type { ModelClass } from './cst.ts';

/**
 * Only enums some column uses exist in the database (`create_all` emits CREATE TYPE per column type).
 * An enum mapped with `values_callable=` has labels computed at run time: it is left out rather than guessed.
 */
export function enumTypes(
  enumClasses: ReadonlySet<string>,
  classes: ReadonlyMap<string, ModelClass>,
  tables: readonly Table[],
  sources: readonly string[],
  span: (node: Node) => Span,
): EnumType[] {
  const used = new Set<string>();
  for (const t of tables) for (const c of t.columns) if (c.type.sql) used.add(c.type.sql.replace(/\[\]$/, ''));
  const out: EnumType[] = [];
  for (const name of enumClasses) {
    const cls = classes.get(name);
    const sqlName = name.toLowerCase();
    if (!cls || !used.has(sqlName)) continue;
    const computed = new RegExp(`Enum\\(\\s*(?:[\\w.]+\\.)?${name}\\b[^)]*values_callable`);
    if (sources.some((text) => computed.test(text))) continue;
    const values = cls.attributes.filter((a) => a.value && !a.annotation && !a.name.startsWith('_')).map((a) => a.name);
    if (values.length) out.push({ schema: 'public', name: sqlName, values, loc: span(cls.node), binding: name });
  }
  return out;
}
