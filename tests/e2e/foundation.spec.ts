import { businessRowCounts, auditOutcomes } from './db';
import { expect, shot, test } from './harness';
import { createStaff, setUpProperty, signIn, signOut } from './steps';

test('an admin sets the desk up and adds an agent, who sees no admin pages and is denied an admin call', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  await expect(page.getByTestId('setup-submit')).toBeVisible();
  await shot(page, '01-setup');
  await setUpProperty(page, desk.url);
  await expect(page.getByTestId('header-property')).toHaveText('西湖宾馆');
  await shot(page, '02-home-admin');

  await createStaff(page, { username: 'lina', displayName: '李娜', roleLabel: '前台接待', password: 'lina-pass-1' });
  await shot(page, '03-staff');

  await page.getByTestId('nav-permissions').click();
  await expect(page.getByTestId('permissions-matrix')).toBeVisible();
  await shot(page, '04-permissions');

  await page.getByTestId('nav-audit').click();
  await expect(page.getByTestId('audit-table')).toContainText('新增员工');
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toHaveText('审计链完整，共校验 2 条');
  // A desk not connected to a central server says its chain was not held to a server checkpoint.
  await expect(page.getByTestId('audit-verify-checkpoint')).toHaveText(
    '尚无服务器检查点可核对（未连接中心服务器，或服务器尚未确认）',
  );
  await shot(page, '05-audit');

  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-property')).toBeVisible();
  await page.getByTestId('backup-run').click();
  await expect(page.getByTestId('backup-list')).toContainText('yingbin-');
  await shot(page, '06-settings');

  await signOut(page);
  await shot(page, '07-signin');

  // A wrong password: a clear message, and nothing but the failure count and its audit entry changes.
  const before = businessRowCounts(desk.dataDir);
  await signIn(page, 'lina', 'not-her-password');
  await expect(page.getByTestId('signin-error')).toHaveText('用户名或密码错误');
  await shot(page, '08-signin-wrong-password');
  expect(businessRowCounts(desk.dataDir)).toEqual(before);
  expect(auditOutcomes(desk.dataDir, 'auth.signIn')).toEqual(['failed']);

  await signIn(page, 'lina', 'lina-pass-1');
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  await expect(page.getByTestId('header-role')).toHaveText('前台接待');
  await expect(page.getByTestId('nav-home')).toBeVisible();
  for (const admin of ['nav-staff', 'nav-permissions', 'nav-audit', 'nav-settings'])
    await expect(page.getByTestId(admin)).toHaveCount(0);
  await shot(page, '09-home-agent');

  // The agent's session calling an admin operation directly, past the UI.
  const denied = await desk.rpc('staff.create', {
    username: 'intruder',
    displayName: 'x',
    role: 'admin',
    password: 'intruder-pass-1',
  });
  expect(denied).toEqual({ ok: false, error: { code: 'PERMISSION_DENIED', params: { permission: 'staff.manage' } } });
  const malformed = await desk.rpc('auth.changePassword', { currentPassword: 42 });
  expect(malformed).toMatchObject({
    ok: false,
    error: { code: 'INPUT_INVALID', fields: ['currentPassword', 'newPassword'] },
  });
  expect(businessRowCounts(desk.dataDir)).toEqual(before);
  expect(auditOutcomes(desk.dataDir, 'staff.create')).toEqual(['ok', 'denied']);

  // The UI keeps working for the agent after the refused calls.
  await page.reload();
  await expect(page.getByTestId('home-welcome')).toBeVisible();
});

test('malformed staff input is refused with a translated message and creates nobody', async ({ page, desk }) => {
  await setUpProperty(page, desk.url);
  await page.getByTestId('nav-staff').click();
  const before = businessRowCounts(desk.dataDir);
  await page.getByTestId('staff-create').click();
  await page.getByTestId('staff-form-username').fill('李 娜');
  await page.getByTestId('staff-form-display-name').fill('李娜');
  await page.getByTestId('staff-form-password').fill('short');
  await page.getByTestId('staff-form-submit').click();
  await expect(page.getByText('至少 8 个字符')).toBeVisible();
  await expect(page.getByText('格式不正确')).toBeVisible();
  await shot(page, '10-staff-invalid');
  expect(businessRowCounts(desk.dataDir)).toEqual(before);
});

test('the desk locks, refuses a wrong password, unlocks, and speaks three languages', async ({ page, desk }) => {
  await setUpProperty(page, desk.url);
  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('lock-password')).toBeVisible();
  await page.getByTestId('lock-password').fill('wrong-password');
  await page.getByTestId('lock-unlock').click();
  await expect(page.getByTestId('lock-error')).toHaveText('密码错误');
  await shot(page, '11-locked');
  await page.getByTestId('lock-password').fill('admin-pass-1');
  await page.getByTestId('lock-unlock').click();
  await expect(page.getByTestId('home-welcome')).toBeVisible();

  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('nav-staff')).toContainText('Staff');
  await page.getByTestId('color-scheme-toggle').click();
  await page.getByTestId('nav-permissions').click();
  await shot(page, '12-permissions-en-dark');

  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-zh-TW').click();
  await expect(page.getByTestId('nav-staff')).toContainText('員工');
  await page.getByTestId('nav-staff').click();
  await shot(page, '13-staff-zh-TW');
});

test('keyboard alone signs in: focus starts in the username field and Enter submits', async ({ page, desk }) => {
  await setUpProperty(page, desk.url);
  await signOut(page);
  await expect(page.getByTestId('signin-username')).toBeFocused();
  await page.keyboard.type('admin');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('signin-password')).toBeFocused();
  await page.keyboard.type('admin-pass-1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('home-welcome')).toBeVisible();
});
