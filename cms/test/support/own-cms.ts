/**
 * A CMS of a test's own: the test CMS's settings with a fresh SQLite database and
 * public folder (no content) on a free port, plus the test's own environment.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCms, type RunningCms } from '../../../scripts/lib/cms.ts';
import { freePort, stopProcess } from '../../../scripts/lib/processes.ts';
import { cms } from './http.ts';

export interface OwnCms {
  url: string;
  running: RunningCms;
  stop(): Promise<void>;
}

export async function startOwnCms(prefix: string, extraEnv: Record<string, string>): Promise<OwnCms> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `ssc-${prefix}-`));
  const env: Record<string, string> = {
    ...cms().env,
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(tmp, 'cms.db'),
    PUBLIC_DIR: path.join(tmp, 'public'),
    PORT: String(await freePort()),
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  delete env.SITE_REBUILD_URL;
  fs.mkdirSync(path.join(tmp, 'public', 'uploads'), { recursive: true });
  try {
    const running = await startCms(env, { quiet: true });
    return {
      url: running.url,
      running,
      stop: async () => {
        await stopProcess(running.child);
        fs.rmSync(tmp, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}
