/**
 * A command parses each file once or twice, so zod's compiled parsers (code generated and compiled
 * on the first parse of each object schema) cost a command more than they save: in a cold process
 * the generating and compiling outweigh the parse itself (issue 19). zod decides when a schema is
 * built, so encounter-sim.ts imports this first, before any module that defines a schema, as the
 * app's csp.ts does.
 */
import { z } from 'zod';

z.config({ jitless: true });
