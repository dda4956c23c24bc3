/* global FHIR, document, location, fetch, URLSearchParams */
// SMART App Launch of the Wells app. EHR launch: the EHR opens this page with `iss` (its FHIR base
// URL) and `launch` (an opaque launch id); standalone launch (testing): only `iss`, or none (a form
// asks for it). Client id and scopes come from the service (config.json): read access to exactly what
// the Soleus patient-view service evaluates, write access to QuestionnaireResponse only.
const status = document.getElementById('status');

function fail(message) {
  status.textContent = message;
  status.classList.add('status--error');
  status.setAttribute('role', 'alert');
}

function isHttpUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function askForServer() {
  status.textContent = 'No EHR launch parameters: standalone launch.';
  const form = document.getElementById('standalone');
  const input = document.getElementById('iss');
  const error = document.getElementById('iss-error');
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const iss = input.value.trim();
    const ok = isHttpUrl(iss);
    error.hidden = ok;
    input.setAttribute('aria-invalid', String(!ok));
    if (ok) {
      const next = new URL(location.href);
      next.search = new URLSearchParams({ iss }).toString();
      location.assign(next.href);
    } else {
      input.setAttribute('aria-describedby', 'iss-error');
      input.focus();
    }
  });
  input.focus();
}

async function launch() {
  const params = new URLSearchParams(location.search);
  const iss = params.get('iss');
  if (!iss) {
    askForServer();
    return;
  }
  if (!isHttpUrl(iss)) {
    fail('The EHR sent a FHIR server address that is not an http(s) URL; the app cannot start.');
    return;
  }
  const response = await fetch('config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    fail('The Soleus service did not answer; try again from the card.');
    return;
  }
  const config = await response.json();
  const launchScope = params.get('launch') ? 'launch' : 'launch/patient';
  await FHIR.oauth2.authorize({
    clientId: config.clientId,
    scope: `${launchScope} ${config.scope}`,
    redirectUri: new URL('./', location.href).href,
    iss,
  });
}

launch().catch(() =>
  fail('Could not connect to the EHR sign-in. Close this window and try again.'),
);
