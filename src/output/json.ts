import type { Finding } from '../compare/finding.ts';

/** Version of the JSON report's shape; bumped only when a field changes meaning or goes away. */
export const JSON_SCHEMA_VERSION = 1;

export function formatJson(findings: readonly Finding[], o: { sources: readonly { name: string; kind: string }[]; truth: string }): string {
  const report = {
    schemaVersion: JSON_SCHEMA_VERSION,
    truth: o.truth,
    sources: o.sources.map((s) => ({ name: s.name, kind: s.kind })),
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      table: f.table,
      column: f.column,
      message: f.message,
      values: f.values,
      presence: f.presence,
      truth: f.truth,
      fixable: f.fixable,
      locations: f.locations,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
