/**
 * On first start outside production, creates a super admin so that the admin panel
 * can be used at once: from ADMIN_EMAIL / ADMIN_PASSWORD when set, otherwise with
 * a generated password that is printed once and stored nowhere.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';

export const DEFAULT_ADMIN_EMAIL = 'admin@example.org';

function generatePassword(): string {
  // Strapi requires upper and lower case letters and a number.
  return `Ssc-${crypto.randomBytes(12).toString('base64url')}-9a`;
}

export async function ensureDemoAdmin(strapi: Core.Strapi): Promise<void> {
  if (process.env.NODE_ENV === 'production') return;
  if (await strapi.service('admin::user').exists()) return;
  const email = process.env.ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL;
  const password = process.env.ADMIN_PASSWORD || generatePassword();
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({
    email,
    firstname: 'Demo',
    lastname: 'Admin',
    password,
    registrationToken: null,
    isActive: true,
    roles: superAdmin ? [superAdmin.id] : [],
  });
  const shown = process.env.ADMIN_PASSWORD ? '(the value of ADMIN_PASSWORD)' : password;
  const lines = ['Demo admin created (shown once, stored nowhere):', `  email:    ${email}`, `  password: ${shown}`];
  // Printed directly, not through the logger: it must show whatever the log level is,
  // and it is the only time the generated password is ever shown.
  console.log(`\n${lines.join('\n')}\n`);
}
