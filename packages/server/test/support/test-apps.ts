/**
 * Builds local-mode apps over the server test rule set with a fixed clock and a capturing log, and
 * closes every one of them after the suite.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/build-app';
import type { ServerOptions } from '../../src/server-options';
import { captureLogs, type LogCapture } from './log-capture';
import { loadTestRuleSet, NOW } from './test-rule-set';

/** The apps a suite built, and how to build one more. */
export interface TestApps {
  /** Builds an app (options override the defaults) and remembers it for `closeAll`. */
  readonly make: (
    options?: Partial<ServerOptions>,
  ) => Promise<{ app: FastifyInstance; logs: LogCapture }>;
  readonly closeAll: () => Promise<void>;
}

/**
 * Creates the app factory of one suite.
 * @returns `make` and `closeAll` (call it in afterAll)
 */
export function testApps(): TestApps {
  const apps: FastifyInstance[] = [];
  return {
    make: async (options = {}) => {
      const logs = captureLogs();
      const app = buildApp({
        ruleSet: await loadTestRuleSet(),
        clock: () => NOW,
        logStream: logs.stream,
        ...options,
      });
      apps.push(app);
      return { app, logs };
    },
    closeAll: async () => {
      await Promise.all(apps.map((app) => app.close()));
    },
  };
}
