import { validateResidentId } from '../identifiers/resident-id';
import type { Application } from './application';
import { type ApplicationProblem, problem } from './application-problem';
import { addYears } from './dates';

/** Organs and roles (公司法 2023 arts. 10, 68, 75, 76, 83, 178). */

const ADULT_AGE = 18;

type RoleRef = { field: string; ref: string; label: string };

const roleRefs = (o: Application['officers']): RoleRef[] => {
  const refs: RoleRef[] = [
    { field: 'officers.legalRepresentative.ref', ref: o.legalRepresentative.ref, label: '法定代表人' },
    { field: 'officers.financeOfficer', ref: o.financeOfficer, label: '财务负责人' },
    { field: 'officers.liaison', ref: o.liaison, label: '联络员' },
  ];
  if (o.governance.kind === 'single-director') {
    refs.push({ field: 'officers.governance.director', ref: o.governance.director, label: '董事' });
  } else {
    o.governance.directors.forEach((ref, i) =>
      refs.push({ field: `officers.governance.directors.${i}`, ref, label: '董事' }),
    );
    refs.push({ field: 'officers.governance.chair', ref: o.governance.chair, label: '董事长' });
  }
  if (o.manager !== undefined) refs.push({ field: 'officers.manager', ref: o.manager, label: '经理' });
  if (o.supervision.kind === 'supervisor') {
    refs.push({ field: 'officers.supervision.supervisor', ref: o.supervision.supervisor, label: '监事' });
  }
  return refs;
};

const directorsOf = (o: Application['officers']): string[] =>
  o.governance.kind === 'single-director' ? [o.governance.director] : o.governance.directors;

export const checkOfficers = (app: Application, establishmentDate: string): ApplicationProblem[] => {
  const out: ApplicationProblem[] = [];
  const o = app.officers;
  const people = new Map<string, number>();
  const birthDates = new Map<string, string>();
  const ids = new Map<string, number>();

  o.people.forEach((p, i) => {
    if (people.has(p.ref)) {
      out.push(
        problem(
          'DUPLICATE_PERSON_REF',
          `officers.people.${i}.ref`,
          '人员编号重复',
          'Duplicate person reference',
        ),
      );
    } else people.set(p.ref, i);
    const verdict = validateResidentId(p.residentId, 'normalized', establishmentDate);
    if (!verdict.valid) {
      out.push(
        problem(
          'RESIDENT_ID_INVALID',
          `officers.people.${i}.residentId`,
          `身份证号码无效（${verdict.errors.join('、')}）`,
          `Invalid resident ID (${verdict.errors.join(', ')})`,
        ),
      );
      return;
    }
    if (verdict.details.birthDate) birthDates.set(p.ref, verdict.details.birthDate);
    const first = ids.get(verdict.normalized);
    if (first !== undefined) {
      out.push(
        problem(
          'DUPLICATE_PERSON',
          `officers.people.${i}.residentId`,
          `与第 ${first + 1} 位人员是同一人：每人只需录入一次`,
          `Same person as no. ${first + 1}: enter each person once`,
        ),
      );
    } else ids.set(verdict.normalized, i);
  });

  const refs = roleRefs(o);
  for (const r of refs) {
    if (!people.has(r.ref)) {
      out.push(
        problem(
          'REF_UNKNOWN',
          r.field,
          `${r.label}不在人员名单中`,
          'This role points at a person not in the list',
        ),
      );
    }
  }

  const directors = directorsOf(o);
  if (o.governance.kind === 'board') {
    if (new Set(directors).size !== directors.length) {
      out.push(
        problem(
          'DUPLICATE_DIRECTOR',
          'officers.governance.directors',
          '董事重复',
          'A director is listed twice',
        ),
      );
    }
    if (new Set(directors).size < 3) {
      out.push(
        problem(
          'BOARD_TOO_SMALL',
          'officers.governance.directors',
          '董事会成员应为三人以上；规模较小的公司可以只设一名董事',
          'A board has at least 3 members; a small company may have a single director instead',
        ),
      );
    }
    if (!directors.includes(o.governance.chair)) {
      out.push(
        problem(
          'BOARD_CHAIR_NOT_DIRECTOR',
          'officers.governance.chair',
          '董事长应为董事之一',
          'The chair must be one of the directors',
        ),
      );
    }
  }

  const rep = o.legalRepresentative;
  const repHolds = rep.capacity === 'director' ? directors.includes(rep.ref) : o.manager === rep.ref;
  if (!repHolds) {
    out.push(
      problem(
        'LEGAL_REP_NOT_DIRECTOR_OR_MANAGER',
        'officers.legalRepresentative',
        rep.capacity === 'director'
          ? '法定代表人应由执行公司事务的董事担任，但此人不是董事'
          : '法定代表人应由经理担任，但此人不是经理',
        rep.capacity === 'director'
          ? 'The legal representative acts as a director but is not one'
          : 'The legal representative acts as manager but is not the manager',
      ),
    );
  }

  if (o.supervision.kind === 'omitted') {
    if (!o.supervision.allShareholdersConsent) {
      out.push(
        problem(
          'SUPERVISOR_OR_CONSENT',
          'officers.supervision',
          '不设监事须经全体股东一致同意；否则请指定一名监事',
          'Omitting the supervisor needs all shareholders’ consent; otherwise name a supervisor',
        ),
      );
    }
  } else {
    const s = o.supervision.supervisor;
    if (directors.includes(s) || o.manager === s || o.financeOfficer === s) {
      out.push(
        problem(
          'SUPERVISOR_CONFLICT',
          'officers.supervision.supervisor',
          '董事、高级管理人员（经理、财务负责人）不得兼任监事',
          'Directors and senior managers (manager, finance officer) may not also be the supervisor',
        ),
      );
    }
  }

  // art. 178: a person without full civil capacity may not be a director, supervisor or manager.
  const seen = new Set<string>();
  for (const r of refs) {
    const born = birthDates.get(r.ref);
    if (r.label === '联络员' || seen.has(r.ref) || !born) continue;
    seen.add(r.ref);
    if (addYears(born, ADULT_AGE) > establishmentDate) {
      out.push(
        problem(
          'OFFICER_MINOR',
          r.field,
          `${r.label}在成立日未满 18 周岁，不得担任`,
          'This person is under 18 on the establishment date and may not hold the office',
        ),
      );
    }
  }
  return out;
};
