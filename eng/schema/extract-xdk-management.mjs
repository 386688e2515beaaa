// Extracts the answer schemas of X's webhook-management calls (webhooks, replay, stream links, Account Activity and
// X Activity subscriptions) from X's official TypeScript SDK (@xdevplatform/xdk, generated from X's OpenAPI spec):
// each call's method, path and accepted credentials from the SDK's code (dist/index.js), and its 200 answer's
// schema from the SDK's published types (dist/index.d.ts), with X's wire (snake_case) names. The output is committed
// as tests/fixtures/schema/xdk-<version>-management.json and read by the conformance test (which never needs Node).
//
//   mkdir -p /tmp/xdk && cd /tmp/xdk && npm init -y && npm install @xdevplatform/xdk@0.6.6
//   node eng/schema/extract-xdk-management.mjs /tmp/xdk/node_modules/@xdevplatform/xdk > tests/XWebhooks.Emulator.Tests/Conformance/xdk-0.6.6-management.json
//
// The SDK types only the 200 answers. What X documents beyond them is added from the `documented` table below, each
// entry naming its source: the error answers (OpenAPI `default` response) and the paging `meta` of the XAA list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDeclarations, parseType, toSnake } from './xdk-dts.mjs';

const sdkDir = process.argv[2];
if (!sdkDir) {
  console.error('usage: node extract-xdk-management.mjs <path to node_modules/@xdevplatform/xdk>');
  process.exit(2);
}

const pkg = JSON.parse(readFileSync(join(sdkDir, 'package.json'), 'utf8'));
const dtsPath = pkg.types ?? 'dist/index.d.ts';
const dts = readFileSync(join(sdkDir, dtsPath), 'utf8');
const js = readFileSync(join(sdkDir, 'dist/index.js'), 'utf8');
const declarations = parseDeclarations(dts);

// The SDK clients whose every call is webhook-related (WebhooksClient also holds the filtered-stream links).
const clients = ['WebhooksClient', 'AccountActivityClient', 'ActivityClient'];

// X's problem types (RFC 7807) that the SDK's `Problem` union lacks but X's OpenAPI discriminator maps and X sends.
const openApiProblems = 'X OpenAPI spec, components.schemas.Problem discriminator mapping (UnsupportedAuthenticationProblem)';
const defaultResponse = 'X OpenAPI spec, every operation\'s `default` response: application/problem+json Problem or application/json Error';
const badRequestExample = 'docs.x.com/x-api/webhooks/quickstart, "Failure (400 Bad Request)": {"errors":[{"message":"<Reason>: <Details>"}],"title":"Invalid Request","detail":…,"type":…/2/problems/invalid-request}';
const documented = {
  // A problem answer carries, besides the Problem's fields, an `errors` list of {message} (400s), as X's pages show.
  problemErrors: {
    source: badRequestExample,
    schema: { type: 'array', items: { type: 'object', properties: { message: { type: 'string' }, parameters: { type: 'object', additionalProperties: true } }, required: ['message'] } },
  },
  extraProblems: {
    UnsupportedAuthenticationProblem: {
      source: openApiProblems,
      schema: problem('https://api.x.com/2/problems/unsupported-authentication'),
    },
    // RFC 7807 §4.2: "about:blank" when the problem has no further semantics than its HTTP status (X's 401 and 429).
    AboutBlankProblem: { source: defaultResponse + '; RFC 7807 §4.2', schema: problem('about:blank') },
  },
  listMeta: {
    source: 'docs.x.com/x-api/activity/quickstart (list answer: "meta":{"total_subscriptions":2}); the SDK\'s GetSubscriptionsOptions.paginationToken ("A base32hex-encoded pagination token") with docs.x.com/x-api/fundamentals/pagination (meta.next_token)',
    schema: { type: 'object', properties: { total_subscriptions: { type: 'number' }, next_token: { type: 'string' } } },
  },
};

const schemas = {};
const operations = {};
for (const clientName of clients) {
  for (const call of sdkCalls(clientName)) {
    const response = returnType(clientName, call.method);
    const key = `${call.verb} ${call.path}`;
    if (operations[key]) throw new Error(`two SDK calls for ${key}`);
    operations[key] = { sdk: `${clientName}.${call.method}`, security: call.security, response: name(response), errors: 'ErrorResponse' };
    addSchema(response);
  }
}

// The XAA list's paging meta (the SDK types no meta on it; X's pages show one).
const list = operations['GET /2/activity/subscriptions'];
if (!list) throw new Error('GET /2/activity/subscriptions not found in the SDK');
schemas[list.response].properties.meta = { ...documented.listMeta.schema, 'x-source': documented.listMeta.source };

// The error answer: one of the SDK's problem types (plus the documented `errors` list), X's other problem types, or Error.
addSchema('Problem');
addSchema('Error$1');
const problems = [];
for (const member of schemas.Problem.anyOf) {
  const problemName = `${member.$ref}Answer`;
  const base = schemas[member.$ref];
  schemas[problemName] = { ...base, properties: { ...base.properties, errors: { ...documented.problemErrors.schema, 'x-source': documented.problemErrors.source } } };
  problems.push({ $ref: problemName });
}

for (const [problemName, { source, schema }] of Object.entries(documented.extraProblems)) {
  schemas[problemName] = { ...schema, 'x-source': source };
  problems.push({ $ref: problemName });
}

schemas.ErrorResponse = { anyOf: [...problems, { $ref: 'Error' }], 'x-source': defaultResponse };

const snapshot = {
  $comment: [
    `Answer schemas of X's webhook-management calls, from X's official TypeScript SDK ${pkg.name} ${pkg.version}`,
    `(npm registry; calls from dist/index.js, types from ${dtsPath}, both generated from X's OpenAPI spec).`,
    'Extracted by eng/schema/extract-xdk-management.mjs (see its header to regenerate). Names are X\'s wire names.',
    'A JSON-Schema subset: type, properties, required, items, enum, anyOf, $ref (to schemas), additionalProperties.',
    'Objects are closed unless additionalProperties is true. x-source marks what X documents beyond the SDK\'s types.',
  ],
  sdk: `${pkg.name}@${pkg.version}`,
  operations: sortKeys(operations),
  schemas: sortKeys(schemas),
};
process.stdout.write(JSON.stringify(snapshot, null, 2) + '\n');

function problem(type) {
  return {
    type: 'object',
    properties: { type: { enum: [type] }, title: { type: 'string' }, detail: { type: 'string' }, status: { type: 'number' } },
    required: ['type', 'title'],
  };
}

// Each `async method(…)` of the client class in index.js: its HTTP verb, path and accepted security schemes.
function sdkCalls(clientName) {
  const start = js.indexOf(`var ${clientName} = class {`);
  if (start < 0) throw new Error(`${clientName} not found in dist/index.js`);
  const end = js.indexOf('\n};\n', start);
  const body = js.slice(start, end);
  const calls = [];
  for (const match of body.matchAll(/\n  async (\w+)\([^)]*\) \{([\s\S]*?)\n  \}/g)) {
    const [, method, code] = match;
    const path = /let path = "([^"]+)"/.exec(code)?.[1];
    const verb = /this\.client\.request\(\s*"([A-Z]+)"/.exec(code)?.[1];
    if (!path || !verb) throw new Error(`${clientName}.${method}: path or verb not found`);
    const security = [...code.matchAll(/"(\w+)": \[/g)].map((m) => m[1]);
    calls.push({ method, verb, path, security: [...new Set(security)] });
  }
  if (calls.length === 0) throw new Error(`no calls found in ${clientName}`);
  return calls;
}

// The declared answer type of the client method in index.d.ts (the overload that does not return the raw Response).
function returnType(clientName, method) {
  const start = dts.indexOf(`declare class ${clientName} {`);
  const end = dts.indexOf('\n}\n', start);
  const body = dts.slice(start, end);
  const match = new RegExp(`\\n\\s+${method}\\([^\\n]*\\): Promise<([\\w$]+)>;`).exec(body);
  if (!match || match[1] === 'Response') throw new Error(`${clientName}.${method}: answer type not found`);
  return unalias(match[1]);
}

// Follows `type A = B;` aliases to the schema type they name.
function unalias(typeName) {
  const declared = declarations.get(typeName);
  if (declared && /^[\w$]+$/.test(declared) && declarations.has(declared)) return unalias(declared);
  return typeName;
}

function name(typeName) {
  return typeName.replace(/\$\d+$/, '');
}

function addSchema(typeName) {
  const key = name(typeName);
  if (schemas[key]) return;
  const declared = declarations.get(typeName);
  if (!declared) throw new Error(`schema type ${typeName} not found`);
  schemas[key] = {};
  schemas[key] = convert(parseType(declared));
}

function convert(type) {
  switch (type.kind) {
    case 'prim':
      return type.name === 'any' || type.name === 'unknown' ? {} : { type: type.name };
    case 'literal':
      return { enum: [JSON.parse(type.value)] };
    case 'array':
      return { type: 'array', items: convert(type.item) };
    case 'record':
      return { type: 'object', additionalProperties: true };
    case 'object': {
      const properties = {};
      const required = [];
      for (const [camel, propType, optional] of type.props) {
        const wire = toSnake(camel);
        properties[wire] = convert(propType);
        if (!optional) required.push(wire);
      }
      return required.length ? { type: 'object', properties, required } : { type: 'object', properties };
    }
    case 'union':
      return type.members.every((m) => m.kind === 'literal')
        ? { enum: type.members.map((m) => JSON.parse(m.value)) }
        : { anyOf: type.members.map(convert) };
    case 'ref': {
      const declared = declarations.get(type.name);
      if (!declared) throw new Error(`schema type ${type.name} not found`);
      const parsed = parseType(declared);
      // Aliases of primitives (`type UserId = string`) are written in place; objects and unions are named schemas.
      if (parsed.kind === 'prim' || parsed.kind === 'literal') return convert(parsed);
      addSchema(type.name);
      return { $ref: name(type.name) };
    }
    default:
      throw new Error(`unknown type ${JSON.stringify(type)}`);
  }
}

function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
