/**
 * The contract archive: the admin archives a contract (a real PDF made here by Chromium, with
 * Chinese text on it) with its metadata, the name filled in from the naming rule; an agent has
 * no archive and is refused when calling the open directly; the director sees the contract due
 * on the home screen and opens it in the in-app viewer, which checks its SHA-256 and draws the
 * page from memory — in Chinese and in English. A customer document is attached by an agent and
 * opened by a supervisor after typing the password again; a file over the size limit is refused
 * in the form; a plaintext copy of a contract is downloaded once after approval; a new version
 * keeps the old one; a flipped byte in the stored ciphertext is said in the viewer and audited.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { DateTime } from 'luxon';
import { expect, shot, test } from './harness';
import { fillApprovalRequest, fillDate, openGuestBySearch, settled, shownMonth, signIn, signOut } from './steps';

const TITLE = '西湖游船年度合作合同';
const CONTRACT_NO = 'HT2026-015';

/** A one-page A4 contract, printed to PDF by Chromium: a big title and a line that can be searched for. */
async function contractPdf(page: Page): Promise<Buffer> {
  const printer = await page.context().newPage();
  await printer.setContent(
    `<html><body style="font-family: sans-serif; padding: 40px">
      <h1 style="font-size: 40px">${TITLE}</h1>
      <p style="font-size: 20px">合同编号：${CONTRACT_NO}</p>
      <p style="font-size: 20px">甲方：杭州西湖游船有限公司，乙方：西湖宾馆</p>
      <p style="font-size: 16px">ARCHIVE-E2E-MARKER</p>
    </body></html>`,
  );
  const pdf = await printer.pdf({ format: 'A4', printBackground: true });
  await printer.close();
  return pdf;
}

/** How many of the canvas's pixels are dark: text drawn on the page. */
async function darkPixels(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((element) => {
    const canvas = element as HTMLCanvasElement;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 1]! < 100 && data[i + 2]! < 100) dark++;
    return dark;
  });
}

/** Flips one byte of the stored ciphertext of a file's first chunk, in the desk's own database (WAL lets it in beside the running desk). */
function flipStoredByte(dataDir: string, fileName: string): void {
  const db = new BetterSqlite3(path.join(dataDir, 'yingbin.db'));
  try {
    const file = db.prepare('SELECT chunks_json FROM archive_file WHERE file_name = ?').get(fileName) as {
      chunks_json: string;
    };
    const hash = (JSON.parse(file.chunks_json) as string[])[0]!;
    const chunk = db.prepare('SELECT bytes FROM archive_chunk WHERE hash = ?').get(hash) as { bytes: Buffer };
    chunk.bytes[100] = chunk.bytes[100]! ^ 0x01;
    db.prepare('UPDATE archive_chunk SET bytes = ? WHERE hash = ?').run(chunk.bytes, hash);
  } finally {
    db.close();
  }
}

/** The outcomes of an operation's audit entries, oldest first. */
function auditOutcomes(dataDir: string, operation: string): string[] {
  const db = new BetterSqlite3(path.join(dataDir, 'yingbin.db'), { readonly: true });
  try {
    const rows = db.prepare('SELECT outcome FROM audit_log WHERE operation = ? ORDER BY seq').all(operation);
    return (rows as { outcome: string }[]).map((row) => row.outcome);
  } finally {
    db.close();
  }
}

test('the admin archives a contract, an agent is refused, the director opens it in the viewer', async ({
  page,
  demoDesk,
}, testInfo) => {
  // pdf.js must run in its worker under the app's CSP: no violation, no fallback to a main-thread "fake worker".
  const complaints: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|fake worker/i.test(message.text())) complaints.push(message.text());
  });
  const pdf = await contractPdf(page);
  const pdfPath = testInfo.outputPath('contract.pdf');
  fs.writeFileSync(pdfPath, pdf);
  const sha256 = createHash('sha256').update(pdf).digest('hex');

  // The admin manages contracts: uploads one with its metadata, expiring 20 days after the business date.
  await page.goto(demoDesk.url);
  await signIn(page, 'admin', 'demo-admin-1');
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  const status = await demoDesk.rpc('businessDay.status');
  const businessDate = (status.value as { businessDate: string }).businessDate;
  const expiresOn = DateTime.fromISO(businessDate).plus({ days: 20 }).toISODate()!;
  await page.getByTestId('nav-archive').click();
  await expect(page.getByTestId('archive-tab-contracts')).toBeVisible();
  await page.getByTestId('archive-contract-add').click();
  const form = page.getByTestId('archive-contract-modal');
  await form.locator('input[type="file"]').setInputFiles(pdfPath);
  await form.getByTestId('archive-contract-counterparty').fill('杭州西湖游船有限公司');
  await form.getByTestId('archive-contract-project').fill('西湖游船');
  await form.getByTestId('archive-contract-number').fill(CONTRACT_NO);
  await form.getByTestId('archive-contract-amount').fill('128000.50');
  await fillDate(form.getByTestId('archive-contract-signed'), '2026-11-15');
  await fillDate(form.getByTestId('archive-contract-effective'), '2026-11-20');
  await fillDate(form.getByTestId('archive-contract-expires'), expiresOn);
  await form.getByTestId('archive-contract-tags').fill('游船');
  await form.getByTestId('archive-contract-tags').press('Enter');
  // The hotel's rule (date-number-subject) names it from the signing date, the number and the project.
  await expect(form.getByTestId('archive-contract-name')).toHaveValue(`20261115-${CONTRACT_NO}-西湖游船`);
  await expect(form).toContainText('命名规则：日期-编号-事由');
  // A name typed against the rule is flagged before it is sent.
  await form.getByTestId('archive-contract-name').fill(`西湖游船-${CONTRACT_NO}`);
  await expect(form).toContainText('名称应以 8 位日期开头');
  // Refused before anything is uploaded.
  await form.getByTestId('archive-contract-submit').click();
  await expect(form.getByTestId('archive-upload-progress')).toHaveCount(0);
  await expect(form.getByTestId('archive-contract-name')).toHaveAttribute('aria-invalid', 'true');
  await form.getByText('改回按规则生成的名称').click();
  await expect(form.getByTestId('archive-contract-name')).toHaveValue(`20261115-${CONTRACT_NO}-西湖游船`);
  await settled(page.getByRole('dialog'));
  await shot(page, '110-archive-new-contract');
  await form.getByTestId('archive-contract-submit').click();

  // Filed: the drawer opens on it; the admin manages contracts but may not read them.
  const drawer = page.getByTestId('archive-document');
  await expect(drawer.getByTestId('archive-document-name')).toHaveText(`20261115-${CONTRACT_NO}-西湖游船`);
  await expect(drawer.getByTestId('archive-document-no-read')).toBeVisible();
  await expect(drawer.getByTestId('archive-version-1')).toContainText('contract.pdf');
  await expect(drawer.getByTestId('archive-file-1-view')).toHaveCount(0);
  const documentId = new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('doc')!;
  const detail = await demoDesk.rpc('archive.document', { id: documentId });
  expect(detail.ok).toBe(true);
  const file = (detail.value as { files: { id: string; sha256: string }[] }).files[0]!;
  expect(file.sha256).toBe(sha256);
  await page.keyboard.press('Escape');
  const row = page.getByTestId(`archive-contract-row-${CONTRACT_NO}`);
  await expect(row).toContainText('杭州西湖游船有限公司');
  await expect(row).toContainText('生效中');
  await expect(row).toContainText('游船');
  await shot(page, '111-archive-contracts');

  // The archive policy on the settings page: the rule with its example, the limits.
  await page.getByTestId('nav-settings').click();
  const policy = page.getByTestId('settings-archive-policy');
  await expect(policy.getByTestId('archive-policy-maxFileMb')).toHaveValue('50');
  await expect(policy).toContainText('20231115-HT2023-015-会议纪要');
  await policy.scrollIntoViewIfNeeded();
  await shot(page, '119-archive-settings');

  // Work records: last month archived by hand (the desk also does it after each month ends), the audit trail read back.
  const lastMonth = DateTime.fromISO(businessDate).minus({ months: 1 }).toFormat('yyyy-MM');
  await page.getByTestId('nav-archive').click();
  await page.getByTestId('archive-tab-records').click();
  await expect(page.getByTestId('archive-records-month')).toHaveText(shownMonth(lastMonth));
  await page.getByTestId('archive-records-archive').click();
  const audit = page.getByTestId(`archive-record-${lastMonth}-audit`);
  await expect(audit).toContainText('当月审计日志');
  await shot(page, '121-archive-records');
  await audit.getByRole('button', { name: '查看' }).click();
  const record = page.getByTestId('archive-viewer');
  await expect(record.getByTestId('archive-viewer-integrity')).toContainText('完整性已校验');
  await expect(
    record
      .getByTestId('archive-record-text')
      .or(record.getByTestId('archive-record-reports'))
      .or(record.getByTestId('archive-record-empty')),
  ).toBeVisible();
  await settled(page.getByRole('dialog', { name: /当月审计日志/ }));
  await shot(page, '122-archive-record-viewer');
  await page.keyboard.press('Escape');
  await expect(record.getByTestId('archive-viewer-integrity')).toHaveCount(0);

  // An agent: no archive in the navigation, and opening the file directly is refused.
  await signOut(page);
  await signIn(page, 'agent', 'demo-agent-1');
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  await expect(page.getByTestId('nav-archive')).toHaveCount(0);
  const refused = await demoDesk.rpc('archive.open', { fileId: file.id });
  expect(refused.ok).toBe(false);
  expect(refused.error?.code).toBe('PERMISSION_DENIED');
  // Audited: the admin's open of the work record, then this refusal.
  expect(auditOutcomes(demoDesk.dataDir, 'archive.open')).toEqual(['ok', 'failed']);

  // The director: the contract is due within the reminder days on the home screen; opened in the viewer.
  await signOut(page);
  await signIn(page, 'director', 'demo-director-1');
  await page.getByTestId('nav-home').click();
  const expiring = page.getByTestId('home-archive-expiring');
  await expect(expiring).toContainText(`20261115-${CONTRACT_NO}-西湖游船`);
  await expect(expiring).toContainText(expiresOn);
  await shot(page, '112-archive-home-expiring');
  await page.getByTestId('nav-archive').click();
  await row.click();
  await expect(drawer.getByTestId('archive-document-no-read')).toHaveCount(0);
  await settled(page.getByRole('dialog'));
  await shot(page, '113-archive-document');
  await drawer.getByTestId('archive-file-1-view').click();
  const viewer = page.getByTestId('archive-viewer');
  await expect(viewer.getByTestId('archive-viewer-integrity')).toContainText('完整性已校验');
  await expect(viewer.getByTestId('archive-viewer-sha256')).toHaveText(sha256);
  await expect(viewer.getByTestId('archive-pdf-page')).toHaveText('第 1 / 1 页');
  const canvas = viewer.getByTestId('archive-pdf-canvas');
  await expect(canvas).toHaveAttribute('data-rendered', /^1:/);
  expect(await darkPixels(page, 'archive-pdf-canvas')).toBeGreaterThan(2_000);
  await settled(page.getByRole('dialog', { name: /西湖游船/ }));
  await shot(page, '114-archive-viewer');
  expect(complaints).toEqual([]);

  // Zoom in: the page is drawn again, larger.
  const width = await canvas.evaluate((element) => (element as HTMLCanvasElement).width);
  await viewer.getByTestId('archive-pdf-zoom-in').click();
  await expect(canvas).toHaveAttribute('data-rendered', '1:3');
  expect(await canvas.evaluate((element) => (element as HTMLCanvasElement).width)).toBeGreaterThan(width);

  // Closed, the bytes are gone with the viewer; in English the same file opens again.
  await page.keyboard.press('Escape');
  await expect(viewer.getByTestId('archive-pdf-canvas')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('archive-tab-contracts')).toHaveText('Contracts');
  await expect(page.getByTestId('language-en')).toBeHidden();
  await shot(page, '115-archive-contracts-en');
  await row.click();
  await drawer.getByTestId('archive-file-1-view').click();
  await expect(viewer.getByTestId('archive-viewer-integrity')).toContainText('Integrity verified');
  await expect(viewer.getByTestId('archive-pdf-page')).toHaveText('Page 1 of 1');
  await expect(canvas).toHaveAttribute('data-rendered', /^1:/);
  await settled(page.getByRole('dialog', { name: /西湖游船/ }));
  await shot(page, '116-archive-viewer-en');

  // The work records the desk archived at each month's end.
  await page.keyboard.press('Escape');
  await expect(viewer.getByTestId('archive-pdf-canvas')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByTestId('archive-tab-records').click();
  await expect(page.getByTestId('archive-records')).toBeVisible();
  await shot(page, '120-archive-records-en');
});

/**
 * An uncompressed RGB PNG (so it spans two 1 MiB chunks): a white sheet with dark stripes, i.e.
 * a scanned authorisation as far as the viewer is concerned.
 */
function stripedPng(width: number, height: number): Buffer {
  const row = Buffer.alloc(1 + width * 3, 0xff);
  row[0] = 0; // filter: none
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const line = Buffer.from(row);
    if (Math.floor(y / 40) % 2 === 0) for (let x = 40; x < width - 40; x++) line.fill(0x20, 1 + x * 3, 4 + x * 3);
    rows.push(line);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('an agent attaches a guest’s written authorisation; a supervisor opens it after typing the password again', async ({
  page,
  demoDesk,
}, testInfo) => {
  const png = stripedPng(800, 600);
  expect(png.length).toBeGreaterThan(1024 * 1024);
  const pngPath = testInfo.outputPath('authorisation.png');
  fs.writeFileSync(pngPath, png);

  // The agent attaches it to the guest's profile, in two encrypted chunks; the agent may not open it.
  await page.goto(demoDesk.url);
  await signIn(page, 'agent', 'demo-agent-1');
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  await openGuestBySearch(page, 'C00000003');
  const documents = page.getByTestId('guest-drawer').getByTestId('customer-documents');
  await expect(documents.getByTestId('customer-document-row')).toHaveCount(0);
  await documents.getByTestId('customer-documents-add').click();
  const form = page.getByRole('dialog', { name: '上传客户资料' });
  await form.getByTestId('customer-document-title').fill('客人书面授权（变更入住人）');
  await form.locator('input[type="file"]').setInputFiles(pngPath);
  await form.getByTestId('customer-document-submit').click();
  await expect(form).toHaveCount(0);
  const row = documents.getByTestId('customer-document-row').filter({ hasText: '客人书面授权' });
  await expect(row).toContainText('authorisation.png');
  await expect(row).toContainText('无查看权限');
  const saved = page.getByRole('alert').filter({ hasText: '客户资料已加密保存' });
  await saved.getByRole('button').click();
  await expect(saved).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('guest-drawer').getByTestId('guest-name')).toHaveCount(0);

  // The supervisor reads customer documents, after typing the password again.
  await signOut(page);
  await signIn(page, 'supervisor', 'demo-supervisor-1');
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  await openGuestBySearch(page, 'C00000003');
  await expect(row).toContainText('李娜');
  await row.scrollIntoViewIfNeeded();
  await shot(page, '117-archive-guest-documents');
  await row.getByRole('button', { name: '查看' }).click();
  const confirm = page.getByRole('dialog', { name: '确认身份' });
  await expect(confirm).toContainText('分钟内有效');
  await confirm.getByTestId('archive-confirm-password').fill('not-the-password');
  await confirm.getByTestId('archive-confirm-submit').click();
  await expect(confirm.getByTestId('archive-confirm-error')).toBeVisible();
  await confirm.getByTestId('archive-confirm-password').fill('demo-supervisor-1');
  await confirm.getByTestId('archive-confirm-submit').click();
  const viewer = page.getByTestId('archive-viewer');
  await expect(viewer.getByTestId('archive-viewer-integrity')).toContainText('完整性已校验');
  await expect(viewer.getByTestId('archive-viewer-sha256')).toHaveText(createHash('sha256').update(png).digest('hex'));
  await expect.poll(() => darkPixels(page, 'archive-image-canvas')).toBeGreaterThan(100_000);
  await settled(page.getByRole('dialog', { name: /客人书面授权/ }));
  await shot(page, '118-archive-customer-document');
});

test('a file over the size limit is refused before it is sent; the director asks for a plaintext copy of a contract, a supervisor approves it at the desk, it downloads once, byte for byte', async ({
  page,
  demoDesk,
}, testInfo) => {
  const pdf = await contractPdf(page);
  const scanPath = testInfo.outputPath('scan.png');
  fs.writeFileSync(scanPath, stripedPng(800, 600));
  await page.goto(demoDesk.url);
  await signIn(page, 'admin', 'demo-admin-1');
  await expect(page.getByTestId('home-welcome')).toBeVisible();

  // The admin lowers the size limit to 1 MB: a 1.4 MB scan is refused in the form, before anything is sent.
  await page.getByTestId('nav-settings').click();
  const policy = page.getByTestId('settings-archive-policy');
  await policy.getByTestId('archive-policy-maxFileMb').fill('1');
  await policy.getByTestId('archive-policy-save').click();
  await expect(page.getByText('档案设置已保存')).toBeVisible();
  await page.getByTestId('nav-archive').click();
  await page.getByTestId('archive-contract-add').click();
  const form = page.getByTestId('archive-contract-modal');
  await expect(form).toContainText('不超过 1 MB');
  await form.locator('input[type="file"]').setInputFiles(scanPath);
  await expect(form).toContainText('文件超过 1 MB 的上限，请压缩或拆分后再上传');
  await form.getByTestId('archive-contract-counterparty').fill('杭州西湖游船有限公司');
  await form.getByTestId('archive-contract-project').fill('西湖游船');
  await form.getByTestId('archive-contract-number').fill(CONTRACT_NO);
  await form.getByTestId('archive-contract-submit').click();
  await expect(form.getByTestId('archive-upload-progress')).toHaveCount(0);
  await expect(form).toContainText('文件超过 1 MB 的上限');
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();

  // Filed through the contract's operations, as the admin's upload form sends them.
  const begun = await demoDesk.rpc('archive.upload.begin', {
    tier: 'contract',
    fileName: '西湖游船合同.pdf',
    mediaType: 'application/pdf',
    size: pdf.length,
  });
  const { uploadId } = begun.value as { uploadId: string };
  expect((await demoDesk.rpc('archive.upload.chunk', { uploadId, index: 0, data: pdf.toString('base64') })).ok).toBe(
    true,
  );
  const added = await demoDesk.rpc('archive.contracts.add', {
    uploadId,
    name: `西湖游船-${CONTRACT_NO}`,
    counterparty: '杭州西湖游船有限公司',
    project: '西湖游船',
    contractNo: CONTRACT_NO,
    signedOn: null,
    effectiveOn: null,
  });
  // The hotel's rule refuses a scenic area's kind of name, in words.
  expect(added.error?.code).toBe('ARCHIVE_NAME_INVALID');
  const again = await demoDesk.rpc('archive.upload.begin', {
    tier: 'contract',
    fileName: '西湖游船合同.pdf',
    mediaType: 'application/pdf',
    size: pdf.length,
  });
  const second = (again.value as { uploadId: string }).uploadId;
  await demoDesk.rpc('archive.upload.chunk', { uploadId: second, index: 0, data: pdf.toString('base64') });
  const filed = await demoDesk.rpc('archive.contracts.add', {
    uploadId: second,
    name: `20261115-${CONTRACT_NO}-西湖游船`,
    counterparty: '杭州西湖游船有限公司',
    project: '西湖游船',
    contractNo: CONTRACT_NO,
    signedOn: '2026-11-15',
  });
  expect(filed.ok).toBe(true);

  await signOut(page);
  await signIn(page, 'director', 'demo-director-1');
  await page.getByTestId('nav-archive').click();
  await page.getByTestId(`archive-contract-row-${CONTRACT_NO}`).click();
  const drawer = page.getByTestId('archive-document');
  await drawer.getByTestId('archive-file-1-request-download').click();
  const ask = page.getByRole('dialog', { name: '申请下载明文副本' });
  await ask.getByTestId('archive-download-reason').fill('向法院提交合同原件');
  await ask.getByTestId('archive-download-submit').click();

  // Held for approval with dual review (the director asks, a second person decides): a supervisor approves at the desk.
  const dialog = page.getByRole('dialog', { name: '此操作需要审批' });
  await expect(dialog.getByTestId('approval-held-operation')).toContainText(`20261115-${CONTRACT_NO}-西湖游船`);
  await expect(dialog.getByTestId('approval-awaiting')).toContainText('需要第二人复核');
  await fillApprovalRequest(page, {
    reason: '向法院提交合同原件',
    username: 'supervisor',
    password: 'demo-supervisor-1',
  });
  await dialog.getByTestId('approval-submit').click();
  await expect(dialog).toHaveCount(0);

  // Allowed once: the download is the archived file, byte for byte; then the allowance is used up.
  await expect(drawer.getByTestId('archive-file-1-download')).toBeVisible();
  await shot(page, '123-archive-download-allowed');
  const download = page.waitForEvent('download');
  await drawer.getByTestId('archive-file-1-download').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('西湖游船合同.pdf');
  expect(fs.readFileSync((await file.path())!).equals(pdf)).toBe(true);
  await expect(drawer.getByTestId('archive-file-1-download')).toHaveCount(0);
  await expect(drawer.getByTestId('archive-file-1-request-download')).toBeVisible();

  // A signed amendment as version 2; version 1 stays. The counterparty's name corrected in the details.
  const amendment = testInfo.outputPath('amendment.pdf');
  fs.writeFileSync(amendment, await contractPdf(page));
  await drawer.getByTestId('archive-new-version').click();
  const versionForm = page.getByRole('dialog', { name: '上传新版本' });
  await versionForm.locator('input[type="file"]').setInputFiles(amendment);
  await versionForm.getByTestId('archive-version-submit').click();
  await expect(drawer.getByTestId('archive-version-2')).toContainText('amendment.pdf');
  await expect(drawer.getByTestId('archive-version-1')).toContainText('西湖游船合同.pdf');
  await drawer.getByTestId('archive-contract-edit').click();
  const edit = page.getByRole('dialog', { name: '编辑合同档案信息' });
  await expect(edit.getByTestId('archive-contract-name')).toHaveValue(`20261115-${CONTRACT_NO}-西湖游船`);
  await edit.getByTestId('archive-contract-counterparty').fill('杭州西湖游船集团有限公司');
  await edit.getByTestId('archive-contract-submit').click();
  await expect(edit).toHaveCount(0);
  await expect(drawer).toContainText('杭州西湖游船集团有限公司');
  await settled(page.getByRole('dialog'));
  await shot(page, '124-archive-versions');

  // A flipped byte in version 1's stored ciphertext: the viewer says so and shows nothing; the attempt is audited.
  await page.getByRole('alert').filter({ hasText: '合同档案信息已保存' }).getByRole('button').click();
  flipStoredByte(demoDesk.dataDir, '西湖游船合同.pdf');
  await drawer.getByTestId('archive-file-1-view').click();
  const viewer = page.getByTestId('archive-viewer');
  await expect(viewer.getByTestId('archive-viewer-error')).toContainText('校验失败');
  await expect(viewer.getByTestId('archive-pdf-canvas')).toHaveCount(0);
  await expect(viewer.getByTestId('archive-viewer-integrity')).toHaveCount(0);
  await settled(page.getByRole('dialog', { name: /第 1 版/ }));
  await shot(page, '125-archive-damaged');
  expect(auditOutcomes(demoDesk.dataDir, 'archive.open')).toEqual(['failed']);
});
