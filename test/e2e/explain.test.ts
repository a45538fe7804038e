import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/compare/rules/index.ts';
import { ROOT, runCli } from '../helpers/cli.ts';

describe('schemadrift explain', () => {
  it('prints the rule\'s doc page', () => {
    const r = runCli(['explain', 'fk-target'], ROOT);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readFileSync(path.join(ROOT, 'docs/rules/fk-target.md'), 'utf8'));
  });

  it('lists every rule with its severity and description without a rule', () => {
    const r = runCli(['explain'], ROOT);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').slice(0, RULES.length);
    expect(lines.map((l) => l.split(/\s{2,}/))).toEqual(RULES.map((rule) => [rule.meta.id, rule.meta.severity, rule.meta.description]));
  });

  it('an unknown rule exits 2 and lists the known ones', () => {
    const r = runCli(['explain', 'fk-nope'], ROOT);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`schemadrift: unknown rule "fk-nope"; known rules: ${RULES.map((x) => x.meta.id).join(', ')}\n`);
  });
});
