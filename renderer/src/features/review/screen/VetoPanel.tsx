import { Checkbox, Input, Tag, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftClip, DraftVeto } from '../../../../../shared/contract/ipc/review-channels';
import type { MarkingScheme } from '../../../../../shared/domain/scheme/marking-scheme';
import type { VetoRule } from '../../../../../shared/domain/scheme/veto-rule';

export interface VetoPanelProps {
  scheme: MarkingScheme;
  vetoHits: readonly DraftVeto[];
  /** All clips of the draft; each veto shows those attached to it. */
  clips: readonly DraftClip[];
  readOnly: boolean;
  onHit: (vetoId: string, hit: boolean) => void;
  onRationale: (vetoId: string, text: string) => void;
  onReplay: (clip: DraftClip) => void;
}

function effectText(t: ReturnType<typeof useTranslation>['t'], scheme: MarkingScheme, veto: VetoRule): string {
  switch (veto.effect) {
    case 'zero_aspect': {
      const aspect = scheme.criteria.flatMap((c) => c.aspects).find((a) => a.id === veto.aspectId);
      return t('review.veto.effect_zero_aspect', { target: `${veto.aspectId} ${aspect?.title ?? ''}` });
    }
    case 'zero_criterion': {
      const criterion = scheme.criteria.find((c) => c.id === veto.criterionId);
      return t('review.veto.effect_zero_criterion', { target: `${veto.criterionId} ${criterion?.title ?? ''}` });
    }
    case 'fail_all':
      return t('review.veto.effect_fail_all');
  }
}

/**
 * Vetoes: ticking one needs a rationale and at least one evidence clip attached to it before a submit. Memoised:
 * a score does not change the veto hits or clips, so it does not repaint this panel.
 */
export const VetoPanel = memo(function VetoPanel(props: VetoPanelProps) {
  const { t } = useTranslation();
  if (props.scheme.vetoRules.length === 0) return null;
  return (
    <div className="osea-vetoes" data-testid="veto-panel">
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('review.veto.title')}</Typography.Title>
      {props.scheme.vetoRules.map((veto) => {
        const hit = props.vetoHits.find((v) => v.vetoId === veto.id);
        const clips = props.clips.filter((clip) => clip.attachTo?.kind === 'veto' && clip.attachTo.id === veto.id);
        return (
          <div key={veto.id} className={`osea-veto${hit ? ' osea-veto--hit' : ''}`} data-testid={`veto-${veto.id}`}>
            <Checkbox checked={Boolean(hit)} disabled={props.readOnly} onChange={(event) => props.onHit(veto.id, event.target.checked)} data-testid={`veto-${veto.id}-hit`}>
              <Typography.Text strong>{veto.id} {veto.title}</Typography.Text>
            </Checkbox>
            <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{effectText(t, props.scheme, veto)}</Typography.Text></div>
            {hit && (
              <>
                <Input.TextArea
                  value={hit.rationale}
                  disabled={props.readOnly}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  maxLength={2000}
                  placeholder={t('review.veto.rationale')}
                  status={hit.rationale.trim() ? undefined : 'error'}
                  onChange={(event) => props.onRationale(veto.id, event.target.value)}
                  style={{ marginTop: 6 }}
                  data-testid={`veto-${veto.id}-rationale`}
                />
                {clips.length === 0 ? (
                  <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`veto-${veto.id}-needs-evidence`}>{t('review.veto.evidenceRequired')}</Typography.Text>
                ) : (
                  <div style={{ marginTop: 4 }}>
                    {clips.map((clip) => (
                      <Tag key={clip.id} color="red" style={{ cursor: 'pointer' }} onClick={() => props.onReplay(clip)}>
                        ▶ {t('review.evidence.range', { from: clip.fromFrame, to: clip.toFrame })}
                      </Tag>
                    ))}
                  </div>
                )}
              </>
            )}
          </div>
        );
      })}
    </div>
  );
});
