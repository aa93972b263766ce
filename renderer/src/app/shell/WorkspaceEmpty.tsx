import { Empty, Typography } from 'antd';

/** What will appear on a workspace page, and when — until its feature lands or while it has nothing yet. */
export function WorkspaceEmpty({ what, when, testId }: { what: string; when: string; testId: string }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      style={{ paddingBlock: 48 }}
      data-testid={testId}
      description={
        <>
          <Typography.Text strong>{what}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{when}</Typography.Text>
        </>
      }
    />
  );
}
