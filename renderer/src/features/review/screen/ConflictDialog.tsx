import { Input, Modal, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Conflict of interest (issue 5 item 6): a reason, then the registry reassigns the task. */
export function ConflictDialog(props: { open: boolean; busy: boolean; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open={props.open}
      title={t('review.conflict.title')}
      onCancel={props.onCancel}
      onOk={() => props.onConfirm(reason.trim())}
      okText={t('review.conflict.confirm')}
      okButtonProps={{ disabled: reason.trim() === '', danger: true, loading: props.busy, 'data-testid': 'conflict-confirm' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('review.conflict.description')}</Typography.Paragraph>
      <Typography.Text strong>{t('review.conflict.reason')}</Typography.Text>
      <Input.TextArea
        value={reason}
        maxLength={500}
        autoSize={{ minRows: 2, maxRows: 5 }}
        placeholder={t('review.conflict.reasonPlaceholder')}
        onChange={(event) => setReason(event.target.value)}
        data-testid="conflict-reason"
      />
    </Modal>
  );
}
