import { computePostureAngles, POSTURE_LANDMARKS, type Landmarks, type Point } from '@myomap/domain/clinical/compute-posture-angles';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState, type MouseEvent } from 'react';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { clinicalApi, type PhotoDto } from '../api/clinical-api.ts';
import { PostureAngleList } from './posture-angle-list.tsx';
import { useTranslation } from 'react-i18next';
import { isKeyOf } from '../../../lib/i18n/keys.ts';
import { en } from '../locales/en.ts';
import { Button } from '../../../components/ui/button.tsx';

/** A guided list ("Click the tragus"…): each click on the photo places the next landmark. */
export function LandmarkEditor({ photo, onSaved }: { photo: PhotoDto; onSaved: (photo: PhotoDto) => void }) {
  const { t } = useTranslation(['clinical', 'common']);
  const errorText = useErrorText();
  const names: readonly string[] = POSTURE_LANDMARKS[photo.view];
  const [landmarks, setLandmarks] = useState<Landmarks>(photo.landmarks ?? {});
  const [size, setSize] = useState<{ width: number; height: number } | undefined>();
  const [chosen, setChosen] = useState<string | undefined>();
  const current = chosen ?? names.find((name) => !landmarks[name]);
  const landmarkName = (name: string) => (isKeyOf(en.photos.landmarks, name) ? t(`photos.landmarks.${name}`) : name);
  const angles = useMemo(() => computePostureAngles(photo.view, landmarks), [photo.view, landmarks]);
  const dirty = JSON.stringify(landmarks) !== JSON.stringify(photo.landmarks ?? {});

  const place = (event: MouseEvent<SVGSVGElement>) => {
    if (!current) return;
    const matrix = event.currentTarget.getScreenCTM();
    if (!matrix) return;
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    setLandmarks({ ...landmarks, [current]: { x: Math.round(p.x), y: Math.round(p.y) } });
    setChosen(undefined);
  };
  const saving = useMutation({
    mutationFn: (placed: Landmarks) => clinicalApi.saveLandmarks(photo.id, placed),
    onSuccess: (saved) => onSaved({ ...photo, landmarks: saved.landmarks, angles: saved.angles }),
  });
  const save = () => saving.mutate(Object.fromEntries(Object.entries(landmarks).filter((entry): entry is [string, Point] => entry[1] !== undefined)));
  const r = size ? Math.max(3, size.width / 90) : 4;
  const lines = guideLines(photo.view, landmarks);

  return (
    <div className="landmarks">
      <div className="landmarks__image">
        <img
          src={clinicalApi.photoUrl(photo.id)}
          alt={t(`photos.${photo.view}`)}
          onLoad={(event) => setSize({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })}
        />
        {size && (
          <svg
            viewBox={`0 0 ${size.width} ${size.height}`}
            preserveAspectRatio="none"
            onClick={place}
            className={current ? 'is-placing' : undefined}
            aria-hidden="true"
          >
            {lines.map(([a, b], i) => (
              <line key={i} x1={a.x} y1={a.y} x2={b.x} y2={b.y} strokeWidth={r / 2.5} />
            ))}
            {names.map((name) => {
              const point = landmarks[name];
              return point ? (
                <circle key={name} cx={point.x} cy={point.y} r={r} strokeWidth={r / 3} className={name === current ? 'is-current' : undefined} />
              ) : null;
            })}
          </svg>
        )}
      </div>
      <div className="landmarks__side">
        <p className="landmarks__prompt" aria-live="polite">
          {current ? t('photos.clickThe', { landmark: landmarkName(current) }) : t('photos.allPlaced')}
        </p>
        <ol className="landmarks__list">
          {names.map((name) => (
            <li key={name}>
              <button
                type="button"
                className={`landmark${name === current ? ' is-current' : ''}`}
                aria-pressed={name === current}
                onClick={() => setChosen(name)}
              >
                <span aria-hidden="true">{landmarks[name] ? '✓' : '○'}</span> {landmarkName(name)}
              </button>
            </li>
          ))}
        </ol>
        <PostureAngleList angles={angles} />
        <div className="button-row">
          <Button size="sm" onClick={save} disabled={!dirty || saving.isPending}>
            {saving.isPending ? t('common:actions.saving') : t('photos.saveLandmarks')}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setLandmarks({})} disabled={Object.keys(landmarks).length === 0}>
            {t('photos.clear')}
          </Button>
          {dirty && (
            <MutedText as="span" size="sm">
              {t('status.unsaved')}
            </MutedText>
          )}
          {saving.isError && (
            <span className="error small" role="alert">
              {t('status.saveFailed')} {errorText(saving.error)}
            </span>
          )}
        </div>
      </div>
    </div>
  );
}

/** The lines each angle is measured along, drawn over the photo. */
function guideLines(view: 'front' | 'side', l: Landmarks): [Point, Point][] {
  const pairs: [string, string][] =
    view === 'side'
      ? [
          ['c7', 'tragus'],
          ['asis', 'psis'],
          ['lateral_malleolus', 'knee'],
          ['knee', 'greater_trochanter'],
          ['greater_trochanter', 'acromion'],
        ]
      : [
          ['right_acromion', 'left_acromion'],
          ['right_asis', 'left_asis'],
          ['right_asis', 'right_knee'],
          ['right_knee', 'right_ankle'],
          ['left_asis', 'left_knee'],
          ['left_knee', 'left_ankle'],
        ];
  const lines = pairs.flatMap(([a, b]) => {
    const p = l[a];
    const q = l[b];
    return p && q ? [[p, q] as [Point, Point]] : [];
  });
  // The horizontal through C7 that the craniovertebral angle is measured from.
  if (view === 'side' && l.c7 && l.tragus) lines.push([l.c7, { x: l.tragus.x, y: l.c7.y }]);
  return lines;
}
