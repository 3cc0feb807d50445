// One shape for every refusal: { error, problems: [{ field, message }] }. Messages are ours,
// never an exception's text, so neither a response nor a log line can quote a resident's answer.
import { STATUS_CODES } from 'node:http';
import { RequestError } from './body.js';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Refusal } from './routes/submission-steps.js';

export type Problem = { field: string, message: string };

const FASTIFY_MESSAGES = ({
  FST_ERR_CTP_BODY_TOO_LARGE: ['(body)', 'The body is larger than 64 KiB'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['content-type', 'Send the submission as application/json or text/plain'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['content-length', 'The body does not match its Content-Length'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['(body)', 'The body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['(body)', 'The body is not valid JSON'],
} as Record<string, [string, string]>);

const MAX_PROBLEMS = 20;
const MAX_MESSAGE = 200;

/** @param contract  The poll contract's code (and field), in the body too. */
export function refuse(reply: FastifyReply, status: number, error: string, problems: Problem[] = [], contract: { code?: string | undefined, field?: string | undefined } = {}) {
  // Messages may quote what was sent (valibot's "received …"); keep refusals short.
  const short = problems.slice(0, MAX_PROBLEMS).map(({ field, message }) => ({
    field: field.slice(0, MAX_MESSAGE),
    message: message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message,
  }));
  const { code, field } = contract;
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ error, ...(field ? { field } : {}), ...(code ? { code } : {}), problems: short });
}

/** Sends a refusal from the submission steps (routes/submission-steps.ts), with Retry-After when it says when to come back. */
export function sendRefusal(reply: FastifyReply, { status, error, problems, code, field, retryAfter }: Refusal) {
  if (retryAfter) reply.header('Retry-After', String(retryAfter));
  return refuse(reply, status, error, problems, { code, field });
}

export function useErrorShape(app: FastifyInstance) {
  app.setErrorHandler((error, req, reply) => {
    const err = error as Error & { statusCode?: number, code?: string, field?: string };
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) {
      req.log.error({ err: { type: err.name, code: err.code, message: err.message, stack: err.stack } }, 'request failed');
      return refuse(reply, 500, 'Something went wrong on the collector; try again later');
    }
    req.log.info({ statusCode: status, code: err.code }, 'request refused');
    if (err instanceof RequestError) return refuse(reply, status, err.message, [{ field: err.field, message: err.message }]);
    const known = err.code ? FASTIFY_MESSAGES[err.code] : undefined;
    if (known) return refuse(reply, status, known[1], [{ field: known[0], message: known[1] }]);
    if (status === 429) return refuse(reply, 429, 'Too many requests; try again after the time in Retry-After');
    return refuse(reply, status, STATUS_CODES[status] ?? 'Bad request');
  });
  app.setNotFoundHandler((req, reply) => refuse(reply, 404, 'Not found'));
}
