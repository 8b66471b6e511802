/** `npm run lint`: ESLint and Prettier's check over the whole repository (the full `npm test` runs it too). */
import { checkCodeStyle } from '../lib/code-style.ts';

try {
  await checkCodeStyle();
  console.log('[lint] no problems');
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
