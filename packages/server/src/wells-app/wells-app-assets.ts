/**
 * The Wells app's static files: hand-written HTML, CSS and browser modules in `packages/server/apps/wells`
 * (no build step), and the browser bundle of the `fhirclient` SMART library read from its npm package,
 * never from a CDN (EHR networks often have no internet). Read once at start-up.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the app files live (`packages/server/apps/wells`, from `src/wells-app` or `dist/wells-app`). */
const APP_DIR = join(__dirname, '..', '..', 'apps', 'wells');

/** An asset: its body and content type. */
export interface WellsAppAsset {
  readonly body: string;
  readonly type: string;
}

const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';

/** URL → file in the app directory. */
const FILES: Readonly<Record<string, readonly [string, string]>> = {
  '/apps/wells/launch': ['launch.html', HTML],
  '/apps/wells/': ['index.html', HTML],
  '/apps/wells/launch.js': ['launch.js', JS],
  '/apps/wells/app.js': ['app.js', JS],
  '/apps/wells/wells-form.js': ['wells-form.js', JS],
  '/apps/wells/smart-data.js': ['smart-data.js', JS],
  '/apps/wells/app.css': ['app.css', 'text/css; charset=utf-8'],
};

/**
 * Reads every asset.
 * @returns URL → asset, including `/apps/wells/fhir-client.js`
 * @throws when a file is missing (a broken install stops the start, it is not found at first launch)
 */
export function readWellsAppAssets(): ReadonlyMap<string, WellsAppAsset> {
  const assets = new Map<string, WellsAppAsset>();
  for (const [url, [file, type]] of Object.entries(FILES)) {
    assets.set(url, { body: readFileSync(join(APP_DIR, file), 'utf8'), type });
  }
  const fhirclient = dirname(require.resolve('fhirclient/package.json'));
  assets.set('/apps/wells/fhir-client.js', {
    body: readFileSync(join(fhirclient, 'build', 'fhir-client.min.js'), 'utf8'),
    type: JS,
  });
  return assets;
}
