import { fetchPractitioners, fetchServices, type Practitioner, type Service } from '../api/public-api.ts';
import { useResource } from './use-resource.ts';

/** Services and practitioners bookable online, in the order the clinic sorts them. */
export function useCatalog() {
  const services = useResource<Service[]>('services', fetchServices);
  const practitioners = useResource<Practitioner[]>('practitioners', fetchPractitioners);
  return {
    services: services.data,
    practitioners: practitioners.data,
    loading: services.loading || practitioners.loading,
    error: services.error ?? practitioners.error,
    reload() {
      services.reload();
      practitioners.reload();
    },
  };
}
