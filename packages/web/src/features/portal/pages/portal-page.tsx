import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { adoptPortalSession, portalKey, portalSessionQuery, setRelationship, switchPatient } from '../api/portal-api.ts';
import { DataSection } from '../components/data-section.tsx';
import { MessagesSection } from '../components/messages-section.tsx';
import { ProgressSection } from '../components/progress-section.tsx';
import { SignInForm } from '../components/sign-in-form.tsx';
import { VisitsSection } from '../components/visits-section.tsx';

const RELATIONSHIPS = ['self', 'parent', 'guardian', 'carer', 'other'] as const;
type Relationship = (typeof RELATIONSHIPS)[number];

/** /portal: sign-in when signed out; otherwise the patient's visits, progress, messages and data. */
export function PortalPage() {
  const { t } = useTranslation('portal');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const session = useQuery(portalSessionQuery);
  useEffect(() => {
    document.title = t('title');
  }, [t]);
  const choose = useMutation({
    mutationFn: switchPatient,
    onSuccess: (next) => {
      // Another person's record: nothing of the previous one stays on screen.
      queryClient.removeQueries({ queryKey: portalKey, predicate: (q) => q.queryKey[1] !== 'session' });
      return adoptPortalSession(queryClient, next);
    },
  });
  const relate = useMutation({
    mutationFn: (input: { patientId: string; relationship: Relationship }) => setRelationship(input.patientId, input.relationship),
    onSuccess: (next) => adoptPortalSession(queryClient, next),
  });
  if (session.isPending) return <LoadingState label={tc('loading')} />;
  if (session.error) return <Alert tone="error" title={errorText(session.error)} />;
  if (!session.data) return <SignInForm />;
  const { patients, currentPatientId } = session.data;
  const current = patients.find((p) => p.id === currentPatientId);
  return (
    <>
      <PageHeader title={current?.name ?? t('title')} eyebrow={t('title')} />
      {patients.length > 1 ? (
        <div className="pt-actions">
          <SelectField
            label={t('switcher.label')}
            hint={t('switcher.help')}
            value={currentPatientId}
            options={patients.map((p) => ({ value: p.id, label: p.name }))}
            onChange={(e) => choose.mutate(e.target.value)}
          />
          {current ? (
            <SelectField
              label={t('switcher.relationship', { name: current.name })}
              value={current.relationship ?? ''}
              options={[{ value: '', label: t('switcher.choose') }, ...RELATIONSHIPS.map((value) => ({ value, label: t(`switcher.relationships.${value}`) }))]}
              onChange={(e) => {
                const value = RELATIONSHIPS.find((r) => r === e.target.value);
                if (value) relate.mutate({ patientId: current.id, relationship: value });
              }}
            />
          ) : null}
        </div>
      ) : null}
      {relate.error ? <Alert tone="error" title={errorText(relate.error)} /> : null}
      <nav aria-label={t('layout.nav')} className="pt-nav">
        <a href="#visits">{t('sections.visits')}</a>
        <a href="#progress">{t('sections.progress')}</a>
        <a href="#messages">{t('sections.messages')}</a>
        <a href="#data">{t('sections.data')}</a>
      </nav>
      <VisitsSection patientId={currentPatientId} patient={{ name: current?.name ?? '', email: session.data.email }} />
      <ProgressSection patientId={currentPatientId} />
      <MessagesSection patientId={currentPatientId} />
      <DataSection patientId={currentPatientId} />
    </>
  );
}
