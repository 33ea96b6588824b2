/**
 * 周报的标签、定义与选择器文字（简体中文，其余语言以此为准）：reports.labels.*、reports.definitions.* 与
 * reports.picker.*。与日报、月报相同的键（出租率、ADR、RevPAR、预抵、预离、收银、门票、投诉指标等）沿用
 * 它们目录中的文字，这里不重复。
 */
export const labels = {
  weeklyFlash: '经理周报',
  flashByDay: '本周每日客房指标',
  salesByDay: '本周每日收入与预订成功率',
  frontOfficeByDay: '本周每日前厅',
  weekOpen: '本周尚未结束：营业日 {{date}} 起尚未夜审，已售房间仅计目前已入住的客人，数据仍会变化。',
  complaintsOverdueWeek: '已超时：截至本周结束（或此刻）仍未完结、且响应或解决时限已过的投诉。',
};

export const definitions = {
  isoWeek: '周报按 ISO 周计：周一至周日（如 2026-W48 为 2026 年 11 月 23 日至 29 日），于该周结束后 48 小时内提交。',
  weekByDay:
    '本周每日指标：一周七天各自的经理日报指标；合计为整周之和，出租率、平均房价、RevPAR 和预订成功率按合计重新计算，而非各日平均。',
  weeklyFrontOffice:
    '前厅：本周应抵店（尚待到店或已入住）、离店、由夜审标记为未到的预订，以及本周内办理的客房预订和门票订单取消；按抵店、离店、应抵或办理取消的日期逐日统计。',
  weeklyCashier: '收银：本周按支付方式统计的收款与退款，口径同日报收银报表（门票售出即收款，不论游览日期）。',
  weeklyTickets:
    '门票：游览日期在本周的订单——售出门票、检票入园与门票收入；时段容量 = 每日容量 × 7，时段利用率 = 售出门票 ÷ 时段容量。',
  weeklyComplaints:
    '投诉：本周新开、解决和关闭的数量，截至本周结束（或此刻）已超时的数量；“5+X”时限内完成率、首问解决率与用时中位数针对本周新开的投诉，回访率针对本周到期的回访，满意度评分为本周接通回访的平均分，与投诉页面的统计一致。',
};

/** The weekly report's picker (reports.picker.*). */
export const picker = {
  week: 'ISO 周',
  weekOf: '{{week}}：{{from}} 至 {{to}}',
  previousWeek: '上一周',
  nextWeek: '下一周',
};
