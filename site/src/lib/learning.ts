/** The Cloud School's progress script, a static file of the site (public/learning/progress.js), loaded only for signed-in learners. */
export const PROGRESS_SCRIPT_PATH = '/learning/progress.js';
