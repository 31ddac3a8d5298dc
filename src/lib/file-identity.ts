/**
 * Which file a path holds now: its device, inode, size and time of last
 * write. A rebuild links the previous build's unchanged pages into the new
 * site (integrations/page-reuse), so a page with the identity a build step
 * kept last time is the very file it read then, and what it read holds
 * (built pages, the search index's months and shards). A page written again
 * is another inode or a later time. From a plain stat, not a BigInt one
 * (slower to make, for 10,000 pages): its time in milliseconds keeps a
 * fraction of a microsecond.
 */
export const fileIdentity = (stats: { dev: number; ino: number; size: number; mtimeMs: number }): string => `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;
