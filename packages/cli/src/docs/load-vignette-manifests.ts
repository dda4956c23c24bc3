import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { readJsonFile } from '../read-json-file';
import { findVignetteManifests } from '../vignettes/find-vignette-manifests';
import { parseVignetteManifest, type VignetteManifest } from '../vignettes/vignette-manifest';

/**
 * Reads every vignette manifest under a directory for the rule catalogue.
 * @param dir - the vignette tree; when it does not exist the catalogue simply lists no vignettes
 * @returns manifests by folder name, in sorted order
 * @throws {CliUsageError} when a manifest is not JSON or malformed (file + JSON pointer)
 */
export async function loadVignetteManifests(dir: string): Promise<Map<string, VignetteManifest>> {
  const out = new Map<string, VignetteManifest>();
  if (!existsSync(dir)) {
    return out;
  }
  for (const file of findVignetteManifests(dir)) {
    const manifest = parseVignetteManifest(await readJsonFile(file, 'vignette manifest'), file);
    out.set(basename(dirname(file)), manifest);
  }
  return out;
}
