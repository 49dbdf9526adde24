import type { PostureAngles } from '@myomap/domain/clinical/compute-posture-angles';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { useTranslation } from 'react-i18next';

/** Below about 48–50° the head is held forward (Yip et al. 2008; Lau et al. 2009). */
const FORWARD_HEAD_BELOW = 48;

export function PostureAngleList({ angles }: { angles: PostureAngles }) {
  const { t } = useTranslation('clinical');
  const deg = (value: number) => `${Math.abs(value).toFixed(1)}°`;
  const rows: { key: string; label: string; value: string; note?: string }[] = [];
  const higher = (value: number) => (value === 0 ? t('angles.level') : t(value > 0 ? 'angles.higherRight' : 'angles.higherLeft'));

  if (angles.craniovertebralAngle !== undefined) {
    const value = angles.craniovertebralAngle;
    rows.push({
      key: 'cva',
      label: t('angles.cva'),
      value: `${value.toFixed(1)}°`,
      note: value < FORWARD_HEAD_BELOW ? t('angles.cvaForward') : t('angles.cvaNormal'),
    });
  }
  if (angles.pelvicTilt !== undefined) {
    const value = angles.pelvicTilt;
    rows.push({
      key: 'tilt',
      label: t('angles.pelvicTilt'),
      value: deg(value),
      note: value === 0 ? t('angles.neutral') : t(value > 0 ? 'angles.anterior' : 'angles.posterior'),
    });
  }
  for (const [key, field] of [
    ['head', 'headFromPlumb'],
    ['shoulder', 'shoulderFromPlumb'],
    ['hip', 'hipFromPlumb'],
    ['knee', 'kneeFromPlumb'],
  ] as const) {
    const value = angles[field];
    if (value === undefined) continue;
    rows.push({
      key,
      label: t(`angles.plumb.${key}`),
      value: deg(value),
      note: value === 0 ? t('angles.onLine') : t(value > 0 ? 'angles.inFront' : 'angles.behind'),
    });
  }
  if (angles.shoulderLevel !== undefined)
    rows.push({ key: 'shoulders', label: t('angles.shoulderLevel'), value: deg(angles.shoulderLevel), note: higher(angles.shoulderLevel) });
  if (angles.pelvicObliquity !== undefined)
    rows.push({ key: 'pelvis', label: t('angles.pelvicObliquity'), value: deg(angles.pelvicObliquity), note: higher(angles.pelvicObliquity) });
  for (const [side, field] of [
    ['right', 'rightKneeFrontalAngle'],
    ['left', 'leftKneeFrontalAngle'],
  ] as const) {
    const value = angles[field];
    if (value === undefined) continue;
    rows.push({
      key: `knee-${side}`,
      label: t('angles.knee', { side: t(`side.${side}`) }),
      value: deg(value),
      note: value === 0 ? t('angles.straight') : t(value > 0 ? 'angles.valgus' : 'angles.varus'),
    });
  }

  if (rows.length === 0) return <MutedText size="sm">{t('angles.none')}</MutedText>;
  return (
    <dl className="angles">
      {rows.map((row) => (
        <div key={row.key} className="angles__row" data-angle={row.key}>
          <dt>{row.label}</dt>
          <dd>
            <span dir="ltr" className="angles__value">
              {row.value}
            </span>{' '}
            {row.note && (
              <MutedText as="span" size="sm">
                {row.note}
              </MutedText>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
