// Reading a large Python model package: 1,000 model classes (≈12,000 lines) in 20 files, in all three
// styles (SQLModel, SQLAlchemy 2 `Mapped`/`mapped_column`, legacy `Column`), with mixins, enums, foreign
// keys across files and `__table_args__`, read with readSqlModel. Target (issue 6): under 0.3 s, median of
// several runs in one process; the first run (which loads the tree-sitter WebAssembly) is reported apart.
//
//   node --import tsx bench/python.ts [--classes 1000] [--files 20] [--runs 7]

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { loadPython } from '../src/lang/python.ts';
import { readSqlModel } from '../src/sources/sqlmodel/index.ts';

const TARGET_MS = 300;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const name = (i: number) => `t${String(i).padStart(4, '0')}`;

const HEADER = `import enum
import uuid
from datetime import datetime
from decimal import Decimal
from typing import Optional

from sqlalchemy import Column, ForeignKey, Integer, String, Text, UniqueConstraint, Index, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel

from .base import Base, Stamped, Kind
`;

/** One class of about 12 lines; the style rotates so every reader path is timed. */
function modelClass(i: number): string {
  const prev = i > 1 ? name(i - 1) : undefined;
  switch (i % 3) {
    case 0:
      return `
class M${i}(SQLModel, table=True):
    __tablename__ = "${name(i)}"
    id: Optional[int] = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True)
    label: Optional[str] = None
    amount: Decimal = Field(max_digits=10, decimal_places=2)
    kind: Kind
    at: datetime = Field(sa_column_kwargs={"server_default": func.now()})
    ${prev ? `prev_id: Optional[int] = Field(default=None, foreign_key="${prev}.id", ondelete="SET NULL")` : 'flag: bool = False'}
    token: uuid.UUID = Field(index=True)
`;
    case 1:
      return `
class M${i}(Stamped, Base):
    __tablename__ = "${name(i)}"
    __table_args__ = (UniqueConstraint("code", "label"), Index("ix_${name(i)}_at", "at"))
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32))
    label: Mapped[Optional[str]]
    body: Mapped[str] = mapped_column(Text, server_default="")
    at: Mapped[datetime]
    ${prev ? `prev_id: Mapped[Optional[int]] = mapped_column(ForeignKey("${prev}.id", ondelete="CASCADE"))` : 'flag: Mapped[bool]'}
    kind: Mapped[Kind]
`;
    default:
      return `
class M${i}(Base):
    __tablename__ = "${name(i)}"
    id = Column(Integer, primary_key=True)
    code = Column(String(32), nullable=False, index=True)
    label = Column(String(200))
    body = Column(Text, nullable=False)
    ${prev ? `prev_id = Column(ForeignKey("${prev}.id", ondelete="CASCADE"), nullable=False)` : 'flag = Column(Integer)'}
    n = Column(Integer, server_default="0")
    note = Column("remark", Text)
    # a comment line, as real models have
`;
  }
}

const BASE = `import enum
from datetime import datetime

from sqlalchemy import DateTime, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Stamped:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Kind(str, enum.Enum):
    A = "a"
    B = "b"
`;

const classes = option('classes', 1000);
const fileCount = option('files', 20);
const runs = option('runs', 7);
const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-bench-python-'));
try {
  const perFile = Math.ceil(classes / fileCount);
  const files: string[] = [path.join(dir, 'base.py')];
  writeFileSync(files[0]!, BASE);
  let lines = BASE.split('\n').length;
  for (let f = 0; f < fileCount; f++) {
    let text = HEADER;
    for (let i = f * perFile + 1; i <= Math.min(classes, (f + 1) * perFile); i++) text += modelClass(i);
    const file = path.join(dir, `models_${f}.py`);
    writeFileSync(file, text);
    files.push(file);
    lines += text.split('\n').length;
  }

  const timeOnce = async () => {
    const started = performance.now();
    const model = await readSqlModel({ name: 'sqlmodel', files, cwd: dir });
    const ms = performance.now() - started;
    // Speed never at the cost of the answer: every class must be a table, and nothing unreadable.
    if (model.tables.length !== classes) throw new Error(`read ${model.tables.length} tables, expected ${classes}`);
    if (model.diagnostics.length) throw new Error(`unexpected diagnostics: ${model.diagnostics[0]!.message}`);
    return ms;
  };
  // The floor: tree-sitter parsing the same text, nothing else. On a loaded machine both grow alike, so the
  // ratio tells the reader's own cost apart from the machine's speed.
  const python = await loadPython();
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const parseOnce = () => {
    const started = performance.now();
    for (const text of texts) python.parse(text).delete();
    return performance.now() - started;
  };
  const first = await timeOnce();
  const times: number[] = [];
  const parses: number[] = [];
  for (let r = 0; r < runs; r++) {
    times.push(await timeOnce());
    parses.push(parseOnce());
  }
  const m = median(times);
  console.log(`tree-sitter parse alone: median ${median(parses).toFixed(0)} ms`);
  console.log(
    `readSqlModel: ${classes} classes, ${lines} lines in ${files.length} files: median ${m.toFixed(0)} ms over ${runs} runs ` +
      `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}; first run ${first.toFixed(0)} ms) — target < ${TARGET_MS} ms`,
  );
  if (m >= TARGET_MS) process.exitCode = 1;
} finally {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(dir);
}
