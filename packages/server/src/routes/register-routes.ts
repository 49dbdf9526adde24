import type { FastifyPluginAsync } from 'fastify';
import { accountLinkRoutes } from './auth/account-links.routes.ts';
import { accountRoutes } from './auth/account.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { availabilityRoutes } from './availability/availability.routes.ts';
import { bookingCalendarRoutes } from './bookings/booking-calendar.routes.ts';
import { bookingRoutes } from './bookings/bookings.routes.ts';
import { catalogRoutes } from './catalog/catalog.routes.ts';
import { clinicalRoutes } from './clinical/clinical.routes.ts';
import { documentRoutes } from './documents/documents.routes.ts';
import { knowledgeRoutes } from './knowledge/knowledge.routes.ts';
import { intakeRoutes } from './safety/intake.routes.ts';
import { safetyRoutes } from './safety/safety.routes.ts';
import { treatmentRoutes } from './treatment/treatment.routes.ts';
import { healthRoutes } from './health.routes.ts';
import { identityRoutes } from './identity/identity.routes.ts';
import { measureRequestRoutes } from './outcomes/measure-requests.routes.ts';
import { outcomeRoutes } from './outcomes/outcomes.routes.ts';
import { referralRoutes } from './referrals/referrals.routes.ts';
import { waitlistRoutes } from './waitlist/waitlist.routes.ts';
import { fhirRoutes } from './fhir/fhir.routes.ts';
import { staffRoutes } from './staff/staff.routes.ts';
import { staffUserRoutes } from './staff/users.routes.ts';
import { portalSignInRoutes } from './portal/portal-sign-in.routes.ts';
import { portalRoutes } from './portal/portal.routes.ts';
import { portalRecordRoutes } from './portal/portal-record.routes.ts';
import { portalDownloadRoutes } from './portal/portal-download.routes.ts';
import { portalRequestStaffRoutes } from './portal/portal-requests-staff.routes.ts';
import { portalIntakeRoutes } from './portal/portal-intake.routes.ts';
import { articleRoutes } from './education/articles.routes.ts';

/** Every route module, mounted under /api. Add a module here to expose it. */
export const registerRoutes: FastifyPluginAsync = async (app) => {
  for (const routes of [
    healthRoutes,
    catalogRoutes,
    availabilityRoutes,
    bookingRoutes,
    bookingCalendarRoutes,
    waitlistRoutes,
    authRoutes,
    accountRoutes,
    accountLinkRoutes,
    staffRoutes,
    staffUserRoutes,
    knowledgeRoutes,
    clinicalRoutes,
    intakeRoutes,
    safetyRoutes,
    treatmentRoutes,
    identityRoutes,
    outcomeRoutes,
    measureRequestRoutes,
    referralRoutes,
    documentRoutes,
    portalSignInRoutes,
    portalRoutes,
    portalRecordRoutes,
    portalDownloadRoutes,
    portalRequestStaffRoutes,
    portalIntakeRoutes,
    articleRoutes,
  ]) {
    await app.register(routes);
  }
  // FHIR R4 (docs/fhir.md): its own prefix, so its errors and unknown paths answer as OperationOutcomes.
  await app.register(fhirRoutes, { prefix: '/fhir/R4' });
};
