/** `npm run releases`: lists the kept releases, newest first, the live one marked with `*` (see scripts/lib/release-list.ts). */
import { pipelineConfig } from '../lib/config.ts';
import { describeReleases, formatReleases } from '../lib/release-list.ts';

const config = pipelineConfig();
console.log(formatReleases(describeReleases(config.releases)));
