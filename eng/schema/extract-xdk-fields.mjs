// Extracts the field list of X's API v2 schema objects that webhook events carry from the published types of
// X's official TypeScript SDK (@xdevplatform/xdk, generated from X's OpenAPI spec), as wire (snake_case) paths.
// Run once per SDK version; the output is committed as tests/fixtures/schema/xdk-<version>-fields.txt and
// read by the Runtime tests (which never need Node).
//
//   mkdir -p /tmp/xdk && cd /tmp/xdk && npm init -y && npm install @xdevplatform/xdk@0.6.6
//   node eng/schema/extract-xdk-fields.mjs /tmp/xdk/node_modules/@xdevplatform/xdk > tests/fixtures/schema/xdk-0.6.6-fields.txt
//
// The SDK's index.d.ts is read by xdk-dts.mjs (a small parser; anything it cannot read makes it fail loudly).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDeclarations, parseType, toSnake } from './xdk-dts.mjs';

const sdkDir = process.argv[2];
if (!sdkDir) {
  console.error('usage: node extract-xdk-fields.mjs <path to node_modules/@xdevplatform/xdk>');
  process.exit(2);
}

const pkg = JSON.parse(readFileSync(join(sdkDir, 'package.json'), 'utf8'));
const dts = readFileSync(join(sdkDir, pkg.types ?? 'dist/index.d.ts'), 'utf8');

// The schema objects to list (each with its fields, nested objects expanded). A property whose type is one of
// these roots is listed as a reference and not expanded again: each root is checked against its own model.
const roots = [
  'Post', 'User', 'Media', 'Place', 'Poll', 'Topic', 'Expansions', 'Problem',
  'ActivityStreamResponse', 'ActivitySubscriptionFilter', 'LikeWithPostAuthor', 'News',
  'NewsActivityResponsePayload', 'ProfileUpdateActivityResponsePayload', 'FollowActivityResponsePayload',
  'PostDeleteActivityResponsePayload', 'StreamPostsResponse', 'ChatMessageEvent',
];
// Unions of roots: listed as a reference (the discriminated XAA payload).
const referenceOnly = new Set(['ActivityStreamingResponsePayload']);

// The SDK's type generator renamed some "tweet" fields to "post"; X still sends the old names on the wire (its own
// `tweet.fields`/`user.fields` enums in the same index.d.ts, and every documented payload, use them). Applied per
// schema object to the snake_case name.
const wireNames = {
  Post: { edit_history_post_ids: 'edit_history_tweet_ids', note_post: 'note_tweet', referenced_posts: 'referenced_tweets' },
  'Post.public_metrics': { repost_count: 'retweet_count' },
  User: { pinned_post_id: 'pinned_tweet_id', most_recent_post_id: 'most_recent_tweet_id' },
  'User.public_metrics': { post_count: 'tweet_count' },
  Expansions: { posts: 'tweets' },
};

// Request enums naming each object's top-level wire fields (e.g. `tweetFields?: Array<"article" | …>`): their
// names are added to the object's list, since some fields exist only there (like.create's `liked_tweet_author_id`).
const fieldEnums = {
  Post: 'tweetFields', User: 'userFields', Media: 'mediaFields', Place: 'placeFields', Poll: 'pollFields',
  Topic: 'topicFields', LikeWithPostAuthor: 'likeWithTweetAuthorFields', News: 'newsFields',
  ChatMessageEvent: 'chatMessageEventFields',
};

const declarations = parseDeclarations(dts);
const lines = [];
for (const root of roots) {
  const type = declarations.get(root);
  if (!type) throw new Error(`schema type ${root} not found in the SDK`);
  const fields = new Map();
  walk(root, asObject(parseType(type)), fields, new Set([root]));
  for (const name of enumFields(fieldEnums[root])) {
    const path = `${root}.${name}`;
    if (![...fields.keys()].some((known) => known === path)) fields.set(path, 'enum-only');
  }
  for (const [path, kind] of [...fields.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    lines.push(`${path} ${kind}`);
  }
}

process.stdout.write(
  `# Fields of X API v2 schema objects that webhook events carry, as published in the types of X's official\n` +
  `# TypeScript SDK ${pkg.name} ${pkg.version} (npm registry, ${pkg.types ?? 'dist/index.d.ts'}), generated from X's OpenAPI spec.\n` +
  `# Extracted by eng/schema/extract-xdk-fields.mjs (see its header to regenerate). One field per line:\n` +
  `# <schema object>.<wire path> <kind>; arrays are transparent (a path goes through list items);\n` +
  `# kind is string, number, boolean, object, array, any (free-form object), ref:<schema object> (checked as its own\n` +
  `# root) or enum-only (named only by the SDK's <object>.fields request enum).\n` +
  `# Names are X's wire names: the SDK's types rename some tweet fields to post (note_post, repost_count, …);\n` +
  `# the script maps those back (its wireNames table), as X's own tweet.fields/user.fields enums name them.\n` +
  lines.join('\n') + '\n');

function walk(path, type, fields, seen) {
  if (type.kind !== 'object') throw new Error(`${path}: expected an object type`);
  const renames = wireNames[path] ?? {};
  for (const [camel, propType] of type.props) {
    const snake = toSnake(camel);
    const name = renames[snake] ?? snake;
    const child = `${path}.${name}`;
    const resolved = resolve(propType, seen);
    fields.set(child, resolved.label);
    if (resolved.object) walk(child, resolved.object, fields, new Set([...seen, ...resolved.through]));
  }
}

// A root that is a union of objects (Problem: one interface per problem type) lists the union of their fields.
function asObject(type) {
  if (type.kind === 'object') return type;
  if (type.kind === 'ref') return asObject(parseType(declarations.get(type.name)));
  if (type.kind !== 'union') throw new Error(`expected an object type, found ${type.kind}`);
  const props = new Map();
  for (const member of type.members) {
    for (const [name, propType] of asObject(member).props) {
      if (!props.has(name)) props.set(name, propType);
    }
  }
  return { kind: 'object', props: [...props.entries()] };
}

// Reduces a property type to what the list needs: a label, and the object to expand (arrays and `| null` dropped).
function resolve(type, seen, through = []) {
  switch (type.kind) {
    case 'array': {
      const item = resolve(type.item, seen, through);
      return { ...item, label: item.object ? 'array' : `array<${item.label}>` };
    }
    case 'union': {
      const members = type.members.filter((m) => !(m.kind === 'prim' && m.name === 'null'));
      if (members.every((m) => m.kind === 'literal')) return { label: 'string' };
      if (members.length === 1) return resolve(members[0], seen, through);
      if (members.every((m) => m.kind === 'ref' && roots.includes(m.name))) return { label: `ref:${members.map((m) => m.name).join('|')}` };
      if (members.every((m) => m.kind === 'prim')) return { label: members.map((m) => m.name).join('|') };
      throw new Error(`cannot list a union of ${JSON.stringify(type)}`);
    }
    case 'literal':
      return { label: 'string' };
    case 'prim':
      return { label: type.name === 'any' ? 'any' : type.name };
    case 'record':
      return { label: 'any' };
    case 'object':
      return { label: 'object', object: type, through };
    case 'ref': {
      if (roots.includes(type.name) || referenceOnly.has(type.name)) return { label: `ref:${type.name}` };
      if (seen.has(type.name)) throw new Error(`recursive schema type ${type.name}`);
      const declared = declarations.get(type.name);
      if (!declared) throw new Error(`schema type ${type.name} not found`);
      return resolve(parseType(declared), seen, [...through, type.name]);
    }
    default:
      throw new Error(`unknown type ${JSON.stringify(type)}`);
  }
}

function enumFields(enumName) {
  if (!enumName) return [];
  const names = new Set();
  for (const match of dts.matchAll(new RegExp(`\\b${enumName}\\?: Array<([^>]*)>`, 'g'))) {
    for (const literal of match[1].matchAll(/"([^"]+)"/g)) names.add(literal[1]);
  }
  if (names.size === 0) throw new Error(`request enum ${enumName} not found`);
  return [...names];
}
