import { implement } from '../../http/route';
import { firmsAnnualReportsApi } from '../../../shared/api/contracts/firms-annual-reports';
import { afterResponse } from '../delegation';
import { requireFirmMember } from './access';
import { reviewAnnualReports } from './annual-report-review';
import { batchViewOf, createAnnualReportBatch, firmRunner } from './firm-batches';

const reviewRoute = implement(firmsAnnualReportsApi.review, async ({ app, params, actor, body }) =>
  reviewAnnualReports(app, await requireFirmMember(app.db, params.firmId, actor.personId), {
    ...body,
    now: app.now(),
  }),
);

const startRoute = implement(firmsAnnualReportsApi.start, async ({ app, db, params, actor, body, reply }) => {
  const batch = await createAnnualReportBatch(
    app,
    db,
    await requireFirmMember(db, params.firmId, actor.personId),
    body,
  );
  afterResponse(reply, async () => firmRunner(app).kick(batch.id));
  return batchViewOf(db, batch);
});

export const annualReportBatchRoutes = [reviewRoute, startRoute];
