// Body parsing for the submission API: JSON sent as application/json or as text/plain (what a
// browser sends to skip the CORS preflight), UTF-8 only, at most 64 KiB.
import type { FastifyInstance } from 'fastify';

/** Browsers refuse keepalive bodies over 64 KiB, so no honest submission is larger. */
export const BODY_LIMIT = 64 * 1024;

/** A 4xx whose message is safe to show and to log: it never quotes the body. */
export class RequestError extends Error {
  readonly statusCode: number;
  /** The field the refusal names: a dotted path in the submission, or `(body)`, `content-type`… */
  readonly field: string;

  constructor(statusCode: number, message: string, field: string = '(body)') {
    super(message);
    this.statusCode = statusCode;
    this.field = field;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function charsetOf(contentType: string = '') {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1]?.toLowerCase();
}

/**
 * Replaces the parsers of the context it is called in (the submission API's only).
 */
export function useSubmissionParsers(app: FastifyInstance) {
  // secure-json-parse underneath: a "__proto__" key, or "constructor" holding "prototype", is refused.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (req, body, done) => {
    const charset = charsetOf(req.headers['content-type']);
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      done(new RequestError(415, 'Send the body as UTF-8 (charset=utf-8)', 'content-type'), undefined);
      return;
    }
    let text;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(new RequestError(400, 'The body is not valid UTF-8'), undefined);
      return;
    }
    parseJson(req, text, (error, value) => {
      if (error) done(new RequestError(400, text.length ? 'The body is not valid JSON, or uses a key that is not allowed (__proto__, constructor.prototype)' : 'The body is empty'), undefined);
      else done(null, value);
    });
  });
}
