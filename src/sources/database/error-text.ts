// Error text for DatabaseError messages, which the CLI prints as a single line.

export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The message on one line. AggregateErrors (every address of a host refused) have an empty message, so
 * their code stands in. */
export function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message || codeOf(error) || 'unknown error').replace(/\s*\n\s*/g, ' ').trim();
}
