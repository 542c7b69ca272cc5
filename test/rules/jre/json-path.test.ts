import fc from 'fast-check';
import { JSONPath } from 'jsonpath-plus';
import { compileJsonPath } from '../../../rules/jre/json-path';

// The default path resolver against jsonpath-plus itself (what json-rules-engine 7.3.1 calls, with
// wrap: false), on generated documents and every supported path form.

const PATHS = [
  '$',
  '$.a',
  '$.a.b',
  'a.b',
  'a',
  '$.a[0]',
  '$.a[1].b',
  "$['a']",
  '$["x-y"]',
  "$.a['b']",
  '$.x-y',
  '$.a b',
  '$.a[*]',
  '$.a.*',
  '$.*',
  '$[*].b',
  '$.a[*].b',
  '$..b',
  '$..a',
  '$.[0].b',
  '$[0]',
  '$.a[0][1]',
  '$.a.length',
  '$.s.length',
  '$.s[0]',
  '$.missing',
  '$.a[9]',
  '$.a[00]',
  '$.a.b.c.d',
];

const leaf = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('x', 'ab', ''), fc.boolean(), fc.constant(null));
const key = fc.constantFrom('a', 'b', 'x-y', 's', '0', '1', 'a b');
const doc = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value;
const root = fc.oneof(fc.dictionary(key, doc, { maxKeys: 5 }), fc.array(doc, { maxLength: 3 }));

describe('default JSONPath resolver', () => {
  it.each(PATHS)('%s gives what jsonpath-plus gives', (path) => {
    const resolve = compileJsonPath(path);
    fc.assert(
      fc.property(root, (json) => {
        expect(resolve(json as object)).toEqual(JSONPath({ path, json: json as object, wrap: false }));
      }),
      { numRuns: 300, seed: 2026 },
    );
  });

  it.each(['$.a[?(@.b)]', '$.a[0:2]', '$.a[0,1]', '$..', '$a', '$.a[', "$['a]", '$.a[-1]', '$.^', '$.a~'])(
    'refuses %s',
    (path) => {
      expect(() => compileJsonPath(path)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_PATH' }));
    },
  );
});
