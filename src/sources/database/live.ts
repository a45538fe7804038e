// Introspection of a running server over a postgres:// URL. Every failure becomes one DatabaseError line
// naming host:port/database, with the password scrubbed from anything that passes through, pg's own
// error text included.

import pg from 'pg';
import { DatabaseError } from '../../errors.ts';
import { codeOf, messageOf } from './error-text.ts';
import { introspect, STATEMENT_TIMEOUT_MS, type Introspection, type IntrospectOptions } from './introspect.ts';
import { pgQueryable } from './queryable.ts';
import { redactor } from './redact.ts';

export const CONNECT_TIMEOUT_MS = 10_000;
// A backstop for a server that stops answering mid-query, where statement_timeout cannot fire.
const QUERY_TIMEOUT_GRACE_MS = 15_000;

export async function introspectLive(url: string, options: IntrospectOptions): Promise<Introspection> {
  const redact = redactor(secretsOf(url));
  const statementTimeout = options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS;
  let client: pg.Client;
  try {
    client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: statementTimeout + QUERY_TIMEOUT_GRACE_MS,
      application_name: 'schemadrift',
    });
  } catch (error) {
    throw new DatabaseError(redact(`invalid database URL ${url}: ${messageOf(error)}`));
  }
  if (typeof client.password === 'string') redact.add(client.password);
  // Without a listener, a connection dropped between queries would crash the process instead of
  // failing the query in progress.
  client.on('error', () => {});
  const host = client.host.includes(':') ? `[${client.host}]` : client.host;
  const target = `${host}:${client.port}/${client.database ?? ''}`;

  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw new DatabaseError(redact(`cannot connect to ${target}: ${connectFailure(error)}`));
  }
  try {
    return await introspect(pgQueryable(client), options);
  } catch (error) {
    if (error instanceof DatabaseError) throw new DatabaseError(redact(`${target}: ${error.message}`));
    throw new DatabaseError(redact(`cannot read the schema of ${target}: ${readFailure(error, statementTimeout)}`));
  } finally {
    await client.end().catch(() => {});
  }
}

/** The password as written in the URL, raw and decoded, since either may be echoed back. */
function secretsOf(url: string): string[] {
  const match = /^[a-z]+:\/\/[^/@?#]*?:([^/@?#]*)@/i.exec(url);
  const raw = match?.[1];
  if (!raw) return [];
  try {
    return [raw, decodeURIComponent(raw)];
  } catch {
    return [raw];
  }
}

function connectFailure(error: unknown): string {
  switch (codeOf(error)) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'unknown host';
    case 'ETIMEDOUT':
      return `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`;
  }
  const message = messageOf(error);
  if (/timeout/i.test(message)) return `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`;
  return message;
}

function readFailure(error: unknown, statementTimeout: number): string {
  if (codeOf(error) === '57014') return `a catalog query took longer than the ${statementTimeout / 1000} s statement timeout`;
  return messageOf(error);
}

