import type { PhotoView } from '@myomap/domain/clinical/compute-posture-angles';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
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
  const errorText = useErrorText();
  // Checked here first, so the person hears why at once; the server checks the same again.
  const [refused, setRefused] = useState<'too-big' | 'wrong-type'>();
  const uploading = useMutation({ mutationFn: (file: File) => clinicalApi.uploadPhoto(assessmentId, view, file), onSuccess: onPhotoAdded });

  const upload = (file: File | undefined) => {
    if (!file) return;
    uploading.reset();
    if (!['image/jpeg', 'image/png'].includes(file.type)) return setRefused('wrong-type');
    if (file.size > MAX_BYTES) return setRefused('too-big');
    setRefused(undefined);
    uploading.mutate(file);
  };

  return (
    <div className="photo-slot" data-view={view}>
      <h3>{t(`photos.${view}`)}</h3>
      <label className="ui-button ui-button--secondary ui-button--sm file-button">
        {photo ? t('photos.replace') : t('photos.upload')}
        <input
          type="file"
          accept="image/jpeg,image/png"
          onChange={(event) => upload(event.target.files?.[0])}
          aria-label={t('photos.uploadLabel', { view: t(`photos.${view}`) })}
        />
      </label>
      <MutedText as="span" size="sm" role="status">
        {uploading.isPending && t('photos.uploading')}
        {refused === 'too-big' && t('photos.tooBig')}
        {refused === 'wrong-type' && t('photos.wrongType')}
        {uploading.isError && `${t('photos.failed')} ${errorText(uploading.error)}`}
      </MutedText>
      {photo ? <LandmarkEditor key={photo.id} photo={photo} onSaved={onPhotoSaved} /> : <MutedText size="sm">{t(`photos.hint.${view}`)}</MutedText>}
    </div>
  );
}
