/** Settings of the partner API: the model's defaults, changed by the environment (docs/configuration.md). */
import type { Core } from '@strapi/strapi';
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

const int = (value: string | undefined, fallback: number, min: number): number => {
  const n = value === undefined || value === '' ? fallback : Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`syndication setting "${value}" must be an integer ≥ ${min}`);
  return n;
};

export function readSettings(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): SyndicationSettings {
  return {
    siteUrl: siteUrlFrom(env),
    cmsUrl: cmsUrlFrom(strapi.config.get('server.url'), env),
    defaultPageSize: int(env.SYNDICATION_DEFAULT_PAGE_SIZE, model.partnerApi.pageSize, 1),
    maxPageSize: int(env.SYNDICATION_MAX_PAGE_SIZE, model.partnerApi.maxPageSize, 1),
    maxChanges: int(env.SYNDICATION_MAX_CHANGES, model.partnerApi.maxChanges, 1),
    rateLimit: int(env.SYNDICATION_RATE_LIMIT, 600, 1),
    rateWindowSeconds: int(env.SYNDICATION_RATE_WINDOW_SECONDS, 60, 1),
    freshnessMs: int(env.SYNDICATION_FRESHNESS_MS, 1000, 0),
    maxAgeSeconds: int(env.SYNDICATION_MAX_AGE_SECONDS, 60, 0),
  };
}

let cached: SyndicationSettings | undefined;

/** The settings of this process, read once. */
export function settings(strapi: Core.Strapi): SyndicationSettings {
  cached ??= readSettings(strapi);
  return cached;
}
