// The TypeScript transforms and what running them needs (jscodeshift, Babel), loaded only when a fix edits a
// TypeScript file: a commit that fixes only Python models never pays for them. Nothing here may load the
// TypeScript compiler: the transforms' own thread (transform-worker.ts) would compile it afresh.

import jscodeshift from 'jscodeshift';
import type { TransformId } from '../plan/index.ts';
import drizzleColumnAdd from '../../transforms/drizzle-column-add.ts';
import drizzleColumnDefault from '../../transforms/drizzle-column-default.ts';
import drizzleColumnNullable from '../../transforms/drizzle-column-nullable.ts';
import drizzleColumnRemove from '../../transforms/drizzle-column-remove.ts';
import drizzleColumnType from '../../transforms/drizzle-column-type.ts';
import drizzleFkOnDelete from '../../transforms/drizzle-fk-on-delete.ts';
import drizzleFkOnUpdate from '../../transforms/drizzle-fk-on-update.ts';
import drizzleFkTarget from '../../transforms/drizzle-fk-target.ts';
import drizzleIndex from '../../transforms/drizzle-index.ts';
import drizzlePrimaryKey from '../../transforms/drizzle-primary-key.ts';
import drizzleTableAdd from '../../transforms/drizzle-table-add.ts';
import drizzleTableRemove from '../../transforms/drizzle-table-remove.ts';
import drizzleUnique from '../../transforms/drizzle-unique.ts';
import type { TransformFn } from './transform-fn.ts';

export const TYPESCRIPT_TRANSFORMS = {
  'drizzle-column-add': drizzleColumnAdd as unknown as TransformFn,
  'drizzle-column-default': drizzleColumnDefault as unknown as TransformFn,
  'drizzle-column-nullable': drizzleColumnNullable as unknown as TransformFn,
  'drizzle-column-remove': drizzleColumnRemove as unknown as TransformFn,
  'drizzle-column-type': drizzleColumnType as unknown as TransformFn,
  'drizzle-fk-on-delete': drizzleFkOnDelete as unknown as TransformFn,
  'drizzle-fk-on-update': drizzleFkOnUpdate as unknown as TransformFn,
  'drizzle-fk-target': drizzleFkTarget as unknown as TransformFn,
  'drizzle-index': drizzleIndex as unknown as TransformFn,
  'drizzle-primary-key': drizzlePrimaryKey as unknown as TransformFn,
  'drizzle-table-add': drizzleTableAdd as unknown as TransformFn,
  'drizzle-table-remove': drizzleTableRemove as unknown as TransformFn,
  'drizzle-unique': drizzleUnique as unknown as TransformFn,
} satisfies Record<Extract<TransformId, `drizzle-${string}`>, TransformFn>;

export function typescriptApi() {
  const j = jscodeshift.withParser('ts');
  return { jscodeshift: j, j, stats: () => undefined, report: () => undefined };
}
