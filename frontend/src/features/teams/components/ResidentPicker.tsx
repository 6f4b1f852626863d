// A resident found by name, pinyin or initials (the API limits the search to the caller's reach):
// a team's leader, or someone staff add to a team. Works as a form control (value / onChange).
import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useResidentSearch } from '../api/search-residents';

interface ResidentPickerProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** The label of the value it starts with (e.g. the current leader), before anyone searches. */
  initial?: { value: string; label: string };
  testId?: string;
}

export function ResidentPicker({ id, value, onChange, initial, testId }: ResidentPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const residents = useResidentSearch(query);
  const found = (residents.data?.items ?? []).map((r) => ({ value: r.id, label: r.address ? `${r.name}（${r.address}）` : r.name }));
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
      onChange={(v: string | undefined) => onChange?.(v)}
      notFoundContent={query ? t('teams.nobodyFound') : t('teams.typeName')}
      placeholder={t('teams.typeName')}
      loading={residents.isFetching}
      options={options}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
