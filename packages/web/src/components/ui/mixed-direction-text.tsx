import { splitBidiRuns } from '../../lib/i18n/split-bidi-runs.ts';

/**
 * A short text that may mix Arabic with Latin letters, digits and signs (a dose such as "2 × 20 s"),
 * isolated so it reads as written on an English or an Arabic page (lib/i18n/split-bidi-runs.ts).
 */
export function MixedDirectionText({ text }: { text: string }) {
  const { dir, runs } = splitBidiRuns(text);
  return (
    <bdi dir={dir}>
      {runs.map((run, i) =>
        run.ltr ? (
          <bdi key={i} dir="ltr">
            {run.text}
          </bdi>
        ) : (
          run.text
        ),
      )}
    </bdi>
  );
}
