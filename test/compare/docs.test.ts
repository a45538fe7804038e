// Every rule has a doc page that `schemadrift explain` prints, and the page agrees with the rule's metadata.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/compare/rules/index.ts';
import { RULE_DOCS } from '../../src/cli/explain.ts';

describe('docs/rules', () => {
  it('has exactly one page per rule', () => {
    expect(readdirSync(RULE_DOCS).sort()).toEqual(RULES.map((r) => `${r.meta.id}.md`).sort());
  });

  for (const rule of RULES) {
    it(`${rule.meta.id}.md states the rule's description and default severity, and has every section`, () => {
      const text = readFileSync(path.join(RULE_DOCS, `${rule.meta.id}.md`), 'utf8');
      expect(text.startsWith(`# ${rule.meta.id}\n\n${rule.meta.description}\n\nDefault severity: \`${rule.meta.severity}\`.\n`)).toBe(true);
      for (const section of ['## What it checks', '## Why it matters', '## Examples', '## How to fix', '## Configuration']) {
        expect(text).toContain(`\n${section}\n`);
      }
      expect(text).toContain(`"${rule.meta.id}"`);
    });
  }

  it('the rule registry has unique ids, and the issue\'s rules are all there', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(
      [
        'table-missing', 'column-missing', 'column-extra', 'column-type', 'column-nullable', 'column-default', 'primary-key', 'fk-target',
        'fk-on-delete', 'fk-on-update', 'fk-missing', 'fk-extra', 'unique-missing', 'unique-extra', 'index-missing', 'index-extra',
        'enum-values', 'check-missing', 'constraint-name',
      ].sort(),
    );
  });
});
