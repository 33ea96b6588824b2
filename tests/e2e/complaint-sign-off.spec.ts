/**
 * A major complaint from the front desk to a supervisor's sign-off and the guest's call-back: the
 * agent opens it from the guest's booking, responds and brings in the supervisor as co-owner, then
 * resolves it; the supervisor signs it off from their own list; the call-back the resolution
 * scheduled is made and scored.
 */
import { expect, shot, test } from './harness';
import { settled, signIn, signOut, walkInAsAgent } from './steps';

test('a major complaint opened on a booking is escalated, resolved, signed off by the supervisor and called back', async ({
  page,
  demoDesk,
}) => {
  const { drawer } = await walkInAsAgent(page, demoDesk.url, '赵立新', '豪华');

  // From the booking: the complaint names the guest and the stay.
  const history = drawer.getByTestId('complaint-history');
  await expect(history).toContainText('没有投诉记录');
  await history.getByTestId('complaint-open').click();
  await page.getByTestId('complaint-category').click();
  await page.getByRole('option', { name: '客房' }).click();
  await page.getByTestId('complaint-severity').click();
  await page.getByRole('option', { name: '重大' }).click();
  await page.getByTestId('complaint-description').fill('入住后发现房内有烟味，客人有哮喘');
  await page.getByTestId('complaint-expectation').fill('立即换房并给予补偿');
  await page.getByTestId('complaint-open-submit').click();

  const ticket = page.getByTestId('complaint-ticket');
  await expect(ticket.getByTestId('complaint-co-owner')).toHaveText('待主管');
  await expect(ticket.getByTestId('clock-response-ok')).toBeVisible();
  await expect(ticket.getByTestId('complaint-escalation')).toContainText('重大投诉须有主管共同负责');
  await ticket.getByTestId('complaint-note').fill('已致电客人致歉，马上安排换房');
  await ticket.getByTestId('complaint-respond').click();
  await expect(ticket.getByTestId('clock-response-met')).toBeVisible();
  await ticket.getByTestId('complaint-supervisor').click();
  await page.getByRole('option', { name: '陈主管' }).click();
  await ticket.getByTestId('complaint-escalate').click();
  await expect(ticket.getByTestId('complaint-co-owner')).toHaveText('陈主管');
  await expect(ticket.getByTestId('complaint-event-escalated')).toContainText('请 陈主管 共同负责');
  await ticket.getByTestId('complaint-note').fill('已换到无烟楼层，房间已通风检查');
  await ticket.getByTestId('complaint-resolve').click();
  await expect(ticket.getByTestId('complaint-status')).toHaveText('已解决');
  // The owner may send it back, but only the co-owning supervisor closes it.
  await expect(ticket.getByTestId('complaint-close')).toHaveCount(0);
  await settled(ticket);
  await shot(page, 'complaint-escalated-resolved');
  // Closed by its button: Escape would close the booking's drawer beneath it too (Mantine's overlays each listen on the window).
  await page.getByRole('dialog', { name: '客诉' }).getByRole('button').first().click();
  await expect(ticket).toBeHidden();
  await expect(history.getByTestId(/^history-K/)).toContainText('已解决');

  await page.keyboard.press('Escape');
  await signOut(page);
  await signIn(page, 'supervisor', 'demo-supervisor-1');
  await expect(page.getByTestId('home-complaints-mine')).toHaveText('1');
  await page.getByTestId('nav-complaints').click();
  await page.getByTestId('complaints-view').getByText('我的').click();
  await page.getByTestId(/^complaint-row-/).click();
  await expect(ticket.getByTestId('complaint-status')).toHaveText('已解决');
  await ticket.getByTestId('complaint-note').fill('处理及时，同意结案');
  await ticket.getByTestId('complaint-signOff').click();
  await expect(ticket.getByTestId('complaint-status')).toHaveText('已关闭');
  await expect(ticket.getByTestId('complaint-signed-off')).toContainText('陈主管 已会签');
  await settled(ticket);
  await shot(page, 'complaint-signed-off');
  await page.keyboard.press('Escape');
  await expect(ticket).toBeHidden();

  // The resolution scheduled the guest's call-back, due within a day.
  await page.getByTestId('nav-callbacks').click();
  const row = page.getByTestId(/^callback-row-K/);
  await expect(row).toContainText('赵立新');
  await row.click();
  const form = page.getByRole('dialog');
  await form.getByTestId('callback-outcome-reached').check();
  // The star itself: Mantine's rating keeps its radio inputs out of sight, under their labels.
  const star = await form.getByRole('radio', { name: '4 分', exact: true }).getAttribute('id');
  await form.locator(`label[for="${star}"]`).click();
  await form.getByTestId('callback-words-input').fill('换房很快，主管亲自来道歉，很满意');
  await form.getByTestId('callback-record-submit').click();
  await expect(form).toBeHidden();
  await page.getByTestId('callbacks-view').getByText('已完成').click();
  await expect(page.getByTestId(/^callback-row-K/).getByTestId('callback-words')).toHaveText(
    '换房很快，主管亲自来道歉，很满意',
  );
  await settled(page.getByTestId('callbacks-list'));
  await shot(page, 'complaint-called-back');
});
