/** Strings of the complaint policy editor (settings) in Traditional Chinese. */
import type { policyZhCN } from './policy-zh-CN';

export const policyZhTW: typeof policyZhCN = {
  title: '投訴時限與工作日曆',
  targetsTitle: '各級別處理時限',
  targetsHint:
    '按工作日計的時限只算工作日曆上的工作日（含調休上班日）；按小時計的時限連續計算，節假日照常計時。等待賓客回覆的時間都不計。改動立即適用於所有未結投訴。',
  severity: '級別',
  respond: '回應時限',
  resolve: '解決時限',
  amount: '數量',
  unit: '單位',
  units: { working_days: '工作日', hours: '小時' },
  save: '儲存',
  saved: '已儲存{{severity}}投訴的時限',
  calendarTitle: '工作日曆更正',
  calendarHint:
    '節假日與調休按國務院公布的安排（chinese-days 資料包）。次年安排尚未收錄，或本地另有假日、補班時，在此逐日更正。',
  date: '日期',
  kind: '更正為',
  kinds: { working: '工作日', off: '休息日' },
  packageColumn: '法定日曆',
  note: '備註',
  notePlaceholder: '如：2027 年春節',
  add: '新增更正',
  added: '已將 {{date}} 更正為{{kind}}',
  remove: '刪除更正',
  removed: '已刪除 {{date}} 的更正',
  empty: '沒有更正，按法定日曆計算',
  packageSays: '法定日曆：{{date}}（{{weekday}}）是{{kind}}',
  sameAsPackage: '與法定日曆相同，無需更正',
};
