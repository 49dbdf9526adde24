import { useEffect } from 'react';
import { useClinic } from './clinic-context.tsx';
import { useLanguage } from './use-language.ts';

/** "Book a visit · Dr. Amal Al Qedrah Medical Center": the tab and screen-reader page name. */
export function useDocumentTitle(title: string): void {
  const { clinic } = useClinic();
  const { pick } = useLanguage();
  const clinicName = clinic ? pick(clinic.name) : '';
  useEffect(() => {
    document.title = clinicName ? `${title} · ${clinicName}` : title;
  }, [title, clinicName]);
}
