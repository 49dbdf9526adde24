/** A chevron that points "forward" (towards the end of the line); CSS mirrors it in RTL. */
export function Chevron({ direction }: { direction: 'back' | 'forward' }) {
  return (
    <svg className={`pb-chevron pb-chevron--${direction}`} viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M7.5 4.5 13 10l-5.5 5.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
