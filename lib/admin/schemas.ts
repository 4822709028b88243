import { z } from 'zod';

/** A form field or URL parameter given as several values counts once (its first value). */
export const single = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), schema);

export const signInForm = z.object({ email: single(z.string().max(320).default('')), password: single(z.string().max(1024).default('')) });
