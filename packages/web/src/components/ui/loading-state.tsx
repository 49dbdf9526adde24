import './ui.css';

/** A quiet spinner with a text label that screen readers announce politely. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div className="ui-loading" role="status">
      <span className="ui-loading__spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
