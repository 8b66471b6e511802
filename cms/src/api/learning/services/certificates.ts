/**
 * `strapi.service('api::learning.certificates')`: what the other parts of the Cloud
 * School call (docs/cloud-school.md). Progress calls `issue` on completion.
 */
import type { Core } from '@strapi/strapi';
import {
  certificatesOf,
  findCertificate,
  issueCertificate,
  publishedCredentialFiles,
  revokeCertificate,
  type IssueRequest,
} from '../../../lib/learning/certificates/certificates';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Issues (once) the learner's certificate for a completed course in a locale. */
  issue: (request: IssueRequest) => issueCertificate(strapi, request),
  find: (id: string) => findCertificate(strapi, id),
  forLearner: (learnerId: number) => certificatesOf(strapi, learnerId),
  revoke: (id: string) => revokeCertificate(strapi, id),
  /** The issuer profile and the signed status list the site publishes under /credentials/. */
  published: () => publishedCredentialFiles(strapi),
});
