import { z } from 'zod';
import { responseMethods } from '@/db/schema';
import { timestamp, ulid } from './shapes-zendesk';

// What the SatisMeter-compatible ingestion answers (lib/ingestion/ingest.ts, `build`). A replay with
// the same Idempotency-Key answers the stored copy of the first answer, so the shape is the same.

const traitValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const ingestedResponse = z
  .object({
    id: ulid.meta({ description: 'The response id, also its id in the Zendesk-compatible API.' }),
    campaign: ulid,
    method: z.enum(responseMethods),
    rating: z.number().int().min(0).max(10).nullable().meta({ description: 'The NPS rating; null for custom campaigns.' }),
    category: z.enum(['detractor', 'passive', 'promoter']).nullable(),
    answers: z.array(
      z.object({
        id: z.string().meta({ description: 'The question id (the body may name it by alias).' }),
        label: z.string().meta({ description: 'The question headline.' }),
        value: z.union([z.number().int(), z.string(), z.array(z.string())]).meta({
          description: 'A rating, a free text, or the chosen option ids of a closed question.',
        }),
      }),
    ),
    user: z.object({
      id: z.number().int().positive().nullable().meta({ description: 'The user id here (null for an anonymous response).' }),
      userId: z.string().nullable(),
      anonymousId: z.string().nullable(),
      traits: z.record(z.string(), traitValue).meta({ description: "The user's traits after merging the body's." }),
    }),
    forced: z.boolean().meta({ description: 'Whether `forceSurvey` skipped the duplicate and targeting checks.' }),
    created: timestamp,
  })
  .meta({ id: 'IngestedResponse' });
