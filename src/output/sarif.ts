// SARIF 2.1.0 for GitHub code scanning: the rules with their descriptions, and one result per place a
// source has to change, each with a fingerprint that survives line moves so an alert keeps its identity
// from one run to the next. Validated against the OASIS 2.1.0 schema in test/output/sarif.test.ts.

import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, FindingLocation, Severity } from '../compare/finding.ts';
import type { RuleMeta } from '../compare/rule.ts';
import { driftLocations } from './findings.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, Result.level> = { critical: 'error', warning: 'warning', info: 'note' };

export interface SarifTool {
  name: string;
  version: string;
  /** The project's home page (package.json `homepage`); rule help links are made from it when it is on GitHub. */
  homepage?: string;
}

export interface SarifOptions {
  tool: SarifTool;
  /** Every rule that can report, so that `ruleIndex` stays the same whichever fired. */
  rules: readonly RuleMeta[];
}

/** `docs/rules/<id>.md` in the project's repository, when its home page is a GitHub repository. */
function ruleDocUri(homepage: string | undefined, id: string): string | undefined {
  const repo = homepage && /^https:\/\/github\.com\/[^/]+\/[^/#?]+/.exec(homepage)?.[0];
  return repo ? `${repo}/blob/HEAD/docs/rules/${id}.md` : undefined;
}

function descriptor(meta: RuleMeta, tool: SarifTool): ReportingDescriptor {
  const helpUri = ruleDocUri(tool.homepage, meta.id);
  return {
    id: meta.id,
    name: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: `${meta.description} Default severity: ${meta.severity}.` },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[meta.severity] },
  };
}

/** Stable across runs and line moves: what the finding is about and which source says it, nothing else. */
function fingerprint(f: Finding, l: FindingLocation): string {
  return createHash('sha256').update([f.rule, f.table, f.column ?? '', l.source].join('\u0000')).digest('hex');
}

function result(f: Finding, l: FindingLocation, ruleIndex: number): Result {
  return {
    ruleId: f.rule,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: `${f.message} (${l.source})` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(l.file) },
          region: { startLine: l.line, startColumn: l.column },
        },
      },
    ],
    partialFingerprints: { 'schemadrift/v1': fingerprint(f, l) },
  };
}

export function buildSarif(findings: readonly Finding[], o: SarifOptions): Log {
  const ids = o.rules.map((r) => r.id);
  const { homepage } = o.tool;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: o.tool.name,
            version: o.tool.version,
            ...(homepage ? { informationUri: homepage } : {}),
            rules: o.rules.map((r) => descriptor(r, o.tool)),
          },
        },
        // Code scanning shows results at a place in a file: a finding with no code location (the database
        // alone declares it) has none to show and is left to the other formats.
        results: findings.flatMap((f) => driftLocations(f).map((l) => result(f, l, ids.indexOf(f.rule)))),
      },
    ],
  };
}

export function formatSarif(findings: readonly Finding[], o: SarifOptions): string {
  return `${JSON.stringify(buildSarif(findings, o), null, 2)}\n`;
}
