/**
 * Grey blocks where a list will be, about its height, while its data loads: the text around does not
 * jump when the list arrives (Lighthouse's layout shift), and readers hear the label once.
 */
export function SkeletonList({ label, count, className, itemClassName }: { label: string; count: number; className: string; itemClassName: string }) {
  return (
    <div role="status" aria-busy="true">
      <span className="ui-visually-hidden">{label}</span>
      <ul className={className} aria-hidden="true">
        {Array.from({ length: count }, (_, i) => (
          <li key={i}>
            <div className={`pb-skeleton ${itemClassName}`} />
          </li>
        ))}
      </ul>
    </div>
  );
}
