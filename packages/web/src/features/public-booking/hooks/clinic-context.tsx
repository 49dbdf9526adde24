import { createContext, useContext, type ReactNode } from 'react';
import { fetchClinic, type Clinic } from '../api/public-api.ts';
import { useResource } from './use-resource.ts';

const ClinicContext = createContext<{ clinic: Clinic | undefined; error: unknown }>({ clinic: undefined, error: undefined });

/** Loads /api/clinic once for every public page: name, address, phone, zone and policies. */
export function ClinicProvider({ children }: { children: ReactNode }) {
  const { data, error } = useResource('clinic', fetchClinic);
  return <ClinicContext.Provider value={{ clinic: data, error }}>{children}</ClinicContext.Provider>;
}

export function useClinic() {
  return useContext(ClinicContext);
}
