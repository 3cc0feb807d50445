// Requests from another loopback address (127.0.0.2, 127.0.0.3, ...), as another resident's
// device would send them: what the collector counts per address sees a second address.
import { request } from 'node:http';
import { ORIGIN, type ApiAnswer } from './helpers.js';

/** POSTs a submission to /v1/submissions from `localAddress`, as the browser does. */
export function postFrom(localAddress: string, url: string, body: unknown): Promise<{ status: number, retryAfter: string | undefined, json: ApiAnswer | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/v1/submissions`, { method: 'POST', localAddress, headers: { 'content-type': 'text/plain;charset=UTF-8', origin: ORIGIN } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let json: ApiAnswer | undefined;
        try {
          json = JSON.parse(text) as ApiAnswer;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], json });
      });
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
