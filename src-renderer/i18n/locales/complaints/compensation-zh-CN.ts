/** Compensation strings of the complaint screens in Simplified Chinese (the source). */
export const compensationZhCN = {
  title: '补偿',
  kind: '补偿方式',
  kinds: {
    refund: '退款',
    points: '赠送积分',
    free_night: '免费房晚',
    upgrade: '免费升级',
    voucher: '代金券',
  },
  amount: '金额（元）',
  points: '积分',
  note: '说明',
  noteHint: '给了什么、为什么，会写进处理记录',
  hints: {
    refund: '退回投诉关联的预订，按客人付款最多的方式，不超过已付金额',
    points: '记入客人的会员积分账户',
    free_night: '按价值记录，由前台当场给予',
    upgrade: '按价值记录，由前台当场给予',
    voucher: '按价值记录，由前台当场给予',
  },
  needsBooking: '投诉未关联预订，不能退款',
  needsGuest: '投诉未关联客人，不能赠送积分',
  approvalHint: '超出您审批权限的补偿会先交审批，批准后才生效',
  submit: '给予补偿',
  subject: '{{number}} · {{kind}}',
  done: '已记录补偿',
};
