// A reader of the published types (dist/index.d.ts) of X's official TypeScript SDK, @xdevplatform/xdk, which is
// generated from X's OpenAPI spec. Plain Node (no TypeScript compiler): the file is machine-generated and regular,
// so a small parser of its `interface`/`type` declarations is enough. Anything it cannot read makes it fail loudly.
// Used by extract-xdk-fields.mjs (event models) and extract-xdk-management.mjs (management call responses).

// The SDK's camelCase property name as X's snake_case wire name.
export function toSnake(name) {
  return name.replace(/([A-Z])/g, '_$1').toLowerCase().replace(/__+/g, '_');
}

// Top-level `interface Name { … }` and `type Name = …;` declarations, by name (the text of their type).
export function parseDeclarations(text) {
  const result = new Map();
  const header = /^(?:declare )?(interface|type) ([A-Za-z0-9_$]+)(?:<[^>]*>)?(?: extends [^{]+)? ?(=)? ?/gm;
  let match;
  while ((match = header.exec(text))) {
    const start = match.index + match[0].length;
    const end = match[1] === 'interface' ? matchingClose(text, start) + 1 : statementEnd(text, start);
    result.set(match[2], text.slice(start, end).trim());
    header.lastIndex = end;
  }
  return result;
}

function matchingClose(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error('unbalanced braces');
}

function statementEnd(text, start) {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '(' || c === '<' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === '>' || c === ']') depth--;
    else if (c === ';' && depth === 0) return i;
  }
  throw new Error('unterminated type declaration');
}

// A tiny parser for the type expressions the generator emits.
export function parseType(source) {
  const tokens = tokenize(source.replace(/\/\*\*[\s\S]*?\*\//g, ''));
  let pos = 0;
  const peek = () => tokens[pos];
  const take = (expected) => {
    const token = tokens[pos++];
    if (expected !== undefined && token !== expected) throw new Error(`expected ${expected} but found ${token} in ${source.slice(0, 200)}`);
    return token;
  };

  const parseUnion = () => {
    if (peek() === '|') take();
    const members = [parsePostfix()];
    while (peek() === '|') {
      take();
      members.push(parsePostfix());
    }
    return members.length === 1 ? members[0] : { kind: 'union', members };
  };
  const parsePostfix = () => {
    let type = parsePrimary();
    while (peek() === '[' && tokens[pos + 1] === ']') {
      take();
      take();
      type = { kind: 'array', item: type };
    }
    return type;
  };
  const parsePrimary = () => {
    const token = take();
    if (token === '(') {
      const inner = parseUnion();
      take(')');
      return inner;
    }
    if (token === '{') {
      const props = [];
      while (peek() !== '}') {
        const name = take();
        const optional = peek() === '?';
        if (optional) take();
        take(':');
        props.push([name, parseUnion(), optional]);
        if (peek() === ';' || peek() === ',') take();
      }
      take('}');
      return { kind: 'object', props };
    }
    if (token.startsWith('"')) return { kind: 'literal', value: token };
    if (/^-?\d/.test(token)) return { kind: 'literal', value: token };
    if (token === 'Array') {
      take('<');
      const item = parseUnion();
      take('>');
      return { kind: 'array', item };
    }
    if (token === 'Record') {
      take('<');
      parseUnion();
      take(',');
      parseUnion();
      take('>');
      return { kind: 'record' };
    }
    if (['string', 'number', 'boolean', 'null', 'any', 'unknown'].includes(token)) return { kind: 'prim', name: token };
    if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(token)) return { kind: 'ref', name: token };
    throw new Error(`unexpected token ${token} in ${source.slice(0, 200)}`);
  };

  const type = parseUnion();
  if (pos !== tokens.length) throw new Error(`trailing tokens in ${source.slice(0, 200)}`);
  return type;
}

function tokenize(source) {
  const tokens = [];
  const pattern = /\s*("(?:[^"\\]|\\.)*"|[A-Za-z_$][A-Za-z0-9_$]*|-?\d+(?:\.\d+)?|[{}()<>\[\];:,|?])/gy;
  let match;
  while (pattern.lastIndex < source.length && (match = pattern.exec(source))) tokens.push(match[1]);
  if (source.slice(pattern.lastIndex).trim() !== '') throw new Error(`cannot tokenize: ${source.slice(pattern.lastIndex, pattern.lastIndex + 80)}`);
  return tokens;
}
