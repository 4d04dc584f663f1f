import type { AnnualReportContent } from './annual-report-fields';

/** A complete, valid report for tests (invented figures). */
export const sampleContent = (): AnnualReportContent => ({
  address: '广东省广州市天河区天河路 385 号',
  postcode: '510620',
  phone: '020-38880000',
  email: 'office@example.cn',
  operatingStatus: 'operating',
  websites: [],
  investments: [],
  shareholders: [
    {
      name: '陈志明',
      subscribed: { amount: '1000000.00', date: '2029-06-18', form: 'cash' },
      paid: { amount: '300000.00', date: '2024-01-10', form: 'cash' },
    },
  ],
  equityTransfers: [],
  headcount: 12,
  totalAssets: '2500000.00',
  totalLiabilities: '800000.00',
  guaranteesGiven: '0',
  ownersEquity: '1700000.00',
  totalRevenue: '3200000.00',
  mainBusinessRevenue: '3100000.00',
  totalProfit: '-15000.00',
  netProfit: '-20000.50',
  totalTaxPaid: '96000.00',
  socialInsurance: { pension: 12, unemployment: 12, medical: 12, workInjury: 12, maternity: 12 },
});
