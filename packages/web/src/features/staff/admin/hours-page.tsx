import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { localName } from '../api/local-name.ts';
import { exceptionsQuery, practitionersQuery } from '../api/staff-queries.ts';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import { staffAbilities } from '../session/staff-abilities.ts';
import { LeaveSection } from './leave-section.tsx';
import { WeeklyHoursEditor } from './weekly-hours-editor.tsx';
import { clinicToday } from '../../../lib/clinic-time/clinic-time.ts';

/** Weekly hours and breaks (admin) and leave and holidays (admin and reception). */
export function HoursPage() {
  const { t, i18n } = useTranslation(['staff', 'common']);
  const user = useStaffUser();
  const can = staffAbilities(user.role);
  const errorText = useErrorText();
  const timeZone = useClinicTimeZone();
  const practitionersList = useQuery(practitionersQuery);
  const exceptionsList = useQuery(exceptionsQuery);
  const failed = practitionersList.error ?? exceptionsList.error;
  const [chosen, setChosen] = useState<string>();
  const lang = i18n.language;

  if (!practitionersList.data || !exceptionsList.data) {
    return (
      <section className="st-page">
        <PageHeader title={t('hours.title')} />
        {failed ? <Alert tone="error">{errorText(failed)}</Alert> : <LoadingState label={t('common:loading')} />}
      </section>
    );
  }
  const practitioners = practitionersList.data;
  const exceptions = exceptionsList.data;
  const practitioner = practitioners.find((p) => p.id === chosen) ?? practitioners.find((p) => p.active) ?? practitioners[0];

  return (
    <section className="st-page">
      <PageHeader eyebrow={t('eyebrow.admin')} title={t('hours.title')} subtitle={t('hours.subtitle', { zone: timeZone })} />
      {can.admin && practitioner ? (
        <section className="st-section" aria-labelledby="st-weekly-title">
          <div className="st-section-head">
            <h2 id="st-weekly-title">{t('hours.weeklyTitle')}</h2>
            <SelectField
              className="st-inline-field"
              label={t('hours.practitioner')}
              value={practitioner.id}
              onChange={(e) => setChosen(e.target.value)}
              options={practitioners.map((p) => ({ value: p.id, label: localName(p, lang) + (p.active ? '' : ` (${t('common.inactive')})`) }))}
            />
          </div>
          <WeeklyHoursEditor key={practitioner.id} practitioner={practitioner} />
        </section>
      ) : null}
      <section className="st-section" aria-labelledby="st-leave-title">
        <div className="st-section-head">
          <h2 id="st-leave-title">{t('leave.title')}</h2>
        </div>
        <p className="st-muted">{t('leave.intro')}</p>
        <LeaveSection exceptions={exceptions} practitioners={practitioners} today={clinicToday(timeZone)} />
      </section>
    </section>
  );
}
