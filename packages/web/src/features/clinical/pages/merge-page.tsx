import { can } from '@myomap/domain/access/permissions';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageFrame } from '../../../components/ui/page-frame.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { clinicalKeys, mergePreviewQuery } from '../api/clinical-queries.ts';
import { strengthTone } from '../lib/match-strength.ts';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api/api-client.ts';
import { identityApi, MERGE_FIELDS, type IdentityPatient, type MergeField, type MergeSide } from '../api/identity-api.ts';
import '../identity.css';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { isKeyOf } from '../../../lib/i18n/keys.ts';
import { en } from '../locales/en.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { formatDay, formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { Button } from '../../../components/ui/button.tsx';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';

type Choice = Partial<Record<MergeField, 'kept' | 'duplicate'>>;

/** The merge screen's own sentence for the codes it knows, else the code's text from the errors namespace. */
function useMergeErrorText(): (error: unknown) => string {
  const { t } = useTranslation('clinical', { keyPrefix: 'identity' });
  const errorText = useErrorText();
  return (error) => (error instanceof ApiError && isKeyOf(en.identity.merge.errors, error.code) ? t(`merge.errors.${error.code}`) : errorText(error));
}
const codeOf = (error: unknown) => (error instanceof ApiError ? error.code : 'unknown_error');

/** /staff/patients/:id/merge?duplicateId=…: both records side by side; reception chooses values and merges. */
export function MergePage() {
  const { t } = useTranslation('clinical', { keyPrefix: 'identity' });
  const language = useLanguage();
  const user = useStaffUser();
  const common = useTranslation('common');
  const canMerge = can(user.role, 'patient.merge');
  const keptId = useParams().id ?? '';
  const duplicateId = useSearchParams()[0].get('duplicateId') ?? '';
  const mergeErrorText = useMergeErrorText();
  const queryClient = useQueryClient();
  const previewQuery = useQuery(mergePreviewQuery(keptId, duplicateId));
  const [choice, setChoice] = useState<Choice>({});
  const [checked, setChecked] = useState(false);
  const merging = useMutation({
    mutationFn: () => identityApi.merge(keptId, duplicateId, choice),
    // Not the preview on screen: it would now answer patient_merged and replace the result.
    onSuccess: () => {
      for (const queryKey of [clinicalKeys.patients(), clinicalKeys.duplicates(), clinicalKeys.patient(keptId), clinicalKeys.patient(duplicateId)]) {
        void queryClient.invalidateQueries({ queryKey });
      }
    },
  });
  const done = merging.data;
  const result = done && { name: done.patient.name, id: done.patient.id, moved: Object.values(done.moved).reduce((a, b) => a + b, 0) };

  useEffect(() => {
    document.title = t('merge.title');
  }, [t]);

  function display(patient: IdentityPatient, field: MergeField): string {
    const value = patient[field];
    if (value === null || value === '') return t('merge.empty');
    if (field === 'dateOfBirth') return formatDay(value, language, 'medium');
    if (field === 'sex') return t(`merge.sexes.${value}`, { defaultValue: value });
    if (field === 'preferredLanguage') return isKeyOf(en.identity.merge.languages, value) ? t(`merge.languages.${value}`) : value;
    return value;
  }

  const back = (
    <Link to="/staff/patients/duplicates" className="small">
      {t('merge.back')}
    </Link>
  );
  if (previewQuery.isError) {
    return (
      <PageFrame className="clinical identity" title={t('merge.title')}>
        <p className="error" role="alert" data-code={codeOf(previewQuery.error)}>
          {mergeErrorText(previewQuery.error)}
        </p>
        {back}
      </PageFrame>
    );
  }
  if (previewQuery.isPending) return <LoadingState label={common.t('loading')} />;
  const preview = previewQuery.data;
  const { kept, duplicate } = preview;

  return (
    <PageFrame className="clinical identity" back={back} title={t('merge.title')} description={t('merge.subtitle')}>
      {preview.match && (
        <p className="identity__reasons">
          <Tag tone={strengthTone[preview.match.strength]} className={`identity__strength identity__strength--${preview.match.strength}`}>
            {t(`strength.${preview.match.strength}`)}
          </Tag>
          {preview.match.reasons.map((reason) => (
            <Tag key={reason}>{t(`reasons.${reason}`)}</Tag>
          ))}
        </p>
      )}

      <div className="card identity__compare">
        <table className="table identity__table">
          <caption className="identity__caption">{t('merge.keepHint')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('merge.field')}</th>
              <th scope="col" data-side="kept">
                {t('merge.kept')}
              </th>
              <th scope="col" data-side="duplicate">
                {t('merge.duplicate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {MERGE_FIELDS.map((field) => {
              const same = (kept.patient[field] ?? '') === (duplicate.patient[field] ?? '');
              const selected = choice[field] ?? 'kept';
              const ltr = field === 'email' || field === 'phone' || field === 'emergencyContactPhone';
              const cell = (side: 'kept' | 'duplicate', patient: IdentityPatient) => (
                <td data-side={side} className={!same && selected === side ? 'is-kept' : undefined}>
                  {same ? (
                    <span dir={ltr ? 'ltr' : undefined}>{display(patient, field)}</span>
                  ) : (
                    <label className="identity__choice">
                      <input
                        type="radio"
                        name={`keep-${field}`}
                        value={side}
                        checked={selected === side}
                        disabled={!canMerge || Boolean(result)}
                        onChange={() => setChoice((c) => ({ ...c, [field]: side }))}
                      />
                      <span dir={ltr ? 'ltr' : undefined}>{display(patient, field)}</span>
                    </label>
                  )}
                </td>
              );
              return (
                <tr key={field} data-field={field} data-same={same ? 'true' : 'false'}>
                  <th scope="row">{t(`merge.fields.${field}`)}</th>
                  {cell('kept', kept.patient)}
                  {cell('duplicate', duplicate.patient)}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className="identity__sides">
        <SideSummary side={kept} title={t('merge.kept')} sideKey="kept" />
        <SideSummary side={duplicate} title={t('merge.duplicate')} sideKey="duplicate" />
      </div>

      <p className="identity__rule" role="note">
        {t('merge.safetyRule')}
      </p>

      {result ? (
        <div className="identity__notice" role="status">
          <p>{t('merge.done', { count: result.moved, name: result.name })}</p>
          <Link to={`/staff/patients/${result.id}`}>{t('merge.open')}</Link>
        </div>
      ) : canMerge ? (
        <div className="card identity__confirm">
          <label className="checkbox">
            <input type="checkbox" checked={checked} onChange={(event) => setChecked(event.target.checked)} />
            <span>{t('merge.checked')}</span>
          </label>
          {merging.isError && (
            <p className="error" role="alert" data-code={codeOf(merging.error)}>
              {mergeErrorText(merging.error)}
            </p>
          )}
          <div className="button-row">
            <Button size="sm" disabled={!checked || merging.isPending} onClick={() => merging.mutate()}>
              {t('merge.submit')}
            </Button>
          </div>
        </div>
      ) : (
        <MutedText>{t('merge.onlyReception')}</MutedText>
      )}
    </PageFrame>
  );
}

function SideSummary({ side, title, sideKey }: { side: MergeSide; title: string; sideKey: string }): ReactNode {
  const { t } = useTranslation('clinical', { keyPrefix: 'identity' });
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const counts = Object.entries(side.counts).filter(([, n]) => n > 0);
  return (
    <section className="card identity__side" data-side={sideKey}>
      <h2>{title}</h2>
      <h3>{t('merge.appointments')}</h3>
      {side.appointments.length === 0 ? <MutedText size="sm">{t('merge.noAppointments')}</MutedText> : null}
      <ul className="plain-list identity__appointments">
        {side.appointments.map((a) => (
          <li key={a.id}>
            <span>{formatInstant(a.start, timeZone, language, 'medium')}</span> <MutedText as="span">{a.serviceName[language]}</MutedText>{' '}
            <MutedText as="span" size="sm" dir="ltr">
              {a.reference}
            </MutedText>
          </li>
        ))}
      </ul>
      <h3>{t('merge.intake')}</h3>
      <p className="small">{t('merge.intakeSummary', side.intake)}</p>
      <h3>{t('merge.records')}</h3>
      <dl className="identity__counts">
        {counts.length === 0 ? <dd className="muted small">{t('merge.empty')}</dd> : null}
        {counts.map(([key, n]) => (
          <div key={key} data-count={key}>
            <dt>{isKeyOf(en.identity.merge.counts, key) ? t(`merge.counts.${key}`) : key}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('merge.safety')}</h3>
      {side.safety ? (
        <dl className="identity__counts">
          <div>
            <dt>{t('merge.screen')}</dt>
            <dd>{side.safety.screeningOutcome ? t(`merge.outcomes.${side.safety.screeningOutcome}`) : t('merge.notScreened')}</dd>
          </div>
          <div data-decision={side.safety.physicianDecision?.decision ?? 'none'}>
            <dt>{t('merge.decision')}</dt>
            <dd>
              {side.safety.physicianDecision
                ? `${t(`merge.decisions.${side.safety.physicianDecision.decision}`)} · ${side.safety.physicianDecision.physicianName}`
                : t('merge.noDecision')}
            </dd>
          </div>
        </dl>
      ) : (
        <MutedText size="sm">{t('merge.safetyHidden')}</MutedText>
      )}
    </section>
  );
}
