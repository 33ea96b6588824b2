/**
 * The busy demo hotel (`npm run seed:demo`) in Chromium: every main screen shows what it looks like
 * in real use — tonight's house, today's arrivals and departures, dirty rooms, complaints, approvals
 * waiting, members with tiers — in Chinese and in English, each screenshot saved for a person to look at.
 */
import type { Page } from '@playwright/test';
import { expect, shot, test } from './harness';
import { signIn, signOut } from './steps';

/** Opens a page by its hash route, as the navigation does. */
async function open(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => (window.location.hash = `#/${r}`), route);
}

/** Waits until no loader is spinning on the page. */
async function loaded(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
}

for (const lang of ['zh-CN', 'en'] as const) {
  test(`the busy demo hotel, screen by screen (${lang})`, async ({ page, busyDesk }) => {
    test.setTimeout(120_000);
    await page.addInitScript((l) => localStorage.setItem('yingbin.locale', l), lang);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(busyDesk.url);

    await signIn(page, 'agent', 'demo-agent-1');
    await expect(page.getByTestId('home-today')).toBeVisible();
    await loaded(page);
    await shot(page, `demo-${lang}-01-home-agent`);

    await open(page, 'desk');
    await expect(page.getByTestId('desk-business-date')).toBeVisible();
    await loaded(page);
    await shot(page, `demo-${lang}-02-desk`);

    await open(page, 'availability');
    await expect(page.getByTestId('availability-grid')).toBeVisible();
    await loaded(page);
    await shot(page, `demo-${lang}-03-availability`);

    await open(page, 'rack');
    await expect(page.getByTestId('room-rack')).toBeVisible();
    await loaded(page);
    await shot(page, `demo-${lang}-04-rack`);

    await open(page, 'housekeeping');
    await expect(page.getByTestId('hk-status-filter')).toBeVisible();
    await loaded(page);
    await shot(page, `demo-${lang}-05-housekeeping`);

    await open(page, 'guests');
    await expect(page.getByTestId('guests-table')).toContainText('C00000001');
    await shot(page, `demo-${lang}-06-guests`);

    await open(page, 'members');
    await page.getByTestId('member-lookup').fill('VIP-8801');
    await page.getByTestId('member-lookup-submit').click();
    await expect(page.getByTestId('member-card')).toBeVisible();
    await loaded(page);
    await shot(page, `demo-${lang}-07-members`);

    await open(page, 'callbacks');
    await expect(page.getByTestId('callbacks-list')).toBeVisible();
    await loaded(page);
    await shot(page, `demo-${lang}-08-callbacks`);

    await signOut(page);
    await signIn(page, 'supervisor', 'demo-supervisor-1');
    await open(page, 'home');
    await expect(page.getByTestId('home-today')).toBeVisible();
    await loaded(page);
    await shot(page, `demo-${lang}-09-home-supervisor`);

    await open(page, 'approvals');
    await expect(page.getByTestId('approval-row')).toHaveCount(3);
    await loaded(page);
    await shot(page, `demo-${lang}-10-approvals`);

    await open(page, 'complaints');
    await expect(page.getByTestId('complaints-list')).toBeVisible();
    await loaded(page);
    await shot(page, `demo-${lang}-11-complaints`);

    await open(page, 'cancellations');
    await loaded(page);
    await shot(page, `demo-${lang}-12-cancellations`);

    await open(page, 'reports');
    await expect(page.getByTestId('report-document')).toBeVisible();
    await loaded(page);
    await shot(page, `demo-${lang}-13-reports`);
  });
}
