import { useQueries, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Registration = Schemas['RegistrationDto'];
export type RegistrationStatus = Schemas['RegistrationStatus'];

const registrations = (id: string) => ({
  queryKey: ['events', 'registrations', id],
  queryFn: () => unwrap(api.GET('/api/v1/events/{id}/registrations', { params: { path: { id } } })),
});

/** In order of registration (the waiting list in its order), within the caller's reach. */
export function useRegistrations(id: string, enabled = true) {
  return useQuery({ ...registrations(id), enabled });
}

/** The registrations of several events at once (a resident's household in each). */
export function useRegistrationsOf(ids: string[]) {
  return useQueries({ queries: ids.map((id) => registrations(id)) });
}
