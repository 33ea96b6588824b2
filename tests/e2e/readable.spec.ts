/**
 * What a desk reads should be written the way its people write: an approval's stay as dates in
 * the UI language (never 2026-12-08), the audit's actor by the name colleagues know, and room
 * statuses in colours that tell a clean room from an inspected one on the rack and the board.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, shot, test, type DeskHarness } from './harness';
import { fillApprovalRequest, settled, signIn, signOut, walkInAsAgent } from './steps';

const ISO_DAY = /\d{4}-\d{2}-\d{2}/;
/** A one-night stay in Chinese: 2026年12月8日–12月9日（1 晚）, or with both years across New Year. */
const ZH_ONE_NIGHT = /^\d{4}年\d{1,2}月\d{1,2}日\s?–\s?(\d{4}年)?\d{1,2}月\d{1,2}日（1 晚）$/;
/** The same in English: Dec 8 – Dec 9, 2026 (1 night), or Dec 31, 2026 – Jan 1, 2027 (1 night). */
const EN_ONE_NIGHT = /^[A-Z][a-z]{2} \d{1,2}(, \d{4})? – [A-Z][a-z]{2} \d{1,2}, \d{4} \(1 night\)$/;

async function openPage(page: Page, route: string): Promise<void> {
  await page.evaluate((target) => (window.location.hash = `#/${target}`), route);
}

async function switchLanguage(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  await page.getByTestId('language-menu').click();
  await page.getByTestId(`language-${language}`).click();
}

test('a held price override shows its stay as dates in Chinese and in English', async ({ page, demoDesk }) => {
  const { number, drawer } = await walkInAsAgent(page, demoDesk.url, '钱小舟', '豪华');
  await drawer.getByTestId('booking-action-overridePrice').click();
  await drawer.getByTestId('override-nightly').fill('198');
  await drawer.getByTestId('auth-ref').fill('熟客');
  await drawer.getByTestId('override-submit').click();

  // At the desk, before the request is sent.
  const dialog = page.getByRole('dialog', { name: '此操作需要审批' });
  await expect(dialog.getByTestId('approval-summary-stay')).toHaveText(ZH_ONE_NIGHT);
  await expect(dialog.getByTestId('approval-summary')).not.toContainText(ISO_DAY);
  await page.getByTestId('approval-mode-queue').click();
  await fillApprovalRequest(page, { reason: '熟客，按协议价' });
  await page.getByTestId('approval-submit').click();
  await expect(page.getByText('已提交，等待审批')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('booking-drawer')).toBeHidden();
  await signOut(page);

  // The supervisor's queue and drawer, in Chinese.
  await signIn(page, 'supervisor', 'demo-supervisor-1');
  await page.getByTestId('nav-approvals').click();
  const row = page.getByTestId('approval-row').filter({ hasText: number });
  await expect(row).toContainText('（1 晚）');
  await expect(row).not.toContainText(ISO_DAY);
  await row.click();
  const requestDrawer = page.getByTestId('approval-drawer');
  await expect(requestDrawer.getByTestId('approval-summary-stay')).toHaveText(ZH_ONE_NIGHT);
  await expect(requestDrawer).not.toContainText(ISO_DAY);
  await settled(requestDrawer);
  await shot(page, 'readable-01-approval-drawer-zh');

  // The same request in English.
  await page.keyboard.press('Escape');
  await expect(requestDrawer.getByTestId('approval-summary')).toBeHidden();
  await switchLanguage(page, 'en');
  const enRow = page.getByTestId('approval-row').filter({ hasText: number });
  await expect(enRow).toContainText('(1 night)');
  await expect(enRow).not.toContainText(ISO_DAY);
  await shot(page, 'readable-02-approvals-queue-en');
  await enRow.click();
  await expect(requestDrawer.getByTestId('approval-summary-stay')).toHaveText(EN_ONE_NIGHT);
  await expect(requestDrawer).not.toContainText(ISO_DAY);
  await settled(requestDrawer);
  await shot(page, 'readable-03-approval-drawer-en');
});

test('the audit names who acted by display name, with the username beside it', async ({ page, demoDesk }) => {
  await page.goto(demoDesk.url);
  await signIn(page, 'agent', 'demo-agent-1');
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  await signOut(page);
  await signIn(page, 'admin', 'demo-admin-1');
  await page.getByTestId('nav-audit').click();

  // The filter takes part of a display name; each row names 李娜 and shows her username.
  await page.getByTestId('audit-filter-actor').fill('李娜');
  await page.getByTestId('audit-search').click();
  const rows = page.getByTestId('audit-table').locator('tbody tr');
  await expect(rows.first().getByTestId('audit-actor-name')).toHaveText('李娜');
  await expect(rows.first().getByTestId('audit-actor-username')).toHaveText('agent');
  await expect(page.getByTestId('audit-table').getByTestId('audit-actor-name')).toHaveText(
    Array.from({ length: await rows.count() }, () => '李娜'),
  );
  await shot(page, 'readable-04-audit-actors');

  // By username as well: the admin's own sign-in is there under 系统管理员.
  await page.getByTestId('audit-filter-actor').fill('admin');
  await page.getByTestId('audit-search').click();
  await expect(rows.first().getByTestId('audit-actor-name')).toHaveText('系统管理员');
  await expect(rows.first().getByTestId('audit-actor-username')).toHaveText('admin');
});

/** The hue (0–360°) of a CSS rgb() colour. */
function hue(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => Number(part) / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(r, g, b);
  const delta = max - Math.min(r, g, b);
  if (delta === 0) return 0;
  const h = max === r ? ((g - b) / delta) % 6 : max === g ? (b - r) / delta + 2 : (r - g) / delta + 4;
  return (h * 60 + 360) % 360;
}

async function borderHue(card: Locator): Promise<number> {
  return hue(await card.evaluate((element) => getComputedStyle(element).borderLeftColor));
}

/** Two arrivals in house, one room dirty and one inspected: every status on the rack and the board. */
async function aHotelInEveryStatus(desk: DeskHarness): Promise<void> {
  const day = (await desk.rpc('bookings.day')).value as { arrivals: { id: string }[] };
  for (const booking of day.arrivals.slice(0, 2)) {
    const rooms = (await desk.rpc('frontDesk.suggestRooms', { bookingId: booking.id })).value as { id: string }[];
    expect((await desk.rpc('frontDesk.checkIn', { bookingId: booking.id, roomId: rooms[0]!.id })).ok).toBe(true);
  }
  const board = (await desk.rpc('housekeeping.board')).value as { id: string; status: string }[];
  const clean = board.filter((room) => room.status === 'vacant_clean');
  const changes = [
    [clean[0]!, 'inspected'],
    [clean[1]!, 'inspected'],
    [clean[2]!, 'vacant_dirty'],
    [clean[3]!, 'out_of_order'],
  ] as const;
  for (const [room, status] of changes) {
    expect((await desk.rpc('housekeeping.setStatus', { roomId: room.id, status })).ok).toBe(true);
  }
}

test('a clean room and an inspected one are told apart by colour, in the light and the dark scheme', async ({
  page,
  demoDesk,
}) => {
  await page.goto(demoDesk.url);
  await signIn(page, 'admin', 'demo-admin-1');
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  await aHotelInEveryStatus(demoDesk);

  for (const scheme of ['light', 'dark'] as const) {
    if (scheme === 'dark') await page.getByTestId('color-scheme-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);

    await openPage(page, 'housekeeping');
    const clean = page.locator('[data-status="vacant_clean"]').first();
    const inspected = page.locator('[data-status="inspected"]').first();
    await expect(clean).toBeVisible();
    await expect(inspected).toBeVisible();
    // Teal beside green was under 30° apart and read as one colour; clean and inspected now sit far apart.
    const apart = Math.abs((await borderHue(clean)) - (await borderHue(inspected)));
    expect(Math.min(apart, 360 - apart)).toBeGreaterThan(50);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(0, 0);
    await shot(page, `readable-05-housekeeping-${scheme}`);

    await openPage(page, 'rack');
    await expect(page.getByTestId('room-rack').locator('[data-testid^="rack-bar-"]')).toHaveCount(2);
    await page.mouse.move(0, 0);
    await shot(page, `readable-06-rack-${scheme}`);
  }
});
