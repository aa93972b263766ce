import { MarkingScheme, type MarkingSchemeInput } from '../scheme/marking-scheme';

/**
 * A small scheme shaped like a national occupational skill standard (criteria → M and J aspects,
 * mandatory items, vetoes). Used by the scoring tests, where every number is worked by hand;
 * keep it unchanged or redo that arithmetic.
 */
export const EXAMPLE_SCHEME_INPUT: MarkingSchemeInput = {
  id: 'scheme-welder-l3',
  occupationCode: '6-18-02-04',
  level: 3,
  version: 1,
  title: '焊工（三级）实操评分标准',
  criteria: [
    {
      id: 'C1',
      title: '安全与准备',
      aspects: [
        { kind: 'M', id: 'A1', title: '劳保用品穿戴齐全', max: 10, mandatory: true, rule: { type: 'pass_fail' } },
        { kind: 'M', id: 'A2', title: '工位整理', max: 10, rule: { type: 'deduction', perOccurrence: 2, cap: 8 } },
      ],
    },
    {
      id: 'C2',
      title: '焊接操作',
      aspects: [
        {
          kind: 'M',
          id: 'A3',
          title: '焊缝宽度',
          max: 20,
          rule: {
            type: 'tolerance',
            nominal: 50,
            unit: 'mm',
            bands: [
              { within: 0.5, mark: 20 },
              { within: 1, mark: 12 },
              { within: 2, mark: 5 },
            ],
          },
        },
        {
          kind: 'J',
          id: 'A4',
          title: '焊缝成形',
          max: 30,
          mandatory: true,
          descriptors: ['未成形', '成形较差', '成形良好', '成形优良'],
        },
        { kind: 'J', id: 'A5', title: '操作规范', max: 20, descriptors: ['不规范', '基本规范', '规范', '非常规范'] },
      ],
    },
    {
      id: 'C3',
      title: '收尾',
      aspects: [{ kind: 'J', id: 'A6', title: '清理与自检', max: 10, descriptors: ['未做', '部分', '完整', '完整且规范'] }],
    },
  ],
  vetoRules: [
    { id: 'V1', title: '测量作弊', effect: 'zero_aspect', aspectId: 'A3' },
    { id: 'V2', title: '违规操作焊机', effect: 'zero_criterion', criterionId: 'C2' },
    { id: 'V3', title: '严重安全事故隐患', effect: 'fail_all' },
  ],
};

export const EXAMPLE_SCHEME: MarkingScheme = MarkingScheme.parse(EXAMPLE_SCHEME_INPUT);
