import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CancellationPolicy } from '@shared/rules/cancellation';
import { describePolicy } from '../../src-renderer/features/cancellations/describe-policy';
import { en } from '../../src-renderer/i18n/locales/en';
import { zhCN } from '../../src-renderer/i18n/locales/zh-CN';

const t = i18next.createInstance();
const yuan = (fen: number) => `¥${fen / 100}`;

beforeAll(async () => {
  await t.init({
    lng: 'zh-CN',
    defaultNS: 'ui',
    resources: { 'zh-CN': { ui: zhCN }, en: { ui: en } },
    interpolation: { escapeValue: false },
  });
});

const STRICT: CancellationPolicy = {
  graceHours: 2,
  tiers: [{ from: { kind: 'local_time', daysBefore: 1, time: '18:00' }, penalty: { kind: 'first_night' } }],
  noShow: { kind: 'first_night' },
  nonRefundable: false,
};

describe('a cancellation policy read out to the guest', () => {
  it.each<[string, CancellationPolicy, 'stay' | 'visit', string[]]>([
    [
      'the strict hotel plan',
      STRICT,
      'stay',
      ['预订后 2 小时内免费取消', '入住前一天 18:00 后收取首晚房费', '未到店收取首晚房费'],
    ],
    [
      'no terms at all: free at any time, no-show free',
      { graceHours: null, tiers: [], noShow: { kind: 'none' }, nonRefundable: false },
      'stay',
      ['可随时免费取消', '未到店不收费'],
    ],
    [
      'a grace period of 0 hours says nothing',
      { ...STRICT, graceHours: 0 },
      'stay',
      ['入住前一天 18:00 后收取首晚房费', '未到店收取首晚房费'],
    ],
    [
      'deadlines on the day, days before and hours before, with every penalty kind',
      {
        graceHours: null,
        tiers: [
          { from: { kind: 'local_time', daysBefore: 3, time: '12:00' }, penalty: { kind: 'fixed', amountFen: 10_000 } },
          { from: { kind: 'local_time', daysBefore: 0, time: '06:00' }, penalty: { kind: 'nights', nights: 2 } },
          { from: { kind: 'hours_before', hours: 2 }, penalty: { kind: 'percent', percent: 100 } },
        ],
        noShow: { kind: 'percent', percent: 50 },
        nonRefundable: false,
      },
      'stay',
      [
        '入住前 3 天 12:00 后收取 ¥100',
        '入住当天 06:00 后收取 2 晚房费',
        '入住前 2 小时 后收取 100% 费用',
        '未到店收取 50% 费用',
      ],
    ],
    [
      'non-refundable: the grace period, then everything; tiers and no-show do not apply',
      { ...STRICT, nonRefundable: true },
      'stay',
      ['预订后 2 小时内免费取消', '宽限期外取消收取全部费用，不予退款'],
    ],
    [
      'a boat ticket: full charge from 10 minutes before the slot',
      {
        graceHours: null,
        tiers: [{ from: { kind: 'minutes_before', minutes: 10 }, penalty: { kind: 'percent', percent: 100 } }],
        noShow: { kind: 'percent', percent: 100 },
        nonRefundable: false,
      },
      'visit',
      ['入园前 10 分钟 后收取 100% 费用', '未到场收取 100% 费用'],
    ],
  ])('%s', (_name, policy, subject, expected) => {
    expect(describePolicy(policy, t.t, { subject, money: yuan })).toEqual(expected);
  });

  it('reads in English too', async () => {
    const english = await t.cloneInstance().changeLanguage('en');
    expect(describePolicy(STRICT, english, { subject: 'stay', money: yuan })).toEqual([
      'Free cancellation within 2 h of booking',
      'From 18:00 the day before arrival: first night charged',
      'No-show: first night charged',
    ]);
  });
});
