import { and, eq } from 'drizzle-orm';
import { defineRoute } from '../../http/route';
import { HttpError } from '../../http/errors';
import { firmSavedViews } from '../../db/schema';
import {
  AddClientBody,
  ClientAdded,
  Done,
  FirmClientParams,
  FirmDelegationRequestBody,
  FirmParams,
  FirmRequestResult,
  FirmViewParams,
  ImportBody,
  ImportReport,
  Roster,
  SavedViews,
  SaveViewBody,
} from '../../../shared/api/firms';
import { RosterFilters } from '../../../shared/firms/roster-filter';
import { text } from '../../../shared/text';
import { attachmentIn } from '../../http/download-name';
import { afterResponse } from '../delegation';
import { announce } from '../delegation';
import { requireFirmAdmin, requireFirmMember } from './access';
import { addClient, requestClientDelegation } from './clients';
import { buildRoster } from './roster';
import { importClients, readImportSheet } from './import';
import { importTemplate, rosterWorkbook, xlsxType } from './export';

const tags = ['firms'];


const rosterRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/firms/:firmId/roster',
  summary: 'The client roster as a compact table (all clients for an admin, one’s groups’ for staff)',
  tags,
  access: { kind: 'user' },
  params: FirmParams,
  response: Roster,
  handler: async ({ app, params, actor }) =>
    buildRoster(app, await requireFirmMember(app.db, params.firmId, actor.personId)),
});

const rosterXlsxRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/firms/:firmId/roster.xlsx',
  summary: 'The client roster as an Excel workbook',
  tags,
  access: { kind: 'user' },
  params: FirmParams,
  produces: xlsxType,
  handler: async ({ app, params, actor, reply, lang }) => {
    const roster = await buildRoster(app, await requireFirmMember(app.db, params.firmId, actor.personId));
    void reply.header('content-type', xlsxType);
    void reply.header(
      'content-disposition',
      attachmentIn(lang, text(`客户名册-${roster.today}.xlsx`, `client-roster-${roster.today}.xlsx`)),
    );
    return rosterWorkbook(roster, lang);
  },
});

const viewsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/firms/:firmId/views',
  summary: 'My saved roster views',
  tags,
  access: { kind: 'user' },
  params: FirmParams,
  response: SavedViews,
  handler: async ({ app, params, actor }) => {
    await requireFirmMember(app.db, params.firmId, actor.personId);
    const rows = await app.db
      .select()
      .from(firmSavedViews)
      .where(and(eq(firmSavedViews.firmId, params.firmId), eq(firmSavedViews.personId, actor.personId)))
      .orderBy(firmSavedViews.createdAt);
    return {
      views: rows.flatMap((r) => {
        const f = RosterFilters.safeParse(r.filters);
        return f.success ? [{ id: r.id, name: r.name, filters: f.data }] : [];
      }),
    };
  },
});

const saveViewRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/firms/:firmId/views',
  summary: 'Save the current roster filter under a name (replaces a view of the same name)',
  tags,
  access: { kind: 'user' },
  params: FirmParams,
  body: SaveViewBody,
  response: Done,
  idempotent: true,
  handler: async ({ db, params, actor, body }) => {
    await requireFirmMember(db, params.firmId, actor.personId);
    await db
      .insert(firmSavedViews)
      .values({ firmId: params.firmId, personId: actor.personId, name: body.name, filters: body.filters })
      .onConflictDoUpdate({
        target: [firmSavedViews.firmId, firmSavedViews.personId, firmSavedViews.name],
        set: { filters: body.filters },
      });
    return { ok: true as const };
  },
});

const deleteViewRoute = defineRoute({
  method: 'DELETE',
  url: '/api/v1/firms/:firmId/views/:viewId',
  summary: 'Delete one of my saved roster views',
  tags,
  access: { kind: 'user' },
  params: FirmViewParams,
  response: Done,
  handler: async ({ app, params, actor }) => {
    await requireFirmMember(app.db, params.firmId, actor.personId);
    await app.db
      .delete(firmSavedViews)
      .where(
        and(
          eq(firmSavedViews.id, params.viewId),
          eq(firmSavedViews.firmId, params.firmId),
          eq(firmSavedViews.personId, actor.personId),
        ),
      );
    return { ok: true as const };
  },
});

const addClientRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/firms/:firmId/clients',
  summary: 'Add a client company (registered on the platform) by its USCC, optionally into a group',
  tags,
  access: { kind: 'user' },
  params: FirmParams,
  body: AddClientBody,
  response: ClientAdded,
  idempotent: true,
  handler: async ({ db, params, actor, body }) =>
    addClient(db, await requireFirmAdmin(db, params.firmId, actor.personId), body),
});

const requestRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/firms/:firmId/clients/:companyId/delegation-requests',
  summary:
    'Onboarding: ask the client’s legal representative to authorize the firm (face-verified approval link)',
  tags,
  access: { kind: 'user' },
  params: FirmClientParams,
  body: FirmDelegationRequestBody,
  response: FirmRequestResult,
  status: 201,
  idempotent: true,
  handler: async ({ app, db, params, actor, body, reply }) => {
    const m = await requireFirmMember(db, params.firmId, actor.personId);
    const { row, ...result } = await requestClientDelegation(app, db, m, params.companyId, body);
    afterResponse(reply, () => announce(app, row, 'requested'));
    return result;
  },
});

const importRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/firms/:firmId/clients/import',
  summary: 'Import clients from Excel (USCC, name, contact, group): a per-row report; dryRun checks only',
  tags,
  access: { kind: 'user' },
  params: FirmParams,
  body: ImportBody,
  response: ImportReport,
  bodyLimit: 15 * 1024 * 1024,
  handler: async ({ app, params, actor, body }) => {
    const m = await requireFirmAdmin(app.db, params.firmId, actor.personId);
    if (!body.fileName.toLowerCase().endsWith('.xlsx'))
      throw new HttpError(
        422,
        'IMPORT_FILE_TYPE',
        text('请上传 .xlsx 格式的 Excel 文件。', 'Upload an Excel .xlsx file.'),
        'fileName',
      );
    const cells = await readImportSheet(Buffer.from(body.contentBase64, 'base64'));
    if (cells.length === 0)
      throw new HttpError(
        422,
        'IMPORT_EMPTY',
        text('表格中没有数据行。', 'The sheet has no data rows.'),
        'contentBase64',
      );
    return app.db.transaction((tx) => importClients(app, tx, m, cells, body.dryRun));
  },
});

const templateRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/firms/:firmId/clients/import-template.xlsx',
  summary: 'An empty client import sheet with the expected headers',
  tags,
  access: { kind: 'user' },
  params: FirmParams,
  produces: xlsxType,
  handler: async ({ app, params, actor, reply, lang }) => {
    await requireFirmMember(app.db, params.firmId, actor.personId);
    void reply.header('content-type', xlsxType);
    void reply.header(
      'content-disposition',
      attachmentIn(lang, text('客户导入模板.xlsx', 'client-import-template.xlsx')),
    );
    return importTemplate(lang);
  },
});

export const clientRoutes = [
  rosterRoute,
  rosterXlsxRoute,
  viewsRoute,
  saveViewRoute,
  deleteViewRoute,
  addClientRoute,
  requestRoute,
  importRoute,
  templateRoute,
];
