// For the Astro CLI (`npx astro build` in site/): the same configuration as
// buildSite(), with the snapshot and site URL taken from SSC_SNAPSHOT_DIR and SSC_SITE_URL.
import { createAstroConfig, optionsFromEnv } from './lib/config.ts';

const { configFile: _ignored, ...config } = createAstroConfig(optionsFromEnv());
export default config;
