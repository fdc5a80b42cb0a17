/**
 * Finds where a JSON text stops being JSON. Node's own JSON.parse message names no position for the
 * most common mistakes (and quotes the file back), so an installer editing by hand gets
 * "line 7, column 3: ..." instead. Only called after JSON.parse has failed.
 */

export type JsonSyntaxError = { readonly line: number; readonly column: number; readonly message: string };

const describe = (ch: string | undefined): string => (ch === undefined ? 'the end of the file' : `"${ch}"`);

export const findJsonSyntaxError = (text: string): JsonSyntaxError | undefined => {
  let i = 0;
  let failure: { at: number; message: string } | undefined;
  /** Records the first problem; every parse step returns false from then on. */
  const fail = (message: string): false => {
    failure ??= { at: i, message };
    return false;
  };
  const peek = (): string | undefined => text[i];
  const space = (): boolean => {
    while (i < text.length && ' \t\r\n'.includes(text[i] ?? '')) i++;
    return text.startsWith('//', i) || text.startsWith('/*', i)
      ? fail('comments are not allowed in JSON')
      : true;
  };
  const literal = (ch: string, hint: string): boolean => {
    if (!space()) return false;
    if (peek() !== ch) return fail(`expected ${hint}, found ${describe(peek())}`);
    i++;
    return true;
  };
  const string = (): boolean => {
    if (peek() !== '"')
      return fail(
        peek() === "'"
          ? 'use double quotes " for text, not single quotes'
          : `expected a quoted name, found ${describe(peek())}`,
      );
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\n') return fail('text is missing its closing quote "');
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) return fail('text is missing its closing quote "');
    i++;
    return true;
  };
  const list = (open: string, close: string, item: () => boolean): boolean => {
    if (!literal(open, `"${open}"`) || !space()) return false;
    if (peek() === close) {
      i++;
      return true;
    }
    for (;;) {
      if (!item() || !space()) return false;
      if (peek() === close) {
        i++;
        return true;
      }
      if (peek() !== ',')
        return fail(`expected "," or "${close}", found ${describe(peek())} (a missing comma?)`);
      i++;
      if (!space()) return false;
      if (peek() === close) return fail(`a trailing comma before "${close}" is not allowed in JSON`);
    }
  };
  const member = (): boolean => space() && string() && literal(':', '":" after the name') && value();
  const value = (): boolean => {
    if (!space()) return false;
    const ch = peek();
    if (ch === '{') return list('{', '}', member);
    if (ch === '[') return list('[', ']', value);
    if (ch === '"') return string();
    const word = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i));
    if (ch === undefined) return fail('the file ends where a value should be (is it cut short?)');
    if (!word)
      return fail(
        `unexpected ${describe(ch)}: expected a value (text in double quotes, a number, true, false, null, {...} or [...])`,
      );
    i += word[0].length;
    return true;
  };
  if (value() && space() && i < text.length)
    fail(`unexpected ${describe(peek())} after the end of the JSON value`);
  if (!failure) return undefined;
  const before = text.slice(0, failure.at).split('\n');
  return {
    line: before.length,
    column: (before[before.length - 1]?.length ?? 0) + 1,
    message: failure.message,
  };
};
