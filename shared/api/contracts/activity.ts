import { defineContract } from '../contract';
import { CompanyParams } from '../companies';
import { ActivityPage, ActivityQuery } from '../activity';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A company's activity log (操作日志): everything any delegate or firm did for it. Only its legal
 * representative may read it (checked in the handler: the scope alone would admit delegates).
 */
export const activityApi = {
  list: defineContract({
    method: 'GET',
    path: '/api/v1/companies/:companyId/activity',
    summary: 'The company’s activity log, newest first, filtered by actor, action and China dates',
    tags: ['companies'],
    access: { kind: 'company', scope: 'view' },
    params: CompanyParams,
    query: ActivityQuery,
    response: ActivityPage,
  }),
  xlsx: defineContract({
    method: 'GET',
    path: '/api/v1/companies/:companyId/activity.xlsx',
    summary: 'The filtered activity log as an Excel workbook',
    tags: ['companies'],
    access: { kind: 'company', scope: 'view' },
    params: CompanyParams,
    query: ActivityQuery,
    produces: xlsxType,
  }),
};
