/**
 * `api::learning.progress`: a learner's progress for the other parts of the Cloud
 * School (the accounts part's data export and account deletion).
 */
import type { Core } from '@strapi/strapi';
import { deleteProgress, exportProgress } from '../../../lib/learning/progress-store';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  exportFor: (learnerId: number) => exportProgress(strapi.db.connection, learnerId),
  deleteFor: (learnerId: number) => deleteProgress(strapi.db.connection, learnerId),
});
