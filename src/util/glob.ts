// Table, column and rule patterns in the config (`owners`, `tables`, `ignore`, a database source's table
// filter) are simple globs, shared by the sources and compare stages: `*` is any
// run of characters (including `.`, so `auth.*` and `*` both work on `schema.table` keys), `?` one character.
// Names never contain `/`, so nothing path-like (`**`, braces) is needed.

const cache = new Map<string, RegExp>();

export function globToRegExp(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    const body = pattern
      .split('')
      .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`);
    cache.set(pattern, re);
  }
  return re;
}

export function globMatch(pattern: string, text: string): boolean {
  return globToRegExp(pattern).test(text);
}

export function matchesAny(patterns: readonly string[] | undefined, text: string): boolean {
  return (patterns ?? []).some((p) => globMatch(p, text));
}

export function isGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}
