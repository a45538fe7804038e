// Making an annotation optional (`Optional[X]`, `X | None`, `Union[X, None]`) or not, in the spelling the file
// already uses, as SQLModel reads nullability from it.

import type { Node } from '../../src/lang/python.ts';
import { namedChildrenOf } from '../../src/lang/python.ts';
import { lastSegment } from '../../src/sources/sqlmodel/cst.ts';
import type { Edit } from './python-edits.ts';

/** How a file spells "X or None": `Optional[X]` under the name it imports (`Optional`, `typing.Optional`), `X | None`, `Union[X, None]`. */
export type OptionalStyle = { kind: 'optional'; head: string } | { kind: 'pipe' } | { kind: 'union'; head: string };

/** `Optional[X]` and friends found in an annotation: the node to replace and the type it wraps. */
interface OptionalSite {
  node: Node;
  inner: Node;
  /** The bare name the spelling depends on (`Optional`, `Union`), when it is a bare name. */
  name?: string;
}

/** The expression inside a `type` node. */
function inside(node: Node): Node {
  return node.type === 'type' ? (namedChildrenOf(node).find((c) => c.type !== 'comment') ?? node) : node;
}

/** `Optional` for `Optional[…]` and `typing.Optional[…]`, with the head as written. */
function genericHead(node: Node): { head: Node; args: Node[] } | undefined {
  if (node.type === 'generic_type') {
    const [head, params] = namedChildrenOf(node);
    return head && params ? { head, args: namedChildrenOf(params).filter((c) => c.type !== 'comment') } : undefined;
  }
  if (node.type === 'subscript') {
    const head = node.childForFieldName('value');
    const args = node.childrenForFieldName('subscript').filter((c): c is Node => c !== null);
    return head ? { head, args } : undefined;
  }
  return undefined;
}

function isNone(node: Node): boolean {
  const n = inside(node);
  return n.type === 'none' || (n.type === 'identifier' && n.text === 'None');
}

/** The members of `A | B | None`, flattened. */
function pipeMembers(node: Node): Node[] | undefined {
  if (node.type !== 'binary_operator' && node.type !== 'union_type') return undefined;
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.type !== '|') return undefined;
  return namedChildrenOf(node)
    .filter((c) => c.type !== 'comment')
    .flatMap((c) => pipeMembers(inside(c)) ?? [c]);
}

/** Where an annotation says "or None", looking through `Annotated[X, …]`; undefined when it does not. */
export function findOptional(annotation: Node): OptionalSite | undefined {
  const node = inside(annotation);
  const generic = genericHead(node);
  const headName = generic && lastSegment(generic.head.text);
  if (generic && headName === 'Annotated' && generic.args[0]) return findOptional(generic.args[0]);
  const bare = generic?.head.type === 'identifier' ? generic.head.text : undefined;
  if (generic && headName === 'Optional' && generic.args.length === 1) {
    return { node, inner: generic.args[0]!, ...(bare && { name: bare }) };
  }
  const members = generic && headName === 'Union' ? generic.args : pipeMembers(node);
  if (!members || !members.some(isNone)) return undefined;
  const rest = members.filter((m) => !isNone(m));
  if (rest.length !== 1) throw new Error(`${annotation.text} is a union of several types; SQLModel cannot map it to one column`);
  return { node, inner: rest[0]!, ...(bare && { name: bare }) };
}

/** Where `Optional[…]` should go in an annotation that has none: inside `Annotated[X, …]`, else the whole. */
function wrapTarget(annotation: Node): Node {
  const node = inside(annotation);
  const generic = genericHead(node);
  if (generic && lastSegment(generic.head.text) === 'Annotated' && generic.args[0]) return wrapTarget(generic.args[0]);
  return node;
}

/** The spelling most annotations of the file use; `Optional` when none says "or None" yet (valid in every Python 3). */
export function optionalStyle(root: Node): OptionalStyle {
  const counts = new Map<string, { style: OptionalStyle; n: number }>();
  const count = (key: string, style: OptionalStyle) => {
    const entry = counts.get(key) ?? { style, n: 0 };
    entry.n++;
    counts.set(key, entry);
  };
  for (const type of root.descendantsOfType('type')) {
    if (!type || type.parent?.type === 'type') continue;
    const node = inside(type);
    const generic = genericHead(node);
    const name = generic && lastSegment(generic.head.text);
    if (generic && name === 'Optional') count(`optional:${generic.head.text}`, { kind: 'optional', head: generic.head.text });
    else if (generic && name === 'Union' && generic.args.some(isNone)) count(`union:${generic.head.text}`, { kind: 'union', head: generic.head.text });
    else if (pipeMembers(node)?.some(isNone)) count('pipe', { kind: 'pipe' });
  }
  let best: { style: OptionalStyle; n: number } | undefined;
  for (const entry of counts.values()) if (!best || entry.n > best.n) best = entry;
  return best?.style ?? { kind: 'optional', head: 'Optional' };
}

/** The edit making `annotation` optional in `style`. */
export function makeOptional(annotation: Node, style: OptionalStyle): Edit {
  const target = wrapTarget(annotation);
  const text =
    style.kind === 'pipe'
      ? `${target.text} | None`
      : style.kind === 'optional'
        ? `${style.head}[${target.text}]`
        : `${style.head}[${target.text}, None]`;
  return { start: target.startIndex, end: target.endIndex, text };
}

/** The edit unwrapping `Optional[X]` to `X`, and the bare name (`Optional`) the removed text used, if any. */
export function removeOptional(site: OptionalSite): { edit: Edit; name?: string } {
  const inner = inside(site.inner);
  return {
    edit: { start: site.node.startIndex, end: site.node.endIndex, text: inner.text },
    ...(site.name && { name: site.name }),
  };
}
