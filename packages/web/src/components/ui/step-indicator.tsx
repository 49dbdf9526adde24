import './ui.css';

export interface StepIndicatorProps {
  steps: readonly string[];
  /** Index of the current step, from 0. */
  current: number;
  /** Accessible name of the list, e.g. "Booking steps". */
  label: string;
  /** "Step {{n}} of {{total}}" as already-translated text for the current step. */
  progressText: string;
}

/** Numbered steps; the current one carries aria-current="step". Collapses to a progress line on phones. */
export function StepIndicator({ steps, current, label, progressText }: StepIndicatorProps) {
  return (
    <nav className="ui-steps" aria-label={label}>
      <p className="ui-steps__progress">{progressText}</p>
      <div className="ui-steps__bar" aria-hidden="true">
        <div className="ui-steps__bar-fill" style={{ inlineSize: `${((current + 1) / steps.length) * 100}%` }} />
      </div>
      <ol className="ui-steps__list">
        {steps.map((step, index) => {
          const state = index < current ? 'done' : index === current ? 'current' : 'todo';
          return (
            <li key={step} className={`ui-steps__item ui-steps__item--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="ui-steps__number" aria-hidden="true">
                {index < current ? '✓' : index + 1}
              </span>
              <span className="ui-steps__label">{step}</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
