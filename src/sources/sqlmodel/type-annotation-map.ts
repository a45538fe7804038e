// SQLAlchemy 2.0's `type_annotation_map` on a declarative base: which SQL type a bare `Mapped[str]` (or
// `Mapped[datetime]`) gets instead of the default mapping — `{str: String(255), datetime: DateTime(timezone=True)}`.
// Written either as a class attribute of the base or as `registry = registry(type_annotation_map={…})`.
// Without it, every such column would be reported with the wrong type.

import type { Node } from '../../lang/python.ts';
import { namedChildrenOf } from '../../lang/python.ts';
import type { Diagnostic, Span } from '../../model/schema.ts';
import { calleeName, keywordArgs, lastSegment, type ModelClass } from './cst.ts';
import { saTypeToSql } from './types.ts';

/** Python type name (last dotted segment) → SQL type, or null where the mapped type is not understood. */
export type TypeAnnotationMap = ReadonlyMap<string, string | null>;

/** The map the class's declarative base declares, nearest base first; undefined when none does. */
export function typeAnnotationMap(
  cls: ModelClass,
  classes: ReadonlyMap<string, ModelClass>,
  report: { diagnostics: Diagnostic[]; span(node: Node): Span },
): TypeAnnotationMap | undefined {
  const seen = new Set<ModelClass>();
  const visit = (c: ModelClass): Node | undefined => {
    if (seen.has(c)) return undefined;
    seen.add(c);
    const own = ownMap(c);
    if (own) return own;
    for (const b of c.baseNames) {
      const base = classes.get(b);
      const found = base && base !== c ? visit(base) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  const dict = visit(cls);
  if (!dict) return undefined;
  const map = new Map<string, string | null>();
  for (const pair of namedChildrenOf(dict)) {
    if (pair.type !== 'pair') continue;
    const key = pair.childForFieldName('key');
    const value = pair.childForFieldName('value');
    if (!key || !value || (key.type !== 'identifier' && key.type !== 'attribute')) {
      report.diagnostics.push({ message: `type_annotation_map entry ${pair.text} not understood, ignored`, loc: report.span(pair) });
      continue;
    }
    const sql = saTypeToSql(value) ?? null;
    if (sql === null) report.diagnostics.push({ message: `type_annotation_map type ${value.text} not understood; columns of ${key.text} get no type`, loc: report.span(value) });
    map.set(lastSegment(key.text), sql);
  }
  return map;
}

/** `type_annotation_map = {…}` or `registry = registry(type_annotation_map={…})` in the class body. */
function ownMap(cls: ModelClass): Node | undefined {
  for (const attr of cls.attributes) {
    if (!attr.value) continue;
    if (attr.name === 'type_annotation_map' && attr.value.type === 'dictionary') return attr.value;
    if (attr.name === 'registry' && calleeName(attr.value) === 'registry') {
      const arg = keywordArgs(attr.value).find((k) => k.name === 'type_annotation_map')?.value;
      if (arg?.type === 'dictionary') return arg;
    }
  }
  return undefined;
}
