/** Complaints: an agent opens one at the desk and owns it until it is closed, or until the supervisor it is offered to takes it over. */
import type { Page } from '@playwright/test';
import { expect, shot, test, type DeskHarness } from './harness';
import { settled, signIn, signOut } from './steps';

/** The demo agent on the complaints page, the form to open one in front of them. */
async function openComplaintForm(page: Page, desk: DeskHarness): Promise<void> {
  await page.goto(desk.url);
  await signIn(page, 'agent', 'demo-agent-1');
  await page.getByTestId('nav-complaints').click();
  await page.getByTestId('complaint-open').click();
}

test('an agent opens a complaint, owns it, and takes it from response to closing on its timeline', async ({
  page,
  demoDesk,
}) => {
  await openComplaintForm(page, demoDesk);
  await page.getByTestId('complaint-category').click();
  await page.getByRole('option', { name: '噪音' }).click();
  await page.getByTestId('complaint-channel').click();
  await page.getByRole('option', { name: '电话' }).click();
  await page.getByTestId('complaint-description').fill('隔壁房间深夜喧哗，无法入睡');
  await page.getByTestId('complaint-expectation').fill('换一间安静的房间');
  await page.getByTestId('complaint-open-submit').click();

  const ticket = page.getByTestId('complaint-ticket');
  await expect(ticket.getByTestId('complaint-number')).toHaveText(/^K\d{6}-\w{4}-001$/);
  await expect(ticket.getByTestId('complaint-status')).toHaveText('待回应');
  await expect(ticket.getByTestId('complaint-event-opened')).toBeVisible();

  await ticket.getByTestId('complaint-note').fill('已向客人致歉，正在安排换房');
  await ticket.getByTestId('complaint-respond').click();
  await expect(ticket.getByTestId('complaint-status')).toHaveText('已回应');
  await ticket.getByTestId('complaint-note').fill('已换到安静楼层');
  await ticket.getByTestId('complaint-resolve').click();
  await expect(ticket.getByTestId('complaint-status')).toHaveText('已解决');
  await expect(ticket.getByTestId('complaint-event-resolved')).toContainText('已换到安静楼层');
  await settled(ticket);
  await shot(page, '95-complaint-ticket');
  await ticket.getByTestId('complaint-close').click();
  await expect(ticket.getByTestId('complaint-status')).toHaveText('已关闭');
  await expect(ticket.getByTestId('complaint-event-closed')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ticket).toBeHidden();

  // Closed: gone from the list of open tickets, still under all.
  const number = /K\d{6}-\w{4}-001/;
  await expect(page.getByTestId('complaints-list')).toContainText('没有投诉单');
  await page.getByTestId('complaints-view').getByText('全部').click();
  await expect(page.getByTestId('complaints-list')).toContainText(number);
  await expect(page.getByTestId(/^complaint-row-/)).toContainText('已关闭');
  await settled(page.getByTestId('complaints-list'));
  await shot(page, '96-complaints-list');
});

test('a complaint handed over stays with its owner until the supervisor takes it over, then is theirs', async ({
  page,
  demoDesk,
}) => {
  await openComplaintForm(page, demoDesk);
  await page.getByTestId('complaint-severity').click();
  await page.getByRole('option', { name: '重大' }).click();
  await page.getByTestId('complaint-description').fill('账单多收了两晚房费');
  await page.getByTestId('complaint-open-submit').click();
  const ticket = page.getByTestId('complaint-ticket');
  await ticket.getByTestId('complaint-offer-to').click();
  await page.getByRole('option', { name: '陈主管' }).click();
  await ticket.getByTestId('complaint-offer').click();
  await expect(ticket).toContainText('待 陈主管 接手');
  await expect(ticket.getByTestId('complaint-owner')).toHaveText('李娜');
  await page.keyboard.press('Escape');
  await expect(ticket).toBeHidden();

  await signOut(page);
  await signIn(page, 'supervisor', 'demo-supervisor-1');
  await page.getByTestId('nav-complaints').click();
  await page.getByTestId('complaints-view').getByText('我的').click();
  await page.getByTestId(/^complaint-row-/).click();
  await ticket.getByTestId('complaint-note').fill('重大投诉，由主管跟进');
  await ticket.getByTestId('complaint-acceptHandover').click();
  await expect(ticket.getByTestId('complaint-owner')).toHaveText('陈主管');
  await expect(ticket.getByTestId('complaint-event-handover_offered')).toContainText('转交给 陈主管');
  await expect(ticket.getByTestId('complaint-event-handover_accepted')).toContainText('重大投诉，由主管跟进');
  await settled(ticket);
  await shot(page, '97-complaint-handed-over');
});
