#!/usr/bin/env node
// The `vmgov` command: runs the TypeScript CLI through tsx, without a build
// step, with the bounded heap of launch.mjs.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch } from './launch.mjs';

const here = dirname(fileURLToPath(import.meta.url));
process.exit(launch(join(here, 'cli.ts'), process.argv.slice(2)));
