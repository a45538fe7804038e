// The `uniques` and `indexes` options of the table-add transforms (JSON): what is written with a new table.

export interface UniqueSpec {
  columns: string[];
  name?: string;
  /** A UNIQUE constraint (the default) or a unique index. */
  form?: 'constraint' | 'index';
}

export interface IndexSpec {
  columns: string[];
  name?: string;
}
