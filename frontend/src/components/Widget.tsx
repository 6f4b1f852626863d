// A home-page widget: a titled card with an optional link to where the work is done.
import type { ReactNode } from 'react';
import { Card } from 'antd';
import { Link } from 'react-router';

export function Widget({
  title,
  link,
  linkLabel,
  testId,
  loading,
  children,
}: {
  title: ReactNode;
  link?: string;
  linkLabel?: ReactNode;
  testId?: string;
  loading?: boolean;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={title}
      extra={link && linkLabel ? <Link to={link}>{linkLabel}</Link> : undefined}
      data-testid={testId}
      loading={loading}
      style={{ height: '100%' }}
    >
      {children}
    </Card>
  );
}
