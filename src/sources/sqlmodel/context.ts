// What reading one table needs to know about the rest of the files read, and where it leaves what can only
// be settled once every table is known (a column typed by the column its foreign key points at).

import type { Node } from '../../lang/python.ts';
import type { Column, Diagnostic, ForeignKey, Span } from '../../model/schema.ts';
import type { ModelClass } from './cst.ts';
import type { NamingConvention } from './naming.ts';
import type { TypeAnnotationMap } from './type-annotation-map.ts';

export interface TableContext {
  classes: ReadonlyMap<string, ModelClass>;
  enums: ReadonlySet<string>;
  span(node: Node): Span;
  diagnostics: Diagnostic[];
  /** SQLModel 0.0.45+: a bare `datetime` is `timestamp with time zone`. */
  utcDatetime?: boolean;
  /** Table names of mapped classes, for `ForeignKey(User.id)`. */
  tableOfClass?: ReadonlyMap<string, string>;
  /** `Column(ForeignKey("t.c"))` without a type: SQLAlchemy copies the target column's type. */
  typeFromTarget?: { column: Column; fk: ForeignKey }[];
  /** Columns whose Python-side default or `autoincrement=` keeps SQLAlchemy from making them SERIAL. */
  autoincrement?: Map<Column, boolean>;
  /** The declarative base's `MetaData(naming_convention=…)`, when literal. */
  naming?: NamingConvention;
  /** The declarative base's `type_annotation_map`, for `Mapped[T]` without an explicit type. */
  typeMap?: TypeAnnotationMap;
}

/** A table's primary key while its columns are read. */
export interface PrimaryKeyDraft {
  columns: string[];
  name?: string;
  loc?: Span;
}
