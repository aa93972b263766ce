import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Title, one line on what the page is for, then its content in a card: every page of the shell looks alike. */
export function PageFrame(props: { testId: string; title: string; description: string; children: ReactNode }) {
  return (
    <section data-testid={props.testId}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {props.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{props.description}</Typography.Paragraph>
      <Card>{props.children}</Card>
    </section>
  );
}
