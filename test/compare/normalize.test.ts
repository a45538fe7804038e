import { describe, expect, it } from 'vitest';
import { normalizeDefault } from '../../src/compare/normalize/sql-default.ts';
import { normalizeExpression } from '../../src/compare/normalize/sql-expression.ts';
import { normalizeType } from '../../src/compare/normalize/sql-type.ts';

describe('normalizeType', () => {
  it.each([
    ['int4', 'integer'],
    ['serial', 'integer'],
    ['bigserial', 'bigint'],
    ['varchar(64)', 'character varying(64)'],
    ['VARCHAR', 'character varying'],
    ['timestamp', 'timestamp without time zone'],
    ['timestamp(3)', 'timestamp(3) without time zone'],
    ['timestamptz(3)', 'timestamp(3) with time zone'],
    ['timestamp (3) with time zone', 'timestamp(3) with time zone'],
    ['timestamp with time zone(6)', 'timestamp(6) with time zone'],
    ['numeric(10, 2)', 'numeric(10,2)'],
    ['decimal(10,2)', 'numeric(10,2)'],
    ['_int4', 'integer[]'],
    ['text[]', 'text[]'],
    ['mood', 'mood'],
  ])('%s → %s', (input, expected) => expect(normalizeType(input)).toBe(expected));
});

describe('normalizeDefault', () => {
  it.each([
    ['now()', 'now()'],
    ['CURRENT_TIMESTAMP', 'now()'],
    ["'x'::text", "'x'"],
    ["'x'::character varying", "'x'"],
    ["'0'::integer", '0'],
    ["'1.5'::numeric(10,2)", '1.5'],
    ["'true'::boolean", 'true'],
    ["'f'::boolean", 'false'],
    ['TRUE', 'true'],
    ['(0)', '0'],
    ["nextval('users_id_seq'::regclass)", "nextval('users_id_seq')"],
    ["nextval('public.users_id_seq'::regclass)", "nextval('users_id_seq')"],
    ['gen_random_uuid()', 'gen_random_uuid()'],
    ["'It''s'::text", "'It''s'"],
  ])('%s → %s', (input, expected) => expect(normalizeDefault(input)).toBe(expected));

  it('keeps a quoted number that was not cast to a number (a text default)', () => {
    expect(normalizeDefault("'0'")).toBe("'0'");
    expect(normalizeDefault("'true'::text")).toBe("'true'");
  });
  it('NULL is no default', () => {
    expect(normalizeDefault('NULL')).toBeUndefined();
    expect(normalizeDefault('NULL::text')).toBeUndefined();
    expect(normalizeDefault(undefined)).toBeUndefined();
  });
  it('does not take a cast on the last operand for a cast of the whole expression', () => {
    expect(normalizeDefault("a::int + '1'::integer")).toBe("a::int + '1'::integer");
  });
});

describe('normalizeExpression', () => {
  it.each([
    ['(amount > 0)', 'amount>0'],
    ['amount > 0', 'amount>0'],
    ["((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))", "status=any((array['a','b'])::text[])"],
    ['"Amount" > 0', '"Amount">0'],
    ['((price)::numeric >= (0)::numeric)', 'price>=0'],
  ])('%s → %s', (input, expected) => expect(normalizeExpression(input)).toBe(expected));
});
