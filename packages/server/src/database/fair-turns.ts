/**
 * Runs operations one at a time in arrival order, each starting on a new turn of the event loop.
 * PGlite answers synchronously inside promise callbacks, so without the turn its queue runs from
 * one operation to the next in microtasks and the event loop reads no socket until the queue is
 * empty: under a burst, requests that arrived meanwhile were not even parsed, and a connection's
 * first request waited behind many rounds of the others (booking p99 several times its p50,
 * issue 13). With the turn, each request joins the queue as soon as it arrives, and the queue is
 * first come, first served.
 */
export function fairTurns(): <T>(operation: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (operation) => {
    const turn = tail.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(operation);
    tail = turn.catch(() => undefined);
    return turn;
  };
}
