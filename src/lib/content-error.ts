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

/** How a message names a field: "source.dropped[0].text" for the path source → dropped → 0 → text. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`)).join('');
}
