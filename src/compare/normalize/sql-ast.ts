// CHECK conditions and partial-index predicates compared by meaning: parsed by PostgreSQL's own parser
// (libpg-query, the server's grammar compiled to WebAssembly) and reduced to a canonical tree. PostgreSQL
// prints a stored condition fully parenthesised, with casts on literals and `= ANY (ARRAY[…])` for `IN`;
// code writes `a > 0 AND b IN ('x', 'y')`. A textual normalisation (sql-expression.ts) cannot see that
// those agree once there is more than one operator; the parse trees can.
//
// The parser is loaded (≈80 ms) only when some table has such an expression (`loadSqlParser`); until
// then, and for text the parser rejects, callers fall back to the textual form.

interface Parser {
  parseSync(sql: string): { stmts: { stmt: { SelectStmt?: { targetList?: { ResTarget: { val: unknown } }[] } } }[] };
}

let parser: Parser | undefined;
const canonical = new Map<string, string | null>();

export async function loadSqlParser(): Promise<void> {
  if (parser) return;
  const module = (await import('libpg-query')) as unknown as Parser & { loadModule(): Promise<void> };
  await module.loadModule();
  parser = module;
}

/** The canonical tree of a boolean expression as JSON, or undefined (no parser loaded, or not an expression). */
export function canonicalExpression(sql: string): string | undefined {
  if (!parser) return undefined;
  let known = canonical.get(sql);
  if (known === undefined) {
    known = parse(parser, sql);
    canonical.set(sql, known);
  }
  return known ?? undefined;
}

function parse(p: Parser, sql: string): string | null {
  try {
    const stmts = p.parseSync(`SELECT ${sql}`).stmts;
    const targets = stmts.length === 1 ? stmts[0]!.stmt.SelectStmt?.targetList : undefined;
    if (targets?.length !== 1) return null;
    return stringify(reduce(targets[0]!.ResTarget.val));
  } catch {
    return null;
  }
}

type Tree = unknown;
type Obj = Record<string, Tree>;

const isObj = (t: Tree): t is Obj => typeof t === 'object' && t !== null && !Array.isArray(t);

/** Only where the expression was written: never part of its meaning. */
const POSITION = /location$|^(rexpr_)?list_(start|end)$/;

function reduce(tree: Tree): Tree {
  if (Array.isArray(tree)) return tree.map(reduce);
  if (!isObj(tree)) return tree;
  const out: Obj = {};
  for (const [k, v] of Object.entries(tree)) if (!POSITION.test(k)) out[k] = reduce(v);

  // The casts PostgreSQL writes onto literals, columns and arrays when it stores a condition.
  const cast = out.TypeCast;
  if (isObj(cast) && isObj(cast.arg) && ('A_Const' in cast.arg || 'ColumnRef' in cast.arg || 'A_ArrayExpr' in cast.arg)) {
    return cast.arg;
  }
  const expr = out.A_Expr;
  if (isObj(expr)) {
    // `x IN ('a', 'b')` is stored as `x = ANY (ARRAY['a', 'b'])`, `NOT IN` as `<> ALL (…)`.
    // A one-element list is stored as the plain comparison (`x IN ('a')` as `x = 'a'`).
    if (expr.kind === 'AEXPR_IN' && isObj(expr.rexpr) && isObj(expr.rexpr.List)) {
      const items = (expr.rexpr.List.items as Tree[] | undefined) ?? [];
      if (items.length === 1) return { A_Expr: { ...expr, kind: 'AEXPR_OP', rexpr: items[0] } };
      const op = JSON.stringify(expr.name).includes('"<>"') ? 'AEXPR_OP_ALL' : 'AEXPR_OP_ANY';
      return { A_Expr: { ...expr, kind: op, rexpr: { A_ArrayExpr: { elements: items } } } };
    }
    if ((expr.kind === 'AEXPR_OP_ANY' || expr.kind === 'AEXPR_OP_ALL') && isObj(expr.rexpr) && isObj(expr.rexpr.A_ArrayExpr)) {
      const elements = (expr.rexpr.A_ArrayExpr.elements as Tree[] | undefined) ?? [];
      if (elements.length === 1) return { A_Expr: { ...expr, kind: 'AEXPR_OP', rexpr: elements[0] } };
    }
    // `LIKE` is stored as the operator `~~` (`ILIKE` as `~~*`).
    if (expr.kind === 'AEXPR_LIKE' || expr.kind === 'AEXPR_ILIKE') return { A_Expr: { ...expr, kind: 'AEXPR_OP' } };
  }
  // `(a AND b) AND c` and `a AND (b AND c)` are one conjunction.
  const bool = out.BoolExpr;
  if (isObj(bool) && (bool.boolop === 'AND_EXPR' || bool.boolop === 'OR_EXPR') && Array.isArray(bool.args)) {
    const args = bool.args.flatMap((a) => (isObj(a) && isObj(a.BoolExpr) && a.BoolExpr.boolop === bool.boolop ? (a.BoolExpr.args as Tree[]) : [a]));
    return { BoolExpr: { ...bool, args } };
  }
  return out;
}

/** JSON with keys in a fixed order, so equal trees are equal strings. */
function stringify(tree: Tree): string {
  if (Array.isArray(tree)) return `[${tree.map(stringify).join(',')}]`;
  if (!isObj(tree)) return JSON.stringify(tree);
  return `{${Object.keys(tree).sort().map((k) => `${JSON.stringify(k)}:${stringify(tree[k])}`).join(',')}}`;
}
