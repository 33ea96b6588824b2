/**
 * Error messages per locale. Used by the renderer (through i18next, namespace "errors") and by
 * command-line tools, so a code reads the same wherever it surfaces.
 */
import type { ErrorCode } from '../errors';

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

type Catalog = Record<ErrorCode, string>;

const zhCN: Catalog = {
  INPUT_INVALID: '输入有误，请检查标出的字段：{{fields}}',
  UNKNOWN_OPERATION: '未知操作：{{name}}',
  NOT_SET_UP: '本前台尚未完成初始设置',
  ALREADY_SET_UP: '本前台已完成初始设置，不能重复设置',
  NOT_SIGNED_IN: '请先登录',
  SESSION_LOCKED: '前台已锁定，请输入密码解锁',
  PERMISSION_DENIED: '您没有执行此操作的权限（{{permission}}），本次尝试已记录',
  WRONG_CREDENTIALS: '用户名或密码错误',
  WRONG_PASSWORD: '密码错误',
  ACCOUNT_LOCKED: '密码连续输错次数过多，账号已锁定至 {{until}}',
  ACCOUNT_DISABLED: '该账号已停用，请联系管理员',
  USERNAME_TAKEN: '用户名“{{username}}”已被使用',
  NOT_FOUND: '找不到该记录',
  LAST_ADMIN: '至少要保留一名启用的管理员',
  ADMIN_PERMISSION_FIXED: '管理员必须保留“{{permission}}”权限',
  BACKUP_FAILED: '备份失败：{{reason}}',
  APPROVAL_REQUIRED: '此操作需要审批后才能生效',
  APPROVAL_NOT_NEEDED: '此操作无需审批，可直接执行',
  NOT_APPROVABLE: '此操作不能提交审批',
  APPROVAL_NOT_PENDING: '该申请已处理，不能再次审批',
  APPROVAL_OWN_REQUEST: '不能审批或复核自己提交的申请',
  APPROVER_TIER_TOO_LOW: '审批权限不足：此申请需要{{role}}或更高级别审批',
  APPROVER_NOT_ALLOWED: '该员工无权审批或复核此申请',
  POLICY_INVALID: '审批策略无效：{{reason}}',
  FORBIDDEN_SENDER: '请求来源不受信任',
  NETWORK: '无法连接本机服务，请稍后重试',
  INTERNAL: '系统内部错误，已写入日志，请联系技术支持',
};

const zhTW: Catalog = {
  INPUT_INVALID: '輸入有誤，請檢查標出的欄位：{{fields}}',
  UNKNOWN_OPERATION: '未知操作：{{name}}',
  NOT_SET_UP: '本櫃檯尚未完成初始設定',
  ALREADY_SET_UP: '本櫃檯已完成初始設定，不能重複設定',
  NOT_SIGNED_IN: '請先登入',
  SESSION_LOCKED: '櫃檯已鎖定，請輸入密碼解鎖',
  PERMISSION_DENIED: '您沒有執行此操作的權限（{{permission}}），本次嘗試已記錄',
  WRONG_CREDENTIALS: '使用者名稱或密碼錯誤',
  WRONG_PASSWORD: '密碼錯誤',
  ACCOUNT_LOCKED: '密碼連續輸錯次數過多，帳號已鎖定至 {{until}}',
  ACCOUNT_DISABLED: '該帳號已停用，請聯絡管理員',
  USERNAME_TAKEN: '使用者名稱「{{username}}」已被使用',
  NOT_FOUND: '找不到該記錄',
  LAST_ADMIN: '至少要保留一名啟用的管理員',
  ADMIN_PERMISSION_FIXED: '管理員必須保留「{{permission}}」權限',
  BACKUP_FAILED: '備份失敗：{{reason}}',
  APPROVAL_REQUIRED: '此操作需要審批後才能生效',
  APPROVAL_NOT_NEEDED: '此操作無需審批，可直接執行',
  NOT_APPROVABLE: '此操作不能提交審批',
  APPROVAL_NOT_PENDING: '該申請已處理，不能再次審批',
  APPROVAL_OWN_REQUEST: '不能審批或複核自己提交的申請',
  APPROVER_TIER_TOO_LOW: '審批權限不足：此申請需要{{role}}或更高級別審批',
  APPROVER_NOT_ALLOWED: '該員工無權審批或複核此申請',
  POLICY_INVALID: '審批策略無效：{{reason}}',
  FORBIDDEN_SENDER: '請求來源不受信任',
  NETWORK: '無法連線本機服務，請稍後重試',
  INTERNAL: '系統內部錯誤，已寫入日誌，請聯絡技術支援',
};

const en: Catalog = {
  INPUT_INVALID: 'Some fields are not valid: {{fields}}',
  UNKNOWN_OPERATION: 'Unknown operation: {{name}}',
  NOT_SET_UP: 'This desk has not been set up yet',
  ALREADY_SET_UP: 'This desk is already set up',
  NOT_SIGNED_IN: 'Please sign in first',
  SESSION_LOCKED: 'The desk is locked; enter your password to unlock it',
  PERMISSION_DENIED: 'You do not have permission for this ({{permission}}); the attempt was recorded',
  WRONG_CREDENTIALS: 'Wrong username or password',
  WRONG_PASSWORD: 'Wrong password',
  ACCOUNT_LOCKED: 'Too many wrong passwords; the account is locked until {{until}}',
  ACCOUNT_DISABLED: 'This account is disabled; ask an administrator',
  USERNAME_TAKEN: 'The username "{{username}}" is already taken',
  NOT_FOUND: 'The record was not found',
  LAST_ADMIN: 'At least one active administrator must remain',
  ADMIN_PERMISSION_FIXED: 'Administrators must keep the "{{permission}}" permission',
  BACKUP_FAILED: 'Backup failed: {{reason}}',
  APPROVAL_REQUIRED: 'This operation takes effect only once approved',
  APPROVAL_NOT_NEEDED: 'This operation needs no approval; run it directly',
  NOT_APPROVABLE: 'This operation cannot be submitted for approval',
  APPROVAL_NOT_PENDING: 'This request has already been decided',
  APPROVAL_OWN_REQUEST: 'Nobody may approve or review their own request',
  APPROVER_TIER_TOO_LOW: 'Not enough authority: this request needs a {{role}} or higher',
  APPROVER_NOT_ALLOWED: 'This person may not approve or review this request',
  POLICY_INVALID: 'The approval policy is not valid: {{reason}}',
  FORBIDDEN_SENDER: 'The request came from an untrusted sender',
  NETWORK: 'Cannot reach the local service; please try again',
  INTERNAL: 'Internal error; it was logged, please contact support',
};

export const errorCatalogs: Record<Locale, Catalog> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
