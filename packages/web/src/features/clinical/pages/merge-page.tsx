import { can } from '@myomap/domain/access/permissions';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api/api-client.ts';
import { identityApi, MERGE_FIELDS, type IdentityPatient, type MergeField, type MergePreview, type MergeSide } from '../api/identity-api.ts';
import '../identity.css';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { isKeyOf } from '../../../lib/i18n/keys.ts';
import { en } from '../locales/en.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { formatDay, formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { Button } from '../../../components/ui/button.tsx';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';

export function MergePage() {
  return (
    <div className="clinical">
      <MergeScreen />
    </div>
  );
}

type Choice = Partial<Record<MergeField, 'kept' | 'duplicate'>>;
type Result = { name: string; id: string; moved: number };
type MergeError = keyof typeof en.identity.merge.errors;
const mergeError = (caught: unknown): MergeError => (caught instanceof ApiError && isKeyOf(en.identity.merge.errors, caught.code) ? caught.code : 'failed');

/** /staff/patients/:id/merge?duplicateId=…: both records side by side; reception chooses values and merges. */
function MergeScreen() {
  const { t } = useTranslation('clinical', { keyPrefix: 'identity' });
  const language = useLanguage();
  const user = useStaffUser();
  const canMerge = can(user.role, 'patient.merge');
  const keptId = useParams().id ?? '';
  const duplicateId = useSearchParams()[0].get('duplicateId') ?? '';
  const [preview, setPreview] = useState<MergePreview>();
  const [loadError, setLoadError] = useState<MergeError>();
  const [choice, setChoice] = useState<Choice>({});
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MergeError>();
  const [result, setResult] = useState<Result>();

  useEffect(() => {
    let live = true;
    identityApi.preview(keptId, duplicateId).then(
      (loaded) => live && setPreview(loaded),
      (caught: unknown) => live && setLoadError(mergeError(caught)),
    );
    return () => {
      live = false;
    };
  }, [keptId, duplicateId]);

  useEffect(() => {
    document.title = t('merge.title');
  }, [t]);

  async function merge() {
    setBusy(true);
    setError(undefined);
    try {
      const done = await identityApi.merge(keptId, duplicateId, choice);
      setResult({ name: done.patient.name, id: done.patient.id, moved: Object.values(done.moved).reduce((a, b) => a + b, 0) });
    } catch (caught) {
      setError(mergeError(caught));
    } finally {
      setBusy(false);
    }
  }

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
  if (loadError) {
    return (
      <section className="identity">
        <h1>{t('merge.title')}</h1>
        <p className="error" role="alert" data-code={loadError}>
          {t(`merge.errors.${loadError}`)}
        </p>
        {back}
      </section>
    );
  }
  if (!preview) return <p className="muted">…</p>;
  const { kept, duplicate } = preview;

  return (
    <section className="identity">
      {back}
      <div className="page-head">
        <div>
          <h1>{t('merge.title')}</h1>
          <p className="muted identity__lead">{t('merge.subtitle')}</p>
        </div>
      </div>
      {preview.match && (
        <p className="identity__reasons">
          <span className={`tag identity__strength identity__strength--${preview.match.strength}`}>{t(`strength.${preview.match.strength}`)}</span>
          {preview.match.reasons.map((reason) => (
            <span key={reason} className="tag">
              {t(`reasons.${reason}`)}
            </span>
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
          {error && (
            <p className="error" role="alert" data-code={error}>
              {t(`merge.errors.${error}`)}
            </p>
          )}
          <div className="button-row">
            <Button size="sm" disabled={!checked || busy} onClick={() => void merge()}>
              {t('merge.submit')}
            </Button>
          </div>
        </div>
      ) : (
        <p className="muted">{t('merge.onlyReception')}</p>
      )}
    </section>
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
      {side.appointments.length === 0 ? <p className="muted small">{t('merge.noAppointments')}</p> : null}
      <ul className="plain-list identity__appointments">
        {side.appointments.map((a) => (
          <li key={a.id}>
            <span>{formatInstant(a.start, timeZone, language, 'medium')}</span> <span className="muted">{a.serviceName[language]}</span>{' '}
            <span className="muted small" dir="ltr">
              {a.reference}
            </span>
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
        <p className="muted small">{t('merge.safetyHidden')}</p>
      )}
    </section>
  );
}
