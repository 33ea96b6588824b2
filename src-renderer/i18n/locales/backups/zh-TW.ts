/** Backups' encryption and second-copy UI strings in Traditional Chinese. */
import type { backupsZhCN } from './zh-CN';

export const backupsZhTW: typeof backupsZhCN = {
  encrypted: '已加密',
  plain: '未加密',
  kind: '類型',
  encryptionNote: '每份備份都用門店金鑰加密（AES-256-GCM）；在新電腦上復原需要復原口令。',
  secondTitle: '第二份備份（實體隔離的裝置）',
  secondIntro: '每次備份後再複製一份到另一台裝置（外接硬碟或網路共用資料夾），複製後讀回校驗。',
  secondFolder: '第二份備份的資料夾',
  secondFolderHint: '外接硬碟或網路共用上的絕對路徑；留空則不複製',
  maxDays: '最長間隔（天）',
  maxDaysHint: '第二份備份超過這個天數沒有更新時，頁首會提醒',
  sameDisk: '這個資料夾與本機資料在同一塊磁碟上，不是實體隔離的第二份。請選擇外接硬碟或網路共用上的資料夾。',
  unreachable: '現在存取不到這個資料夾：裝置是否已連接？資料夾需要事先在裝置上建好。',
  save: '儲存',
  saved: '第二份備份設定已儲存',
  lastCopy: '上次校驗通過的第二份備份：{{at}}',
  never: '還沒有校驗通過的第二份備份',
  secondCopied: '備份完成，第二份已複製並校驗：{{file}}',
  warning: '第二份備份已過期',
  warningNever: '還沒有第二份備份',
  warningHint:
    '超過 {{days}} 天沒有校驗通過的第二份備份。請在「設定 → 備份」設定第二份備份的位置，接上裝置後立即備份。',
};
