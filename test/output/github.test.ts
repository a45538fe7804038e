import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/output/github.ts';
import { databaseOnly, finding, ownerTarget, varcharInfo } from './findings.ts';

describe('GitHub workflow commands', () => {
  it('annotates the line each wrong source has to change, with the severity as the command', () => {
    expect(formatGithub([ownerTarget, varcharInfo('team_id')])).toBe(
      '::error file=fastapi/models/credits.py,line=73,col=35,title=schemadrift fk-target (sqlmodel)::' +
        'Foreign key teams.owner_id points at different targets: database, drizzle say users.id; sqlmodel says user_credits.user_id\n' +
        '::notice file=nextjs/src/database/schema.ts,line=97,col=3,title=schemadrift column-type (drizzle)::' +
        'Column user_credits.team_id has different types: database, sqlmodel say character varying; drizzle says text (equivalent in PostgreSQL)\n' +
        'schemadrift: 1 critical, 0 warning, 1 info.\n',
    );
  });

  it('prints a finding without a code location as a plain line, annotating nothing', () => {
    expect(formatGithub([databaseOnly])).toBe(
      'warning column-missing: Column users.stripe_customer_id is in database but not in drizzle\n' +
        'schemadrift: 0 critical, 1 warning, 0 info.\n',
    );
  });

  it('uses ::warning for warnings', () => {
    const f = finding({ ...ownerTarget, rule: 'fk-on-delete', severity: 'warning', message: 'ON DELETE differs' });
    expect(formatGithub([f]).split('\n')[0]).toBe(
      '::warning file=fastapi/models/credits.py,line=73,col=35,title=schemadrift fk-on-delete (sqlmodel)::ON DELETE differs',
    );
  });

  it('escapes as the Actions runner unescapes: %, CR, LF everywhere, and : , in properties', () => {
    expect(escapeData('50% a:b,c\r\nd')).toBe('50%25 a:b,c%0D%0Ad');
    expect(escapeProperty('50% a:b,c\r\nd')).toBe('50%25 a%3Ab%2Cc%0D%0Ad');
    const odd = finding({
      ...ownerTarget,
      message: 'line one\nline two: 100%',
      locations: [{ source: 'sqlmodel', file: 'models/a,b:c.py', line: 1, column: 2 }],
    });
    expect(formatGithub([odd]).split('\n')[0]).toBe(
      '::error file=models/a%2Cb%3Ac.py,line=1,col=2,title=schemadrift fk-target (sqlmodel)::line one%0Aline two: 100%25',
    );
  });
});
