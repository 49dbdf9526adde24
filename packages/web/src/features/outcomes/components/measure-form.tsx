import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { outcomesApi, type EpisodeProgressOut, type InstrumentOut, type MeasurementOut } from '../api/outcomes-api.ts';
import { activitiesToRerate, buildAnswers, type ActivityDraft } from '../lib/build-answers.ts';
import { formatNumber } from '../lib/format-figures.ts';
import { ScaleQuestion } from './scale-question.tsx';

interface MeasureFormProps {
  progress: EpisodeProgressOut;
  instruments: readonly InstrumentOut[];
}

/** Enters one measure in the reader's language, items rendered from the instrument's definition. */
export function MeasureForm({ progress, instruments }: MeasureFormProps) {
  const { t } = useTranslation('outcomes');
  const language = useLanguage();
  const enabled = instruments.filter((instrument) => instrument.enabled);
  const [instrumentId, setInstrumentId] = useState(progress.episode.primaryInstrumentId);
  const instrument = enabled.find((candidate) => candidate.id === instrumentId) ?? enabled[0];
  if (!instrument) return null;
  return (
    <div className="oc-measure">
      <SelectField
        label={t('measure.instrument')}
        value={instrument.id}
        onChange={(event) => setInstrumentId(event.target.value)}
        options={enabled.map((candidate) => ({ value: candidate.id, label: candidate.name[language] }))}
      />
      {/* A new form per instrument: answers never carry over from one scale to another. */}
      <MeasureAnswers key={instrument.id} progress={progress} instrument={instrument} />
    </div>
  );
}

function MeasureAnswers({ progress, instrument }: { progress: EpisodeProgressOut; instrument: InstrumentOut }) {
  const { t } = useTranslation('outcomes');
  const language = useLanguage();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const episodeId = progress.episode.id;
  const firstPsfs = progress.series.find((series) => series.instrumentId === instrument.id)?.measurements[0]?.answers;
  const initialActivities = () => (instrument.patientSpecific ? activitiesToRerate(firstPsfs, instrument.patientSpecific.maxItems) : []);
  const [chosen, setChosen] = useState<Record<string, number | null>>({});
  const [activities, setActivities] = useState<ActivityDraft[]>(initialActivities);
  const [saved, setSaved] = useState<MeasurementOut>();
  const record = useMutation({
    mutationFn: () =>
      outcomesApi.recordMeasurement(episodeId, { instrumentId: instrument.id, language, answers: buildAnswers(instrument, chosen, activities) }),
    onSuccess: async (measurement) => {
      setSaved(measurement);
      setChosen({});
      setActivities(initialActivities());
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['outcomes', 'episode', episodeId] }),
        queryClient.invalidateQueries({ queryKey: ['outcomes', 'episodes', progress.episode.patientId] }),
      ]);
    },
  });
  const scale = instrument.patientSpecific;
  const setActivity = (index: number, change: Partial<ActivityDraft>) =>
    setActivities((rows) => rows.map((row, at) => (at === index ? { ...row, ...change } : row)));

  return (
    <form
      className="oc-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(undefined);
        record.mutate();
      }}
    >
      <MutedText size="sm">{instrument.instructions[language]}</MutedText>
      <MutedText size="sm">{t('measure.notAnsweredHint')}</MutedText>
      {scale
        ? activities.map((row, index) => (
            <div className="oc-activity" key={index}>
              <TextField
                label={t('measure.activity', { n: formatNumber(index + 1, language) })}
                hint={index === 0 ? t('measure.activityHint') : undefined}
                value={row.activity}
                maxLength={200}
                onChange={(event) => setActivity(index, { activity: event.target.value })}
              />
              <ScaleQuestion
                legend={t('measure.rating', { n: formatNumber(index + 1, language) })}
                min={scale.min}
                max={scale.max}
                anchors={{ min: scale.anchors.min[language], max: scale.anchors.max[language] }}
                value={row.rating}
                onChange={(rating) => setActivity(index, { rating })}
              />
            </div>
          ))
        : instrument.items.map((item) => (
            <ScaleQuestion
              key={item.id}
              legend={item.text[language]}
              min={item.min}
              max={item.max}
              anchors={item.anchors ? { min: item.anchors.min[language], max: item.anchors.max[language] } : undefined}
              value={chosen[item.id] ?? null}
              onChange={(value) => setChosen((answers) => ({ ...answers, [item.id]: value }))}
            />
          ))}
      {instrument.licence.status !== 'free' ? <MutedText size="sm">{t('measure.licence', { holder: instrument.licence.holder })}</MutedText> : null}
      {record.error ? <Alert tone="error">{errorText(record.error)}</Alert> : null}
      {saved ? (
        <Alert tone="success">{saved.score !== null ? t('measure.saved', { score: formatNumber(saved.score, language) }) : t('measure.savedUnscored')}</Alert>
      ) : null}
      <div className="oc-actions">
        <Button type="submit" busy={record.isPending}>
          {t('measure.submit')}
        </Button>
      </div>
    </form>
  );
}
