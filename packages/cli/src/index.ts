/** @packageDocumentation The `soleus` command line, callable in-process for tests and tools. */
export { runCli } from './run-cli';
export { EXIT, CliUsageError, type CliIo } from './cli-io';
export {
  runVignetteCase,
  type VignetteCard,
  type VignetteCaseRun,
} from './vignettes/run-vignette-case';
export { checkVignetteCase, type VignetteMismatch } from './vignettes/check-vignette-case';
export {
  otherCardId,
  parseVignetteManifest,
  type VignetteCase,
  type VignetteOtherCard,
  type VignetteExpect,
  type VignetteManifest,
} from './vignettes/vignette-manifest';
export { findVignetteManifests } from './vignettes/find-vignette-manifests';
