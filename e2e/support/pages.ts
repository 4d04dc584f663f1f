import type { Locator, Page } from '@playwright/test';

/** Page object for sign-in: readonly locators and intent methods. */
export class SignInPage {
  readonly login: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.login = page.getByLabel(/手机号或身份证号|Phone or resident ID/);
    this.password = page.getByLabel(/^密码$|^Password$/);
    this.submit = page.getByRole('button', { name: /登\s*录|Sign in/ });
  }

  async signIn(login: string, password = 'Demo@2026'): Promise<void> {
    await this.page.goto('/sign-in');
    await this.login.fill(login);
    await this.password.fill(password);
    await this.submit.click();
    await this.page.getByTestId('account-menu').waitFor();
  }
}

export const demo = {
  chen: '13800000001',
  li: '13800000002',
  wang: '13800000003',
  huang: '13800000004',
  zhou: '13800000005',
  zhao: '13800000006',
  liu: '13800000007',
  sun: '13800000008',
} as const;
