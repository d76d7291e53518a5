#!/usr/bin/env node
// `npx nabij <command>` from a clone: runs the TypeScript CLI through tsx (Node 20 cannot run TypeScript itself).
import { register } from 'tsx/esm/api';

register();
await import('../src/entrypoints/cli.ts');
