import { isLoopbackHost } from './assert-bind-allowed';
import type { ServerConfig } from './server-config';

/**
 * The public base URL the app is built with: the configured one; else, in local mode on a loopback
 * host with a fixed port, the address the service listens on, so the cards of `pnpm start` link to
 * the Wells app and `/fhir` this very process serves. Never guessed from a request's Host header.
 * @param config - the loaded configuration
 * @returns `{ publicBaseUrl }`, or nothing when it cannot be known
 */
export function publicBaseUrlOf(
  config: Pick<ServerConfig, 'publicBaseUrl' | 'auth' | 'host' | 'port'>,
): { publicBaseUrl?: string } {
  if (config.publicBaseUrl) {
    return { publicBaseUrl: config.publicBaseUrl };
  }
  if (config.auth || config.port === 0 || !isLoopbackHost(config.host)) {
    return {};
  }
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return { publicBaseUrl: `http://${host}:${config.port}` };
}
