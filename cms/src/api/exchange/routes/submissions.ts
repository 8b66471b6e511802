/**
 * The solutions exchange's public submissions (docs/solutions-exchange.md,
 * "Submissions"): one open route, no sign-in; the controller does its own checks.
 */
const open = { auth: false as const, policies: [], middlewares: [] };

export default {
  routes: [{ method: 'POST', path: '/exchange/submissions', handler: 'submissions.create', config: open }],
};
