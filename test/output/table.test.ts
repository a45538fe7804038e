import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/output/table.ts';
import { ownerTarget, varcharInfo } from './findings.ts';

const options = { sources: ['database', 'drizzle', 'sqlmodel'], truth: 'database', tableCount: 2, color: false };
const findings = [ownerTarget, varcharInfo('user_id'), varcharInfo('team_id')];

describe('table report', () => {
  it('collapses info findings into one line per rule and reason', () => {
    expect(formatTable(findings, options)).toBe(
      [
        'Compared 2 tables across database, drizzle, sqlmodel (truth: database).',
        '',
        'Issue           Rule       database (truth)  drizzle  sqlmodel                Status',
        'teams.owner_id  fk-target  users.id          ✓        ✗ user_credits.user_id  CRITICAL (fixable)',
        '2 info findings (column-type: equivalent in PostgreSQL) — use --verbose to list them',
        '',
        'critical fk-target: Foreign key teams.owner_id points at different targets: database, drizzle say users.id; sqlmodel says user_credits.user_id',
        // Only the place that has to change: drizzle agrees with the database here.
        '    sqlmodel  fastapi/models/credits.py:73:35',
        '',
        '1 critical, 0 warning, 2 info. 1 fixable: run `schemadrift fix --dry-run` to see the changes.',
        '',
      ].join('\n'),
    );
  });

  it('lists info findings as rows, with their locations, under --verbose', () => {
    const text = formatTable(findings, { ...options, verbose: true });
    expect(text).not.toContain('use --verbose');
    expect(text).toContain('\nuser_credits.user_id  column-type  character varying  ≈ text   ✓                       info\n');
    expect(text).toContain('\ninfo column-type: Column user_credits.team_id has different types');
  });

  it('with only info findings prints no table header', () => {
    expect(formatTable([varcharInfo('user_id')], options)).toBe(
      'Compared 2 tables across database, drizzle, sqlmodel (truth: database).\n\n' +
        '1 info finding (column-type: equivalent in PostgreSQL) — use --verbose to list them\n\n' +
        '0 critical, 0 warning, 1 info.\n',
    );
  });
});
