/**
 * The links of a card (CDS Hooks §link). Rule JSON may point at pages the service itself serves with
 * `{{service.baseUrl}}` (the Wells SMART app, the /fhir knowledge endpoint): such a link is left off
 * when no public base URL is configured, since it would not resolve. A smart link's `appContext` may
 * be an object template: its tokens are filled, empty members dropped, and it is sent as JSON text.
 * `appContext` never goes on an absolute link (cds-resp-3), and a URL that is not absolute http(s)
 * after interpolation is dropped rather than sent.
 */
import type { Link } from '@soleus/core';
import type { CdsLink } from '../cds-hooks/types';
import { interpolate, type TemplateScope } from './interpolate';

const NEEDS_BASE_URL = /\{\{\s*service\.baseUrl\s*\}\}/;
const ABSOLUTE = /^https?:\/\/[^\s/]+(\/\S*)?$/;

/**
 * Builds the card links that resolve.
 * @param links - the rule's link templates
 * @param scope - facts, hook context and the service base URL
 * @returns the links to send (possibly none)
 */
export function buildLinks(links: readonly Link[], scope: TemplateScope): CdsLink[] {
  const built: CdsLink[] = [];
  for (const link of links) {
    if (NEEDS_BASE_URL.test(link.url) && !scope.service?.baseUrl) {
      continue;
    }
    const url = interpolate(link.url, scope);
    if (!ABSOLUTE.test(url)) {
      continue;
    }
    const appContext =
      link.type === 'smart' && link.appContext !== undefined
        ? buildAppContext(link.appContext, scope)
        : undefined;
    built.push({
      label: interpolate(link.label, scope),
      url,
      type: link.type,
      ...(appContext ? { appContext } : {}),
    });
  }
  return built;
}

function buildAppContext(
  template: string | Readonly<Record<string, string>>,
  scope: TemplateScope,
): string | undefined {
  if (typeof template === 'string') {
    const text = interpolate(template, scope);
    return text === '' ? undefined : text;
  }
  const members = Object.entries(template)
    .map(([key, value]) => [key, interpolate(value, scope)] as const)
    .filter(([, value]) => value !== '' && value !== 'unknown');
  return members.length > 0 ? JSON.stringify(Object.fromEntries(members)) : undefined;
}
