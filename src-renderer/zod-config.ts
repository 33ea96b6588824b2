/**
 * Must be the renderer's first import: zod decides whether to compile a schema with `new Function`
 * when the schema is built (at module load of the contract), and the CSP forbids eval.
 */
import { z } from 'zod';

z.config({ jitless: true });
