// Partner units, their API clients and contribution summaries.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Partner = Schemas['PartnerDto'];
export type ApiClient = Schemas['ApiClientDto'];
export type ClientSecret = Schemas['ApiClientSecretDto'];
export type Contributions = Schemas['ContributionSummaryDto'];
export type CreatePartner = Schemas['CreatePartnerRequest'];

export function usePartners() {
  return useQuery({ queryKey: ['partners', 'list'], queryFn: () => unwrap(api.GET('/api/v1/partners')) });
}

export function usePartner(id: string) {
  return useQuery({ queryKey: ['partners', 'one', id], queryFn: () => unwrap(api.GET('/api/v1/partners/{id}', { params: { path: { id } } })) });
}

export function useCreatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePartner) => unwrap(api.POST('/api/v1/partners', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['partners'] }),
  });
}

export function useContributions(id: string, year: number) {
  return useQuery({
    queryKey: ['partners', 'contributions', id, year],
    queryFn: () => unwrap(api.GET('/api/v1/partners/{id}/contributions', { params: { path: { id }, query: { year } } })),
  });
}

export function useClients(id: string, enabled = true) {
  return useQuery({
    queryKey: ['partners', 'clients', id],
    queryFn: () => unwrap(api.GET('/api/v1/partners/{id}/clients', { params: { path: { id } } })),
    enabled,
  });
}

export function useCreateClient(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(api.POST('/api/v1/partners/{id}/clients', { params: { path: { id: partnerId } }, body: { name } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['partners', 'clients', partnerId] }),
  });
}

export function useRotateClient(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (client: string) => unwrap(api.POST('/api/v1/partners/{id}/clients/{client}/rotate', { params: { path: { id: partnerId, client } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['partners', 'clients', partnerId] }),
  });
}

export function useRevokeClient(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (client: string) => unwrap(api.POST('/api/v1/partners/{id}/clients/{client}/revoke', { params: { path: { id: partnerId, client } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['partners', 'clients', partnerId] }),
  });
}
