/** On every start: the certificates' tables, and a signing key when there is none yet (first start). */
import type { Core } from '@strapi/strapi';
import { ensureSigningKey } from './signing-keys';
import { ensureCertificateTables } from './tables';

export async function ensureCertificates(strapi: Core.Strapi): Promise<void> {
  await ensureCertificateTables(strapi.db.connection);
  await ensureSigningKey(strapi.db.connection);
}
