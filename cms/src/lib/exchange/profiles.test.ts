import { describe, expect, it } from 'vitest';
import { profileFromRecords, type ExchangeRecord } from './profiles';
import { titleFor } from './suggestions';
import { moderationEmail } from './moderation';

const congo = { isoCode: 'CG', subregion: 'middle-africa' };
const kenya = { isoCode: 'KE', subregion: 'eastern-africa' };

describe('profiles from the records of the CMS', () => {
  it("makes a demand's profile from its country and countries, support sought, languages and texts per locale", () => {
    const versions: ExchangeRecord[] = ['fr', 'en'].map((locale) => ({
      documentId: 'd1',
      locale,
      title: `Title ${locale}`,
      summary: `Summary ${locale}`,
      problem: `Problem ${locale}`,
      beneficiaries: null,
      themes: [{ slug: 'post-harvest-loss' }],
      country: congo,
      countries: [kenya, congo],
      supportSought: [{ support: 'training' }, { support: 'know-how' }],
      languages: [{ language: 'fr' }],
      state: 'open',
      contactEmail: 'private@example.org',
    }));
    const { profile, titles } = profileFromRecords('demand', versions);
    expect(profile).toEqual({
      type: 'demand',
      documentId: 'd1',
      themes: ['post-harvest-loss'],
      countries: ['CG', 'KE'],
      subregions: ['middle-africa', 'eastern-africa'],
      modalities: [],
      support: ['training', 'know-how'],
      languages: ['fr'],
      state: 'open',
      texts: { fr: 'Title fr\n\nSummary fr\n\nProblem fr', en: 'Title en\n\nSummary en\n\nProblem en' },
    });
    expect(titles).toEqual({ fr: 'Title fr', en: 'Title en' });
    expect(JSON.stringify(profile)).not.toContain('private@example.org');
  });

  it("makes an offer's profile from its modality, delivery languages and validity", () => {
    const { profile } = profileFromRecords('offer', [
      {
        documentId: 'o1',
        locale: 'zh',
        title: '培训',
        expertise: '仓储',
        modality: 'training',
        deliveryLanguages: [{ language: 'zh' }, { language: 'fr' }],
        validUntil: '2030-12-31',
        countries: [congo],
      },
    ]);
    expect(profile).toMatchObject({
      type: 'offer',
      modalities: ['training'],
      languages: ['zh', 'fr'],
      validUntil: '2030-12-31',
      countries: ['CG'],
      support: [],
      themes: [],
    });
    expect(profile.texts).toEqual({ zh: '培训\n\n仓储' });
  });

  it("takes a solution's languages from the locales it is documented in", () => {
    const { profile } = profileFromRecords('solution', [
      { documentId: 's1', locale: 'zh', title: '方案', challenge: 'c', approach: 'a', results: 'r' },
      { documentId: 's1', locale: 'ar', title: 'حل' },
    ]);
    expect(profile.languages).toEqual(['zh', 'ar']);
    expect(profile.texts).toEqual({ zh: '方案\n\nc\n\na\n\nr', ar: 'حل' });
  });

  it('shows a candidate in the demand’s locale when it has one, else in its first', () => {
    expect(titleFor({ zh: '培训', fr: 'Formation' }, ['fr'])).toEqual({ title: 'Formation', locale: 'fr' });
    expect(titleFor({ zh: '培训' }, ['fr'])).toEqual({ title: '培训', locale: 'zh' });
  });
});

describe('the moderation email to a submitter', () => {
  it('asks for changes with the note and the reference', () => {
    const mail = moderationEmail('en', 'demand', 'request-changes', 'D-2026-00042', 'Maize storage', 'Say how many farmers.');
    expect(mail.subject).toBe('Changes requested to your demand to the solutions exchange (D-2026-00042)');
    expect(mail.text).toContain('demand "Maize storage" (D-2026-00042)');
    expect(mail.text).toContain('\n\nSay how many farmers.\n\nPlease reply');
  });

  it('gives the reason of a rejection', () => {
    const mail = moderationEmail('en', 'offer', 'reject', null, 'Loans', 'Not about agriculture.');
    expect(mail.subject).toBe('Your offer to the solutions exchange was not accepted');
    expect(mail.text).toContain('cannot publish it, for this reason:\n\nNot about agriculture.\n');
  });

  it('is written in the language the submitter used, around the broker’s note as written', () => {
    const fr = moderationEmail('fr', 'demand', 'request-changes', 'D-2026-00042', 'Stockage du maïs', 'Précisez le nombre d’agriculteurs.');
    expect(fr.subject).toBe('Modifications demandées pour votre demande à la plateforme d’échange de solutions (D-2026-00042)');
    expect(fr.text).toContain('Merci pour votre demande « Stockage du maïs » (D-2026-00042).');
    expect(fr.text).toContain('\n\nPrécisez le nombre d’agriculteurs.\n\nRépondez à ce courriel');
    const ar = moderationEmail('ar', 'offer', 'reject', null, 'تدريب', 'ليس عن الزراعة.');
    expect(ar.subject).toBe('لم يُقبل العرض الذي أرسلته إلى منصة تبادل الحلول');
    expect(ar.text).toContain('ليس عن الزراعة.');
    expect(moderationEmail('zh', 'offer', 'request-changes', 'O-2026-00007', '培训', '请补充。').subject).toBe(
      '请修改您向解决方案交流平台提交的供给 (O-2026-00007)',
    );
  });
});
