// `npm run golden`: rewrites the report goldens (test/e2e/golden/report.*, and check.txt) from the real CLI
// on the example. Goldens change when rules or formats change on purpose; this makes that a deliberate,
// reviewable step: run it, read `git diff test/e2e/golden`, commit what is meant.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLE, runCli } from '../test/helpers/cli.ts';
import { ALSO_WRITTEN, GOLDEN_DIR, goldenArgs, REPORT_GOLDENS } from '../test/helpers/reports.ts';

const written = new Map<string, string>();
for (const g of REPORT_GOLDENS) {
  const r = runCli(goldenArgs(g), EXAMPLE);
  // The example has drift, so check exits 1; anything else (2: an error) must not become a golden.
  if (r.code !== 1) {
    process.stderr.write(`schemadrift ${goldenArgs(g).join(' ')} exited ${r.code}:\n${r.stderr}`);
    process.exit(1);
  }
  // Goldens hold stdout only; the tests also expect an empty stderr, so say what would fail them.
  if (r.stderr) process.stderr.write(`note: schemadrift ${goldenArgs(g).join(' ')} wrote to stderr:\n${r.stderr}`);
  written.set(g.file, r.stdout);
}
for (const [file, from] of Object.entries(ALSO_WRITTEN)) written.set(file, written.get(from)!);
for (const [file, text] of written) {
  writeFileSync(path.join(GOLDEN_DIR, file), text);
  process.stdout.write(`wrote test/e2e/golden/${file}\n`);
}
process.stdout.write('Review with: git diff test/e2e/golden\n');
