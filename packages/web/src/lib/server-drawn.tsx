import { Suspense, type ReactNode } from 'react';

/*
 * A page the server drew (/book's first step, packages/server/src/lib/web-pages.ts) is taken over by
 * hydration (main.tsx): the app attaches its handlers to the drawn markup instead of drawing it again.
 * On a phone that first pass over the whole page is one long task; a part wrapped in <HydrateLater>
 * keeps its drawn markup and is hydrated in a later task instead (Preact's Suspense keeps server
 * markup while a part suspends during hydration), each turn in a task of its own. Until then its
 * controls work as plain HTML.
 */

/** The most turns a drawn page uses (public-layout.tsx: the page, the header, the footer). */
const LATER_TURNS = 3;

/** The turns still held, by number (1 is the first task after the frame's). */
const held = new Map<number, Promise<void>>();

/**
 * main.tsx, just before it hydrates: the parts of turn n wait for the n-th task after this one
 * (`nextTask` ends a task). Resolves with the last turn.
 */
export function holdLaterParts(nextTask: () => Promise<void>): Promise<void> {
  let turn = Promise.resolve();
  for (let n = 1; n <= LATER_TURNS; n++) {
    const waiting: Promise<void> = turn.then(nextTask).then(() => {
      if (held.get(n) === waiting) held.delete(n);
    });
    held.set(n, waiting);
    turn = waiting;
  }
  return turn;
}

function Gate({ turn, children }: { turn: number; children: ReactNode }) {
  const waiting = held.get(turn);
  // Suspense's protocol: a part that is not ready throws the promise it waits for.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  if (waiting) throw waiting;
  return children;
}

/**
 * A part of a drawn page hydrated in a later task, `turn` (1, 2, …) saying which. Its children must
 * draw one element (the markup kept meanwhile).
 */
export function HydrateLater({ turn, children }: { turn: number; children: ReactNode }) {
  return (
    <Suspense fallback={null}>
      <Gate turn={turn}>{children}</Gate>
    </Suspense>
  );
}
