// A stand-in writer thread for one test: it holds the first two requests and answers them in
// the reverse order, each with what it was asked, so the test can show that replies are
// matched by id. (The real thread always answers in order, which would hide a mix-up.)
import { parentPort, type MessagePort } from 'node:worker_threads';

const port = parentPort as MessagePort;
const held: { id: number, kind: string }[] = [];
port.on('message', (request: { id: number, kind: string }) => {
  if (request.kind === 'close') return port.close();
  held.push(request);
  if (held.length < 2) return;
  // A reply for a request nobody made is ignored by the client.
  port.postMessage({ id: 999, result: 'nobody asked' });
  for (const { id, kind } of held.splice(0).reverse()) port.postMessage({ id, result: `${kind} #${id}` });
});
