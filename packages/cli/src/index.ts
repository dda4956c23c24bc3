/** @packageDocumentation The `soleus` command line, callable in-process for tests and tools. */
export { runCli } from './run-cli';
export { EXIT, CliUsageError, type CliIo } from './cli-io';
