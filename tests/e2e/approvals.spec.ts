import { expect, shot, test } from './harness';
import { approveInDrawer, fillApprovalRequest, findGuest, settled, signIn, signOut, walkInAsAgent } from './steps';

test('an agent deletes a guest with a supervisor approving at the desk, and stays signed in', async ({
  page,
  demoDesk,
}) => {
  await page.goto(demoDesk.url);
  await signIn(page, 'agent', 'demo-agent-1');
  await page.getByTestId('nav-guests').click();
  await expect(page.getByTestId('guests-table')).toContainText('C00000001');
  await shot(page, '20-guests');

  await findGuest(page, 'C00000005');
  await page.getByTestId('guest-menu-C00000005').click();
  await page.getByTestId('guest-delete-C00000005').click();
  await page.getByTestId('guest-delete-confirm').click();
  const dialog = page.getByRole('dialog', { name: '此操作需要审批' });
  await expect(dialog.getByTestId('approval-held-operation')).toContainText('删除客人档案');
  await expect(dialog.getByTestId('approval-awaiting')).toContainText('需要主管或更高级别审批');
  await expect(dialog.getByTestId('approval-awaiting')).toContainText('需要第二人复核');

  // A mistyped supervisor password: said in the dialog, which stays open for another try.
  await fillApprovalRequest(page, {
    reason: '客人要求注销会员档案',
    username: 'supervisor',
    password: 'not-the-password',
  });
  await dialog.getByTestId('approval-submit').click();
  await expect(dialog.getByTestId('approval-error')).toHaveText('用户名或密码错误');
  await expect(dialog.getByTestId('approval-password')).toHaveValue('');
  await shot(page, '21-approval-dialog-wrong-password');

  await dialog.getByTestId('approval-password').fill('demo-supervisor-1');
  await dialog.getByTestId('approval-submit').click();
  await expect(page.getByText('审批通过，操作已执行')).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('guest-row-C00000005')).toHaveCount(0);
  await expect(page.getByTestId('guests-table')).toContainText('没有找到客人');
  await expect(page.getByTestId('header-user')).toHaveText('李娜');

  // The one request (reused after the wrong password) shows as executed, approved at the desk.
  await page.getByTestId('nav-approvals').click();
  await page.getByTestId('approvals-view-mine').click();
  await expect(page.getByTestId('approval-row')).toHaveCount(1);
  await expect(page.getByTestId('approval-row')).toContainText('已执行');
});

test('an agent sends a deletion to the queue; the director approves it with a comment; the agent sees it executed', async ({
  page,
  demoDesk,
}) => {
  await page.goto(demoDesk.url);
  await signIn(page, 'agent', 'demo-agent-1');
  await page.getByTestId('nav-guests').click();
  await findGuest(page, 'C00000007');
  await page.getByTestId('guest-menu-C00000007').click();
  await page.getByTestId('guest-delete-C00000007').click();
  await page.getByTestId('guest-delete-confirm').click();
  await page.getByTestId('approval-mode-queue').click();
  await fillApprovalRequest(page, { reason: '重复档案，需合并后删除' });
  await shot(page, '22-approval-dialog-queue');
  await page.getByTestId('approval-submit').click();
  await expect(page.getByText('已提交，等待审批')).toBeVisible();
  await expect(page.getByTestId('guest-row-C00000007')).toBeVisible();
  await signOut(page);

  await signIn(page, 'director', 'demo-director-1');
  await expect(page.getByTestId('approvals-badge')).toHaveText('1');
  await page.getByTestId('nav-approvals').click();
  const row = page.getByTestId('approval-row').filter({ hasText: 'C00000007' });
  await expect(row).toContainText('待审批');
  await shot(page, '23-approvals-queue-badge');

  await row.click();
  await approveInDrawer(page, '已核实，同意删除');
  const drawer = page.getByRole('dialog', { name: '审批申请' });
  await expect(drawer.getByTestId('approval-history-outcome')).toContainText('已执行');
  await expect(drawer.getByTestId('approval-history')).toContainText('周总监（总监）批准并复核');
  await expect(drawer.getByTestId('approval-history')).toContainText('意见：已核实，同意删除');
  await expect(page.getByTestId('approvals-badge')).toHaveCount(0);
  await settled(drawer);
  await shot(page, '24-approval-drawer-history');
  await page.keyboard.press('Escape');
  await signOut(page);

  await signIn(page, 'agent', 'demo-agent-1');
  await page.getByTestId('nav-approvals').click();
  await page.getByTestId('approvals-view-mine').click();
  await expect(page.getByTestId('approval-row').filter({ hasText: 'C00000007' })).toContainText('已执行');
  await shot(page, '25-my-requests');
});

test('a supervisor exports guests, the director approves at the desk, and the file downloads', async ({
  page,
  demoDesk,
}) => {
  await page.goto(demoDesk.url);
  await signIn(page, 'supervisor', 'demo-supervisor-1');
  await page.getByTestId('nav-guests').click();
  await page.getByTestId('guests-export').click();
  const dialog = page.getByRole('dialog', { name: '此操作需要审批' });
  await expect(dialog.getByTestId('approval-awaiting')).toContainText('需要总监或更高级别审批');

  // The supervisor cannot approve their own request at the desk.
  await fillApprovalRequest(page, { reason: '季度客群分析', username: 'supervisor', password: 'demo-supervisor-1' });
  await dialog.getByTestId('approval-submit').click();
  await expect(dialog.getByTestId('approval-error')).toHaveText('不能审批或复核自己提交的申请');

  const download = page.waitForEvent('download');
  await fillApprovalRequest(page, { username: 'director', password: 'demo-director-1' });
  await dialog.getByTestId('approval-submit').click();
  expect((await download).suggestedFilename()).toMatch(/^guests-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(dialog).toHaveCount(0);
});

test('an admin edits the approval policy, and the screens read in English and Traditional Chinese', async ({
  page,
  demoDesk,
}) => {
  await page.goto(demoDesk.url);
  await signIn(page, 'admin', 'demo-admin-1');
  await page.getByTestId('nav-approval-policy').click();
  await expect(page.getByTestId('policy-tier-open')).toHaveText('¥500,000.00 以上');
  await shot(page, '26-approval-policy');

  // A lower tier asking for more than the one above it is refused, with the reason.
  await page.getByTestId('policy-tier-0-max').fill('600000');
  await page.getByTestId('policy-save').click();
  await expect(page.getByTestId('policy-error')).toContainText('审批策略无效：金额分级须逐级递增');
  await page.getByTestId('policy-tier-0-max').fill('50000');
  await page.getByTestId('policy-paperwork-days').fill('5');
  await page.getByTestId('policy-save').click();
  await expect(page.getByText('审批策略已保存')).toBeVisible();
  await expect(page.getByTestId('policy-error')).toHaveCount(0);

  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('nav-approval-policy')).toContainText('Approval policy');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, '27-approval-policy-en');
  await page.getByTestId('nav-guests').click();
  await page.getByTestId('guests-export').click();
  await expect(page.getByTestId('approval-awaiting')).toContainText('Needs approval by a Director or higher');
  await shot(page, '28-approval-dialog-en');
  await page.getByTestId('approval-close').click();

  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-zh-TW').click();
  await page.getByTestId('nav-approvals').click();
  await expect(page.getByTestId('approvals-view-mine')).toHaveText('我的申請');
  await shot(page, '29-approvals-zh-TW');
});

test('a supervisor authorises an export beyond their tier in an emergency, then completes the paperwork', async ({
  page,
  demoDesk,
}) => {
  await page.goto(demoDesk.url);
  await signIn(page, 'admin', 'demo-admin-1');
  await page.getByTestId('nav-guests').click();
  await page.getByTestId('guests-export').click();
  const dialog = page.getByRole('dialog', { name: '此操作需要审批' });
  await fillApprovalRequest(page, {
    reason: '消防检查需要住客名单',
    username: 'supervisor',
    password: 'demo-supervisor-1',
  });
  await dialog.getByTestId('approval-submit').click();
  await expect(dialog.getByTestId('approval-error')).toHaveText('审批权限不足：此申请需要总监或更高级别审批');

  await fillApprovalRequest(page, { password: 'demo-supervisor-1' });
  await dialog.getByTestId('approval-emergency').check();
  const download = page.waitForEvent('download');
  await dialog.getByTestId('approval-submit').click();
  await download;
  await expect(dialog).toHaveCount(0);
  await signOut(page);

  await signIn(page, 'supervisor', 'demo-supervisor-1');
  await page.getByTestId('nav-approvals').click();
  await page.getByTestId('approvals-view-paperwork').click();
  await page.getByTestId('approval-row').filter({ hasText: '导出客人资料' }).click();
  const drawer = page.getByRole('dialog', { name: '审批申请' });
  await expect(drawer.getByTestId('approval-history')).toContainText('紧急授权');
  await expect(drawer.getByTestId('approval-history')).toContainText('补办手续截止');
  await settled(drawer);
  await shot(page, '30-approval-drawer-emergency');
  await drawer.getByTestId('paperwork-note').fill('已由周总监补签');
  await drawer.getByTestId('paperwork-submit').click();
  await expect(drawer.getByTestId('approval-history')).toContainText('已补办手续');
  await expect(drawer.getByTestId('paperwork-note')).toHaveCount(0);
});

test('a price override carries its context to the approver, and the audit log reads it back in words', async ({
  page,
  demoDesk,
}) => {
  const { number, drawer } = await walkInAsAgent(page, demoDesk.url, '钱小舟', '豪华');
  await drawer.getByTestId('booking-action-overridePrice').click();
  await drawer.getByTestId('override-nightly').fill('198');
  await drawer.getByTestId('auth-ref').fill('熟客');
  await drawer.getByTestId('override-submit').click();

  // At the desk: who, when, which room type, and the price before → after, before anything is asked.
  const dialog = page.getByRole('dialog', { name: '此操作需要审批' });
  const summary = dialog.getByTestId('approval-summary');
  await expect(summary.getByTestId('approval-summary-guest')).toHaveText('钱小舟');
  await expect(summary.getByTestId('approval-summary-booking')).toHaveText(number);
  await expect(summary.getByTestId('approval-summary-roomType')).toContainText('豪华');
  await expect(summary.getByTestId('approval-summary-nightly')).toContainText('→ ¥198.00');
  await expect(summary.getByTestId('approval-summary-difference')).toContainText('-¥');
  await page.getByTestId('approval-mode-queue').click();
  await settled(dialog);
  await shot(page, '31-approval-dialog-summary');
  await fillApprovalRequest(page, { reason: '熟客，按协议价' });
  await page.getByTestId('approval-submit').click();
  await expect(page.getByText('已提交，等待审批')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('booking-drawer')).toBeHidden();
  await signOut(page);

  // The supervisor's queue shows the same context in the row, and the drawer in full with a link.
  await signIn(page, 'supervisor', 'demo-supervisor-1');
  await page.getByTestId('nav-approvals').click();
  const row = page.getByTestId('approval-row').filter({ hasText: number });
  await expect(row).toContainText('钱小舟');
  await expect(row).toContainText('→ ¥198.00');
  await shot(page, '32-approvals-queue-summary');
  await row.click();
  const requestDrawer = page.getByRole('dialog', { name: '审批申请' });
  await expect(requestDrawer.getByTestId('approval-summary-stay')).toContainText('（1 晚）');
  await expect(requestDrawer.getByTestId('approval-summary-total')).toContainText('→ ¥198.00');
  await settled(requestDrawer);
  await shot(page, '33-approval-drawer-summary');
  await approveInDrawer(page, '同意协议价');
  await expect(requestDrawer.getByTestId('approval-history-outcome')).toContainText('已执行');
  // Once run, the request still shows the price it replaced; its link opens the booking.
  await expect(requestDrawer.getByTestId('approval-summary-nightly')).toContainText('→ ¥198.00');
  await requestDrawer.getByTestId('approval-summary-link').click();
  await expect(page.getByTestId('booking-drawer').getByTestId('booking-number')).toHaveText(number);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('booking-drawer')).toBeHidden();
  await signOut(page);

  // The audit log: found by the label people use, the booking named by its number, changes as a table.
  await signIn(page, 'admin', 'demo-admin-1');
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-filter-operation').fill('改价');
  await page.getByTestId('audit-search').click();
  const entry = page.getByTestId('audit-table').locator('tbody tr').first();
  await expect(entry).toContainText('改价');
  await expect(entry.getByTestId('audit-entity-label')).toHaveText(number);
  await entry.getByRole('button').first().click();
  const changes = page.getByTestId('audit-changes');
  await expect(changes.locator('tr[data-field="totalFen"]')).toContainText('¥198.00');
  await expect(page.getByTestId('audit-raw')).toHaveCount(0);
  await shot(page, '34-audit-readable');
  await page.getByTestId('audit-raw-toggle').click();
  await expect(page.getByTestId('audit-raw')).toContainText('"totalFen": 19800');

  // The same in English: the filter takes the English label.
  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-en').click();
  await page.getByTestId('audit-filter-operation').fill('price override');
  await page.getByTestId('audit-search').click();
  await expect(page.getByTestId('audit-table').locator('tbody tr').first()).toContainText('Price override');
  await shot(page, '35-audit-readable-en');
  await signOut(page);
  await signIn(page, 'supervisor', 'demo-supervisor-1');
  await page.getByTestId('nav-approvals').click();
  await page.getByTestId('approvals-view-all').click();
  const enRow = page.getByTestId('approval-row').filter({ hasText: number });
  await expect(enRow).toContainText('→ ¥198.00');
  await shot(page, '36-approvals-queue-summary-en');
  await enRow.click();
  await expect(page.getByTestId('approval-summary-nightly')).toBeVisible();
  await expect(page.getByTestId('approval-drawer')).toContainText('Nightly price');
  await settled(page.getByRole('dialog', { name: 'Approval request' }));
  await shot(page, '37-approval-drawer-summary-en');
});
