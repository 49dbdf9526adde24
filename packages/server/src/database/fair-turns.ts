/**
 * Turns of the event loop given between two operations. Each turn reads every socket with data, but
 * libuv accepts one new connection per turn (libuv PR #3696, 2022), so a burst of new connections
 * was let in one per operation: at 20 new connections the last one's first booking waited about
 * 150 ms before it was even accepted. An idle turn costs a few microseconds.
 */
const TURNS_BETWEEN_OPERATIONS = 4;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function turns(): Promise<void> {
  for (let i = 0; i < TURNS_BETWEEN_OPERATIONS; i++) await nextTurn();
}

/**
 * Runs operations one at a time in arrival order, each starting after a few turns of the event loop.
 * PGlite answers synchronously inside promise callbacks, so without the turns its queue runs from
 * one operation to the next in microtasks and the event loop reads no socket until the queue is
 * empty: under a burst, requests that arrived meanwhile were not even parsed, and a connection's
 * first request waited behind many rounds of the others (booking p99 several times its p50,
 * issue 13). With the turns, each request joins the queue soon after it arrives, and the queue is
 * first come, first served.
 */
export function fairTurns(): <T>(operation: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (operation) => {
    const turn = tail.then(turns).then(operation);
    tail = turn.catch(() => undefined);
    return turn;
  };
}
