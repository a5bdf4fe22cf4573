#!/usr/bin/env node
// The `hws` command: runs the TypeScript command line through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
