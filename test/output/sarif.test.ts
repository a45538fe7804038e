import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/compare/rules/index.ts';
import { buildSarif, formatSarif } from '../../src/output/sarif.ts';
import { GOLDEN_DIR } from '../helpers/reports.ts';
import { databaseOnly, finding, ownerTarget, varcharInfo } from './findings.ts';

const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, 'schemas/sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

function expectValid(log: unknown) {
  const ok = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

const rules = RULES.map((r) => r.meta);
const tool = { name: 'schemadrift', version: '0.1.0', homepage: 'https://github.com/example/schemadrift' };

describe('SARIF', () => {
  it('validates against the SARIF 2.1.0 schema, and the example\'s golden does too', () => {
    expectValid(buildSarif([ownerTarget, varcharInfo('team_id'), databaseOnly], { tool, rules }));
    expectValid(buildSarif([], { tool: { name: 'schemadrift', version: '0.1.0' }, rules }));
    expectValid(JSON.parse(readFileSync(path.join(GOLDEN_DIR, 'report.sarif'), 'utf8')));
  });

  it('the schema is not a rubber stamp: it rejects a result without a message', () => {
    const log = buildSarif([ownerTarget], { tool, rules });
    delete (log.runs[0]!.results![0] as { message?: unknown }).message;
    expect(validate(log)).toBe(false);
  });

  it('describes every rule, with its default level and a help link from the home page', () => {
    const driver = buildSarif([], { tool, rules }).runs[0]!.tool.driver;
    expect(driver).toMatchObject({ name: 'schemadrift', version: '0.1.0', informationUri: tool.homepage });
    expect(driver.rules!.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    const fkTarget = driver.rules!.find((r) => r.id === 'fk-target')!;
    expect(fkTarget.defaultConfiguration).toEqual({ level: 'error' });
    expect(fkTarget.shortDescription!.text).toBe(RULES.find((r) => r.meta.id === 'fk-target')!.meta.description);
    expect(fkTarget.helpUri).toBe('https://github.com/example/schemadrift/blob/HEAD/docs/rules/fk-target.md');
  });

  it('reports each finding where a source has to change, with a fingerprint that ignores lines', () => {
    const results = buildSarif([ownerTarget, varcharInfo('team_id'), databaseOnly], { tool, rules }).runs[0]!.results!;
    // teams.owner_id: only sqlmodel is wrong, so drizzle's (right) line is not flagged; the database-only
    // finding has no place in code.
    expect(results.map((r) => [r.ruleId, r.level, r.locations![0]!.physicalLocation!.artifactLocation!.uri])).toEqual([
      ['fk-target', 'error', 'fastapi/models/credits.py'],
      ['column-type', 'note', 'nextjs/src/database/schema.ts'],
    ]);
    expect(results[0]!.locations![0]!.physicalLocation!.region).toEqual({ startLine: 73, startColumn: 35 });
    expect(results[0]!.ruleIndex).toBe(RULES.findIndex((r) => r.meta.id === 'fk-target'));

    const moved = { ...ownerTarget, locations: ownerTarget.locations.map((l) => ({ ...l, line: l.line + 10 })) };
    const again = buildSarif([moved], { tool, rules }).runs[0]!.results![0]!;
    expect(again.partialFingerprints).toEqual(results[0]!.partialFingerprints);
    const other = buildSarif([{ ...ownerTarget, column: 'name' }], { tool, rules }).runs[0]!.results![0]!;
    expect(other.partialFingerprints).not.toEqual(results[0]!.partialFingerprints);
  });

  it('is byte-identical for the same findings', () => {
    const findings = [ownerTarget, finding({ rule: 'fk-on-delete', severity: 'warning', table: 't', locations: ownerTarget.locations })];
    expect(formatSarif(findings, { tool, rules })).toBe(formatSarif(findings, { tool, rules }));
  });
});
