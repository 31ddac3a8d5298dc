/**
 * "content/articles/x.md:12" for messages that send an editor to the line:
 * the file's path as the caller gave it (relative, from the loader).
 */
export function where(
  file: { path?: string | undefined },
  node: { position?: { start: { line: number } } | undefined },
): string {
  const name = file.path ?? '(unknown file)';
  return node.position ? `${name}:${node.position.start.line}` : name;
}
