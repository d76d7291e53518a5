/**
 * Where exactly is a JSON text broken?
 *
 * Why: JSON.parse's messages differ between Node versions and often say neither line nor
 * column ("Unexpected token 'o', …"). An administrator who uploads a hand-edited boundary file
 * needs "line 2, column 16". This small validator (RFC 8259 grammar) runs only after
 * JSON.parse has failed, to find the first offending character.
 */

export type JsonSyntaxError = { offset: number; line: number; column: number; message: string };

const MAX_DEPTH = 2000;

/** The first syntax error of `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let pos = 0;
  const fail = (message: string): never => {
    throw new LocatedError(pos, message);
  };
  const skipWhitespace = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos] as string)) pos++;
  };
  const expectLiteral = (word: string): void => {
    for (const char of word) {
      if (text[pos] !== char) fail(`expected ${word}`);
      pos++;
    }
  };
  const parseString = (): void => {
    pos++; // opening quote
    for (;;) {
      if (pos >= text.length) fail('unterminated string');
      const char = text[pos] as string;
      if (char === '"') {
        pos++;
        return;
      }
      if (char < ' ') fail('control character in a string');
      if (char === '\\') {
        pos++;
        const escape = text[pos];
        if (escape === 'u') {
          for (let i = 1; i <= 4; i++) if (!/[0-9a-fA-F]/.test(text[pos + i] ?? '')) fail('bad \\u escape');
          pos += 5;
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) fail('bad escape in a string');
      }
      pos++;
    }
  };
  const parseNumber = (): void => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
    if (!match) fail('unexpected character');
    pos += (match as RegExpExecArray)[0].length;
  };
  const parseValue = (depth: number): void => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    skipWhitespace();
    const char = text[pos];
    if (char === undefined) fail('unexpected end of the file');
    if (char === '{') {
      pos++;
      skipWhitespace();
      if (text[pos] === '}') {
        pos++;
        return;
      }
      for (;;) {
        skipWhitespace();
        if (text[pos] !== '"') fail('expected a property name in double quotes');
        parseString();
        skipWhitespace();
        if (text[pos] !== ':') fail("expected ':'");
        pos++;
        parseValue(depth + 1);
        skipWhitespace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return;
        }
        fail("expected ',' or '}'");
      }
    }
    if (char === '[') {
      pos++;
      skipWhitespace();
      if (text[pos] === ']') {
        pos++;
        return;
      }
      for (;;) {
        parseValue(depth + 1);
        skipWhitespace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return;
        }
        fail("expected ',' or ']'");
      }
    }
    if (char === '"') return parseString();
    if (char === 't') return expectLiteral('true');
    if (char === 'f') return expectLiteral('false');
    if (char === 'n') return expectLiteral('null');
    parseNumber();
  };
  try {
    parseValue(0);
    skipWhitespace();
    if (pos < text.length) fail('unexpected text after the end of the JSON value');
    return null;
  } catch (error) {
    if (!(error instanceof LocatedError)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - before.lastIndexOf('\n');
    return { offset: error.offset, line, column, message: error.message };
  }
}

class LocatedError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}
