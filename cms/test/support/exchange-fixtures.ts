/**
 * The solutions exchange's test records: a French demand submitted from the Republic of Congo about post-harvest
 * loss, and an offer written only in Chinese that answers it through the taxonomy alone (same theme, same
 * country, training for the training sought, delivered in French).
 */
import { expect } from 'vitest';
import { getCollection, strapiUid } from '@ssc/content-schemas';
import { contentApi, contentManager } from './http.ts';

export const OFFER = strapiUid(getCollection('offer'));
export const DEMAND = strapiUid(getCollection('demand'));
export const MATCH = strapiUid(getCollection('match'));

/** The submitter's details: private, never in anything the CMS sends out or the site builds. */
export const SUBMITTER = {
  contactName: 'Submitter Mbemba Private',
  contactEmail: 'mbemba.private.submitter@example.org',
  contactOrganization: 'Private Organisation of the Submitter',
};

/** The private fields of offers, demands and matches: never a key of anything the CMS sends out. */
export const PRIVATE_FIELDS = ['contactName', 'contactEmail', 'contactOrganization', 'reference', 'moderation', 'moderationNote', 'brokerNotes'];

/** Matches any of these secret values, or a private field's name as a JSON key. */
export const leakPattern = (secrets: Record<string, string>) => new RegExp(`${Object.values(secrets).join('|')}|"(${PRIVATE_FIELDS.join('|')})"`);

/** The documentId of a taxonomy entry by slug. */
export async function taxonomyId(plural: 'themes' | 'countries', slug: string): Promise<string> {
  const res = await contentApi(`/${plural}?locale=en&filters[slug][$eq]=${slug}&fields[0]=slug`);
  const id = res.body?.data?.[0]?.documentId;
  if (!id) throw new Error(`no ${plural} ${slug}: ${JSON.stringify(res.body).slice(0, 200)}`);
  return id;
}

const link = (documentId: string, locale: string) => ({ connect: [{ documentId, locale }] });

/** A French demand as a submission leaves it: a draft with moderation `submitted`, a reference and contact details. */
export async function submittedFrenchDemand(slug: string, jwt?: string): Promise<string> {
  const [theme, congo] = await Promise.all([taxonomyId('themes', 'post-harvest-loss'), taxonomyId('countries', 'republic-of-congo')]);
  const res = await contentManager.create(
    DEMAND,
    'fr',
    {
      slug,
      title: `Réduire les pertes de manioc après récolte ${slug}`,
      summary: 'Une coopérative de Brazzaville cherche une formation au stockage du manioc et des céréales.',
      license: 'CC-BY-4.0',
      attribution: 'Coopérative agricole de Brazzaville',
      lastVerified: new Date().toISOString().slice(0, 10),
      institution: 'Coopérative agricole de Brazzaville',
      problem: 'Une grande partie du manioc et du maïs se perd pendant le stockage et le transport.',
      supportSought: [{ support: 'training' }],
      languages: [{ language: 'fr' }],
      state: 'open',
      themes: link(theme, 'fr'),
      country: link(congo, 'fr'),
      ...SUBMITTER,
      reference: `D-2026-${String(Math.floor(Math.random() * 90000) + 10000)}`,
      moderation: 'submitted',
    },
    jwt,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.documentId;
}

/** A published offer written only in Chinese, delivered in Chinese and French, training on post-harvest loss in Congo. */
export async function publishedChineseOffer(slug: string, jwt?: string): Promise<{ documentId: string; title: string }> {
  const [theme, congo] = await Promise.all([taxonomyId('themes', 'post-harvest-loss'), taxonomyId('countries', 'republic-of-congo')]);
  const title = `粮食产后减损培训班 ${slug}`;
  const res = await contentManager.create(
    OFFER,
    'zh',
    {
      slug,
      title,
      summary: '为合作社技术人员举办的粮食和木薯储存培训。',
      license: 'CC-BY-4.0',
      attribution: '中国农业培训中心',
      lastVerified: '2026-10-01',
      providerName: '中国农业培训中心',
      expertise: '仓储管理、防虫和干燥技术培训，在刚果共和国已有实地经验。',
      modality: 'training',
      deliveryLanguages: [{ language: 'zh' }, { language: 'fr' }],
      validUntil: '2030-12-31',
      themes: link(theme, 'zh'),
      countries: link(congo, 'zh'),
    },
    jwt,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const documentId = res.body.data.documentId;
  const published = await contentManager.publish(OFFER, documentId, 'zh', jwt);
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return { documentId, title };
}
