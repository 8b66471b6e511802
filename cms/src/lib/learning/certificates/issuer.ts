/**
 * Where the certificates' public documents live: the issuer profile and the status list
 * are published by the site under `{SSC_SITE_URL}/credentials/`; a certificate's page,
 * PDF and JSON are served by the CMS at `/api/learning/certificates/{id}`.
 */
import type { Core } from '@strapi/strapi';
import { settings } from '../../syndication/settings';
import type { IssuerInfo } from '../credentials';

/** The site folder of the published documents, and their files in it. */
export const CREDENTIALS_DIR = 'credentials';
export const ISSUER_FILE = 'issuer.json';
/** One status list holds 131,072 certificates; a second list would be `status/2.json`. */
export const STATUS_LIST_FILE = 'status/1.json';

export const siteUrl = (strapi: Core.Strapi) => settings(strapi).siteUrl;

export function issuerInfo(strapi: Core.Strapi): IssuerInfo {
  const site = siteUrl(strapi);
  return { id: `${site}/${CREDENTIALS_DIR}/${ISSUER_FILE}`, name: process.env.SSC_CERTIFICATE_ISSUER_NAME || 'SSC Cloud School', url: `${site}/` };
}

export const statusListUrl = (strapi: Core.Strapi) => `${siteUrl(strapi)}/${CREDENTIALS_DIR}/${STATUS_LIST_FILE}`;

/** The CMS URL of a certificate's page; `.pdf` and `.json` follow it. */
export const certificateUrl = (strapi: Core.Strapi, credentialId: string) => `${settings(strapi).cmsUrl}/api/learning/certificates/${credentialId}`;

/** The verify page in a locale, opening the certificate's JSON (the QR code's target). */
export const verifyLink = (strapi: Core.Strapi, locale: string, credentialId: string) =>
  `${siteUrl(strapi)}/${locale}/verify/#${certificateUrl(strapi, credentialId)}.json`;
