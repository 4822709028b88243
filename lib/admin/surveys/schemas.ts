import { z } from 'zod';
import { surveyStates, surveyTypes } from '@/db/schema';
import { locales } from '../../i18n/locales';
import { single } from '../schemas';

// The admin survey pages' inputs: form posts (name → values, as readForm and FormData give them) and
// the preview's query.

export const surveyIdParam = z.object({ id: z.string().min(1).max(100) });

export const newSurveyForm = z.object({ type: single(z.enum(surveyTypes, 'choose a survey type')) });

export const surveyStateForm = z.object({ id: single(z.string().min(1).max(100)), state: single(z.enum(surveyStates)) });

export const surveyEditorForm = z.object({ id: single(z.string().min(1).max(100)) });

export const previewQuery = z.object({
  locale: z.enum(locales, `choose one of ${locales.join(', ')}`).optional(),
  version: z.string().regex(/^[1-9][0-9]{0,8}$/, 'a version is a positive whole number').transform(Number).optional(),
});
