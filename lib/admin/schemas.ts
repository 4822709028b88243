import { z } from 'zod';

const first = z.array(z.string()).optional().transform((v) => v?.[0] ?? '');

export const signInForm = z.object({ email: first.pipe(z.string().max(320)), password: first.pipe(z.string().max(1024)) });
