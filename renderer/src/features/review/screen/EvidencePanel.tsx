import { Button, Input, Select, Space, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClipTarget, DraftClip } from '../../../../../shared/contract/ipc/review-channels';
import { schemeAspects, type MarkingScheme } from '../../../../../shared/domain/scheme/marking-scheme';
import type { InOut } from '../../../player/mark-navigation';

export interface EvidencePanelProps {
  scheme: MarkingScheme;
  clips: readonly DraftClip[];
  inOut: InOut;
  readOnly: boolean;
  onAdd: (fromFrame: number, toFrame: number) => void;
  onUpdate: (clipId: string, patch: { note?: string; attachTo?: ClipTarget | null }) => void;
  onRemove: (clipId: string) => void;
  onReplay: (clip: DraftClip) => void;
}

const encodeTarget = (target: ClipTarget | null): string => (target ? `${target.kind}:${target.id}` : '');
const decodeTarget = (value: string): ClipTarget | null => {
  const [kind, id] = value.split(':');
  return (kind === 'aspect' || kind === 'veto') && id ? { kind, id } : null;
};

/** Evidence by frame (issue 5 item 3): in/out → a clip with a note, attached to an aspect or a veto, replayable. */
export const EvidencePanel = memo(function EvidencePanel(props: EvidencePanelProps) {
  const { t } = useTranslation();
  const { inFrame, outFrame } = props.inOut;
  const canAdd = !props.readOnly && inFrame !== null && outFrame !== null;
  const options = [
    { value: '', label: t('review.evidence.unattached') },
    ...schemeAspects(props.scheme).map((aspect) => ({ value: `aspect:${aspect.id}`, label: t('review.evidence.aspectOption', { id: aspect.id, title: aspect.title }) })),
    ...props.scheme.vetoRules.map((veto) => ({ value: `veto:${veto.id}`, label: t('review.evidence.vetoOption', { id: veto.id, title: veto.title }) })),
  ];
  return (
    <div className="osea-evidence" data-testid="evidence-panel">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('review.evidence.title')}</Typography.Title>
        <Space>
          <Typography.Text type="secondary" data-testid="evidence-inout">
            {inFrame !== null && outFrame !== null ? t('review.evidence.inOut', { inFrame, outFrame }) : t('review.evidence.addHint')}
          </Typography.Text>
          <Button
            type="primary"
            ghost
            disabled={!canAdd}
            onClick={() => inFrame !== null && outFrame !== null && props.onAdd(inFrame, outFrame)}
            data-testid="evidence-add"
          >
            {t('review.evidence.add')}
          </Button>
        </Space>
      </Space>
      {props.clips.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('review.evidence.none')}</Typography.Paragraph>
      ) : (
        <div className="osea-evidence__list">
          {props.clips.map((clip, index) => (
            <div key={clip.id} className="osea-evidence__clip" data-testid="evidence-clip" data-clip-index={index} data-from={clip.fromFrame} data-to={clip.toFrame}>
              <Button size="small" onClick={() => props.onReplay(clip)} data-testid="evidence-replay">
                ▶ {t('review.evidence.replay')}
              </Button>
              <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>{t('review.evidence.range', { from: clip.fromFrame, to: clip.toFrame })}</Typography.Text>
              <Input
                size="small"
                value={clip.note}
                disabled={props.readOnly}
                maxLength={1000}
                placeholder={t('review.evidence.notePlaceholder')}
                onChange={(event) => props.onUpdate(clip.id, { note: event.target.value })}
                data-testid="evidence-note"
                aria-label={t('review.evidence.note')}
              />
              <Select
                size="small"
                style={{ minWidth: 200 }}
                value={encodeTarget(clip.attachTo)}
                disabled={props.readOnly}
                options={options}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(value: string) => props.onUpdate(clip.id, { attachTo: decodeTarget(value) })}
                data-testid="evidence-attach"
                aria-label={t('review.evidence.attachTo')}
              />
              {!props.readOnly && (
                <Button size="small" danger type="text" onClick={() => props.onRemove(clip.id)} data-testid="evidence-remove">
                  {t('review.evidence.remove')}
                </Button>
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  );
});
