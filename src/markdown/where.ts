import path from 'node:path';

/** "content/articles/x.md:12" for messages that send an editor to the line. */
export function where(
  file: { path?: string | undefined },
  node: { position?: { start: { line: number } } | undefined },
): string {
  const name = file.path ? path.relative(process.cwd(), file.path) : '(unknown file)';
  return node.position ? `${name}:${node.position.start.line}` : name;
}
