/** The clinic's zone: times the patient sees are clinic times, wherever the phone thinks it is. */
const CLINIC_TIME_ZONE = 'Asia/Dubai';

export function formatClinicDateTime(iso: string, language: 'en' | 'ar'): string {
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar-AE' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: CLINIC_TIME_ZONE }).format(new Date(iso));
}
