import { readFileSync, existsSync } from 'node:fs';
import type { Section } from './report';
import { runLicenceBenches } from './licences';
import { benchRegistration } from './registration';
import { taxBenchSection } from './tax';
import { benchApprovalLatency } from './delegation';
import { firmBenchSection } from './firms';
import { benchIdentity } from './identity-bench';
import { lifecycleBenchSection } from './lifecycle-bench';
import { firmToolsBenchSection } from './firm-tools-bench';

/** Counts recorded by the Playwright flows (clicks, typed fields), if the e2e suite has run. */
const e2eCount = (file: string, key: string): string => {
  const path = `e2e/.generated/${file}`;
  if (!existsSync(path)) return 'not recorded (run npm run test:e2e first)';
  const value = (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>)[key];
  return String(value);
};

const licences = async (): Promise<Section> => {
  const figures = await runLicenceBenches({ walletSize: 200 });
  return {
    title: 'Electronic licences',
    method:
      'SM2 (sm-crypto-v2) verification of signed licences offline; issuance through issueLicence in its own transaction on in-memory PGlite; the wallet API of a company holding 200 licences through the whole HTTP stack (inject).',
    rows: figures.map((f): [string, string] => [
      f.name,
      `${f.value.toLocaleString('en')} ${f.unit}${f.detail ? ` (${f.detail})` : ''}`,
    ]),
  };
};

const registration = async (): Promise<Section> => {
  const r = await benchRegistration({ runs: 10 });
  return {
    title: r.title,
    method:
      'Submit of a complete one-shareholder LLC application to the issued business licence on the automated path, in-process on embedded PGlite.',
    rows: [
      ...r.rows,
      [
        'fields a known person types to open a one-shareholder LLC (e2e flow)',
        e2eCount('registration-fields.json', 'typedFields'),
      ],
    ],
  };
};

const tax = async (): Promise<Section> => {
  const s = await taxBenchSection();
  return {
    ...s,
    rows: [
      ...s.rows,
      [
        'clicks from the dashboard to an accepted zero return (e2e flow)',
        e2eCount('zero-filing-clicks.json', 'clicks'),
      ],
    ],
  };
};

/** Feature benchmarks, run after the platform ones. */
export const featureBenches: { name: string; fn: () => Promise<Section> | Section }[] = [
  {
    name: 'delegation',
    fn: async () => {
      const r = await benchApprovalLatency({ runs: 10 });
      return { title: r.title, method: r.method, rows: r.rows };
    },
  },
  { name: 'licences', fn: licences },
  { name: 'registration', fn: registration },
  { name: 'tax', fn: tax },
  { name: 'firms', fn: () => firmBenchSection() },
  { name: 'identity', fn: () => benchIdentity({ quick: process.argv.includes('--quick') }) },
  { name: 'lifecycle', fn: () => lifecycleBenchSection() },
  {
    name: 'firm-tools',
    fn: () => firmToolsBenchSection({ quick: process.argv.includes('--quick') }),
  },
];
