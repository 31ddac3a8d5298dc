/**
 * An error in the content, for an editor: its message already says which
 * file and line, what is wrong and what to write instead, so the stack trace
 * (which only points into the build's own code) is left off.
 */
export function contentError(message: string): Error {
  const error = new Error(message);
  error.stack = '';
  return error;
}
