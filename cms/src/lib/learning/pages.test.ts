import { describe, expect, it } from 'vitest';
import type { Context } from '../koa';
import { renderMyPage } from './pages';

/** The parts of Koa's context the pages use. */
function fakeContext() {
  const headers: Record<string, string> = {};
  const ctx = { body: '', type: '', set: (name: string, value: string) => (headers[name.toLowerCase()] = value) };
  return { ctx: ctx as unknown as Context, headers, html: () => String(ctx.body) };
}

describe('"my learning"', () => {
  it('lists the courses the progress part reports, with their progress, links and certificates, all escaped', () => {
    const { ctx, headers, html } = fakeContext();
    renderMyPage(ctx, {
      locale: 'ar',
      email: 'amina<script>@example.org',
      courses: [
        { courseDocumentId: 'a1', locale: 'ar', title: 'الأرز الهجين <b>', slug: 'hybrid-rice', lessonsDone: 2, lessonsRequired: 5 },
        {
          courseDocumentId: 'b2',
          locale: 'ar',
          title: 'Juncao',
          slug: 'juncao',
          lessonsDone: 4,
          lessonsRequired: 4,
          completedAt: '2026-11-30T10:00:00Z',
          certificateUrl: 'http://127.0.0.1:1337/api/learning/certificates/x',
        },
      ],
      status: 'signed-in',
      siteUrl: 'https://knowledge.example.org',
      cmsUrl: 'https://cms.knowledge.example.org',
    });
    const page = html();
    const expected = [
      '<html lang="ar" dir="rtl">',
      '<a href="https://knowledge.example.org/ar/courses/hybrid-rice/">الأرز الهجين &lt;b&gt;</a>',
      '<progress max="5" value="2"></progress> أُنجز 2 من 5 دروس',
      'مكتملة',
      'href="http://127.0.0.1:1337/api/learning/certificates/x"',
      '<bdi dir="ltr">amina&lt;script&gt;@example.org</bdi>',
      'لقد سجّلت الدخول',
    ];
    for (const fragment of expected) expect(page, fragment).toContain(fragment);
    expect(page).not.toContain('<script');
    expect(headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' https://knowledge.example.org https://cms.knowledge.example.org; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(headers['cache-control']).toBe('no-store');
  });

  it('says when there is no course yet, and shows no status it does not know', () => {
    const { ctx, html } = fakeContext();
    renderMyPage(ctx, { locale: 'en', email: 'a@example.org', courses: [], status: '<x>', siteUrl: 'https://s.example', cmsUrl: 'https://c.example' });
    expect(html()).toContain('You have not enrolled in a course yet.');
    expect(html()).toContain('<a href="https://s.example/en/courses/">Browse the courses</a>');
    expect(html()).not.toContain('class="note"');
  });
});
