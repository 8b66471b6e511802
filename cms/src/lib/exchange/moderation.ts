/**
 * A broker's answer to a submitted offer or demand, other than approving it (which is publishing it): ask for
 * changes, or reject, with a note to the submitter. Sets `moderation` and `moderationNote` on every version of
 * the draft (both are shared fields) and, when SMTP is configured, emails the note to the submitter.
 */
import type { Core } from '@strapi/strapi';
import { sendMail } from '../learning/mailer';
import { exchangeDocuments, loadVersions } from './profiles';
import { say } from './submissions/messages';

export const MODERATION_ACTIONS = { 'request-changes': 'changes-requested', reject: 'rejected' } as const;
export type ModerationAction = keyof typeof MODERATION_ACTIONS;
export const SUBMISSION_TYPES = ['offer', 'demand'] as const;
export type SubmissionType = (typeof SUBMISSION_TYPES)[number];
/** The model's limit on a moderation note. */
export const MODERATION_NOTE_MAX = 2000;

export interface ModerationResult {
  documentId: string;
  moderation: string;
  /** Whether the submitter was emailed (false without SMTP, without an address, or when the server refused). */
  emailed: boolean;
}

export class ModerationError extends Error {}

export const isModerationAction = (value: unknown): value is ModerationAction => typeof value === 'string' && value in MODERATION_ACTIONS;
export const isSubmissionType = (value: unknown): value is SubmissionType => SUBMISSION_TYPES.includes(value as SubmissionType);

/** The email to the submitter, in the submission's language (the note is the broker's own words, as written). */
export function moderationEmail(
  locale: string,
  type: SubmissionType,
  action: ModerationAction,
  reference: string | null,
  title: string,
  note: string,
): { subject: string; text: string } {
  const values = { thing: say(locale, type === 'offer' ? 'mail.offer' : 'mail.demand'), title, reference: reference ? ` (${reference})` : '' };
  const subject = say(locale, action === 'reject' ? 'mail.reject.subject' : 'mail.changes.subject', values);
  const lead = say(locale, action === 'reject' ? 'mail.reject.lead' : 'mail.changes.lead', values);
  const close = action === 'reject' ? '' : `\n\n${say(locale, 'mail.changes.close')}`;
  return { subject, text: `${lead}\n\n${note}${close}\n` };
}

const smtpConfigured = (env: NodeJS.ProcessEnv = process.env) => Boolean(env.SMTP_HOST);

export async function moderateSubmission(
  strapi: Core.Strapi,
  type: SubmissionType,
  documentId: string,
  action: ModerationAction,
  note: string,
): Promise<ModerationResult> {
  const versions = (await loadVersions(strapi, type, 'draft', [documentId])).get(documentId);
  if (!versions?.length) throw new ModerationError(`No such ${type}`);
  const moderation = MODERATION_ACTIONS[action];
  const documents = exchangeDocuments(strapi, type);
  for (const version of versions) await documents.update({ documentId, locale: version.locale, data: { moderation, moderationNote: note } });
  const first = versions[0]!;
  const email = typeof first.contactEmail === 'string' ? first.contactEmail : '';
  let emailed = false;
  if (email && smtpConfigured()) {
    const reference = typeof first.reference === 'string' ? first.reference : null;
    const message = moderationEmail(first.locale, type, action, reference, first.title ?? documentId, note);
    emailed = await sendMail(strapi, email, message.subject, message.text);
  }
  return { documentId, moderation, emailed };
}
