import { factSetOf, type Link } from '@soleus/core';
import { buildLinks } from './build-links';
import type { TemplateScope } from './interpolate';

const facts = factSetOf({ 'dvt.episodeStart': '2026-11-20T00:00:00.000Z' });
const context = { patientId: 'p1' };
const withBase: TemplateScope = {
  facts,
  context,
  service: { baseUrl: 'https://cds.example.org' },
};
const noBase: TemplateScope = { facts, context };

const SMART: Link = {
  label: 'Record the Wells assessment',
  url: '{{service.baseUrl}}/apps/wells/launch',
  type: 'smart',
  appContext: {
    patientId: '{{context.patientId}}',
    encounterId: '{{context.encounterId}}',
    episodeStart: '{{fact.dvt.episodeStart}}',
    missing: '{{fact.dvt.nothing}}',
  },
};
const SERVED: Link = {
  label: 'Questionnaire',
  url: '{{service.baseUrl}}/fhir/Questionnaire/wells-dvt',
  type: 'absolute',
};
const EXTERNAL: Link = {
  label: 'NICE NG158',
  url: 'https://www.nice.org.uk/guidance/ng158',
  type: 'absolute',
};

describe('buildLinks', () => {
  it('fills the service base URL and sends appContext as JSON without empty or unknown members', () => {
    expect(buildLinks([SMART, SERVED, EXTERNAL], withBase)).toEqual([
      {
        label: 'Record the Wells assessment',
        url: 'https://cds.example.org/apps/wells/launch',
        type: 'smart',
        appContext: '{"patientId":"p1","episodeStart":"2026-11-20T00:00:00.000Z"}',
      },
      {
        label: 'Questionnaire',
        url: 'https://cds.example.org/fhir/Questionnaire/wells-dvt',
        type: 'absolute',
      },
      EXTERNAL,
    ]);
  });

  it('leaves off links to pages the service serves when no base URL is configured', () => {
    expect(buildLinks([SMART, SERVED, EXTERNAL], noBase)).toEqual([EXTERNAL]);
  });

  it('keeps a string appContext as written (interpolated), and none when every member is empty', () => {
    const text: Link = { ...SMART, appContext: 'patient={{context.patientId}}' };
    const empty: Link = { ...SMART, appContext: { encounterId: '{{context.encounterId}}' } };
    expect(buildLinks([text], withBase)[0]?.appContext).toBe('patient=p1');
    expect(buildLinks([empty], withBase)[0]).not.toHaveProperty('appContext');
  });

  it('never puts appContext on an absolute link (cds-resp-3)', () => {
    const wrong = { ...EXTERNAL, appContext: 'x' } as Link;
    expect(buildLinks([wrong], withBase)).toEqual([EXTERNAL]);
  });

  it('drops a link whose URL is not absolute http(s) after interpolation', () => {
    const relative: Link = { label: 'x', url: '{{context.patientId}}/page', type: 'absolute' };
    const script: Link = { label: 'x', url: 'javascript:alert(1)', type: 'absolute' };
    expect(buildLinks([relative, script], withBase)).toEqual([]);
  });
});
