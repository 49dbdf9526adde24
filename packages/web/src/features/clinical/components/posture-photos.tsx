import type { PhotoView } from '@myomap/domain/clinical/compute-posture-angles';
import { useState } from 'react';
import { ApiError } from '../../../lib/api/api-client.ts';
import { clinicalApi, type PhotoDto } from '../api/clinical-api.ts';
import { LandmarkEditor } from './landmark-editor.tsx';
import { useTranslation } from 'react-i18next';

const MAX_BYTES = 8 * 1024 * 1024;

/** Front and side standing photos, with landmarks placed by clicking and the angles they give. */
export function PosturePhotos({
  assessmentId,
  photos,
  onPhotoAdded,
  onPhotoSaved,
}: {
  assessmentId: string;
  photos: PhotoDto[];
  onPhotoAdded: (photo: PhotoDto) => void;
  onPhotoSaved: (photo: PhotoDto) => void;
}) {
  return (
    <div className="photos">
      {(['front', 'side'] as const).map((view) => {
        const photo = photos.filter((p) => p.view === view).at(-1);
        return <PhotoSlot key={view} view={view} assessmentId={assessmentId} photo={photo} onPhotoAdded={onPhotoAdded} onPhotoSaved={onPhotoSaved} />;
      })}
    </div>
  );
}

function PhotoSlot({
  view,
  assessmentId,
  photo,
  onPhotoAdded,
  onPhotoSaved,
}: {
  view: PhotoView;
  assessmentId: string;
  photo: PhotoDto | undefined;
  onPhotoAdded: (photo: PhotoDto) => void;
  onPhotoSaved: (photo: PhotoDto) => void;
}) {
  const { t } = useTranslation('clinical');
  const [status, setStatus] = useState<'idle' | 'uploading' | 'error' | 'too-big' | 'wrong-type'>('idle');
  const [message, setMessage] = useState('');

  const upload = async (file: File | undefined) => {
    if (!file) return;
    if (!['image/jpeg', 'image/png'].includes(file.type)) return setStatus('wrong-type');
    if (file.size > MAX_BYTES) return setStatus('too-big');
    setStatus('uploading');
    try {
      const created = await clinicalApi.uploadPhoto(assessmentId, view, file);
      onPhotoAdded(created);
      setStatus('idle');
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : '');
      setStatus('error');
    }
  };

  return (
    <div className="photo-slot" data-view={view}>
      <h3>{t(`photos.${view}`)}</h3>
      <label className="ui-button ui-button--secondary ui-button--sm file-button">
        {photo ? t('photos.replace') : t('photos.upload')}
        <input
          type="file"
          accept="image/jpeg,image/png"
          onChange={(event) => void upload(event.target.files?.[0])}
          aria-label={t('photos.uploadLabel', { view: t(`photos.${view}`) })}
        />
      </label>
      <span className="muted small" role="status">
        {status === 'uploading' && t('photos.uploading')}
        {status === 'too-big' && t('photos.tooBig')}
        {status === 'wrong-type' && t('photos.wrongType')}
        {status === 'error' && `${t('photos.failed')} ${message}`}
      </span>
      {photo ? <LandmarkEditor key={photo.id} photo={photo} onSaved={onPhotoSaved} /> : <p className="muted small">{t(`photos.hint.${view}`)}</p>}
    </div>
  );
}
