/**
 * The brokers' routes of the admin API, at `/ssc-exchange/...` (an admin session is required, and only a broker,
 * the chief editor or a super admin may call them; language editors get 403):
 * - GET `/demands`: open demands (open, in discussion), drafts included, with their moderation state;
 * - GET `/submissions`: offers and demands awaiting moderation (submitted or changes requested, not published);
 * - GET `/demands/:documentId/suggestions`: the demand's ranked candidate offers and solutions with reasons;
 * - POST `/matches` `{ demand, candidate: { type, documentId }, locale? }`: a match draft from a suggestion;
 * - GET `/matches/:documentId/links?locale=`: the match's linked offers and solutions, titled, with their locales;
 * - POST `/submissions/:type/:documentId/moderate` `{ action: 'request-changes' | 'reject', note }`.
 * Approving a submission is publishing it, in the content manager.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from '../koa';
import { registerAdminRoutes } from '../admin-routes';
import { mayBroker } from '../editor-roles';
import { listAwaitingSubmissions, listOpenDemands } from './broker-queues';
import { suggestionsFor } from './suggestions';
import { createMatch, MatchRequestError } from './match-creation';
import { linkedRecordsOf } from './match-links';
import { isModerationAction, isSubmissionType, MODERATION_NOTE_MAX, moderateSubmission, ModerationError } from './moderation';

const REFUSED = 'Only brokers and the chief editor use the solutions exchange';

type Body = Record<string, unknown>;

/** The candidate of a match request, or null when the body does not name one. */
function candidateOf(body: Body): { type: 'offer' | 'solution'; documentId: string } | null {
  const candidate = body.candidate as Body | undefined;
  if (!candidate || (candidate.type !== 'offer' && candidate.type !== 'solution') || typeof candidate.documentId !== 'string') return null;
  return { type: candidate.type, documentId: candidate.documentId };
}

/** Runs `handler` for brokers only; a known refusal of the action becomes a 400 or 404. */
function forBrokers(handler: (ctx: Context) => Promise<unknown>) {
  return async (ctx: Context) => {
    if (!mayBroker(ctx.state?.user?.roles)) return ctx.forbidden(REFUSED);
    try {
      return await handler(ctx);
    } catch (error) {
      if (error instanceof MatchRequestError || error instanceof ModerationError) {
        return /^No /.test(error.message) ? ctx.notFound(error.message) : ctx.badRequest(error.message);
      }
      throw error;
    }
  };
}

export function registerExchangeAdminRoutes(strapi: Core.Strapi): void {
  registerAdminRoutes(strapi, 'ssc-exchange', '/ssc-exchange', [
    {
      method: 'GET',
      path: '/demands',
      handler: forBrokers(async (ctx) => {
        ctx.body = { demands: await listOpenDemands(strapi) };
      }),
    },
    {
      method: 'GET',
      path: '/submissions',
      handler: forBrokers(async (ctx) => {
        ctx.body = { submissions: await listAwaitingSubmissions(strapi) };
      }),
    },
    {
      method: 'GET',
      path: '/demands/:documentId/suggestions',
      handler: forBrokers(async (ctx) => {
        const found = await suggestionsFor(strapi, String(ctx.params.documentId), new Date());
        if (!found) return ctx.notFound('No such demand');
        ctx.body = found;
      }),
    },
    {
      method: 'POST',
      path: '/matches',
      handler: forBrokers(async (ctx) => {
        const body = (ctx.request.body ?? {}) as Body;
        const candidate = candidateOf(body);
        if (typeof body.demand !== 'string' || !candidate) return ctx.badRequest('Send { demand, candidate: { type: "offer" | "solution", documentId } }');
        const locale = typeof body.locale === 'string' ? body.locale : undefined;
        ctx.status = 201;
        ctx.body = await createMatch(strapi, { demand: body.demand, candidate, locale }, new Date());
      }),
    },
    {
      method: 'GET',
      path: '/matches/:documentId/links',
      handler: forBrokers(async (ctx) => {
        const locale = typeof ctx.query.locale === 'string' ? ctx.query.locale : '';
        const links = await linkedRecordsOf(strapi, String(ctx.params.documentId), locale);
        if (!links) return ctx.notFound('No such match');
        ctx.body = { links };
      }),
    },
    {
      method: 'POST',
      path: '/submissions/:type/:documentId/moderate',
      handler: forBrokers(async (ctx) => {
        const body = (ctx.request.body ?? {}) as Body;
        const type = ctx.params.type;
        if (!isSubmissionType(type)) return ctx.notFound('Only offers and demands are submitted');
        if (!isModerationAction(body.action)) return ctx.badRequest('action must be "request-changes" or "reject" (approving is publishing)');
        const note = typeof body.note === 'string' ? body.note.trim() : '';
        if (!note) return ctx.badRequest('A note for the submitter is required');
        if (note.length > MODERATION_NOTE_MAX) return ctx.badRequest(`The note is longer than ${MODERATION_NOTE_MAX} characters`);
        ctx.body = await moderateSubmission(strapi, type, String(ctx.params.documentId), body.action, note);
      }),
    },
  ]);
}
