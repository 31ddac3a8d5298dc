import { visit, EXIT } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/random.mjs';
import { walk } from '../../src/markdown/walk';

/*
 * The Markdown plugins walk each article's tree with markdown/walk instead of
 * unist-util-visit: it must reach the same nodes in the same order, including
 * nodes a visitor adds to the node it is given, and stop where told.
 */

interface TestNode {
  type: string;
  id: number;
  children?: TestNode[];
}

const TYPES = ['element', 'text', 'paragraph', 'containerDirective'];

/** A tree of up to `size` nodes of a few types, some with children, some without. */
function generatedTree(seed: number, size: number): TestNode {
  const random = seededRandom(seed);
  let id = 0;
  const node = (depth: number): TestNode => {
    const made: TestNode = { type: TYPES[Math.floor(random() * TYPES.length)]!, id: id++ };
    if (depth < 6 && random() < 0.6) {
      made.children = [];
      const count = Math.floor(random() * 5);
      for (let i = 0; i < count && id < size; i++) made.children.push(node(depth + 1));
    }
    return made;
  };
  return node(0);
}

const seeds = Array.from({ length: 200 }, (_, i) => i + 1);

describe('walking an article tree (markdown/walk)', () => {
  it('visits the nodes unist-util-visit visits, in its order, with a type or without', () => {
    for (const seed of seeds) {
      const tree = generatedTree(seed, 300);
      for (const type of [undefined, 'element', 'text']) {
        const theirs: number[] = [];
        const ours: number[] = [];
        if (type) visit(tree, type, (node: object) => void theirs.push((node as TestNode).id));
        else visit(tree, (node: object) => void theirs.push((node as TestNode).id));
        walk<TestNode>(tree, type, (node) => void ours.push(node.id));
        expect(ours, `seed ${seed}, type ${type}`).toEqual(theirs);
      }
    }
  });

  it('visits the children a visitor adds to the node it is given, as unist-util-visit does', () => {
    let added = 0;
    for (const seed of seeds.slice(0, 50)) {
      const runs = [visit, walk].map((walker) => {
        const tree = generatedTree(seed, 100);
        let next = 1000;
        const seen: number[] = [];
        const visitor = (node: object) => {
          const n = node as TestNode;
          seen.push(n.id);
          // Like remark-source-notes (a label put first) and rehype-quoted-from (a note put last).
          if (n.id % 3 === 0 && n.children) n.children.unshift({ type: 'element', id: next++ });
          if (n.id % 5 === 0 && n.children) n.children.push({ type: 'text', id: next++ });
        };
        if (walker === visit) visit(tree, visitor);
        else walk(tree, undefined, visitor);
        return seen;
      });
      expect(runs[1], `seed ${seed}`).toEqual(runs[0]);
      added += runs[1]!.filter((id) => id >= 1000).length;
    }
    expect(added).toBeGreaterThan(0);
  });

  it('stops at the node whose visitor returns false', () => {
    const tree = generatedTree(7, 300);
    const all: number[] = [];
    walk<TestNode>(tree, undefined, (node) => void all.push(node.id));
    const stopAt = all[Math.floor(all.length / 2)]!;
    const theirs: number[] = [];
    const ours: number[] = [];
    visit(tree, (node: object) => (theirs.push((node as TestNode).id), (node as TestNode).id === stopAt ? EXIT : undefined));
    walk<TestNode>(tree, undefined, (node) => (ours.push(node.id), node.id === stopAt ? false : undefined));
    expect(ours).toEqual(theirs);
    expect(ours.at(-1)).toBe(stopAt);
    expect(ours.length).toBeLessThan(all.length);
  });
});
