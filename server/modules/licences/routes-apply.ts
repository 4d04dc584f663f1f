import { and, eq } from 'drizzle-orm';
import { implement } from '../../http/route';
import { licencesApplyApi } from '../../../shared/api/contracts/licences-apply';
import { notFound } from '../../http/errors';
import { companies, licenceApplications } from '../../db/schema';
import { text } from '../../../shared/text';
import { loadApplication, loadApplications } from './application-views';
import { checklistFor } from './checklist';
import { submitApplication } from './submit';
import { storeUpload } from './uploads';

const checklistRoute = implement(licencesApplyApi.checklist, async ({ app, params }) =>
  checklistFor(app.db, params.companyId, params.serviceCode, app.now()),
);

const uploadRoute = implement(licencesApplyApi.upload, async ({ app, authority, body }) =>
  app.db.transaction((tx) => storeUpload(tx, authority, body, app.now())),
);

const submitRoute = implement(licencesApplyApi.submit, async ({ app, db, authority, body }) => {
  const id = await submitApplication(db, app, authority, body);
  const view = await loadApplication(db, eq(licenceApplications.id, id));
  if (!view) throw new Error('submitted application vanished');
  const [company] = await db
    .select({ rep: companies.legalRepPersonId })
    .from(companies)
    .where(eq(companies.id, authority.companyId));
  await app.bus.publishTo(
    [authority.personId, company?.rep ?? authority.personId],
    {
      type: 'licence.application.submitted',
      data: { companyId: authority.companyId, applicationId: id },
    },
    db,
  );
  return view;
});

const listRoute = implement(licencesApplyApi.list, async ({ app, params }) => ({
  applications: await loadApplications(app.db, eq(licenceApplications.companyId, params.companyId)),
}));

const detailRoute = implement(licencesApplyApi.detail, async ({ app, params }) => {
  const view = await loadApplication(
    app.db,
    and(
      eq(licenceApplications.id, params.applicationId),
      eq(licenceApplications.companyId, params.companyId),
    ),
  );
  if (!view) throw notFound(text('申请', 'Application'));
  return view;
});

export const applyRoutes = [checklistRoute, uploadRoute, submitRoute, listRoute, detailRoute];
