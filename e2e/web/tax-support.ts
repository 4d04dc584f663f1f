import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { generatedDir } from '../support/paths';
import { demoCompanies } from '../../server/seed/demo-data';
import { makeInvoiceRows, rowsToCsv } from '../../server/seed/invoice-fixtures';
import { INVOICE_EXPORT_HEADERS } from '../../server/modules/tax/invoice-import';

/** Page objects and fixtures of the tax specs (readonly locators + intent methods). */

export const YUNFAN_TECH = '广州市云帆信息科技有限公司';
export const YUNFAN_FOOD = '广州市云帆餐饮管理有限公司';

/**
 * A synthetic 全量发票查询 export of 云帆信息科技 for 2026 Q3 with two bad rows (an impossible date,
 * a duplicated line), written under e2e/.generated.
 */
export const invoiceExportFile = (): string => {
  const demo = demoCompanies.find((c) => c.key === 'yunfan-tech');
  if (!demo) throw new Error('demo company missing');
  const rows = makeInvoiceRows({
    company: { uscc: demo.uscc, name: demo.name },
    rows: 60,
    seed: 3,
    period: { type: 'quarter', year: 2026, quarter: 3 },
  });
  const dateColumn = INVOICE_EXPORT_HEADERS.indexOf('开票日期');
  const bad = rows.map((r, i) => (i === 5 ? r.map((c, j) => (j === dateColumn ? '2026-09-31' : c)) : r));
  mkdirSync(generatedDir, { recursive: true });
  const file = join(generatedDir, '全量发票查询-云帆信息-2026Q3.csv');
  writeFileSync(file, rowsToCsv([...bad, bad[10]!], { bom: true }));
  return file;
};

export class TaxDue {
  constructor(readonly scope: Locator) {}
  item(tax: 'vat' | 'cit-prepay', periodKey: string, company?: string): Locator {
    const items = this.scope.locator(
      `[data-testid="due-item"][data-tax="${tax}"][data-period="${periodKey}"]`,
    );
    return company ? items.filter({ hasText: company }) : items;
  }
}

export class FilingForm {
  readonly title: Locator;
  readonly total: Locator;
  readonly submit: Locator;
  readonly confirm: Locator;
  readonly declaration: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId('form-title');
    this.total = page.getByTestId('total-payable').first();
    this.submit = page.getByTestId('submit-return');
    this.confirm = page.getByTestId('confirm-submit');
    this.declaration = page.getByTestId('declaration');
  }

  field(path: string): Locator {
    return this.page.getByTestId(`field-${path}`);
  }

  async importInvoices(file: string): Promise<void> {
    await this.page.getByTestId('invoice-panel').locator('input[type=file]').setInputFiles(file);
    await this.page.getByTestId('invoice-report').waitFor();
  }
}

export class ReturnView {
  readonly receipt: Locator;
  readonly amount: Locator;
  readonly pay: Locator;
  readonly voucher: Locator;
  readonly certificate: Locator;
  readonly correct: Locator;
  readonly versions: Locator;

  constructor(readonly page: Page) {
    this.receipt = page.getByTestId('receipt-number');
    this.amount = page.getByTestId('payment-amount');
    this.pay = page.getByTestId('pay');
    this.voucher = page.getByTestId('voucher-number');
    this.certificate = page.getByTestId('certificate-number');
    this.correct = page.getByTestId('start-correction');
    this.versions = page.getByTestId('versions');
  }
}
