/* global fetch */
// Data plumbing of the Wells app, with no clinical logic: read the record from the EHR with the SMART
// client (the queries come from the Soleus service: its patient-view prefetch templates, filled),
// ask the service to evaluate it, name resources for display, and write the QuestionnaireResponse.

const MAX_PAGES = 10;

/**
 * POSTs JSON to the Soleus service (same origin) and returns the JSON answer.
 * @param {string} url
 * @param {unknown} body
 */
export async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`The Soleus service answered ${response.status}`);
  }
  return response.json();
}

/** GETs JSON from the Soleus service. */
export async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/fhir+json' } });
  if (!response.ok) {
    throw new Error(`The Soleus service answered ${response.status}`);
  }
  return response.json();
}

function unreadable() {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: 'exception', diagnostics: 'The app could not read this' }],
  };
}

/** Reads one query; a searchset's pages are merged (at most MAX_PAGES). */
async function readQuery(client, query) {
  const first = await client.request(query);
  if (first?.resourceType !== 'Bundle') {
    return first;
  }
  const entry = [...(first.entry ?? [])];
  let page = first;
  for (let n = 1; n < MAX_PAGES; n += 1) {
    const next = (page.link ?? []).find((l) => l.relation === 'next')?.url;
    if (!next) {
      return { resourceType: 'Bundle', type: 'searchset', total: entry.length, entry };
    }
    page = await client.request(next);
    entry.push(...(page.entry ?? []));
  }
  return unreadable(); // more pages than the service would read: partial data is no data
}

/**
 * Reads every query from the EHR. A query that fails becomes an OperationOutcome, which the service
 * treats as unknown data (never as "none").
 * @returns {Promise<{prefetch: Record<string, unknown>, resources: Map<string, object>}>}
 */
export async function readRecord(client, queries) {
  const prefetch = {};
  const resources = new Map();
  await Promise.all(
    Object.entries(queries).map(async ([key, query]) => {
      try {
        prefetch[key] = await readQuery(client, query);
      } catch {
        prefetch[key] = unreadable();
      }
    }),
  );
  for (const value of Object.values(prefetch)) {
    const list =
      value.resourceType === 'Bundle' ? (value.entry ?? []).map((e) => e.resource) : [value];
    for (const resource of list) {
      if (resource?.id) {
        resources.set(`${resource.resourceType}/${resource.id}`, resource);
      }
    }
  }
  return { prefetch, resources };
}

function codeText(concept) {
  const coding = concept?.coding?.[0];
  return concept?.text ?? coding?.display ?? coding?.code;
}

function dateOf(r) {
  const value =
    r.onsetDateTime ??
    r.onsetPeriod?.start ??
    r.performedDateTime ??
    r.performedPeriod?.start ??
    r.effectiveDateTime ??
    r.period?.start ??
    r.authored ??
    r.recordedDate;
  return typeof value === 'string' ? value.slice(0, 10) : undefined;
}

/**
 * A short label for a resource the service named (`Type/id`): type, what it is, its date.
 * @param {Map<string, object>} resources - the record as read
 * @param {string} ref
 */
export function describe(resources, ref) {
  const resource = resources.get(ref);
  if (!resource) {
    return ref;
  }
  const what = codeText(resource.code) ?? codeText(resource.reasonCode?.[0]) ?? '';
  const date = dateOf(resource);
  return `${resource.resourceType}${what ? `: ${what}` : ''}${date ? ` (${date})` : ''}`;
}

/**
 * The QuestionnaireResponse of the assessment (clinical-spec §9.1). Unanswered items are left out
 * (unknown, never absent).
 * @param {object} q - the Questionnaire
 * @param {{answers: Map<string, boolean>, reasons: Map<string, string>}} form
 * @param {{patientId: string, encounterId?: string, author?: string, authored: string}} who
 */
export function buildResponse(q, form, who) {
  const item = [];
  for (const question of q.item ?? []) {
    if (!form.answers.has(question.linkId)) {
      continue;
    }
    const answer = { valueBoolean: form.answers.get(question.linkId) };
    const reasonItem = (question.item ?? []).find((child) => child.type === 'string');
    const reason = form.reasons.get(question.linkId);
    if (reasonItem && reason) {
      answer.item = [
        { linkId: reasonItem.linkId, text: reasonItem.text, answer: [{ valueString: reason }] },
      ];
    }
    item.push({ linkId: question.linkId, text: question.text, answer: [answer] });
  }
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: q.version ? `${q.url}|${q.version}` : q.url,
    status: 'completed',
    subject: { reference: `Patient/${who.patientId}` },
    ...(who.encounterId ? { encounter: { reference: `Encounter/${who.encounterId}` } } : {}),
    ...(who.author ? { author: { reference: who.author } } : {}),
    authored: who.authored,
    item,
  };
}
