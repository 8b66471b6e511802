/** Koa's request context and `next`, as Strapi types its controllers and middlewares (so the CMS needs no direct koa dependency). */
import type { Core } from '@strapi/strapi';

export type Context = Parameters<Core.ControllerHandler>[0];
export type Next = Parameters<Core.ControllerHandler>[1];
