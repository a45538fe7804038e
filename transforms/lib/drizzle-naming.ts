// How a Drizzle file names its columns, so that code a fix writes looks like the code around it: whether
// builders get the SQL name as an argument, and whether keys are the camelCase of the names.

import { type Node, type ObjectProperty, flattenChain, is, propertyName, stringValue } from './drizzle-ast.ts';

export interface NamingCounts {
  named: number;
  unnamed: number;
  /** Keys that are the camelCase of their (given or derived) name. */
  camel: number;
  /** Keys that are the SQL name itself. */
  same: number;
}

export function camelCase(name: string): string {
  return name.replace(/_+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function countNaming(props: readonly Node[]): NamingCounts {
  const c: NamingCounts = { named: 0, unnamed: 0, camel: 0, same: 0 };
  for (const prop of props) {
    const key = propertyName(prop);
    const chain = is<ObjectProperty>(prop, 'ObjectProperty') ? flattenChain(prop.value) : undefined;
    if (key === undefined || !chain) continue;
    const name = stringValue(chain.root.arguments[0]);
    if (name === undefined) {
      c.unnamed++;
      // A key with capitals and no name argument: the project's casing option derives snake_case names.
      if (/[A-Z]/.test(key)) c.camel++;
      else if (key.includes('_')) c.same++;
      continue;
    }
    c.named++;
    if (key !== name && key === camelCase(name)) c.camel++;
    else if (key === name && name !== camelCase(name)) c.same++;
  }
  return c;
}

/** With no evidence either way: Drizzle's own examples write camelCase keys and explicit names. */
export function namingStyle(c: NamingCounts): { writesNames: boolean; camel: boolean } {
  return { writesNames: c.named + c.unnamed === 0 || c.named >= c.unnamed, camel: c.camel >= c.same };
}
