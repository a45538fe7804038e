import path from 'node:path';

/** How `from` imports `to` in TypeScript source: `./credits`, `../auth/schema` (no extension, posix). */
export function moduleSpecifier(from: string, to: string): string {
  let rel = path.posix.relative(path.posix.dirname(from), to).replace(/\.(c|m)?tsx?$/, '');
  if (rel.endsWith('/index')) rel = rel.slice(0, -'/index'.length);
  return rel.startsWith('.') ? rel : `./${rel}`;
}
