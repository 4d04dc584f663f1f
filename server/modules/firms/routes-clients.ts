import { attachmentIn } from '../../http/download-name';
import { and, eq } from 'drizzle-orm';
import { implement } from '../../http/route';
import { firmsClientsApi } from '../../../shared/api/contracts/firms-clients';
import { HttpError } from '../../http/errors';
import { firmSavedViews } from '../../db/schema';
import { RosterFilters } from '../../../shared/firms/roster-filter';
import { text } from '../../../shared/text';
import { announce } from '../delegation';
import { requireFirmAdmin, requireFirmMember } from './access';
import { addClient, requestClientDelegation, requestHandover } from './clients';
import { buildRoster } from './roster';
import { importClients, readImportSheet } from './import';
import { importTemplate, rosterWorkbook, xlsxType } from './export';

const rosterRoute = implement(firmsClientsApi.roster, async ({ app, params, actor }) =>
  buildRoster(app, await requireFirmMember(app.db, params.firmId, actor.personId)),
);

const rosterXlsxRoute = implement(firmsClientsApi.rosterXlsx, async ({ app, params, actor, reply, lang }) => {
  const roster = await buildRoster(app, await requireFirmMember(app.db, params.firmId, actor.personId));
  void reply.header('content-type', xlsxType);
  void reply.header(
    'content-disposition',
    attachmentIn(lang, text(`客户名册-${roster.today}.xlsx`, `client-roster-${roster.today}.xlsx`)),
  );
  return rosterWorkbook(roster, lang);
});

const viewsRoute = implement(firmsClientsApi.views, async ({ app, params, actor }) => {
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
});

const saveViewRoute = implement(firmsClientsApi.saveView, async ({ db, params, actor, body }) => {
  await requireFirmMember(db, params.firmId, actor.personId);
  await db
    .insert(firmSavedViews)
    .values({ firmId: params.firmId, personId: actor.personId, name: body.name, filters: body.filters })
    .onConflictDoUpdate({
      target: [firmSavedViews.firmId, firmSavedViews.personId, firmSavedViews.name],
      set: { filters: body.filters },
    });
  return { ok: true as const };
});

const deleteViewRoute = implement(firmsClientsApi.deleteView, async ({ app, params, actor }) => {
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
});

const addClientRoute = implement(firmsClientsApi.addClient, async ({ db, params, actor, body }) =>
  addClient(db, await requireFirmAdmin(db, params.firmId, actor.personId), body),
);

const requestRoute = implement(firmsClientsApi.request, async ({ app, db, params, actor, body }) => {
  const m = await requireFirmMember(db, params.firmId, actor.personId);
  const { row, ...result } = await requestClientDelegation(app, db, m, params.companyId, body);
  await announce(app, row, 'requested', db);
  return result;
});

const handoverRoute = implement(firmsClientsApi.handover, async ({ app, db, params, actor, body }) => {
  const m = await requireFirmMember(db, params.firmId, actor.personId);
  const { row, ...result } = await requestHandover(app, db, m, params.companyId, body);
  await announce(app, row, 'requested', db);
  return result;
});

const importRoute = implement(firmsClientsApi.import, async ({ app, params, actor, body }) => {
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
});

const templateRoute = implement(firmsClientsApi.template, async ({ app, params, actor, reply, lang }) => {
  await requireFirmMember(app.db, params.firmId, actor.personId);
  void reply.header('content-type', xlsxType);
  void reply.header(
    'content-disposition',
    attachmentIn(lang, text('客户导入模板.xlsx', 'client-import-template.xlsx')),
  );
  return importTemplate(lang);
});

export const clientRoutes = [
  rosterRoute,
  rosterXlsxRoute,
  viewsRoute,
  saveViewRoute,
  deleteViewRoute,
  addClientRoute,
  requestRoute,
  handoverRoute,
  importRoute,
  templateRoute,
];
