/** The key vault's UI strings in Traditional Chinese. */
import type { vaultZhCN } from './zh-CN';

export const vaultZhTW: typeof vaultZhCN = {
  title: '金鑰與復原',
  intro:
    '客人證件號、手機號和備份都以門店金鑰加密。門店金鑰只保存在各櫃檯的系統鑰匙圈中，另有一份由復原口令加密：換電腦、接入新櫃檯或從備份復原時需要它。請把復原口令寫下來，交給店長保管，不要存在電腦上。',
  states: { open: '本櫃檯已持有門店金鑰', locked: '本櫃檯尚未取得門店金鑰', unset: '門店尚未設定復原口令' },
  keyId: '金鑰指紋',
  store: {
    keychain: '金鑰保存在系統鑰匙圈中',
    'test-file': '測試儲存：金鑰僅受檔案權限保護（瀏覽器測試環境），不可用於正式營業',
  },
  passphrase: '復原口令',
  passphraseHint: '至少 {{min}} 個字元；建議用一句只有您知道的話，例如「西湖邊第三棵柳樹下的長椅」',
  confirmPassphrase: '再輸入一次復原口令',
  passphraseMismatch: '兩次輸入的復原口令不一致',
  strength: { s0: '非常弱', s1: '弱', s2: '普通', s3: '強', s4: '非常強' },
  strengthLabel: '強度：{{label}}',
  unlock: '解鎖門店金鑰',
  unlockIntro: '本櫃檯是新接入的。請管理員輸入門店的復原口令，本櫃檯即可讀取客人證件號並加密新的資料；只需一次。',
  unlocked: '門店金鑰已保存到本櫃檯',
  create: '設定復原口令',
  createIntro: '本門店是在加密功能之前建立的：設定復原口令後，本櫃檯產生門店金鑰，並把已有的證件號和手機號加密。',
  created: '門店金鑰已產生，復原口令已設定',
  change: '更換復原口令',
  changeIntro: '新口令重新加密同一把門店金鑰，既有資料無需重新加密。更換需總監審批；核准前舊口令仍然有效。',
  changed: '復原口令已更換',
  newPassphrase: '新復原口令',
  lockedBanner: '本櫃檯尚未取得門店金鑰：在管理員輸入復原口令之前，不能登錄或查看客人證件號。',
  lockedBannerAction: '去解鎖',
  lockedBannerAsk: '請聯絡管理員在「設定 → 金鑰與復原」中解鎖。',
};
