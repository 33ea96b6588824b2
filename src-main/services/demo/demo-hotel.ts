/** The demo hotel's data: room types, the rooms on each floor, staff for every role, guest names. */
import { SEGMENTS } from '@shared/contract';
import type { Role } from '@shared/permissions';

export const DEMO_PROPERTY = { name: '迎宾示范酒店', timeZone: 'Asia/Shanghai', currency: 'CNY' } as const;
/** Printed on the busy demo's vouchers. */
export const DEMO_CONTACT = { address: '浙江省杭州市西湖区北山街88号', phone: '0571-8797 1234' } as const;
/** The demo property's recovery passphrase (README: demo data). A real property's is chosen by its first admin. */
export const DEMO_RECOVERY_PASSPHRASE = 'demo-recovery-lantern-morning';

export const DEMO_ROOM_TYPES = [
  {
    code: 'SK',
    name: '标准大床房',
    nameEn: 'Standard King',
    capacity: 2,
    baseRateFen: 45_800,
    roomsPerFloor: 5,
    features: ['大床'],
  },
  {
    code: 'ST',
    name: '标准双床房',
    nameEn: 'Standard Twin',
    capacity: 2,
    baseRateFen: 46_800,
    roomsPerFloor: 5,
    features: ['双床'],
  },
  {
    code: 'DK',
    name: '豪华大床房',
    nameEn: 'Deluxe King',
    capacity: 2,
    baseRateFen: 68_800,
    roomsPerFloor: 3,
    features: ['大床', '湖景'],
  },
  {
    code: 'FM',
    name: '家庭房',
    nameEn: 'Family Room',
    capacity: 4,
    baseRateFen: 79_800,
    roomsPerFloor: 1,
    features: ['大床', '单人床', '儿童设施'],
  },
  {
    code: 'ES',
    name: '行政套房',
    nameEn: 'Executive Suite',
    capacity: 2,
    baseRateFen: 128_800,
    roomsPerFloor: 1,
    features: ['套房', '湖景', '行政酒廊'],
  },
] as const;

/**
 * The rack rate (门市价): weekend prices (weekdays sell at each type's base rate); free cancellation
 * within 2 hours of booking, the first night from 18:00 the day before arrival, the whole stay from
 * 2 hours before check-in, and the first night for a no-show.
 */
export const DEMO_RATE_PLAN = {
  code: 'BAR',
  name: '门市价',
  nameEn: 'Best Available Rate',
  weekendFen: { SK: 52_800, ST: 53_800, DK: 78_800, FM: 89_800, ES: 148_800 },
  cancellationPolicy: {
    graceHours: 2,
    tiers: [
      { from: { kind: 'local_time', daysBefore: 1, time: '18:00' }, penalty: { kind: 'first_night' } },
      { from: { kind: 'hours_before', hours: 2 }, penalty: { kind: 'percent', percent: 100 } },
    ],
    noShow: { kind: 'first_night' },
    nonRefundable: false,
  },
} as const;

/** Timed-entry tickets for the lake cruise; the 16:00 sailing is a small boat (2 seats), handy for a sold-out slot. */
export const DEMO_TICKETS = {
  code: 'CRUISE',
  name: '西湖游船',
  priceFen: 5_500,
  slots: [
    { startTime: '09:00', endTime: '10:00', capacity: 40 },
    { startTime: '10:30', endTime: '11:30', capacity: 40 },
    { startTime: '14:00', endTime: '15:00', capacity: 40 },
    { startTime: '16:00', endTime: '16:45', capacity: 2 },
  ],
};

/** Bookings arriving today for the first guests, so the front desk has work at once. */
export const DEMO_ARRIVALS = 8;

/** The demo hotel was set up, and today's arrivals booked, this many days ago. */
export const DEMO_SET_UP_DAYS_AGO = 3;

/** Floors 3 to 10: 15 rooms each, 120 in all. */
export const DEMO_FLOORS = [3, 4, 5, 6, 7, 8, 9, 10] as const;

export const DEMO_STAFF: readonly { username: string; displayName: string; role: Role; password: string }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', password: 'demo-admin-1' },
  { username: 'director', displayName: '周总监', role: 'director', password: 'demo-director-1' },
  { username: 'supervisor', displayName: '陈主管', role: 'supervisor', password: 'demo-supervisor-1' },
  { username: 'agent', displayName: '李娜', role: 'agent', password: 'demo-agent-1' },
  { username: 'agent2', displayName: '王芳', role: 'agent', password: 'demo-agent-2' },
  { username: 'service', displayName: '赵客服', role: 'service_rep', password: 'demo-service-1' },
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
  '芳',
  '伟',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '文',
  '华',
  '红',
  '玉兰',
  '志强',
  '晓燕',
  '海燕',
  '子涵',
  '欣怡',
  '梓萱',
  '浩然',
  '宇轩',
  '思远',
  '雨桐',
  '一诺',
  '佳怡',
  '俊杰',
];

/** A deterministic guest for index i, so scale runs are reproducible. */
export function demoGuest(i: number) {
  const surname = SURNAMES[i % SURNAMES.length]!;
  // Given names mixed across surnames (the first guest stays 王芳, as specs expect).
  const given = GIVEN[(Math.floor(i / SURNAMES.length) + i * 7) % GIVEN.length]!;
  const phone = `13${String((i * 7919 + 12345) % 1_000_000_000).padStart(9, '0')}`;
  return {
    customerNo: `C${String(i + 1).padStart(8, '0')}`,
    name: surname + given,
    phone,
    segment: SEGMENTS[i % SEGMENTS.length]!,
  };
}
