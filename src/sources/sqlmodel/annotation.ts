// Reading a field's type annotation the way SQLModel does: `Optional[X]`, `Union[X, None]` and `X | None`
// make a column nullable, `Annotated[X, ...]` is X, and what remains names the Python type that picks the
// SQL type.

import { namedChildrenOf } from '../../lang/python.ts';
import type { Node } from '../../lang/python.ts';
import { lastSegment } from './cst.ts';

export interface AnnotationInfo {
  /** `ClassVar[...]`: a class attribute, never a field. */
  classVar: boolean;
  /** A union with `None`. */
  optional: boolean;
  /** The remaining type's name (last dotted segment), or undefined when it is not a single named type. */
  typeName?: string;
}

type Shape =
  | { kind: 'name'; name: string }
  | { kind: 'none' }
  | { kind: 'generic'; name: string; args: Shape[] }
  | { kind: 'union'; members: Shape[] }
  | { kind: 'other' };

export function readAnnotation(annotation: Node): AnnotationInfo {
  const shape = toShape(annotation);
  if (shape.kind === 'generic' && shape.name === 'ClassVar') return { classVar: true, optional: false };
  const { optional, base } = unwrap(shape);
  return { classVar: false, optional, typeName: base?.kind === 'name' ? base.name : undefined };
}

function unwrap(shape: Shape): { optional: boolean; base?: Shape } {
  if (shape.kind === 'generic' && shape.name === 'Annotated' && shape.args[0]) return unwrap(shape.args[0]);
  if (shape.kind === 'generic' && shape.name === 'Optional' && shape.args.length === 1) {
    return { optional: true, base: unwrap(shape.args[0]!).base };
  }
  const members =
    shape.kind === 'union'
      ? shape.members
      : shape.kind === 'generic' && shape.name === 'Union'
        ? shape.args
        : undefined;
  if (!members) return { optional: false, base: shape };
  const flat = members.flatMap((m) => (m.kind === 'union' ? m.members : [m]));
  const optional = flat.some((m) => m.kind === 'none');
  const rest = flat.filter((m) => m.kind !== 'none');
  // SQLModel refuses a union of several non-None types, so only `X | None` names a type.
  return { optional, base: rest.length === 1 ? unwrap(rest[0]!).base : undefined };
}

function toShape(node: Node): Shape {
  switch (node.type) {
    case 'type':
    case 'parenthesized_expression': {
      const inner = node.namedChildren.find((c) => c && c.type !== 'comment');
      return inner ? toShape(inner) : { kind: 'other' };
    }
    case 'none':
      return { kind: 'none' };
    case 'identifier':
    case 'attribute':
      return node.text === 'None' ? { kind: 'none' } : { kind: 'name', name: lastSegment(node.text) };
    case 'generic_type': {
      // `Optional[str]` parses as generic_type(identifier, type_parameter(type, ...)).
      const [head, params] = namedChildrenOf(node);
      if (!head || !params) return { kind: 'other' };
      const args = namedChildrenOf(params).filter((c) => c.type !== 'comment').map(toShape);
      return { kind: 'generic', name: lastSegment(head.text), args };
    }
    case 'subscript': {
      // `typing.Optional[str]` parses as subscript(value: attribute, subscript: ...).
      const value = node.childForFieldName('value');
      if (!value) return { kind: 'other' };
      const args = node.childrenForFieldName('subscript').filter((c): c is Node => c !== null).map(toShape);
      return { kind: 'generic', name: lastSegment(value.text), args };
    }
    case 'binary_operator':
    case 'union_type': {
      const op = node.childForFieldName('operator');
      if (node.type === 'binary_operator' && op?.type !== '|') return { kind: 'other' };
      const members = namedChildrenOf(node).filter((c) => c.type !== 'comment').map(toShape);
      return { kind: 'union', members };
    }
    default:
      return { kind: 'other' };
  }
}
