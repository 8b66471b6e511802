/** `npm run format`: rewrites the repository's files in its Prettier style (.prettierrc.json). */
import { formatCode } from '../lib/code-style.ts';

try {
  await formatCode();
} catch {
  process.exit(1);
}
