/** Settings of the partner API: the model's defaults, changed by the environment (docs/configuration.md). */
import type { Core } from '@strapi/strapi';
import { envInt } from '../forms/env-int';
import { cmsUrlFrom, model, siteUrlFrom } from '../model';

export interface SyndicationSettings {
  /** Public origin of the static site: items link to `/{locale}/{pluralName}/{slug}/` on it. */
  siteUrl: string;
  /** Public origin of the CMS: media URLs are made absolute on it. */
  cmsUrl: string;
  defaultPageSize: number;
  maxPageSize: number;
  maxChanges: number;
  /** Requests per token and window, unless the token sets its own limit. */
  rateLimit: number;
  rateWindowSeconds: number;
  /** How long a node may serve a cached response before checking the change log again. */
  freshnessMs: number;
  /** `max-age` of list and item responses. */
  maxAgeSeconds: number;
}

export function readSettings(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): SyndicationSettings {
  return {
    siteUrl: siteUrlFrom(env),
    cmsUrl: cmsUrlFrom(strapi.config.get('server.url'), env),
    defaultPageSize: envInt('SYNDICATION_DEFAULT_PAGE_SIZE', env.SYNDICATION_DEFAULT_PAGE_SIZE, model.partnerApi.pageSize, 1),
    maxPageSize: envInt('SYNDICATION_MAX_PAGE_SIZE', env.SYNDICATION_MAX_PAGE_SIZE, model.partnerApi.maxPageSize, 1),
    maxChanges: envInt('SYNDICATION_MAX_CHANGES', env.SYNDICATION_MAX_CHANGES, model.partnerApi.maxChanges, 1),
    rateLimit: envInt('SYNDICATION_RATE_LIMIT', env.SYNDICATION_RATE_LIMIT, 600, 1),
    rateWindowSeconds: envInt('SYNDICATION_RATE_WINDOW_SECONDS', env.SYNDICATION_RATE_WINDOW_SECONDS, 60, 1),
    freshnessMs: envInt('SYNDICATION_FRESHNESS_MS', env.SYNDICATION_FRESHNESS_MS, 1000, 0),
    maxAgeSeconds: envInt('SYNDICATION_MAX_AGE_SECONDS', env.SYNDICATION_MAX_AGE_SECONDS, 60, 0),
  };
}

let cached: SyndicationSettings | undefined;

/** The settings of this process, read once. */
export function settings(strapi: Core.Strapi): SyndicationSettings {
  cached ??= readSettings(strapi);
  return cached;
}
