import { diffContent, diffJson } from '../../../services/versions/diff';

describe('structural diff', () => {
  it('reports leaf changes as RFC 6901 pointers, escaping ~ and /', () => {
    expect(diffJson({ a: { 'b/c': 1, 'd~e': [1, 2] } }, { a: { 'b/c': 2, 'd~e': [1] } })).toEqual([
      { path: '/a/b~1c', before: 1, after: 2 },
      { path: '/a/d~0e/1', before: 2 },
    ]);
  });

  it('matches rules by id, then name, then position', () => {
    const before = { rules: [{ id: 'a', v: 1 }, { name: 'b', v: 1 }, { v: 1 }] };
    const after = { rules: [{ name: 'b', v: 1 }, { id: 'a', v: 2 }, { v: 1 }] };
    const diff = diffContent('ruleset', before, after);
    expect(diff.items).toEqual([
      { key: 'a', change: 'changed', position: { before: 0, after: 1 }, fields: [{ path: '/v', before: 1, after: 2 }] },
      { key: 'b', change: 'moved', position: { before: 1, after: 0 } },
    ]);
    expect(diff.other).toEqual([]);
  });

  it('reads process-definition nodes from a list or a map keyed by node id', () => {
    const asMap = diffContent(
      'definition',
      { nodes: { start: { kind: 'wait' } } },
      { nodes: { start: { kind: 'task' }, end: { kind: 'end' } } },
    );
    expect(asMap.items).toEqual([
      { key: 'start', change: 'changed', fields: [{ path: '/kind', before: 'wait', after: 'task' }] },
      { key: 'end', change: 'added', fields: [{ path: '', after: { kind: 'end' } }] },
    ]);
    expect(diffContent('definition', { nodes: [{ id: 'x' }], start: 'x' }, { nodes: [], start: 'y' })).toEqual({
      collection: '/nodes',
      items: [{ key: 'x', change: 'removed', position: { before: 0 } }],
      other: [{ path: '/start', before: 'x', after: 'y' }],
    });
  });

  it('keeps duplicate ids apart instead of losing one', () => {
    const diff = diffContent('ruleset', { rules: [{ id: 'd' }, { id: 'd' }] }, { rules: [{ id: 'd' }] });
    expect(diff.items).toEqual([{ key: 'd#1', change: 'removed', position: { before: 1 } }]);
  });

  it('finds nothing between identical versions', () => {
    const c = { rules: [{ id: 'a', conditions: { all: [] } }] };
    expect(diffContent('ruleset', c, structuredClone(c))).toEqual({ collection: '/rules', items: [], other: [] });
  });
});
