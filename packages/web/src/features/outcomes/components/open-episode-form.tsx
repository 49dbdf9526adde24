import { EpisodeIn } from '@myomap/contract/outcomes/outcomes.schemas';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { contractResolver } from '../../../lib/forms/contract-resolver.ts';
import { useFieldErrorText } from '../../../lib/forms/field-error.tsx';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { outcomesApi, type EpisodeOut } from '../api/outcomes-api.ts';
import { instrumentsQuery, protocolsQuery } from '../api/outcomes-queries.ts';

interface Draft {
  complaint: string;
  region: string;
  primaryInstrumentId: string;
}

const resolver = contractResolver<Draft, EpisodeIn>(EpisodeIn, {
  toBody: (values) => ({ complaint: values.complaint.trim(), region: values.region, primaryInstrumentId: values.primaryInstrumentId }),
  fields: { '/complaint': 'complaint', '/region': 'region', '/primaryInstrumentId': 'primaryInstrumentId' },
});

/** Opens an episode of care for one complaint: the outcome report's denominator starts here. */
export function OpenEpisodeForm({ patientId, onOpened }: { patientId: string; onOpened(episode: EpisodeOut): void }) {
  const { t } = useTranslation('outcomes');
  const language = useLanguage();
  const errorText = useErrorText();
  const fieldError = useFieldErrorText();
  const queryClient = useQueryClient();
  const instruments = useQuery(instrumentsQuery);
  const protocols = useQuery(protocolsQuery);
  const form = useForm<Draft, unknown, EpisodeIn>({ defaultValues: { complaint: '', region: '', primaryInstrumentId: 'nprs' }, resolver });
  const open = useMutation({
    mutationFn: (body: EpisodeIn) => outcomesApi.openEpisode(patientId, body),
    onSuccess: async (episode) => {
      await queryClient.invalidateQueries({ queryKey: ['outcomes', 'episodes', patientId] });
      form.reset();
      onOpened(episode);
    },
  });
  const { errors } = form.formState;
  const choose = { value: '', label: t('openForm.choose') };
  return (
    <form className="oc-form" noValidate onSubmit={(event) => void form.handleSubmit((body) => open.mutate(body))(event)}>
      <TextField
        label={t('openForm.complaint')}
        hint={t('openForm.complaintHint')}
        maxLength={200}
        error={fieldError(errors.complaint)}
        {...form.register('complaint')}
      />
      <SelectField
        label={t('openForm.region')}
        options={[choose, ...(protocols.data ?? []).map((protocol) => ({ value: protocol.id, label: protocol.name[language] }))]}
        error={fieldError(errors.region)}
        {...form.register('region')}
      />
      <SelectField
        label={t('openForm.primary')}
        hint={t('openForm.primaryHint')}
        options={[choose, ...(instruments.data ?? []).filter((i) => i.enabled).map((i) => ({ value: i.id, label: i.name[language] }))]}
        error={fieldError(errors.primaryInstrumentId)}
        {...form.register('primaryInstrumentId')}
      />
      {open.error ? <Alert tone="error">{errorText(open.error)}</Alert> : null}
      <div className="oc-actions">
        <Button type="submit" busy={open.isPending}>
          {t('openForm.submit')}
        </Button>
      </div>
    </form>
  );
}
