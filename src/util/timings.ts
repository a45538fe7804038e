// `check --timings`: wall time per stage, for users with big schemas who want to know where a run goes.
// Sources are read concurrently, so their times overlap; each is measured from its own start to its end.

export interface Timing {
  stage: string;
  ms: number;
}

export class Timings {
  readonly entries: Timing[] = [];

  async measure<T>(stage: string, work: () => Promise<T> | T): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.entries.push({ stage, ms: performance.now() - start });
    }
  }

  /** Time spent before the command started: Node, the bundle and module loading. */
  startup(): void {
    this.entries.unshift({ stage: 'startup', ms: performance.now() });
  }

  format(): string {
    const width = Math.max(5, ...this.entries.map((e) => e.stage.length));
    const lines = this.entries.map((e) => `  ${e.stage.padEnd(width)}  ${e.ms.toFixed(0).padStart(6)} ms`);
    lines.push(`  ${'total'.padEnd(width)}  ${performance.now().toFixed(0).padStart(6)} ms`);
    return `timings (wall; the sources are read concurrently):\n${lines.join('\n')}\n`;
  }
}
