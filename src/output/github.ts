// GitHub Actions workflow commands: one `::error file=…,line=…,col=…,title=…::message` annotation per place
// a source has to change, so the drift shows on the pull request's diff. Escaping follows the Actions
// runner's own (toolkit `command.ts`): `%`, CR and LF in the message; also `:` and `,` in properties.

import type { Finding, Severity } from '../compare/finding.ts';
import { driftLocations, severityCounts } from './findings.ts';

const COMMAND: Record<Severity, string> = { critical: 'error', warning: 'warning', info: 'notice' };

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name} ${props}::${escapeData(message)}`;
}

export function formatGithub(findings: readonly Finding[]): string {
  const out: string[] = [];
  for (const f of findings) {
    const codeLocations = driftLocations(f);
    // A database-only finding has no line to annotate; the log still says it.
    if (!codeLocations.length) out.push(`${f.severity} ${f.rule}: ${escapeData(f.message)}`);
    for (const l of codeLocations) {
      const title = `schemadrift ${f.rule} (${l.source})`;
      out.push(command(COMMAND[f.severity], { file: l.file, line: l.line, col: l.column, title }, f.message));
    }
  }
  const n = severityCounts(findings);
  out.push(`schemadrift: ${n.critical} critical, ${n.warning} warning, ${n.info} info.`);
  return `${out.join('\n')}\n`;
}
