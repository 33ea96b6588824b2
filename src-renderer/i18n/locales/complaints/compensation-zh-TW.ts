/** Compensation strings of the complaint screens. */
import type { compensationZhCN } from './compensation-zh-CN';

export const compensationZhTW: typeof compensationZhCN = {
  title: '補償',
  kind: '補償方式',
  kinds: {
    refund: '退款',
    points: '贈送積分',
    free_night: '免費房晚',
    upgrade: '免費升級',
    voucher: '代金券',
  },
  amount: '金額（元）',
  points: '積分',
  note: '說明',
  noteHint: '給了什麼、為什麼，會寫進處理記錄',
  hints: {
    refund: '退回投訴關聯的訂房，按客人付款最多的方式，不超過已付金額',
    points: '記入客人的會員積分帳戶',
    free_night: '按價值記錄，由櫃檯當場給予',
    upgrade: '按價值記錄，由櫃檯當場給予',
    voucher: '按價值記錄，由櫃檯當場給予',
  },
  needsBooking: '投訴未關聯訂房，不能退款',
  needsGuest: '投訴未關聯客人，不能贈送積分',
  approvalHint: '超出您審批權限的補償會先送審批，核准後才生效',
  submit: '給予補償',
  subject: '{{number}} · {{kind}}',
  done: '已記錄補償',
};
