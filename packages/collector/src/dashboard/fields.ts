// What a form, query string or route sent, as fields to check one by one: Fastify gives them
// to routes as unknown, and none is trusted to have any field or type.
export type Fields = Record<string, unknown>;

export const fieldsOf = (value: unknown): Fields => (value && typeof value === 'object' ? (value as Fields) : {});

export const fieldOf = (value: unknown, name: string): unknown => fieldsOf(value)[name];
