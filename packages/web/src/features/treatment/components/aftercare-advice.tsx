import { useTranslation } from 'react-i18next';

/**
 * What patients are told after an NMT session (clinical reference §6): soreness like after
 * exercise for about 24-36 h, self-care that day, and the signs that need a call or urgent care.
 */
export function AftercareAdvice({ phone, compact = false }: { phone?: string | undefined; compact?: boolean }) {
  const { t } = useTranslation('treatment');
  const list = (items: readonly string[]) => items.map((item) => <li key={item}>{item}</li>);
  return (
    <div className={`tr-advice${compact ? ' tr-advice--compact' : ''}`}>
      <section>
        <h3>{t('advice.expectTitle')}</h3>
        <ul>{list(t('advice.expect', { returnObjects: true }))}</ul>
      </section>
      <section>
        <h3>{t('advice.selfCareTitle')}</h3>
        <ul>{list(t('advice.selfCare', { returnObjects: true }))}</ul>
      </section>
      <section className="tr-advice__call">
        <h3>{t('advice.callTitle')}</h3>
        <ul>{list(t('advice.call', { returnObjects: true }))}</ul>
        {phone && (
          <p>
            {t('advice.clinicPhone')}{' '}
            <a href={`tel:${phone.replace(/\s+/g, '')}`} dir="ltr">
              {phone}
            </a>
          </p>
        )}
      </section>
      <section className="tr-advice__urgent">
        <h3>{t('advice.urgentTitle')}</h3>
        <ul>{list(t('advice.urgent', { returnObjects: true }))}</ul>
        <p>
          <strong>{t('advice.urgentAction')}</strong>
        </p>
      </section>
    </div>
  );
}
