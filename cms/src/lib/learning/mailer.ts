/**
 * Emails to learners, through Strapi's email plugin with the nodemailer provider
 * (config/plugins.ts sets it up when SMTP_HOST is set). Without SMTP nothing is sent,
 * and accounts need no confirmation (account-settings.ts, `emailEnabled`).
 */
import type { Core } from '@strapi/strapi';

interface EmailService {
  send(options: { to: string; subject: string; text: string }): Promise<unknown>;
}

/** Sends one plain-text email; false (and a logged error, without the address) when the server refused it. */
export async function sendMail(strapi: Core.Strapi, to: string, subject: string, text: string): Promise<boolean> {
  try {
    await (strapi.plugin('email').service('email') as unknown as EmailService).send({ to, subject, text });
    return true;
  } catch (error) {
    strapi.log.error(`[learning] an email could not be sent: ${(error as Error).message}`);
    return false;
  }
}
