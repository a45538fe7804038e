// The Python transforms (tree-sitter based), loaded only when a fix edits a Python file.

import type { TransformId } from '../plan/index.ts';
import sqlmodelColumnAdd from '../../transforms/sqlmodel-column-add.ts';
import sqlmodelColumnDefault from '../../transforms/sqlmodel-column-default.ts';
import sqlmodelColumnNullable from '../../transforms/sqlmodel-column-nullable.ts';
import sqlmodelColumnRemove from '../../transforms/sqlmodel-column-remove.ts';
import sqlmodelColumnType from '../../transforms/sqlmodel-column-type.ts';
import sqlmodelForeignKey from '../../transforms/sqlmodel-foreign-key.ts';
import sqlmodelIndex from '../../transforms/sqlmodel-index.ts';
import sqlmodelOnDelete from '../../transforms/sqlmodel-on-delete.ts';
import sqlmodelOnUpdate from '../../transforms/sqlmodel-on-update.ts';
import sqlmodelPrimaryKey from '../../transforms/sqlmodel-primary-key.ts';
import sqlmodelTableAdd from '../../transforms/sqlmodel-table-add.ts';
import sqlmodelTableRemove from '../../transforms/sqlmodel-table-remove.ts';
import sqlmodelUnique from '../../transforms/sqlmodel-unique.ts';
import type { TransformFn } from './transform-fn.ts';

export const PYTHON_TRANSFORMS = {
  'sqlmodel-column-add': sqlmodelColumnAdd as unknown as TransformFn,
  'sqlmodel-column-default': sqlmodelColumnDefault as unknown as TransformFn,
  'sqlmodel-column-nullable': sqlmodelColumnNullable as unknown as TransformFn,
  'sqlmodel-column-remove': sqlmodelColumnRemove as unknown as TransformFn,
  'sqlmodel-column-type': sqlmodelColumnType as unknown as TransformFn,
  'sqlmodel-foreign-key': sqlmodelForeignKey as unknown as TransformFn,
  'sqlmodel-index': sqlmodelIndex as unknown as TransformFn,
  'sqlmodel-on-delete': sqlmodelOnDelete as unknown as TransformFn,
  'sqlmodel-on-update': sqlmodelOnUpdate as unknown as TransformFn,
  'sqlmodel-primary-key': sqlmodelPrimaryKey as unknown as TransformFn,
  'sqlmodel-table-add': sqlmodelTableAdd as unknown as TransformFn,
  'sqlmodel-table-remove': sqlmodelTableRemove as unknown as TransformFn,
  'sqlmodel-unique': sqlmodelUnique as unknown as TransformFn,
} satisfies Record<Extract<TransformId, `sqlmodel-${string}`>, TransformFn>;
