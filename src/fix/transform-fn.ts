/** A transform as run here: jscodeshift's signature, with options already parsed. */
export type TransformFn = (file: { path: string; source: string }, api: never, options: Record<string, string>) => string;
