import type { Core } from '@strapi/strapi';

/**
 * Email through an SMTP server when SMTP_HOST is set (nodemailer): Cloud School learners then
 * confirm their address and can reset a forgotten password (docs/configuration.md). Without it,
 * Strapi's default provider stays configured but nothing sends mail.
 */
const email = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => {
  if (!env('SMTP_HOST')) return {};
  const port = env.int('SMTP_PORT', 587);
  const user = env('SMTP_USER', '');
  return {
    email: {
      config: {
        provider: 'nodemailer',
        providerOptions: {
          host: env('SMTP_HOST'),
          port,
          // Implicit TLS on 465; STARTTLS otherwise, when the server offers it.
          secure: env.bool('SMTP_SECURE', port === 465),
          ...(user ? { auth: { user, pass: env('SMTP_PASSWORD', '') } } : {}),
        },
        settings: { defaultFrom: env('SMTP_FROM', 'no-reply@localhost'), defaultReplyTo: env('SMTP_FROM', 'no-reply@localhost') },
      },
    },
  };
};

const config = (params: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  upload: {
    config: {
      sizeLimit: params.env.int('UPLOAD_SIZE_LIMIT', 200 * 1024 * 1024),
    },
  },
  ...email(params),
});

export default config;
