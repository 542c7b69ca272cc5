import { layoutGraph, layoutTree } from '../../ui/src/graph/layout';

const box = (id: string, width = 200, height = 60) => ({ id, width, height });

function overlaps(
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number },
): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe('graph layout', () => {
  it('lays a tree out in ranks by depth, first child first, parents beside their children, no two nodes overlapping', () => {
    const nodes = [
      box('root'),
      box('a', 200, 120),
      box('a1'),
      box('a2'),
      box('b', 200, 160),
      box('b1', 200, 30),
      box('c'),
    ];
    const edges = [
      ['root', 'a'],
      ['a', 'a1'],
      ['a', 'a2'],
      ['root', 'b'],
      ['b', 'b1'],
      ['root', 'c'],
    ].map(([source, target]) => ({ source: source as string, target: target as string }));
    const pos = layoutTree(nodes, edges, 'LR');
    if (!pos) throw new Error('a tree');
    expect(pos.get('a')!.x).toBeGreaterThan(pos.get('root')!.x + 200);
    expect(pos.get('a1')!.x).toBe(pos.get('a2')!.x);
    expect(pos.get('a1')!.y).toBeLessThan(pos.get('a2')!.y);
    expect(pos.get('a')!.y).toBeLessThan(pos.get('b')!.y);
    const rects = nodes.map((n) => ({ ...pos.get(n.id)!, w: n.width, h: n.height }));
    rects.forEach((r, i) => rects.slice(i + 1).forEach((q) => expect(overlaps(r, q)).toBe(false)));
  });

  it('hands graphs with joins or cycles to dagre', () => {
    const nodes = [box('a'), box('b'), box('c')];
    const join = [
      { source: 'a', target: 'c' },
      { source: 'b', target: 'c' },
    ];
    expect(layoutTree(nodes, join)).toBeUndefined();
    expect(
      layoutTree(nodes, [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
      ]),
    ).toBeUndefined();
    expect(layoutGraph(nodes, join, 'TB').size).toBe(3);
  });
});
