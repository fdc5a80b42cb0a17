import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../../../electron/core/config/json-syntax';

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a": 1,\n "b": 2,\n}', 3, 1, 'a trailing comma before "}" is not allowed in JSON'],
    ['{"a": 1\n "b": 2}', 2, 2, 'expected "," or "}", found """ (a missing comma?)'],
    ["{'a': 1}", 1, 2, 'use double quotes " for text, not single quotes'],
    ['{\n  // note\n  "a": 1}', 2, 3, 'comments are not allowed in JSON'],
    [
      '{"a": tru}',
      1,
      7,
      'unexpected "t": expected a value (text in double quotes, a number, true, false, null, {...} or [...])',
    ],
    ['{"a": [1, 2}', 1, 12, 'expected "," or "]", found "}" (a missing comma?)'],
    ['{"a": "open\n}', 1, 12, 'text is missing its closing quote "'],
    ['{"a" 1}', 1, 6, 'expected ":" after the name, found "1"'],
    ['{"a": 1}}', 1, 9, 'unexpected "}" after the end of the JSON value'],
    ['{"a": 1', 1, 8, 'expected "," or "}", found the end of the file (a missing comma?)'],
  ])('%j → line %i, column %i', (text, line, column, message) => {
    expect(JSON.parse.bind(JSON, text)).toThrow();
    expect(findJsonSyntaxError(text)).toEqual({ line, column, message });
  });

  it('finds nothing wrong in valid JSON', () => {
    expect(findJsonSyntaxError('{"a": [1, -2.5e3, true, false, null, {"b": "x\\"y"}]}')).toBeUndefined();
  });
});
