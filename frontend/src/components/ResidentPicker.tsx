// A resident found by name, pinyin or initials (the API limits the search to the caller's reach):
// a team's leader, someone staff add to a team, the applicant of an assistance case. Works as a
// form control (value / onChange); `onPick` also hands over the resident found (their household).
import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type FoundResident = Schemas['ResidentDto'];

/** Residents by name, pinyin or initials, 20 at most. */
export function useResidentSearch(q: string) {
  return useQuery({
    queryKey: ['resident-search', q],
    queryFn: () => unwrap(api.GET('/api/v1/residents', { params: { query: { q, limit: 20 } } })),
    enabled: q.trim().length > 0,
  });
}

interface ResidentPickerProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** The resident chosen (undefined when cleared), with their household and address. */
  onPick?: (resident: FoundResident | undefined) => void;
  /** The label of the value it starts with (e.g. the current leader), before anyone searches. */
  initial?: { value: string; label: string };
  testId?: string;
}

export function ResidentPicker({ id, value, onChange, onPick, initial, testId }: ResidentPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const residents = useResidentSearch(query);
  const items = residents.data?.items ?? [];
  const found = items.map((r) => ({ value: r.id, label: r.address ? `${r.name}（${r.address}）` : r.name }));
  const options = initial && !found.some((o) => o.value === initial.value) ? [initial, ...found] : found;
  return (
    <Select
      id={id}
      size="large"
      showSearch
      allowClear
      filterOption={false}
      value={value ?? undefined}
      onSearch={setQuery}
      onChange={(v: string | undefined) => {
        onChange?.(v);
        onPick?.(v ? items.find((r) => r.id === v) : undefined);
      }}
      notFoundContent={query ? t('teams.nobodyFound') : t('teams.typeName')}
      placeholder={t('teams.typeName')}
      loading={residents.isFetching}
      options={options}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
