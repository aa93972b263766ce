import { Button, Input, InputNumber, Radio, Space, Tag, Tooltip, Typography } from 'antd';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AspectSpread, DraftClip, DraftMark } from '../../../../../shared/contract/ipc/review-channels';
import type { Aspect } from '../../../../../shared/domain/scheme/aspect';
import { needsRationale } from './draft-edits';

export interface AspectCardProps {
  aspect: Aspect;
  mark: DraftMark | undefined;
  awarded: number;
  vetoed: boolean;
  /** All clips of the draft (a stable array between changes); the card shows those attached to it. */
  allClips: readonly DraftClip[];
  spread: AspectSpread | undefined;
  focused: boolean;
  readOnly: boolean;
  onFocus: (aspectId: string) => void;
  onValue: (aspectId: string, value: DraftMark['value']) => void;
  onRationale: (aspectId: string, text: string) => void;
  onReplay: (clip: DraftClip) => void;
}

/**
 * One aspect of the scheme with the input its kind allows — nothing else can be entered (issue 5 "bad input").
 * Memoised with id-taking callbacks: a keystroke re-renders the cards whose mark changed, not all of them.
 */
export const AspectCard = memo(function AspectCard(props: AspectCardProps) {
  const { t } = useTranslation();
  const { aspect, mark, focused, readOnly } = props;
  const clips = useMemo(
    () => props.allClips.filter((clip) => clip.attachTo?.kind === 'aspect' && clip.attachTo.id === aspect.id),
    [props.allClips, aspect.id],
  );
  const focus = () => props.onFocus(aspect.id);
  const value = mark?.value ?? null;
  const rationaleMissing = needsRationale(aspect, value) && !(mark?.rationale.trim());
  // The title and tags do not change while scoring: kept as the same elements so React skips them on a keystroke.
  const heading = useMemo(() => <Typography.Text strong>{aspect.id} {aspect.title}</Typography.Text>, [aspect]);
  const tags = useMemo(() => (
    <>
      <Tag color={aspect.kind === 'J' ? 'purple' : 'cyan'}>{aspect.kind === 'J' ? t('review.scoring.kindJ') : t('review.scoring.kindM')}</Tag>
      {aspect.mandatory && <Tag color="volcano">{t('review.scoring.mandatory')}</Tag>}
    </>
  ), [aspect, t]);
  return (
    <div
      className={`osea-aspect${focused ? ' osea-aspect--focused' : ''}`}
      data-testid={`aspect-${aspect.id}`}
      data-focused={focused ? 'true' : 'false'}
      data-value={value === null ? '' : String(value)}
      onClick={aspect.kind === 'J' ? focus : undefined}
    >
      <div className="osea-aspect__head">
        {heading}
        <Space size={4}>
          {tags}
          {/* A span, not Typography.Text: it changes with every score of this aspect (review-screen.css). */}
          <span className={props.vetoed ? 'osea-text-danger' : 'osea-text-secondary'} data-testid={`aspect-${aspect.id}-awarded`}>
            {props.vetoed ? t('review.scoring.vetoed') : t('review.scoring.awarded', { awarded: props.awarded.toFixed(2), max: aspect.max })}
          </span>
        </Space>
      </div>
      {focused && <Typography.Text type="secondary" className="osea-aspect__focus">{t('review.scoring.focusHint')}</Typography.Text>}
      {props.spread && (
        <Typography.Paragraph type="warning" style={{ margin: '4px 0' }} data-testid={`aspect-${aspect.id}-spread`}>
          {t('review.discrepancy.aspect', { scores: props.spread.scores.join(t('review.scoring.listSeparator')), spread: props.spread.spread })}
        </Typography.Paragraph>
      )}
      <AspectInput {...props} value={value} onValue={(next) => props.onValue(aspect.id, next)} onFocus={focus} />
      {aspect.kind === 'J' && (value !== null || mark?.rationale) ? (
        <div style={{ marginTop: 8 }}>
          <Input.TextArea
            value={mark?.rationale ?? ''}
            disabled={readOnly}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            placeholder={t('review.scoring.rationalePlaceholder')}
            status={rationaleMissing ? 'error' : undefined}
            onChange={(event) => props.onRationale(aspect.id, event.target.value)}
            data-testid={`aspect-${aspect.id}-rationale`}
            aria-label={t('review.scoring.rationale')}
          />
          {rationaleMissing && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('review.scoring.rationaleRequired')}</Typography.Text>}
        </div>
      ) : null}
      {clips.length > 0 && (
        <div style={{ marginTop: 6 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('review.scoring.evidence')} </Typography.Text>
          {clips.map((clip) => (
            <Tooltip key={clip.id} title={clip.note || undefined}>
              <Tag color="geekblue" style={{ cursor: 'pointer' }} onClick={() => props.onReplay(clip)}>
                ▶ {t('review.evidence.range', { from: clip.fromFrame, to: clip.toFrame })}
              </Tag>
            </Tooltip>
          ))}
        </div>
      )}
    </div>
  );
});

type AspectInputProps = Omit<AspectCardProps, 'onValue' | 'onFocus'> & {
  value: DraftMark['value'];
  onValue: (value: DraftMark['value']) => void;
  onFocus: () => void;
};

function AspectInput(props: AspectInputProps) {
  const { t } = useTranslation();
  const { aspect, value, readOnly } = props;
  if (aspect.kind === 'J') {
    return (
      <div className="osea-aspect__scores" role="radiogroup" aria-label={aspect.title}>
        {aspect.descriptors.map((descriptor, score) => (
          <button
            type="button"
            key={score}
            role="radio"
            aria-checked={value === score}
            disabled={readOnly}
            className={`osea-score${value === score ? ' osea-score--on' : ''}`}
            data-testid={`aspect-${aspect.id}-score-${score}`}
            onClick={(event) => {
              event.stopPropagation();
              props.onFocus();
              props.onValue(score);
            }}
          >
            <span className="osea-score__n">{score}</span>
            <span className="osea-score__text">{descriptor}</span>
          </button>
        ))}
      </div>
    );
  }
  switch (aspect.rule.type) {
    case 'pass_fail':
      return (
        <Radio.Group
          disabled={readOnly}
          value={typeof value === 'boolean' ? value : undefined}
          onChange={(event) => props.onValue(event.target.value as boolean)}
          data-testid={`aspect-${aspect.id}-passfail`}
          optionType="button"
          options={[
            { value: true, label: t('review.scoring.pass') },
            { value: false, label: t('review.scoring.fail') },
          ]}
        />
      );
    case 'deduction':
      return (
        <Space>
          <span>{t('review.scoring.occurrences')}</span>
          <span data-testid={`aspect-${aspect.id}-occurrences`}><InputNumber
            disabled={readOnly}
            min={0}
            max={1000}
            precision={0}
            step={1}
            value={typeof value === 'number' ? value : null}
            // The field shows a typed 2.7 as 3 and 5000 as 1000 once it loses focus: the mark must be what it shows.
            onChange={(next) => props.onValue(typeof next === 'number' && Number.isFinite(next) ? Math.min(1000, Math.max(0, Math.round(next))) : null)}
          /></span>
          <Typography.Text type="secondary">{t('review.scoring.deductionRule', { per: aspect.rule.perOccurrence, cap: aspect.rule.cap })}</Typography.Text>
          {value !== null && !readOnly && <Button size="small" type="link" onClick={() => props.onValue(null)}>{t('review.scoring.clear')}</Button>}
        </Space>
      );
    case 'tolerance': {
      const rule = aspect.rule;
      return (
        <Space wrap>
          <span>{t('review.scoring.measured')}</span>
          <span data-testid={`aspect-${aspect.id}-measured`}><InputNumber
            disabled={readOnly}
            value={typeof value === 'number' ? value : null}
            step={0.1}
            suffix={rule.unit || undefined}
            onChange={(next) => props.onValue(typeof next === 'number' && Number.isFinite(next) ? next : null)}
          /></span>
          <Typography.Text type="secondary">
            {t('review.scoring.toleranceRule', {
              nominal: rule.nominal,
              unit: rule.unit,
              bands: rule.bands.map((band) => t('review.scoring.band', { within: band.within, mark: band.mark })).join(t('review.scoring.bandSeparator')),
            })}
          </Typography.Text>
        </Space>
      );
    }
  }
}
