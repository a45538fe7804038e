// The one way a transform says "this edit cannot be made here" (the declaration is in a form it does not
// edit, or somewhere else), as opposed to a bug. `fix` skips such an action with a warning and applies the
// others; any other error still stops the whole run.

export class CannotApply extends Error {
  override readonly name = 'CannotApply';
}

/** Also recognises the error after jscodeshift's Babel compiles transforms, which can break `instanceof`. */
export function isCannotApply(error: unknown): error is CannotApply {
  return error instanceof CannotApply || (error instanceof Error && error.name === 'CannotApply');
}
