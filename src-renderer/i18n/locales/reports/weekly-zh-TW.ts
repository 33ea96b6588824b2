/** 週報的標籤、定義與選擇器文字（繁體中文）：reports.labels.*、reports.definitions.* 與 reports.picker.*。 */
import type { definitions as source, labels as sourceLabels, picker as sourcePicker } from './weekly-zh-CN';

export const labels: typeof sourceLabels = {
  weeklyFlash: '經理週報',
  flashByDay: '本週每日客房指標',
  salesByDay: '本週每日收入與訂房成功率',
  frontOfficeByDay: '本週每日前廳',
  weekOpen: '本週尚未結束：營業日 {{date}} 起尚未夜審，已售房間僅計目前已入住的客人，資料仍會變化。',
  complaintsOverdueWeek: '已逾時：截至本週結束（或此刻）仍未結案、且回應或解決時限已過的客訴。',
};

export const definitions: typeof source = {
  isoWeek: '週報按 ISO 週計：週一至週日（如 2026-W48 為 2026 年 11 月 23 日至 29 日），於該週結束後 48 小時內提交。',
  weekByDay:
    '本週每日指標：一週七天各自的經理日報指標；合計為整週之和，住房率、平均房價、RevPAR 與訂房成功率按合計重新計算，而非各日平均。',
  weeklyFrontOffice:
    '前廳：本週應抵店（尚待到店或已入住）、離店、由夜審標記為未到的訂房，以及本週內辦理的客房訂房與門票訂單取消；按抵店、離店、應抵或辦理取消的日期逐日統計。',
  weeklyCashier: '收銀：本週按付款方式統計的收款與退款，口徑同日報收銀報表（門票售出即收款，不論遊覽日期）。',
  weeklyTickets:
    '門票：遊覽日期在本週的訂單——售出門票、驗票入園與門票收入；時段容量 = 每日容量 × 7，時段利用率 = 售出門票 ÷ 時段容量。',
  weeklyComplaints:
    '客訴：本週新開、解決與結案的數量，截至本週結束（或此刻）已逾時的數量；「5+X」時限內完成率、首問解決率與用時中位數針對本週新開的客訴，回訪率針對本週到期的回訪，滿意度評分為本週接通回訪的平均分，與客訴頁面的統計一致。',
};

export const picker: typeof sourcePicker = {
  week: 'ISO 週',
  weekOf: '{{week}}：{{from}} 至 {{to}}',
  previousWeek: '上一週',
  nextWeek: '下一週',
};
