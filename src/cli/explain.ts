// `schemadrift explain [RULE]`: a rule's doc page (docs/rules/RULE.md), or the list of every rule.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RULES } from '../compare/rules/index.ts';
import { PACKAGE_ROOT } from '../util/package-root.ts';
import { EXIT } from './exit.ts';

export const RULE_DOCS = path.join(PACKAGE_ROOT, 'docs/rules');

export function ruleList(): string {
  const width = Math.max(...RULES.map((r) => r.meta.id.length));
  const sevWidth = Math.max(...RULES.map((r) => r.meta.severity.length));
  const lines = RULES.map((r) => `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(sevWidth)}  ${r.meta.description}`);
  return `${lines.join('\n')}\n\nRun schemadrift explain RULE for what a rule checks, examples, and how to fix and configure it.\n`;
}

export function explainCommand(args: { rule?: string }): number {
  if (!args.rule) {
    process.stdout.write(ruleList());
    return EXIT.ok;
  }
  const rule = RULES.find((r) => r.meta.id === args.rule);
  if (!rule) {
    process.stderr.write(`schemadrift: unknown rule "${args.rule}"; known rules: ${RULES.map((r) => r.meta.id).join(', ')}\n`);
    return EXIT.error;
  }
  process.stdout.write(readFileSync(path.join(RULE_DOCS, `${rule.meta.id}.md`), 'utf8'));
  return EXIT.ok;
}
