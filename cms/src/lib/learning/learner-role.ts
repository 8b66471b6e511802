/**
 * The `learner` role of Users & Permissions, made on every boot. It holds no
 * permission at all: learners reach only the learning API, whose routes check the
 * session themselves (session.ts), never Strapi's permissions. Any permission an
 * administrator gives it in the admin is taken away again at the next boot.
 */
import type { Core } from '@strapi/strapi';
import { LEARNER_ROLE_TYPE } from './session';

const ROLE = 'plugin::users-permissions.role';
const PERMISSION = 'plugin::users-permissions.permission';

export async function ensureLearnerRole(strapi: Core.Strapi): Promise<number> {
  let role = (await strapi.db.query(ROLE).findOne({ where: { type: LEARNER_ROLE_TYPE } })) as { id: number } | null;
  if (!role) {
    role = (await strapi.db.query(ROLE).create({
      data: { name: 'Learner', type: LEARNER_ROLE_TYPE, description: 'Cloud School learners: the learning API only, no content API, no admin.' },
    })) as { id: number };
    strapi.log.info('[learning] learner role created');
  }
  const removed = await strapi.db.query(PERMISSION).deleteMany({ where: { role: role.id } });
  if (removed.count) strapi.log.warn(`[learning] ${removed.count} permission(s) taken from the learner role: it reaches the learning API only`);
  return role.id;
}
