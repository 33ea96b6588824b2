/** The recovery screen's UI strings in Traditional Chinese. */
import type { recoveryZhCN } from './zh-CN';

export const recoveryZhTW: typeof recoveryZhCN = {
  title: '無法開啟本機資料庫',
  intro: '迎賓沒有啟動櫃檯，以免在有問題的資料上繼續營業。請先看下面的說明。',
  problems: {
    truncated:
      '資料庫檔案不完整：它比檔案本身記錄的要短，可能是複製中斷、磁碟寫滿或突然斷電造成的。本機資料無法讀取，請從下面的備份復原。',
    missing:
      '資料庫檔案不見了（可能被刪除或移走了），但這台電腦上曾經執行過迎賓。請從下面的備份復原；如果檔案只是被移走，請放回原處後重新啟動迎賓。',
    damaged: '資料庫檔案已損壞，無法讀取。請從下面的備份復原。',
    'read-only':
      '資料夾無法寫入（唯讀、被防寫或沒有權限）。請檢查資料夾權限或磁碟，然後重新啟動迎賓；這種情況通常不需要復原備份。',
    'disk-full': '磁碟空間已滿，資料庫無法寫入。請清理磁碟空間後重新啟動迎賓；這種情況通常不需要復原備份。',
    'newer-version':
      '這個資料庫由較新版本的迎賓寫入，本版本無法開啟。請安裝最新版本；也可以復原本版本製作的備份（備份之後的記錄會遺失）。',
    'migration-failed':
      '升級資料庫時出錯。升級已撤銷，資料庫保持原樣。請聯絡技術支援；也可以復原升級前自動製作的備份。',
    unknown: '資料庫無法開啟。請聯絡技術支援，或從下面的備份復原。',
  },
  dataDir: '資料夾：',
  technical: '技術資訊（提供給技術支援）',
  backupsTitle: '可用的備份',
  noBackups: '沒有找到備份。請插入存放第二份備份的外接硬碟或連接網路共用資料夾，然後點「重新尋找」。',
  rescan: '重新尋找',
  columns: { time: '備份時間', location: '位置', size: '大小', kind: '類型', check: '完整性' },
  locations: { folder: '備份資料夾', second: '第二份備份' },
  kinds: { encrypted: '已加密', plain: '未加密' },
  intact: '完整',
  broken: '已損壞，不能使用',
  restoreTitle: '從備份復原',
  restoreIntro:
    '由管理員輸入門店的復原口令。復原後，現在這份資料庫檔案會保留在資料夾中以備檢查；備份之後在本機輸入的記錄會遺失，已同步到中心伺服器的會在下次同步時回來。',
  chosen: '選中的備份：{{file}}',
  choose: '請先在上表中選擇一份完整的備份',
  passphrase: '復原口令',
  restore: '復原此備份',
  restored: '已從備份復原，請登入',
  fresh: {
    open: '從備份復原（換新電腦）',
    title: '從備份復原到這台電腦',
    intro:
      '把原來櫃檯的加密備份（.ybk 檔，通常在外接硬碟或網路共用資料夾中）復原到這台新電腦。需要門店的復原口令。復原後用原來的帳號登入；接入中心伺服器時，請伺服器管理員為本櫃檯產生專用接入碼。',
    folder: '備份所在資料夾',
    folderHint: '完整路徑，例如 E:\\迎賓備份 或 /media/usb/迎賓備份',
    find: '尋找備份',
    none: '這個資料夾裡沒有迎賓備份',
    back: '返回',
  },
};
