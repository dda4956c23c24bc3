#!/usr/bin/env node
// The `soleus` command. A committed file rather than dist/bin.js itself, so that package managers can
// link the command when a fresh clone is installed, before TypeScript has compiled dist/.
require('../dist/bin.js');
