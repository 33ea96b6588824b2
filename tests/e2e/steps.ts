/** Steps a front-desk person takes, written once for the specs. */
import type { Locator, Page } from '@playwright/test';
import { expect } from './harness';

export const ADMIN = { username: 'admin', displayName: '王经理', password: 'admin-pass-1' };
export const RECOVERY_PASSPHRASE = 'lake-view-lantern-morning';

export async function setUpProperty(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('setup-property-name').fill('西湖宾馆');
  await page.getByTestId('setup-username').fill(ADMIN.username);
  await page.getByTestId('setup-display-name').fill(ADMIN.displayName);
  await page.getByTestId('setup-password').fill(ADMIN.password);
  await page.getByTestId('setup-confirm-password').fill(ADMIN.password);
  await page.getByTestId('setup-recovery-passphrase').fill(RECOVERY_PASSPHRASE);
  await page.getByTestId('setup-confirm-passphrase').fill(RECOVERY_PASSPHRASE);
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('home-welcome')).toBeVisible();
}

export async function createStaff(
  page: Page,
  member: { username: string; displayName: string; roleLabel: string; password: string },
): Promise<void> {
  await page.getByTestId('nav-staff').click();
  await page.getByTestId('staff-create').click();
  await page.getByTestId('staff-form-username').fill(member.username);
  await page.getByTestId('staff-form-display-name').fill(member.displayName);
  await page.getByTestId('staff-form-role').click();
  await page.getByRole('option', { name: member.roleLabel, exact: true }).click();
  await page.getByTestId('staff-form-password').fill(member.password);
  await page.getByTestId('staff-form-submit').click();
  await expect(page.getByTestId(`staff-row-${member.username}`)).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('signin-username')).toBeVisible();
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
}

/** Types into the guest search and waits for the one guest to be listed. */
export async function findGuest(page: Page, customerNo: string): Promise<void> {
  await page.getByTestId('guests-search').fill(customerNo);
  await expect(page.getByTestId(`guest-row-${customerNo}`)).toBeVisible();
}

/** Fills the open approval request dialog: the reason, and for an approval at the desk the approver's own username and password. */
export async function fillApprovalRequest(
  page: Page,
  fields: { reason?: string; username?: string; password?: string },
): Promise<void> {
  const dialog = page.getByRole('dialog', { name: /审批|審批|approval/i });
  if (fields.reason !== undefined) await dialog.getByTestId('approval-reason').fill(fields.reason);
  if (fields.username !== undefined) await dialog.getByTestId('approval-username').fill(fields.username);
  if (fields.password !== undefined) await dialog.getByTestId('approval-password').fill(fields.password);
}

/** Approves the request open in the approvals drawer, with a comment. */
export async function approveInDrawer(page: Page, comment: string): Promise<void> {
  await page.getByTestId('decide-comment').fill(comment);
  await page.getByTestId('decide-approve').click();
}

/**
 * A walk-in booked without the mouse: N opens the form, Alt+N a new temporary guest, Enter
 * creates the profile and moves to the room type, a few letters and Enter pick it, Ctrl+Enter saves.
 * Returns the booking number shown.
 */
export async function bookWalkInByKeyboard(page: Page, guestName: string, roomTypeText: string): Promise<string> {
  await page.keyboard.press('n');
  await expect(page.getByTestId('intake-guest-search')).toBeFocused();
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('intake-new-guest-name')).toBeFocused();
  await expect(page.getByTestId('intake-new-guest-temporary')).toBeChecked();
  await page.keyboard.type(guestName);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-guest')).toContainText(guestName);
  await expect(page.getByTestId('intake-room-type')).toBeFocused();
  await page.keyboard.type(roomTypeText);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-quote-total')).toBeVisible();
  await page.keyboard.press('Control+Enter');
  const number = page.getByTestId('intake-created-number');
  await expect(number).toBeVisible();
  return (await number.textContent())!.trim();
}

/**
 * The demo agent at a fresh desk books a walk-in for a new guest and opens the booking's drawer
 * (its check-in form ready); returns the booking number and the drawer.
 */
export async function walkInAsAgent(page: Page, url: string, guestName: string, roomTypeText: string) {
  await page.goto(url);
  await signIn(page, 'agent', 'demo-agent-1');
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  const number = await bookWalkInByKeyboard(page, guestName, roomTypeText);
  await page.keyboard.press('Enter');
  const drawer = page.getByTestId('booking-drawer');
  await expect(drawer.getByTestId('booking-number')).toHaveText(number);
  return { number, drawer };
}

/** The id of the booking whose drawer is open, from the hash (`?booking=<id>`). */
export function openBookingId(page: Page): string {
  const id = new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '').get('booking');
  if (!id) throw new Error(`no booking drawer open at ${page.url()}`);
  return id;
}

/** "/" focuses the quick search; typing a customer number and Enter opens that guest's profile. */
export async function openGuestBySearch(page: Page, customerNo: string): Promise<void> {
  await page.keyboard.press('/');
  await expect(page.getByTestId('quick-search')).toBeFocused();
  await page.keyboard.type(customerNo);
  await expect(page.getByTestId(`search-guest-${customerNo}`)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('guest-drawer').getByTestId('guest-name')).toBeVisible();
}

/** N opens the new-booking form; a guest on file is found by customer number and picked with Enter, which moves on to the room type. */
export async function pickIntakeGuest(page: Page, customerNo: string): Promise<void> {
  await page.keyboard.press('n');
  await expect(page.getByTestId('intake-guest-search')).toBeFocused();
  await page.keyboard.type(customerNo);
  await expect(page.getByTestId(`intake-guest-option-${customerNo}`)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-room-type')).toBeFocused();
}

/**
 * Waits for an overlay (drawer, modal) to be in place and for every transition on the page to have
 * ended, so a screenshot shows it as a person sees it rather than mid-slide.
 */
export async function settled(overlay: Locator): Promise<void> {
  // A Mantine drawer's or modal's root (where its test id goes) is a size-less element placed after
  // the page: below the fold of a long page. What a person sees is its content panel.
  const panel = overlay.locator('.mantine-Drawer-content, .mantine-Modal-content');
  await expect((await panel.count()) > 0 ? panel.first() : overlay).toBeInViewport({ ratio: 1 });
  await overlay
    .page()
    .waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** How a date field shows an ISO date in a UI language: 2026年12月8日, or 8 Dec 2026 in English. */
export function shownDate(iso: string, language = 'zh-CN'): string {
  const [y, m, d] = iso.split('-').map(Number);
  return language === 'en' ? `${d} ${MONTHS_EN[m! - 1]} ${y}` : `${y}年${m}月${d}日`;
}

/** How a month field shows a month (YYYY-MM): 2026年12月, or Dec 2026 in English. */
export function shownMonth(month: string, language = 'zh-CN'): string {
  const [y, m] = month.split('-').map(Number);
  return language === 'en' ? `${MONTHS_EN[m! - 1]} ${y}` : `${y}年${m}月`;
}

/** The ISO date a date field shows (2026年12月8日 → 2026-12-08), as a person reads it off the screen. */
export async function dateIn(field: Locator): Promise<string> {
  const [, y, m, d] = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(await field.inputValue()) ?? [];
  if (!y) throw new Error(`the field shows no date: "${await field.inputValue()}"`);
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

/**
 * Types an ISO date into a date field, as a person may (the field also reads its own format), and
 * leaves it: the field then shows the date in the UI language.
 */
export async function fillDate(field: Locator, iso: string, language = 'zh-CN'): Promise<void> {
  await field.fill(iso);
  await field.blur();
  await expect(field).toHaveValue(iso ? shownDate(iso, language) : '');
}

/** Opens a month field's list, steps to the month's year and picks the month (YYYY-MM). */
export async function pickMonth(field: Locator, month: string, language = 'zh-CN'): Promise<void> {
  const page = field.page();
  await field.click();
  const target = page.locator(`[data-picker-control][aria-label="${shownMonth(month, language)}"]`);
  const year = Number(month.slice(0, 4));
  for (let step = 0; !(await target.isVisible()) && step < 50; step++) {
    const shown = Number(/\d{4}/.exec((await page.locator('[data-level-control]').textContent()) ?? '')?.[0]);
    await page.locator(`button[data-direction="${shown > year ? 'previous' : 'next'}"]`).click();
  }
  await target.click();
  await expect(field).toHaveText(shownMonth(month, language));
}
