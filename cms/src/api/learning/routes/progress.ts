/**
 * The learning progress API (docs/cloud-school.md). Strapi's own authentication is
 * off on these routes: each handler finds the learner from the session cookie
 * (lib/learning/session.ts) and acts for that learner alone.
 */
const learnerSession = { auth: false as const, policies: [], middlewares: [] };

export default {
  routes: [
    { method: 'POST', path: '/learning/enrol', handler: 'progress.enrol', config: learnerSession },
    { method: 'POST', path: '/learning/lesson-done', handler: 'progress.lessonDone', config: learnerSession },
    { method: 'GET', path: '/learning/progress', handler: 'progress.progress', config: learnerSession },
    { method: 'POST', path: '/learning/quizzes/:documentId/attempts', handler: 'progress.attempt', config: learnerSession },
  ],
};
