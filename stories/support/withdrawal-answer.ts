/**
 * Answers the next withdrawal the page sends (`POST …/v1/pledges/withdraw`) with this status, as
 * a collector would: 200 when the offer was withdrawn, 404 for a reference it does not know.
 * Story-only: Storybook has no collector, and the widget's reaction to the real one is tested in
 * packages/pledge/test/withdraw.test.ts. Every other request goes to the network as before.
 */
export function answerNextWithdrawal(status: 200 | 404): void {
  const network = window.fetch;
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.endsWith('/v1/pledges/withdraw')) return network(input, init);
    window.fetch = network;
    return Promise.resolve(new Response(status === 200 ? '{"withdrawn":true}' : '{"error":"No offer has this reference","code":"unknown-reference"}', { status, headers: { 'Content-Type': 'application/json' } }));
  };
}
