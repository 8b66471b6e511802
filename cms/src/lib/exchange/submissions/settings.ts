/**
 * Settings of the exchange's public submissions (docs/configuration.md, "Solutions
 * exchange submissions"): rate limits and the largest body. Read once per process.
 */
import type { Core } from '@strapi/strapi';
import { envInt } from '../../forms/env-int';
import { cmsUrlFrom, siteUrlFrom } from '../../model';

export interface SubmissionSettings {
  /** Public origin of the static site (the confirmation links back to it). */
  siteUrl: string;
  /** Public origin of the CMS, where the re-rendered form posts. */
  cmsUrl: string;
  /** Submissions per IP address and window, refused ones included. */
  perIp: number;
  /** Submissions that pass the checks, from everyone together, per window. */
  global: number;
  windowSeconds: number;
  /** The largest request body, in bytes. */
  maxBytes: number;
}

export function readSubmissionSettings(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): SubmissionSettings {
  return {
    siteUrl: siteUrlFrom(env),
    cmsUrl: cmsUrlFrom(strapi.config.get('server.url'), env),
    perIp: envInt('EXCHANGE_SUBMIT_PER_IP', env.EXCHANGE_SUBMIT_PER_IP, 10, 1),
    global: envInt('EXCHANGE_SUBMIT_GLOBAL', env.EXCHANGE_SUBMIT_GLOBAL, 100, 1),
    windowSeconds: envInt('EXCHANGE_SUBMIT_WINDOW_MINUTES', env.EXCHANGE_SUBMIT_WINDOW_MINUTES, 60, 1) * 60,
    maxBytes: envInt('EXCHANGE_SUBMIT_MAX_BYTES', env.EXCHANGE_SUBMIT_MAX_BYTES, 32_768, 1024),
  };
}

let cached: SubmissionSettings | undefined;

export const submissionSettings = (strapi: Core.Strapi): SubmissionSettings => (cached ??= readSubmissionSettings(strapi));
