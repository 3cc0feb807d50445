// The shared schema (@tandem/core, valibot), compiled once into one plain function that only
// says whether a value passes. Valibot builds a result, with a place for problems, at every step
// of every field; in the collector that was a tenth of the event loop's time for each answer
// (bench/ingest). The route takes an answer that passes here as it is, and gives any other to
// valibot, so the problems it names, and every case left to it, stay valibot's.
//
// The function passes only what valibot would return unchanged (up to the order of keys): no
// defaults, no transforms, no keys it would drop. For values parsed from JSON. A schema with a
// part it does not know is refused when compiled, never guessed at.
//
// The code is generated as text (like ajv's), so that each field is checked in line rather
// than through a call for each step. It holds only the schema's shape: its keys as string
// literals and its numbers as numbers; its patterns and functions are passed in, never written
// into the text.

/** A valibot schema or action: the parts of one that this compiler reads. */
export type Node = {
  kind: string;
  type: string;
  async?: boolean;
  pipe?: Node[];
  requirement?: unknown;
  options?: unknown;
  check?: unknown;
  default?: unknown;
  fallback?: unknown;
  wrapped?: Node;
  entries?: Record<string, Node>;
  key?: Node;
  value?: Node;
};

const unsupported = (what: string) => new Error(`compileSchema: ${what} is not supported; leave this schema to valibot`);

/** A part the schema's type must have; a schema without it is not one this compiler knows. */
function part<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw unsupported(`a schema without ${what}`);
  return value;
}

/** A number written into the code; only a finite one can be. */
function numberLiteral(value: unknown) {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw unsupported(`the requirement ${String(value)}`);
  return String(value);
}

function codeWriter() {
  const passedIn: unknown[] = [];
  let names = 0;
  return {
    passedIn,
    /** A pattern or function, passed in rather than written out. */
    ref: (value: unknown) => `r[${passedIn.push(value) - 1}]`,
    /** A new variable name. */
    name: () => `v${++names}`,
  };
}

/**
 * Code that runs `return false` when the value in `v` fails the action (valibot runs an action
 * only on a value that has passed the schema before it in the pipe, as here).
 */
function actionCode(action: Node, v: string, out: ReturnType<typeof codeWriter>) {
  const { type, requirement } = action;
  if (type === 'regex' || type === 'iso_timestamp') {
    // A global or sticky pattern keeps state between tests, which would then differ from valibot's.
    if (!(requirement instanceof RegExp) || requirement.global || requirement.sticky) throw unsupported(`the pattern of "${type}"`);
    return `if (!${out.ref(requirement)}.test(${v})) return false;`;
  }
  if (type === 'max_length') return `if (${v}.length > ${numberLiteral(requirement)}) return false;`;
  if (type === 'min_value') return `if (!(${v} >= ${numberLiteral(requirement)})) return false;`;
  if (type === 'url' || type === 'integer' || type === 'check') {
    if (typeof requirement !== 'function') throw unsupported(`the requirement of "${type}"`);
    return `if (!${out.ref(requirement)}(${v})) return false;`;
  }
  throw unsupported(`the action "${type}"`);
}

const notAPlainObject = (v: string) => `if (typeof ${v} !== 'object' || ${v} === null || Array.isArray(${v})) return false;`;

/**
 * Code that runs `return false` when the value in `v` fails the schema.
 */
function schemaCode(schema: Node, v: string, out: ReturnType<typeof codeWriter>): string {
  if (schema.async) throw unsupported('an async schema');
  if (schema.pipe) {
    return schema.pipe
      .filter((item) => item.kind !== 'metadata')
      .map((item) => {
        if (item.kind === 'schema') return schemaCode(item, v, out);
        if (item.kind === 'validation') return actionCode(item, v, out);
        throw unsupported(`a ${item.kind} ("${item.type}") in a pipe`);
      })
      .join('\n');
  }
  switch (schema.type) {
    case 'string':
    case 'boolean':
      return `if (typeof ${v} !== '${schema.type}') return false;`;
    case 'number':
      return `if (typeof ${v} !== 'number' || Number.isNaN(${v})) return false;`;
    case 'picklist':
      return `if (!${out.ref(schema.options)}.includes(${v})) return false;`;
    case 'custom':
      return `if (!${out.ref(schema.check)}(${v})) return false;`;
    case 'optional':
      if (schema.default !== undefined) throw unsupported('an optional value with a default');
      return `if (${v} !== undefined) {\n${schemaCode(part(schema.wrapped, 'wrapped'), v, out)}\n}`;
    case 'strict_object':
      return strictObjectCode(part(schema.entries, 'entries'), v, out);
    case 'record':
      return recordCode(schema, v, out);
    default:
      throw unsupported(`the schema "${schema.type}"`);
  }
}

function strictObjectCode(entries: Record<string, Node>, v: string, out: ReturnType<typeof codeWriter>) {
  const key = out.name();
  const keys = Object.keys(entries);
  // Any key that is not an entry is refused, as valibot's strictObject does.
  const lines = [notAPlainObject(v), `for (const ${key} in ${v}) switch (${key}) { ${keys.map((k) => `case ${JSON.stringify(k)}:`).join(' ')} break; default: return false; }`];
  for (const [name, entry] of Object.entries(entries)) {
    if (entry.fallback !== undefined) throw unsupported(`a fallback (on "${name}")`);
    const field = out.name();
    // Missing (undefined) passes only an optional entry; valibot reads an entry as here, with `in`.
    const missing = entry.type === 'optional' ? '' : `if (${field} === undefined) return false;\n`;
    lines.push(`{\nconst ${field} = ${v}[${JSON.stringify(name)}];\n${missing}${schemaCode(entry, field, out)}\n}`);
  }
  return lines.join('\n');
}

function recordCode(schema: Node, v: string, out: ReturnType<typeof codeWriter>) {
  const key = out.name();
  const item = out.name();
  return [
    notAPlainObject(v),
    `for (const ${key} in ${v}) {`,
    // Keys valibot's record() skips and leaves out of what it returns: valibot's to judge.
    `if (!Object.hasOwn(${v}, ${key}) || ${key} === '__proto__' || ${key} === 'prototype' || ${key} === 'constructor') return false;`,
    schemaCode(part(schema.key, 'key'), key, out),
    `const ${item} = ${v}[${key}];`,
    schemaCode(part(schema.value, 'value'), item, out),
    '}',
  ].join('\n');
}

/**
 * Compiles a valibot schema into a function that is true only for a value valibot accepts and
 * returns unchanged (up to key order). Throws at once for a schema with anything it does not know.
 */
export function compileSchema(schema: unknown): (value: unknown) => boolean {
  const out = codeWriter();
  const body = schemaCode(schema as Node, 'v0', out);
  // eslint-disable-next-line no-new-func -- the text is built above from the schema's shape only.
  return new Function('r', `return function passesSchema(v0) {\n${body}\nreturn true;\n};`)(out.passedIn);
}
