// The one name in an annotation that says the column's Python type: `str` in `Optional[str]`, `str | None`,
// `Union[str, None]`, `Mapped[Optional[str]]`. A type change rewrites that name and nothing around it.

import type { Node } from '../../src/lang/python.ts';
import { namedChildrenOf } from '../../src/lang/python.ts';
import { lastSegment } from '../../src/sources/sqlmodel/cst.ts';

const WRAPPERS = new Set(['Optional', 'Mapped']);

function members(node: Node): Node[] {
  return namedChildrenOf(node).filter((c) => c.type !== 'comment');
}

function isNone(node: Node): boolean {
  const n = node.type === 'type' ? members(node)[0] : node;
  return n?.type === 'none' || n?.text === 'None';
}

/** The single named type in the annotation, or undefined when it is not one (`Annotated[…]`, `list[str]`, a union of types). */
export function annotationBase(node: Node): Node | undefined {
  switch (node.type) {
    case 'type':
    case 'parenthesized_expression': {
      const inner = members(node)[0];
      return inner && annotationBase(inner);
    }
    case 'identifier':
    case 'attribute':
      return node.text === 'None' ? undefined : node;
    case 'generic_type':
    case 'subscript': {
      // `Optional[str]` is generic_type(identifier, type_parameter(type)); `typing.Optional[str]` a subscript.
      const [first, params] = members(node);
      const head = node.type === 'generic_type' ? first : node.childForFieldName('value');
      const args =
        node.type === 'generic_type'
          ? params
            ? members(params)
            : []
          : node.childrenForFieldName('subscript').filter((c): c is Node => c !== null);
      const name = head && lastSegment(head.text);
      if (name && WRAPPERS.has(name) && args.length === 1) return annotationBase(args[0]!);
      if (name === 'Union') return single(args);
      return undefined;
    }
    case 'binary_operator':
    case 'union_type':
      if (node.type === 'binary_operator' && node.childForFieldName('operator')?.type !== '|') return undefined;
      return single(members(node));
    default:
      return undefined;
  }
}

/** `X` of `X | None`: unions of several types name none. */
function single(options: Node[]): Node | undefined {
  const flat = options.flatMap((o) => (o.type === 'binary_operator' || o.type === 'union_type' ? members(o) : [o]));
  const rest = flat.filter((o) => !isNone(o));
  return rest.length === 1 ? annotationBase(rest[0]!) : undefined;
}
