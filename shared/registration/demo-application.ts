import { syntheticResidentId, syntheticUscc } from '../identifiers/generate';
import { type Application, Services } from './application';
import { branchesOf } from './banks';

/**
 * A complete, valid application for an invented company (demo data and tests). Every person and
 * company is synthetic; identifiers are computed, never copied from real people.
 */
export const demoApplication = (establishmentDate = '2025-03-01'): Application => {
  const year = Number(establishmentDate.slice(0, 4));
  const due = `${year + 4}${establishmentDate.slice(4)}`;
  const branch = branchesOf('102', '440100')[3];
  return {
    companyType: 'llc',
    name: '广州市云帆信息科技有限公司',
    domicile: { divisionCode: '440106', street: '天河路 385 号 20 层 2001 室' },
    registeredCapital: '1000000.00',
    shareholders: [
      {
        kind: 'person',
        name: '林晓岚',
        residentId: syntheticResidentId(101, { division: '440106', birthDate: '19860312', gender: 'female' }),
        contribution: { amount: '600000.00', form: 'cash', dueDate: due },
      },
      {
        kind: 'person',
        name: '陈志远',
        residentId: syntheticResidentId(102, { division: '440104', birthDate: '19820725', gender: 'male' }),
        contribution: { amount: '250000', form: 'ip', dueDate: due },
      },
      {
        kind: 'company',
        name: '广州市星河投资管理有限公司',
        uscc: syntheticUscc(103, '440106'),
        contribution: { amount: '150000.00', form: 'cash', dueDate: establishmentDate },
      },
    ],
    officers: {
      people: [
        {
          ref: 'p1',
          name: '林晓岚',
          residentId: syntheticResidentId(101, {
            division: '440106',
            birthDate: '19860312',
            gender: 'female',
          }),
          phone: '13800000001',
        },
        {
          ref: 'p2',
          name: '陈志远',
          residentId: syntheticResidentId(102, { division: '440104', birthDate: '19820725', gender: 'male' }),
          phone: '13800000002',
        },
        {
          ref: 'p3',
          name: '黄雅琪',
          residentId: syntheticResidentId(104, {
            division: '440105',
            birthDate: '19930118',
            gender: 'female',
          }),
          phone: '13800000003',
        },
        {
          ref: 'p4',
          name: '周明',
          residentId: syntheticResidentId(105, { division: '440111', birthDate: '19900904', gender: 'male' }),
          phone: '13800000004',
        },
      ],
      legalRepresentative: { ref: 'p1', capacity: 'director' },
      governance: { kind: 'single-director', director: 'p1' },
      manager: 'p2',
      supervision: { kind: 'supervisor', supervisor: 'p3' },
      financeOfficer: 'p4',
      liaison: 'p4',
    },
    businessScope: ['I651301', 'I656001', 'I653101', 'F527301', 'I642001', 'F522601'],
    services: {
      ...Services.parse({}),
      bankAccount: { enabled: true, bankCode: '102', branchCode: branch?.code },
    },
  };
};
