// Findings for the output tests, built the way compare and plan hand them on.

import type { Finding } from '../../src/compare/finding.ts';

export function finding(over: Partial<Finding> & Pick<Finding, 'rule' | 'severity' | 'table'>): Finding {
  return {
    column: null,
    message: `${over.rule} on ${over.table}`,
    values: {},
    presence: {},
    truth: 'database',
    fixable: false,
    locations: [],
    ...over,
  };
}

/** The seed's teams.owner_id: drizzle agrees with the database, sqlmodel points at the wrong table. */
export const ownerTarget = finding({
  rule: 'fk-target',
  severity: 'critical',
  table: 'teams',
  column: 'owner_id',
  message: 'Foreign key teams.owner_id points at different targets: database, drizzle say users.id; sqlmodel says user_credits.user_id',
  values: { database: 'users.id', drizzle: 'users.id', sqlmodel: 'user_credits.user_id' },
  presence: { database: 'present', drizzle: 'present', sqlmodel: 'present' },
  fixable: true,
  locations: [
    { source: 'drizzle', file: 'nextjs/src/database/schema.ts', line: 86, column: 46 },
    { source: 'sqlmodel', file: 'fastapi/models/credits.py', line: 73, column: 35 },
  ],
});

export const varcharInfo = (column: string) =>
  finding({
    rule: 'column-type',
    severity: 'info',
    table: 'user_credits',
    column,
    message: `Column user_credits.${column} has different types: database, sqlmodel say character varying; drizzle says text (equivalent in PostgreSQL)`,
    values: { database: 'character varying', drizzle: 'text', sqlmodel: 'character varying' },
    presence: { database: 'present', drizzle: 'present', sqlmodel: 'present' },
    locations: [{ source: 'drizzle', file: 'nextjs/src/database/schema.ts', line: 97, column: 3 }],
  });

/** Only the database declares the column: there is no line of code to point at. */
export const databaseOnly = finding({
  rule: 'column-missing',
  severity: 'warning',
  table: 'users',
  column: 'stripe_customer_id',
  message: 'Column users.stripe_customer_id is in database but not in drizzle',
  values: { database: 'stripe_customer_id', drizzle: null },
  presence: { database: 'present', drizzle: 'absent' },
});
