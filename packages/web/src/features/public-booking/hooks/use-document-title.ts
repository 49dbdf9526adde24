import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { clinicQuery } from '../../../lib/clinic/clinic-query.ts';
import { useLanguage } from './use-language.ts';

/** "Book a visit · Dr. Amal Al Qedrah Medical Center": the tab and screen-reader page name. */
export function useDocumentTitle(title: string): void {
  const clinic = useQuery(clinicQuery).data;
  const { pick } = useLanguage();
  const clinicName = clinic ? pick(clinic.name) : '';
  useEffect(() => {
    document.title = clinicName ? `${title} · ${clinicName}` : title;
  }, [title, clinicName]);
}
