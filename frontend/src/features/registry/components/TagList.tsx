import { Space, Tag as AntTag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../api/get-residents';

const COLORS: Record<Tag, string> = { disabled: 'purple', dibao: 'orange', party_member: 'red', living_alone: 'blue', veteran: 'green', cadre: 'cyan' };

export function TagList({ tags }: { tags: Tag[] }) {
  const { t } = useTranslation();
  return (
    <Space size={[0, 4]} wrap>
      {tags.map((tag) => (
        <AntTag key={tag} color={COLORS[tag]}>
          {t(`registry.tags.${tag}`)}
        </AntTag>
      ))}
    </Space>
  );
}
